// SPDX-License-Identifier: MIT
#include "engine/ApiService.h"

#include <QThreadPool>

#include "engine/EventHub.h"

#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "core/Logging.h"
#include "core/PriceTable.h"
#include "engine/AlertEngine.h"
#include "engine/RestartManager.h"
#include "engine/Watchdog.h"
#include "server/HttpMetrics.h"
#include "storage/AgentQueries.h"
#include "storage/HeartbeatWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace clev {

namespace {

using Reason = IngestMetrics::Reason;

HttpResponse withHeaders(HttpResponse r, const HttpHeaders &headers)
{
    r.headers.append(headers);
    return r;
}

// 422 naming every bad field at once.
HttpResponse validationFailed(const QList<FieldError> &errors)
{
    return HttpResponse::error(422, QStringLiteral("validation_error"), HeartbeatCodec::errorsToJson(errors));
}

HttpResponse noAlerts()
{
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("this server keeps no alerts"));
}

HttpResponse storageUnavailable(const QString &detail)
{
    HttpResponse r = HttpResponse::error(503, QStringLiteral("storage_unavailable"), detail);
    r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("2")));
    return r;
}

QJsonObject storedJson(const IngestOutcome &o)
{
    return QJsonObject{{QStringLiteral("received"), true},
                       {QStringLiteral("agent_id"), o.agentId},
                       {QStringLiteral("status"), o.state}};
}

QJsonValue optionalJson(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// A query parameter that must be an integer in [min, max]; absent gives `fallback`.
bool intParam(const QUrlQuery &query, const QString &name, int fallback, int min, int max, int *out,
              QList<FieldError> *errors)
{
    if (!query.hasQueryItem(name)) {
        *out = fallback;
        return true;
    }
    // Digits only (with a sign for negatives): toInt() would take " 5" or "+5" as 5.
    static const QRegularExpression integer(QStringLiteral("^-?[0-9]{1,10}$"));
    const QString raw = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = integer.match(raw).hasMatch();
    const int v = ok ? raw.toInt(&ok) : 0;
    if (!ok || v < min || v > max) {
        errors->append({name, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max)});
        return false;
    }
    *out = v;
    return true;
}

} // namespace

ApiService::ApiService(const Database &db, HeartbeatWriter &writer, const Clock &clock, const DayBuckets &days,
                       Options options, Watchdog *watchdog, const PriceTable *prices)
    : m_db(db)
    , m_writer(writer)
    , m_clock(clock)
    , m_days(days)
    , m_options(options)
    , m_auth(db, clock)
    , m_limiter(clock)
    , m_watchdog(watchdog)
    , m_prices(prices)
{
}

void ApiService::price(Heartbeat *beat) const
{
    if (!m_prices || beat->costUsd)
        return;
    beat->costUsd = m_prices->costOf(*beat);
    beat->costEstimated = beat->costUsd.has_value() && *beat->costUsd > 0;
    beat->unpriced = !beat->costUsd.has_value();
}

QJsonObject ApiService::storedAnswer(const IngestOutcome &outcome, const Heartbeat &beat)
{
    QJsonObject answer = storedJson(outcome);
    if (!m_watchdog)
        return answer;
    const Watchdog::Verdict v = m_watchdog->observe(outcome.agentId, beat);
    answer.insert(QStringLiteral("status"), agentStateName(v.state));
    if (!v.warning.isEmpty()) {
        answer.insert(QStringLiteral("warning"), v.warning);
        answer.insert(QStringLiteral("reason"), v.reason);
    }
    return answer;
}

namespace {

QJsonValue isoTime(qint64 ms)
{
    return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
              : QJsonValue(QJsonValue::Null);
}

QJsonObject incidentJson(const Incident &i)
{
    return QJsonObject{{QStringLiteral("id"), i.id},
                       {QStringLiteral("agent_id"), i.agentId},
                       {QStringLiteral("agent"), i.agent},
                       {QStringLiteral("kind"), i.kind},
                       {QStringLiteral("opened_at"), isoTime(i.openedAtMs)},
                       {QStringLiteral("resolved_at"), isoTime(i.resolvedAtMs)},
                       {QStringLiteral("acknowledged_at"), isoTime(i.ackedAtMs)},
                       {QStringLiteral("silenced"), i.silencedBy != 0},
                       {QStringLiteral("notifications"), i.notifications},
                       {QStringLiteral("summary"), i.summary},
                       {QStringLiteral("detail"), i.detail}};
}

QJsonArray usageJson(const QList<UsagePoint> &points)
{
    QJsonArray out;
    for (const UsagePoint &p : points)
        out.append(QJsonObject{{QStringLiteral("start"), p.bucketStartSecs},
                               {QStringLiteral("cost_usd"), p.costUsd},
                               {QStringLiteral("tokens"), p.tokens},
                               {QStringLiteral("beats"), p.beats}});
    return out;
}

} // namespace

