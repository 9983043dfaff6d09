// SPDX-License-Identifier: MIT
// The API's route table, admission (key, scope, rate limit) and what every handler shares. The handlers
// themselves: ApiIngest.cpp, ApiRead.cpp, ApiAdmin.cpp, ApiMetrics.cpp.
#include "engine/ApiService.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "storage/AgentQueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace clev {

using Reason = IngestMetrics::Reason;

namespace ApiAnswer {

HttpResponse validationFailed(const QList<FieldError> &errors)
{
    return HttpResponse::error(422, QStringLiteral("validation_error"), HeartbeatCodec::errorsToJson(errors));
}

HttpResponse storageUnavailable(const QString &detail)
{
    HttpResponse r = HttpResponse::error(503, QStringLiteral("storage_unavailable"), detail);
    r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("2")));
    return r;
}

HttpResponse notFound(const QString &detail)
{
    return HttpResponse::error(404, QStringLiteral("not_found"), detail);
}

} // namespace ApiAnswer

void ApiReply::send(HttpResponse response) const
{
    response.headers.append(m_rateHeaders);
    m_responder.send(std::move(response));
}

void ApiReply::sendBuilt(std::function<HttpResponse()> build) const
{
    m_responder.sendBuilt([build = std::move(build), headers = m_rateHeaders] {
        HttpResponse r = build();
        r.headers.append(headers);
        return r;
    });
}

void ApiReply::storageUnavailable(const char *what, const QString &error, const QString &detail) const
{
    qCWarning(lcApi) << what << "failed:" << error;
    send(ApiAnswer::storageUnavailable(detail.isEmpty() ? error : detail));
}

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

struct ApiService::Route
{
    QByteArray method; // "GET" also serves HEAD; "*" any method
    QByteArray pattern;
    std::optional<ApiKey::Scope> scope;
    Handler handler;
    QList<QByteArray> segments; // the pattern split on '/'; "{name}" matches one non-empty segment
};

const QList<ApiService::Route> &ApiService::table()
{
    using S = ApiKey::Scope;
    static const QList<Route> routes = [] {
        QList<Route> list{
            {"POST", "/api/v1/heartbeat", S::Ingest, &ApiService::heartbeat, {}},
            {"POST", "/api/v1/heartbeat/batch", S::Ingest, &ApiService::batch, {}},
            {"GET", "/api/v1/status", S::Read, &ApiService::status, {}},
            {"GET", "/api/v1/agents/{name}", S::Read, &ApiService::agentDetail, {}},
            {"DELETE", "/api/v1/agents/{name}", S::Admin, &ApiService::forgetAgent, {}},
            {"POST", "/api/v1/agents/{name}/pause", S::Admin, &ApiService::pause, {}},
            {"POST", "/api/v1/agents/{name}/resume", S::Admin, &ApiService::resume, {}},
            {"POST", "/api/v1/agents/{name}/restart", S::Admin, &ApiService::restart, {}},
            {"POST", "/api/v1/agents/{name}/stop", S::Admin, &ApiService::stop, {}},
            {"PUT", "/api/v1/agents/{name}/settings", S::Admin, &ApiService::putSettings, {}},
            {"GET", "/api/v1/alerts", S::Read, &ApiService::alerts, {}},
            {"POST", "/api/v1/alerts/{id}/ack", S::Admin, &ApiService::acknowledge, {}},
            {"GET", "/api/v1/alerts/{id}/notifications", S::Read, &ApiService::alertNotifications, {}},
            {"POST", "/api/v1/silences", S::Admin, &ApiService::silence, {}},
            {"GET", "/api/v1/costs", S::Read, &ApiService::costs, {}},
            {"GET", "/api/v1/history", S::Read, &ApiService::history, {}},
            {"GET", "/api/v1/events", S::Read, &ApiService::events, {}},
            {"GET", "/metrics", S::Read, &ApiService::prometheus, {}},
            {"*", "/healthz", std::nullopt, &ApiService::healthz, {}},
        };
        for (Route &r : list)
            r.segments = r.pattern.split('/');
        return list;
    }();
    return routes;
}

QList<ApiService::RouteInfo> ApiService::routes()
{
    QList<RouteInfo> out;
    for (const Route &r : table())
        out.append({r.method, r.pattern, r.scope});
    return out;
}

namespace {

QByteArray decoded(const QByteArray &segment)
{
    return segment.contains('%') ? QByteArray::fromPercentEncoding(segment) : segment;
}

// Matches the raw path's segments against a pattern's; fills the {name} segments, percent-decoded
// (so a name may hold a slash, sent as %2F). Fixed segments compare decoded, as the path did before.
bool matches(const QList<QByteArray> &pattern, const QList<QByteArray> &path, QList<QPair<QByteArray, QString>> *params)
{
    if (pattern.size() != path.size())
        return false;
    params->clear();
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QByteArray &p = pattern.at(i);
        if (p.startsWith('{') && p.endsWith('}')) {
            if (path.at(i).isEmpty())
                return false;
            params->append({p.mid(1, p.size() - 2), QString::fromUtf8(QByteArray::fromPercentEncoding(path.at(i)))});
        } else if (p != decoded(path.at(i))) {
            return false;
        }
    }
    return true;
}

bool methodServes(const QByteArray &routeMethod, const QByteArray &method)
{
    return routeMethod == "*" || routeMethod == method || (method == "HEAD" && routeMethod == "GET");
}

} // namespace

std::optional<qint64> ApiService::alertIdOf(const ApiCall &call) const
{
    const QString raw = call.param("id");
    bool ok = false;
    const qint64 id = raw.toLongLong(&ok);
    if (!ok || !m_alerts) {
        call.reply.notFound(QStringLiteral("no alert '%1'").arg(raw));
        return std::nullopt;
    }
    return id;
}