void ApiService::handle(const HttpRequest &request, const HttpResponder &responder)
{
    struct Route
    {
        const char *path;
        const char *method;
        void (ApiService::*handler)(const HttpRequest &, const HttpResponder &);
    };
    static const Route routes[] = {
        {"/api/v1/heartbeat", "POST", &ApiService::heartbeat}, {"/api/v1/heartbeat/batch", "POST", &ApiService::batch},
        {"/api/v1/status", "GET", &ApiService::status},        {"/metrics", "GET", &ApiService::prometheus},
        {"/api/v1/alerts", "GET", &ApiService::alerts},        {"/api/v1/events", "GET", &ApiService::events},
        {"/api/v1/costs", "GET", &ApiService::costs},          {"/api/v1/silences", "POST", &ApiService::silence},
    };

    QByteArray path = request.path;
    if (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    if (path == "/healthz") {
        responder.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                                           {QStringLiteral("version"), QStringLiteral(CLEV_VERSION)}}));
        return;
    }
    // One answer for a method an endpoint does not take.
    const auto notAllowed = [&responder, &path](const char *allow) {
        HttpResponse r =
            HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                QStringLiteral("%1 takes %2").arg(QString::fromUtf8(path), QLatin1String(allow)));
        r.headers.append(qMakePair(QByteArray("Allow"), QByteArray(allow)));
        responder.send(r);
    };
    // /api/v1/agents/{name}/{action}, and /api/v1/agents/{name} itself, split on the raw path's slashes:
    // a name with a slash comes as %2F.
    static constexpr char AgentsPrefix[] = "/api/v1/agents/";
    QByteArray raw = request.rawPath.isEmpty() ? request.path : request.rawPath;
    if (raw.size() > 1 && raw.endsWith('/'))
        raw.chop(1);
    const auto segment = [](const QByteArray &encoded) { return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded)); };
    if (raw.startsWith(AgentsPrefix) && raw.size() > qsizetype(sizeof AgentsPrefix - 1)) {
        const QByteArray rest = raw.mid(sizeof AgentsPrefix - 1);
        struct Action
        {
            const char *suffix;
            const char *method;
            std::function<void(const QString &)> run;
        };
        const Action actions[] = {
            {"/pause", "POST", [&](const QString &n) { pauseOrResume(request, responder, n, true); }},
            {"/resume", "POST", [&](const QString &n) { pauseOrResume(request, responder, n, false); }},
            {"/restart", "POST", [&](const QString &n) { restartOrStop(request, responder, n, true); }},
            {"/stop", "POST", [&](const QString &n) { restartOrStop(request, responder, n, false); }},
            {"/settings", "PUT", [&](const QString &n) { putSettings(request, responder, n); }},
        };
        for (const Action &a : actions) {
            const qsizetype nameLength = rest.size() - qsizetype(qstrlen(a.suffix));
            if (nameLength <= 0 || !rest.endsWith(a.suffix) || rest.left(nameLength).contains('/'))
                continue;
            if (request.method != a.method)
                notAllowed(a.method);
            else
                a.run(segment(rest.left(nameLength)));
            return;
        }
        if (!rest.contains('/')) {
            const QString name = segment(rest);
            if (request.method == "GET" || request.method == "HEAD")
                agentDetail(request, responder, name);
            else if (request.method == "DELETE")
                forgetAgent(request, responder, name);
            else
                notAllowed("GET, DELETE");
            return;
        }
    }
    // /api/v1/alerts/{id}/ack
    if (path.startsWith("/api/v1/alerts/") && path.endsWith("/ack")) {
        if (request.method != "POST")
            notAllowed("POST");
        else
            acknowledge(request, responder);
        return;
    }
    for (const Route &route : routes) {
        if (path != route.path)
            continue;
        const bool head = request.method == "HEAD" && qstrcmp(route.method, "GET") == 0;
        if (request.method != route.method && !head) {
            notAllowed(route.method);
            return;
        }
        (this->*route.handler)(request, responder);
        return;
    }
    responder.send(HttpResponse::error(404, QStringLiteral("not_found"),
                                       QStringLiteral("no such endpoint: %1").arg(QString::fromUtf8(request.path))));
}

bool ApiService::admit(const HttpRequest &request, const HttpResponder &responder, ApiKey::Scope scope, Caller *caller)
{
    QByteArray key = request.header("x-api-key").trimmed();
    if (key.isEmpty()) {
        const QByteArray auth = request.header("authorization").trimmed();
        if (auth.startsWith("Bearer ") || auth.startsWith("bearer "))
            key = auth.mid(7).trimmed();
    }
    const KeyAuthenticator::Result auth = m_auth.authenticate(key);
    using Status = KeyAuthenticator::Result::Status;
    if (auth.status == Status::Error) {
        m_metrics.rejected(Reason::StorageUnavailable);
        responder.send(storageUnavailable(QStringLiteral("the key store cannot be read right now")));
        return false;
    }
    if (auth.status != Status::Ok) {
        m_metrics.rejected(Reason::Unauthorized);
        const QString detail = auth.status == Status::Missing   ? QStringLiteral("missing X-API-Key header")
                               : auth.status == Status::Revoked ? QStringLiteral("this API key was revoked")
                                                                : QStringLiteral("invalid API key");
        responder.send(HttpResponse::error(401, QStringLiteral("unauthorized"), detail));
        return false;
    }
    if (!ApiKey::grants(auth.scopes, scope)) {
        m_metrics.rejected(Reason::Forbidden);
        responder.send(HttpResponse::error(
            403, QStringLiteral("forbidden"),
            QStringLiteral("this key has scope '%1'; this endpoint needs '%2'")
                .arg(ApiKey::scopesToString(auth.scopes), ApiKey::scopesToString(ApiKey::Scopes(scope)))));
        return false;
    }
    const int limit = auth.rateLimitPerMin > 0 ? auth.rateLimitPerMin : m_options.defaultRateLimitPerMin;
    const RateLimiter::Decision d = m_limiter.take(auth.keyId, limit);
    caller->keyId = auth.keyId;
    caller->rateHeaders = {{"RateLimit-Limit", QByteArray::number(d.limit)},
                           {"RateLimit-Remaining", QByteArray::number(d.remaining)},
                           {"RateLimit-Reset", QByteArray::number(d.resetSecs)},
                           // What this key may do, so a dashboard can offer only that (a read key: no actions).
                           {"X-Key-Scopes", ApiKey::scopesToString(auth.scopes).toLatin1()}};
    if (!d.allowed) {
        m_metrics.rejected(Reason::RateLimited);
        HttpResponse r =
            HttpResponse::error(429, QStringLiteral("rate_limited"),
                                QStringLiteral("more than %1 requests per minute for this key; retry in %2 s")
                                    .arg(d.limit)
                                    .arg(d.retryAfterSecs));
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(d.retryAfterSecs)));
        responder.send(withHeaders(r, caller->rateHeaders));
        return false;
    }
    return true;
}

qint64 ApiService::agentId(const QString &agent, const HttpResponder &responder, const Caller &caller)
{
    QString error;
    const qint64 id = agent.isEmpty() ? 0 : AgentQueries(m_db).idOf(agent, &error);
    if (!error.isEmpty())
        responder.send(withHeaders(storageUnavailable(error), caller.rateHeaders)); // not "no such agent"
    else if (id == 0)
        responder.send(withHeaders(
            HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no agent named '%1'").arg(agent)),
            caller.rateHeaders));
    return id;
}

bool ApiService::parseBody(const HttpRequest &request, const HttpResponder &responder, QJsonValue *out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        m_metrics.rejected(Reason::InvalidJson);
        responder.send(HttpResponse::error(
            400, QStringLiteral("invalid_json"),
            request.body.isEmpty() ? QStringLiteral("the request body is empty; send a JSON object")
                                   : QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset)));
        return false;
    }
    if (const qsizetype at = HeartbeatCodec::loneSurrogateEscape(request.body); at >= 0) {
        m_metrics.rejected(Reason::Validation);
        responder.send(validationFailed(
            {FieldError{QStringLiteral("body"),
                        QStringLiteral("has an unpaired UTF-16 surrogate escape (%1) at offset %2; strings must be valid Unicode")
                            .arg(QString::fromLatin1(request.body.mid(at, 6)))
                            .arg(at)}}));
        return false;
    }
    *out = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return true;
}

void ApiService::heartbeat(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    QJsonValue body;
    if (!admit(request, responder, ApiKey::Scope::Ingest, &caller) || !parseBody(request, responder, &body))
        return;
    HeartbeatCodec::Result decoded = HeartbeatCodec::decode(body, m_clock.nowMs(), m_options.beatLimits);
    if (!decoded.ok()) {
        m_metrics.rejected(Reason::Validation);
        responder.send(withHeaders(validationFailed(decoded.errors), caller.rateHeaders));
        return;
    }
    decoded.beat.keyId = caller.keyId;
    price(&decoded.beat);
    m_writer.submit({decoded.beat}, [this, responder, beat = decoded.beat,
                                     headers = caller.rateHeaders](const QList<IngestOutcome> &outcomes) {
        const IngestOutcome &o = outcomes.first();
        switch (o.kind) {
        case IngestOutcome::Kind::Stored: {
            m_metrics.stored(1);
            if (!m_watchdog) {
                responder.sendBuilt(
                    [o, headers] { return withHeaders(HttpResponse::json(200, storedJson(o)), headers); });
                return;
            }
            // The watchdog judges the beat here, once it is committed, in commit order.
            const QJsonObject answer = storedAnswer(o, beat);
            responder.sendBuilt([answer, headers] { return withHeaders(HttpResponse::json(200, answer), headers); });
            return;
        }
        case IngestOutcome::Kind::UnknownAgent:
            m_metrics.rejected(Reason::UnknownAgent);
            responder.send(withHeaders(HttpResponse::error(403, QStringLiteral("unknown_agent"), o.detail), headers));
            return;
        case IngestOutcome::Kind::StorageUnavailable:
            m_metrics.rejected(Reason::StorageUnavailable);
            responder.send(withHeaders(storageUnavailable(o.detail), headers));
            return;
        }
    });
}

void ApiService::batch(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    QJsonValue body;
    if (!admit(request, responder, ApiKey::Scope::Ingest, &caller) || !parseBody(request, responder, &body))
        return;
    const QJsonValue list = body.isArray() ? body : body.toObject().value(QLatin1String("heartbeats"));
    QString shapeError;
    if (!list.isArray())
        shapeError = QStringLiteral("must be an array of heartbeats (or send {\"heartbeats\": [...]})");
    else if (list.toArray().isEmpty())
        shapeError = QStringLiteral("must hold at least one heartbeat");
    else if (list.toArray().size() > m_options.maxBatchItems)
        shapeError = QStringLiteral("must hold at most %1 heartbeats (got %2); split the batch")
                         .arg(m_options.maxBatchItems)
                         .arg(list.toArray().size());
    if (!shapeError.isEmpty()) {
        m_metrics.rejected(Reason::Validation);
        responder.send(withHeaders(validationFailed({{QStringLiteral("heartbeats"), shapeError}}), caller.rateHeaders));
        return;
    }

    const QJsonArray items = list.toArray();
    const qint64 now = m_clock.nowMs();
    // results[i] is filled now for bad items; good ones get their outcome after the commit.
    QJsonArray results;
    QList<Heartbeat> beats;
    QList<int> beatIndex;
    QList<FieldError> allErrors;
    for (qsizetype i = 0; i < items.size(); ++i) {
        HeartbeatCodec::Result decoded =
            HeartbeatCodec::decode(items.at(i), now, m_options.beatLimits, QStringLiteral("heartbeats[%1].").arg(i));
        if (decoded.ok()) {
            decoded.beat.keyId = caller.keyId;
            price(&decoded.beat);
            beats.append(decoded.beat);
            beatIndex.append(static_cast<int>(i));
            results.append(QJsonValue());
        } else {
            allErrors.append(decoded.errors);
            results.append(QJsonObject{{QStringLiteral("index"), i},
                                       {QStringLiteral("received"), false},
                                       {QStringLiteral("error"), QStringLiteral("validation_error")},
                                       {QStringLiteral("detail"), HeartbeatCodec::errorsToJson(decoded.errors)}});
        }
    }
    const qint64 invalid = items.size() - beats.size();
    if (invalid > 0)
        m_metrics.rejected(Reason::Validation, invalid);
    if (beats.isEmpty()) {
        HttpResponse r =
            HttpResponse::json(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("validation_error")},
                                                {QStringLiteral("detail"), HeartbeatCodec::errorsToJson(allErrors)},
                                                {QStringLiteral("results"), results}});
        responder.send(withHeaders(r, caller.rateHeaders));
        return;
    }

    m_writer.submit(beats, [this, responder, results, beatIndex, invalid, beats,
                            headers = caller.rateHeaders](const QList<IngestOutcome> &outcomes) mutable {
        if (std::all_of(outcomes.cbegin(), outcomes.cend(),
                        [](const IngestOutcome &o) { return o.kind == IngestOutcome::Kind::StorageUnavailable; })) {
            m_metrics.rejected(Reason::StorageUnavailable, outcomes.size());
            responder.send(withHeaders(storageUnavailable(outcomes.first().detail), headers));
            return;
        }
        qint64 received = 0;
        qint64 unknown = 0;
        for (qsizetype k = 0; k < outcomes.size(); ++k) {
            const IngestOutcome &o = outcomes.at(k);
            const int index = beatIndex.at(k);
            QJsonObject item;
            if (o.kind == IngestOutcome::Kind::Stored) {
                ++received;
                item = storedAnswer(o, beats.at(k));
            } else {
                ++unknown;
                item = QJsonObject{{QStringLiteral("received"), false},
                                   {QStringLiteral("error"), QStringLiteral("unknown_agent")},
                                   {QStringLiteral("detail"), o.detail}};
            }
            item.insert(QStringLiteral("index"), index);
            results[index] = item;
        }
        m_metrics.stored(received);
        if (unknown > 0)
            m_metrics.rejected(Reason::UnknownAgent, unknown);
        responder.send(withHeaders(HttpResponse::json(200, QJsonObject{{QStringLiteral("received"), received},
                                                                       {QStringLiteral("rejected"), invalid + unknown},
                                                                       {QStringLiteral("results"), results}}),
                                   headers));
    });
}