void ApiService::handle(const HttpRequest &request, const HttpResponder &responder)
{
    // Split on the raw path's slashes, then decode each segment: a name with a slash comes as %2F.
    QByteArray raw = request.rawPath.isEmpty() ? request.path : request.rawPath;
    if (raw.size() > 1 && raw.endsWith('/'))
        raw.chop(1);
    const QList<QByteArray> segments = raw.split('/');
    QList<QPair<QByteArray, QString>> params;
    QByteArray allow;
    for (const Route &route : table()) {
        if (!matches(route.segments, segments, &params))
            continue;
        if (methodServes(route.method, request.method)) {
            dispatch(route, request, responder, std::move(params));
            return;
        }
        allow.append(allow.isEmpty() ? "" : ", ").append(route.method);
    }
    if (!allow.isEmpty()) {
        QByteArray path = request.path;
        if (path.size() > 1 && path.endsWith('/'))
            path.chop(1);
        HttpResponse r =
            HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                QStringLiteral("%1 takes %2").arg(QString::fromUtf8(path), QString::fromLatin1(allow)));
        r.headers.append(qMakePair(QByteArray("Allow"), allow));
        responder.send(r);
        return;
    }
    responder.send(ApiAnswer::notFound(QStringLiteral("no such endpoint: %1").arg(QString::fromUtf8(request.path))));
}

void ApiService::dispatch(const Route &route, const HttpRequest &request, const HttpResponder &responder,
                          QList<QPair<QByteArray, QString>> params)
{
    qint64 keyId = 0;
    std::optional<ApiReply> reply;
    if (route.scope)
        reply = admit(request, responder, *route.scope, &keyId);
    else
        reply.emplace(responder, HttpHeaders());
    if (!reply)
        return;
    const ApiCall call{request, *reply, keyId, std::move(params)};
    (this->*route.handler)(call);
}

std::optional<ApiReply> ApiService::admit(const HttpRequest &request, const HttpResponder &responder,
                                          ApiKey::Scope scope, qint64 *keyId)
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
        qCWarning(lcApi) << "the key store cannot be read";
        responder.send(ApiAnswer::storageUnavailable(QStringLiteral("the key store cannot be read right now")));
        return std::nullopt;
    }
    if (auth.status != Status::Ok) {
        m_metrics.rejected(Reason::Unauthorized);
        const QString detail = auth.status == Status::Missing   ? QStringLiteral("missing X-API-Key header")
                               : auth.status == Status::Revoked ? QStringLiteral("this API key was revoked")
                                                                : QStringLiteral("invalid API key");
        responder.send(HttpResponse::error(401, QStringLiteral("unauthorized"), detail));
        return std::nullopt;
    }
    if (!ApiKey::grants(auth.scopes, scope)) {
        m_metrics.rejected(Reason::Forbidden);
        responder.send(HttpResponse::error(
            403, QStringLiteral("forbidden"),
            QStringLiteral("this key has scope '%1'; this endpoint needs '%2'")
                .arg(ApiKey::scopesToString(auth.scopes), ApiKey::scopesToString(ApiKey::Scopes(scope)))));
        return std::nullopt;
    }
    const int limit = auth.rateLimitPerMin > 0 ? auth.rateLimitPerMin : m_options.defaultRateLimitPerMin;
    const RateLimiter::Decision d = m_limiter.take(auth.keyId, limit);
    *keyId = auth.keyId;
    // From here on every answer carries these (ApiReply adds them).
    ApiReply reply(responder, {{"RateLimit-Limit", QByteArray::number(d.limit)},
                               {"RateLimit-Remaining", QByteArray::number(d.remaining)},
                               {"RateLimit-Reset", QByteArray::number(d.resetSecs)},
                               // What this key may do, so a dashboard can offer only that (a read key: no actions).
                               {"X-Key-Scopes", ApiKey::scopesToString(auth.scopes).toLatin1()}});
    if (!d.allowed) {
        m_metrics.rejected(Reason::RateLimited);
        HttpResponse r =
            HttpResponse::error(429, QStringLiteral("rate_limited"),
                                QStringLiteral("more than %1 requests per minute for this key; retry in %2 s")
                                    .arg(d.limit)
                                    .arg(d.retryAfterSecs));
        r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(d.retryAfterSecs)));
        reply.send(r);
        return std::nullopt;
    }
    return reply;
}

qint64 ApiService::agentId(const ApiCall &call, const QString &agent)
{
    QString error;
    const qint64 id = agent.isEmpty() ? 0 : AgentQueries(m_db).idOf(agent, &error);
    if (!error.isEmpty())
        call.reply.send(ApiAnswer::storageUnavailable(error)); // not "no such agent"; idOf logged it
    else if (id == 0)
        call.reply.notFound(QStringLiteral("no agent named '%1'").arg(agent));
    return id;
}

bool ApiService::parseBody(const ApiCall &call, QJsonValue *out)
{
    const QByteArray &body = call.request.body;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        m_metrics.rejected(Reason::InvalidJson);
        call.reply.error(400, QStringLiteral("invalid_json"),
                         body.isEmpty() ? QStringLiteral("the request body is empty; send a JSON object")
                                        : QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset));
        return false;
    }
    if (const qsizetype at = HeartbeatCodec::loneSurrogateEscape(body); at >= 0) {
        m_metrics.rejected(Reason::Validation);
        call.reply.validationFailed({FieldError{
            QStringLiteral("body"),
            QStringLiteral("has an unpaired UTF-16 surrogate escape (%1) at offset %2; strings must be valid Unicode")
                .arg(QString::fromLatin1(body.mid(at, 6)))
                .arg(at)}});
        return false;
    }
    *out = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return true;
}

} // namespace clev