void ApiService::status(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Read, &caller))
        return;
    const QUrlQuery query(QString::fromUtf8(request.query));
    QList<FieldError> errors;
    int limit = 0;
    int offset = 0;
    intParam(query, QStringLiteral("limit"), 100, 1, 1000, &limit, &errors);
    intParam(query, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &offset, &errors);
    // ?agent_id=3,17,42: only these agents (what a "usage" event named), up to 1000.
    QList<qint64> ids;
    if (query.hasQueryItem(QStringLiteral("agent_id"))) {
        const QStringList parts = query.queryItemValue(QStringLiteral("agent_id")).split(u',');
        for (const QString &part : parts) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id <= 0) {
                errors.append({QStringLiteral("agent_id"), QStringLiteral("must be a comma-separated list of agent ids")});
                break;
            }
            ids.append(id);
        }
        if (ids.size() > 1000)
            errors.append({QStringLiteral("agent_id"), QStringLiteral("at most 1000 ids")});
        limit = 1000;
        offset = 0;
    }
    if (!errors.isEmpty()) {
        responder.send(withHeaders(validationFailed(errors), caller.rateHeaders));
        return;
    }
    const qint64 now = m_clock.nowMs();
    QString error;
    const auto page = AgentQueries(m_db).list(limit, offset, m_days.dayStartSecs(now), &error, ids);
    if (!page) {
        qCWarning(lcApi) << "status query failed:" << error;
        responder.send(storageUnavailable(QStringLiteral("the agent list cannot be read right now")));
        return;
    }
    QJsonArray agents;
    for (AgentSummary a : page->agents) {
        std::optional<qint64> expectedMs;
        std::optional<qint64> forecastMs;
        if (const auto live = m_watchdog ? m_watchdog->viewOf(a.id) : std::nullopt) {
            a.state = agentStateName(live->state); // the stored state may trail by a moment
            expectedMs = live->expectedIntervalMs;
            forecastMs = live->budgetExhaustedAtMs;
        }
        agents.append(QJsonObject{
            {QStringLiteral("agent_id"), a.id},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("state"), a.state},
            {QStringLiteral("last_seen"),
             a.lastSeenAtMs > 0
                 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(a.lastSeenAtMs, Qt::UTC).toString(Qt::ISODateWithMs))
                 : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("seconds_since_last_seen"),
             a.lastSeenAtMs > 0 ? QJsonValue(std::max<qint64>(0, now - a.lastSeenAtMs) / 1000)
                                : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("interval"), optionalJson(a.intervalSecs)},
            {QStringLiteral("iteration_count"),
             a.iterationCount ? QJsonValue(*a.iterationCount) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("last_status"),
             a.lastStatus.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.lastStatus)},
            {QStringLiteral("last_message"), a.lastMessage},
            {QStringLiteral("agent_type"),
             a.agentType.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.agentType)},
            {QStringLiteral("model"), a.model.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.model)},
            {QStringLiteral("beats"), a.beats},
            {QStringLiteral("tokens_today"), a.tokensToday},
            {QStringLiteral("cost_today_usd"), a.costTodayUsd},
            {QStringLiteral("unpriced_beats_today"), a.unpricedToday},
            {QStringLiteral("expected_interval"),
             expectedMs ? QJsonValue(*expectedMs / 1000.0) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("looping"), a.looping},
            {QStringLiteral("over_budget"), a.overBudget},
            {QStringLiteral("budget_exhausted_at"),
             forecastMs ? QJsonValue(QDateTime::fromMSecsSinceEpoch(*forecastMs, Qt::UTC).toString(Qt::ISODate))
                        : QJsonValue(QJsonValue::Null)},
        });
    }
    responder.send(withHeaders(HttpResponse::json(200, QJsonObject{{QStringLiteral("total"), page->total},
                                                                   {QStringLiteral("limit"), limit},
                                                                   {QStringLiteral("offset"), offset},
                                                                   {QStringLiteral("agents"), agents}}),
                               caller.rateHeaders));
}

void ApiService::alerts(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Read, &caller))
        return;
    if (!m_alerts) {
        responder.send(noAlerts());
        return;
    }
    const QUrlQuery query(QString::fromUtf8(request.query));
    QList<FieldError> errors;
    AlertEngine::Filter f;
    intParam(query, QStringLiteral("limit"), 100, 1, 1000, &f.limit, &errors);
    intParam(query, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &f.offset, &errors);
    f.agent = query.queryItemValue(QStringLiteral("agent"));
    f.kind = query.queryItemValue(QStringLiteral("kind"));
    if (!f.kind.isEmpty() && !AlertEngine::kinds().contains(f.kind))
        errors.append({QStringLiteral("kind"), QStringLiteral("must be one of %1").arg(AlertEngine::kinds().join(QStringLiteral(", ")))});
    const QString state = query.queryItemValue(QStringLiteral("state"));
    if (state == u"open")
        f.open = 1;
    else if (state == u"resolved")
        f.open = 0;
    else if (!state.isEmpty() && state != u"all")
        errors.append({QStringLiteral("state"), QStringLiteral("must be open, resolved or all")});
    for (const char *bound : {"from", "to"}) {
        const QString v = query.queryItemValue(QLatin1String(bound));
        if (v.isEmpty())
            continue;
        const QDateTime dt = QDateTime::fromString(v, Qt::ISODateWithMs);
        if (!dt.isValid())
            errors.append({QLatin1String(bound), QStringLiteral("must be an ISO 8601 date-time")});
        else
            (qstrcmp(bound, "from") == 0 ? f.fromMs : f.toMs) = dt.toMSecsSinceEpoch();
    }
    const QString format = query.queryItemValue(QStringLiteral("format"));
    if (!format.isEmpty() && format != u"json" && format != u"csv")
        errors.append({QStringLiteral("format"), QStringLiteral("must be json or csv")});
    if (!errors.isEmpty()) {
        responder.send(withHeaders(validationFailed(errors), caller.rateHeaders));
        return;
    }
    QString error;
    const QList<Incident> list = m_alerts->history(f, &error);
    if (!error.isEmpty()) {
        responder.send(storageUnavailable(QStringLiteral("the alert history cannot be read right now")));
        return;
    }
    if (format == u"csv") {
        HttpResponse r;
        r.contentType = "text/csv; charset=utf-8";
        r.body = AlertEngine::toCsv(list);
        r.headers.append(
            qMakePair(QByteArray("Content-Disposition"), QByteArray("attachment; filename=\"clevagent-alerts.csv\"")));
        responder.send(withHeaders(r, caller.rateHeaders));
        return;
    }
    QJsonArray items;
    for (const Incident &i : list)
        items.append(incidentJson(i));
    responder.send(withHeaders(HttpResponse::json(200, QJsonObject{{QStringLiteral("alerts"), items},
                                                                   {QStringLiteral("limit"), f.limit},
                                                                   {QStringLiteral("offset"), f.offset}}),
                               caller.rateHeaders));
}

void ApiService::pauseOrResume(const HttpRequest &request, const HttpResponder &responder, const QString &agent,
                               bool pause)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Admin, &caller))
        return;
    const qint64 id = m_watchdog ? agentId(agent, responder, caller) : 0;
    if (id == 0) {
        if (!m_watchdog)
            responder.send(withHeaders(
                HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no agent named '%1'").arg(agent)),
                caller.rateHeaders));
        return;
    }
    if (!pause) {
        if (!m_watchdog->resume(id)) {
            responder.send(withHeaders(
                HttpResponse::error(409, QStringLiteral("not_paused"), QStringLiteral("'%1' is not paused").arg(agent)),
                caller.rateHeaders));
            return;
        }
        responder.send(withHeaders(
            HttpResponse::json(200, QJsonObject{{QStringLiteral("agent"), agent},
                                                {QStringLiteral("state"), agentStateName(*m_watchdog->stateOf(id))}}),
            caller.rateHeaders));
        return;
    }
    QJsonValue body = QJsonObject();
    if (!request.body.trimmed().isEmpty() && !parseBody(request, responder, &body))
        return;
    const QJsonObject o = body.toObject();
    QList<FieldError> errors;
    if (!body.isObject()) // [1], "x", 5: not an object with minutes, until or comment
        errors.append({QStringLiteral("body"), QStringLiteral("must be a JSON object")});
    qint64 untilMs = 0; // until resumed
    const qint64 now = m_clock.nowMs();
    if (o.contains(QLatin1String("minutes"))) {
        const double m = o.value(QLatin1String("minutes")).toDouble(-1);
        if (m <= 0 || m > 366 * 24 * 60)
            errors.append({QStringLiteral("minutes"), QStringLiteral("must be a number of minutes from 1 to 527040")});
        else
            untilMs = now + qRound64(m * 60'000);
    } else if (o.contains(QLatin1String("until"))) {
        const QDateTime until = QDateTime::fromString(o.value(QLatin1String("until")).toString(), Qt::ISODateWithMs);
        if (!until.isValid() || until.toMSecsSinceEpoch() <= now)
            errors.append({QStringLiteral("until"), QStringLiteral("must be a future ISO 8601 date-time")});
        else
            untilMs = until.toMSecsSinceEpoch();
    }
    const QJsonValue comment = o.value(QLatin1String("comment"));
    if (!comment.isUndefined() && (!comment.isString() || comment.toString().size() > 500))
        errors.append({QStringLiteral("comment"), QStringLiteral("must be a string of at most 500 characters")});
    if (!errors.isEmpty()) {
        responder.send(withHeaders(validationFailed(errors), caller.rateHeaders));
        return;
    }
    m_watchdog->pause(id, agent, untilMs, comment.toString());
    responder.send(withHeaders(
        HttpResponse::json(
            200,
            QJsonObject{{QStringLiteral("agent"), agent},
                        {QStringLiteral("state"), QStringLiteral("paused")},
                        {QStringLiteral("until"),
                         untilMs ? QJsonValue(QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC).toString(Qt::ISODate))
                                 : QJsonValue(QJsonValue::Null)}}),
        caller.rateHeaders));
}

void ApiService::restartOrStop(const HttpRequest &request, const HttpResponder &responder, const QString &agent,
                               bool restart)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Admin, &caller))
        return;
    if (!m_restarts) {
        responder.send(
            HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("this server restarts nothing")));
        return;
    }
    RestartManager *restarts = m_restarts;
    const HttpHeaders headers = caller.rateHeaders;
    // The manager lives on the engine thread: the call is queued there, and answered from there.
    QMetaObject::invokeMethod(
        restarts,
        [restarts, responder, agent, restart, headers] {
            QString error;
            const bool ok = restart ? restarts->restartNow(agent, &error) : restarts->stop(agent, &error);
            if (!ok) {
                responder.send(withHeaders(HttpResponse::error(409, QStringLiteral("not_possible"), error), headers));
                return;
            }
            const QString done = restart ? QStringLiteral("restarting") : QStringLiteral("stopped");
            responder.send(withHeaders(
                HttpResponse::json(200, QJsonObject{{QStringLiteral("agent"), agent}, {done, true}}), headers));
        },
        Qt::QueuedConnection);
}

void ApiService::acknowledge(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Admin, &caller))
        return;
    bool ok = false;
    const QByteArray middle = request.path.mid(15, request.path.size() - 15 - 4); // between /api/v1/alerts/ and /ack
    const qint64 id = middle.toLongLong(&ok);
    if (!ok || !m_alerts) {
        responder.send(HttpResponse::error(404, QStringLiteral("not_found"),
                                           QStringLiteral("no alert '%1'").arg(QString::fromUtf8(middle))));
        return;
    }
    QString error;
    if (!m_alerts->acknowledge(id, &error)) {
        responder.send(withHeaders(HttpResponse::error(404, QStringLiteral("not_found"), error), caller.rateHeaders));
        return;
    }
    responder.send(withHeaders(
        HttpResponse::json(200, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("acknowledged"), true}}),
        caller.rateHeaders));
}

void ApiService::prometheus(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Read, &caller))
        return;
    QByteArray text;
    text.reserve(4096);
    m_metrics.render(&text);
    QString error;
    if (const auto counts = AgentQueries(m_db).countByState(&error)) {
        text.append("# HELP clevagent_agents Agents by state.\n# TYPE clevagent_agents gauge\n");
        static const char *const states[] = {"new", "healthy", "warning", "error", "late", "dead", "stopped", "paused"};
        for (const char *state : states) {
            qint64 n = 0;
            for (const auto &c : *counts) {
                if (c.first == QLatin1String(state))
                    n = c.second;
            }
            appendMetricSample(&text, "clevagent_agents", QByteArray("state=\"").append(state).append('"'),
                               QByteArray::number(n));
        }
    }
    const HeartbeatWriter::Stats w = m_writer.stats();
    text.append("# HELP clevagent_storage_commits_total Transactions committed by the writer (group commits).\n"
                "# TYPE clevagent_storage_commits_total counter\n");
    appendMetricSample(&text, "clevagent_storage_commits_total", {}, QByteArray::number(w.commits));
    text.append("# HELP clevagent_storage_commit_failures_total Transactions that could not commit.\n"
                "# TYPE clevagent_storage_commit_failures_total counter\n");
    appendMetricSample(&text, "clevagent_storage_commit_failures_total", {}, QByteArray::number(w.failedCommits));
    if (m_extraMetrics)
        m_extraMetrics(&text);
    HttpResponse r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = text;
    responder.send(withHeaders(r, caller.rateHeaders));
}

void ApiService::events(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Read, &caller))
        return;
    if (!m_events) {
        responder.send(
            HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("this server sends no events")));
        return;
    }
    QByteArray lastId = request.header("last-event-id").trimmed();
    if (lastId.isEmpty())
        lastId = QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(QStringLiteral("last_event_id")).toLatin1();
    HttpResponse r;
    r.contentType = "text/event-stream; charset=utf-8";
    r.headers = caller.rateHeaders;
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-cache")));
    r.headers.append(qMakePair(QByteArray("X-Accel-Buffering"), QByteArray("no")));
    r.headers.append(qMakePair(QByteArray("X-Event-Keepalive-Ms"), QByteArray::number(m_events->keepAliveMs())));
    if (request.method == "HEAD") {
        responder.send(r); // the head only: no stream behind it
        return;
    }
    r.stream = std::make_shared<HttpStream>();
    m_events->subscribe(r.stream, lastId); // what it writes waits until the head is out
    responder.send(r);
}

void ApiService::agentDetail(const HttpRequest &request, const HttpResponder &responder, const QString &agent)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Read, &caller))
        return;
    const AgentQueries queries(m_db);
    const qint64 id = agentId(agent, responder, caller);
    if (id == 0)
        return;
    if (m_watchdog)
        m_watchdog->flush(); // the newest transitions too
    const qint64 nowMs = m_clock.nowMs();
    const qint64 nowSecs = nowMs / 1000;
    QJsonArray timeline;
    for (const TimelineEntry &e : queries.timeline(id, 200))
        timeline.append(QJsonObject{{QStringLiteral("at"), isoTime(e.atMs)},
                                    {QStringLiteral("from"), e.from},
                                    {QStringLiteral("to"), e.to},
                                    {QStringLiteral("cause"), e.cause}});
    QJsonArray beats;
    for (const BeatRecord &b : queries.recentBeats(id, 50))
        beats.append(
            QJsonObject{{QStringLiteral("received_at"), isoTime(b.receivedAtMs)},
                        {QStringLiteral("status"), b.status},
                        {QStringLiteral("message"), b.message},
                        {QStringLiteral("tokens"), b.tokens},
                        {QStringLiteral("cost_usd"), b.costUsd ? QJsonValue(*b.costUsd) : QJsonValue(QJsonValue::Null)},
                        {QStringLiteral("model"), b.model}});
    QJsonArray alerts;
    if (m_alerts) {
        AlertEngine::Filter f;
        f.agent = agent;
        f.limit = 50;
        for (const Incident &i : m_alerts->history(f))
            alerts.append(incidentJson(i));
    }
    const AgentSettings set = queries.settings(id);
    const auto opt = [](const auto &v) { return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null); };
    const qint64 hourFrom = (nowSecs / 60 - 59) * 60;
    const qint64 dayFrom = (nowSecs / 3600 - 23) * 3600;
    const qint64 today = m_days.dayStartSecs(nowMs);
    const qint64 monthFrom = m_days.dayStartSecs((today - 29 * 86400 + 43200) * 1000);
    const QJsonObject usage{
        {QStringLiteral("hour"), QJsonObject{{QStringLiteral("from"), hourFrom},
                                             {QStringLiteral("bucket"), 60},
                                             {QStringLiteral("points"), usageJson(queries.usage(id, 60, hourFrom))}}},
        {QStringLiteral("day"), QJsonObject{{QStringLiteral("from"), dayFrom},
                                            {QStringLiteral("bucket"), 3600},
                                            {QStringLiteral("points"), usageJson(queries.usage(id, 3600, dayFrom))}}},
        {QStringLiteral("month"),
         QJsonObject{{QStringLiteral("from"), monthFrom},
                     {QStringLiteral("bucket"), 86400},
                     {QStringLiteral("points"), usageJson(queries.usage(id, 86400, monthFrom))}}}};
    const QJsonObject body{
        {QStringLiteral("agent_id"), id},
        {QStringLiteral("name"), agent},
        {QStringLiteral("state"), m_watchdog && m_watchdog->stateOf(id)
                                      ? QJsonValue(agentStateName(*m_watchdog->stateOf(id)))
                                      : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("settings"), QJsonObject{{QStringLiteral("interval"), opt(set.intervalSecs)},
                                                 {QStringLiteral("grace"), opt(set.graceSecs)},
                                                 {QStringLiteral("daily_budget_usd"), opt(set.dailyBudgetUsd)},
                                                 {QStringLiteral("tool_loop_repeats"), opt(set.toolLoopRepeats)},
                                                 {QStringLiteral("iteration_cap"), opt(set.iterationCap)},
                                                 {QStringLiteral("restart_target"), set.restartTarget}}},
        {QStringLiteral("timeline"), timeline},
        {QStringLiteral("beats"), beats},
        {QStringLiteral("alerts"), alerts},
        {QStringLiteral("usage"), usage}};
    responder.send(withHeaders(HttpResponse::json(200, body), caller.rateHeaders));
}

void ApiService::forgetAgent(const HttpRequest &request, const HttpResponder &responder, const QString &agent)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Admin, &caller))
        return;
    const qint64 id = agentId(agent, responder, caller);
    if (id == 0)
        return;
    // Deleting waits for the writer between two commits: off the I/O thread.
    HeartbeatWriter *writer = &m_writer;
    Watchdog *watchdog = m_watchdog;
    QThreadPool::globalInstance()->start([writer, watchdog, id, agent, responder, headers = caller.rateHeaders] {
        QString error;
        if (!writer->forget(agent, &error).get()) {
            responder.send(withHeaders(storageUnavailable(error), headers));
            return;
        }
        if (watchdog)
            watchdog->forget(id, agent);
        responder.send(withHeaders(
            HttpResponse::json(200, QJsonObject{{QStringLiteral("agent"), agent}, {QStringLiteral("forgotten"), true}}),
            headers));
    });
}

void ApiService::costs(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Read, &caller))
        return;
    const QUrlQuery query(QString::fromUtf8(request.query));
    QList<FieldError> errors;
    const QString bucket = query.queryItemValue(QStringLiteral("bucket")).isEmpty()
                               ? QStringLiteral("day")
                               : query.queryItemValue(QStringLiteral("bucket"));
    if (bucket != u"day" && bucket != u"hour")
        errors.append({QStringLiteral("bucket"), QStringLiteral("must be hour or day")});
    int count = 0;
    intParam(query, bucket == u"hour" ? QStringLiteral("hours") : QStringLiteral("days"), bucket == u"hour" ? 24 : 30,
             1, bucket == u"hour" ? 24 * 7 : 365, &count, &errors);
    // Paged by agent, like /status: 6.5 MB in one answer at 50 000 agents before.
    int limit = 0;
    int offset = 0;
    intParam(query, QStringLiteral("limit"), 100, 1, 1000, &limit, &errors);
    intParam(query, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &offset, &errors);
    if (!errors.isEmpty()) {
        responder.send(withHeaders(validationFailed(errors), caller.rateHeaders));
        return;
    }
    const qint64 nowMs = m_clock.nowMs();
    qint64 from = 0;
    if (bucket == u"hour") {
        from = (nowMs / 1000 / 3600 - (count - 1)) * 3600;
    } else {
        const qint64 today = m_days.dayStartSecs(nowMs);
        from = m_days.dayStartSecs((today - qint64(count - 1) * 86400 + 43200) * 1000);
    }
    QString error;
    int total = 0;
    const QList<DailyCost> list =
        AgentQueries(m_db).costs(bucket == u"hour" ? 3600 : 86400, from, limit, offset, &total, &error);
    if (!error.isEmpty()) {
        qCWarning(lcHttp) << "cannot read the costs:" << error;
        responder.send(withHeaders(storageUnavailable(QStringLiteral("the usage cannot be read right now")), caller.rateHeaders));
        return;
    }
    QJsonArray series;
    for (const DailyCost &c : list)
        series.append(QJsonObject{{QStringLiteral("agent"), c.agent},
                                  {QStringLiteral("start"), c.dayStartSecs},
                                  {QStringLiteral("cost_usd"), c.costUsd},
                                  {QStringLiteral("tokens"), c.tokens}});
    responder.send(withHeaders(HttpResponse::json(200, QJsonObject{{QStringLiteral("bucket"), bucket},
                                                                   {QStringLiteral("from"), from},
                                                                   {QStringLiteral("total"), total},
                                                                   {QStringLiteral("limit"), limit},
                                                                   {QStringLiteral("offset"), offset},
                                                                   {QStringLiteral("series"), series}}),
                               caller.rateHeaders));
}

void ApiService::silence(const HttpRequest &request, const HttpResponder &responder)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Admin, &caller))
        return;
    if (!m_alerts) {
        responder.send(noAlerts());
        return;
    }
    QJsonValue body;
    if (!parseBody(request, responder, &body))
        return;
    const QJsonObject o = body.toObject();
    QList<FieldError> errors;
    const QString pattern = o.value(QLatin1String("pattern")).toString().trimmed();
    if (pattern.isEmpty() || pattern.size() > 200)
        errors.append(
            {QStringLiteral("pattern"), QStringLiteral("must be an agent name or wildcard of 1 to 200 characters")});
    const QDateTime until = QDateTime::fromString(o.value(QLatin1String("until")).toString(), Qt::ISODateWithMs);
    if (!until.isValid() || until.toMSecsSinceEpoch() <= m_clock.nowMs())
        errors.append({QStringLiteral("until"), QStringLiteral("must be a future ISO 8601 date-time")});
    const QString comment = o.value(QLatin1String("comment")).toString().trimmed();
    if (comment.isEmpty() || comment.size() > 500) // a silence says why, for whoever finds alerts muted
        errors.append({QStringLiteral("comment"), QStringLiteral("must say why, in 1 to 500 characters")});
    if (!errors.isEmpty()) {
        responder.send(withHeaders(validationFailed(errors), caller.rateHeaders));
        return;
    }
    QString error;
    const qint64 id = m_alerts->addSilence(pattern, until.toMSecsSinceEpoch(), comment, &error);
    if (id <= 0) {
        responder.send(storageUnavailable(error));
        return;
    }
    responder.send(withHeaders(
        HttpResponse::json(201, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("pattern"), pattern}}),
        caller.rateHeaders));
}

void ApiService::putSettings(const HttpRequest &request, const HttpResponder &responder, const QString &agent)
{
    Caller caller;
    if (!admit(request, responder, ApiKey::Scope::Admin, &caller))
        return;
    const qint64 id = m_watchdog ? agentId(agent, responder, caller) : 0;
    if (id == 0) {
        if (!m_watchdog)
            responder.send(withHeaders(
                HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("no agent named '%1'").arg(agent)),
                caller.rateHeaders));
        return;
    }
    QJsonValue body;
    if (!parseBody(request, responder, &body))
        return;
    const QJsonObject o = body.toObject();
    QList<FieldError> errors;
    AgentSettings settings;
    // Each field: a number, or null / absent for "the default".
    const auto number = [&o, &errors](const char *field, double min, double max) -> std::optional<double> {
        const QJsonValue v = o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max) {
            errors.append(
                {QLatin1String(field), QStringLiteral("must be a number from %1 to %2, or null").arg(min).arg(max)});
            return std::nullopt;
        }
        return v.toDouble();
    };
    settings.intervalSecs = number("interval", 1, 604800);
    settings.graceSecs = number("grace", 0, 604800);
    settings.dailyBudgetUsd = number("daily_budget_usd", 0.01, 1e9);
    if (const auto v = number("tool_loop_repeats", 2, 1000))
        settings.toolLoopRepeats = static_cast<int>(*v);
    if (const auto v = number("iteration_cap", 1, 1e12))
        settings.iterationCap = static_cast<qint64>(*v);
    const QString target = o.value(QLatin1String("restart_target")).toString();
    if (!target.isEmpty()) {
        QString targetError;
        const auto parsed = RestartTarget::parse(target, &targetError);
        if (!parsed || parsed->kind == RestartTarget::Kind::Process)
            errors.append(
                {QStringLiteral("restart_target"),
                 parsed ? QStringLiteral("supervised processes are set in the configuration file") : targetError});
        else
            settings.restartTarget = target;
    }
    if (!errors.isEmpty()) {
        responder.send(withHeaders(validationFailed(errors), caller.rateHeaders));
        return;
    }
    QString error;
    if (!m_watchdog->setSettings(id, agent, settings, &error)) {
        responder.send(withHeaders(storageUnavailable(error), caller.rateHeaders));
        return;
    }
    if (m_restarts) {
        RestartManager *restarts = m_restarts;
        QMetaObject::invokeMethod(
            restarts,
            [restarts, agent, target] {
                QString ignored;
                restarts->setTarget(agent, target, &ignored);
            },
            Qt::QueuedConnection);
    }
    responder.send(withHeaders(
        HttpResponse::json(200, QJsonObject{{QStringLiteral("agent"), agent}, {QStringLiteral("saved"), true}}),
        caller.rateHeaders));
}

} // namespace clev
