// SPDX-License-Identifier: MIT
// Reading: GET /api/v1/status, /api/v1/agents/{name}, /api/v1/alerts (and an alert's notifications), /api/v1/costs,
// /api/v1/history, /api/v1/events. The JSON shapes come from ApiWire, which the desktop decodes with.
#include "engine/ApiService.h"

#include "core/ApiWire.h"
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "engine/AgentRows.h"
#include "engine/AlertEngine.h"
#include "engine/EventHub.h"
#include "engine/Watchdog.h"
#include "storage/AgentQueries.h"
#include "storage/HistoryQueries.h"

#include <QDateTime>
#include <QUrlQuery>

#include <limits>

namespace clev {

namespace {

// ?agent_id=3,17,42: only these agents (what a "usage" event named), up to 1000.
QList<qint64> agentIdsParam(const QUrlQuery &query, QList<FieldError> *errors)
{
    QList<qint64> ids;
    const QStringList parts = query.queryItemValue(QStringLiteral("agent_id")).split(u',');
    for (const QString &part : parts) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0) {
            errors->append({QStringLiteral("agent_id"), QStringLiteral("must be a comma-separated list of agent ids")});
            break;
        }
        ids.append(id);
    }
    if (ids.size() > 1000)
        errors->append({QStringLiteral("agent_id"), QStringLiteral("at most 1000 ids")});
    return ids;
}

// The filter of GET /api/v1/alerts; `format` gets json or csv.
AlertEngine::Filter alertFilter(const QUrlQuery &query, QString *format, QList<FieldError> *errors)
{
    AlertEngine::Filter f;
    intParam(query, QStringLiteral("limit"), 100, 1, 1000, &f.limit, errors);
    intParam(query, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &f.offset, errors);
    f.agent = query.queryItemValue(QStringLiteral("agent"));
    if (const QString kind = query.queryItemValue(QStringLiteral("kind")); !kind.isEmpty()) {
        f.kind = incidentKindFromName(kind);
        if (!f.kind)
            errors->append({QStringLiteral("kind"), QStringLiteral("must be one of %1").arg(incidentKindNames())});
    }
    const QString state = query.queryItemValue(QStringLiteral("state"));
    if (state == u"open")
        f.open = 1;
    else if (state == u"resolved")
        f.open = 0;
    else if (!state.isEmpty() && state != u"all")
        errors->append({QStringLiteral("state"), QStringLiteral("must be open, resolved or all")});
    for (const char *bound : {"from", "to"}) {
        const QString v = query.queryItemValue(QLatin1String(bound));
        if (v.isEmpty())
            continue;
        const QDateTime dt = QDateTime::fromString(v, Qt::ISODateWithMs);
        if (!dt.isValid())
            errors->append({QLatin1String(bound), QStringLiteral("must be an ISO 8601 date-time")});
        else
            (qstrcmp(bound, "from") == 0 ? f.fromMs : f.toMs) = dt.toMSecsSinceEpoch();
    }
    *format = query.queryItemValue(QStringLiteral("format"));
    if (!format->isEmpty() && *format != u"json" && *format != u"csv")
        errors->append({QStringLiteral("format"), QStringLiteral("must be json or csv")});
    return f;
}

} // namespace

void ApiService::status(const ApiCall &call)
{
    const QUrlQuery query(QString::fromUtf8(call.request.query));
    QList<FieldError> errors;
    int limit = 0;
    int offset = 0;
    intParam(query, QStringLiteral("limit"), 100, 1, 1000, &limit, &errors);
    intParam(query, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &offset, &errors);
    QList<qint64> ids;
    if (query.hasQueryItem(QStringLiteral("agent_id"))) {
        ids = agentIdsParam(query, &errors);
        limit = 1000;
        offset = 0;
    }
    if (!errors.isEmpty()) {
        call.reply.validationFailed(errors);
        return;
    }
    const qint64 now = m_clock.nowMs();
    QString error;
    const auto page = AgentQueries(m_db).list(limit, offset, m_days.dayStartSecs(now), &error, ids);
    if (!page) {
        call.reply.storageUnavailable("the status query", error,
                                      QStringLiteral("the agent list cannot be read right now"));
        return;
    }
    QList<ApiWire::StatusAgent> agents;
    agents.reserve(page->agents.size());
    for (const AgentSummary &a : page->agents)
        agents.append(statusAgentOf(a, m_watchdog ? m_watchdog->viewOf(a.id) : std::nullopt));
    call.reply.json(200, ApiWire::statusPageJson(agents, page->total, limit, offset, now, m_days.zone().id()));
}

void ApiService::alertNotifications(const ApiCall &call)
{
    const std::optional<qint64> alert = alertIdOf(call);
    if (!alert)
        return;
    const qint64 id = *alert;
    QString error;
    const auto list = m_alerts->deliveries(id, &error);
    if (!error.isEmpty()) {
        call.reply.storageUnavailable("an alert's notifications", error,
                                      QStringLiteral("the alert's notifications cannot be read right now"));
        return;
    }
    if (!list) {
        call.reply.notFound(QStringLiteral("no alert '%1'").arg(id));
        return;
    }
    call.reply.json(200, ApiWire::deliveriesJson(id, *list));
}

void ApiService::alerts(const ApiCall &call)
{
    if (!m_alerts) {
        call.reply.notFound(QStringLiteral("this server keeps no alerts"));
        return;
    }
    QList<FieldError> errors;
    QString format;
    const AlertEngine::Filter f = alertFilter(QUrlQuery(QString::fromUtf8(call.request.query)), &format, &errors);
    if (!errors.isEmpty()) {
        call.reply.validationFailed(errors);
        return;
    }
    QString error;
    const QList<Incident> list = m_alerts->history(f, &error);
    if (!error.isEmpty()) {
        call.reply.storageUnavailable("the alert history", error,
                                      QStringLiteral("the alert history cannot be read right now"));
        return;
    }
    if (format == u"csv") {
        HttpResponse r;
        r.contentType = "text/csv; charset=utf-8";
        r.body = AlertEngine::toCsv(list);
        r.headers.append(
            qMakePair(QByteArray("Content-Disposition"), QByteArray("attachment; filename=\"clevagent-alerts.csv\"")));
        call.reply.send(r);
        return;
    }
    call.reply.json(200, ApiWire::alertsJson(list, f.limit, f.offset));
}

void ApiService::events(const ApiCall &call)
{
    if (!m_events) {
        call.reply.notFound(QStringLiteral("this server sends no events"));
        return;
    }
    QByteArray lastId = call.request.header("last-event-id").trimmed();
    if (lastId.isEmpty())
        lastId =
            QUrlQuery(QString::fromUtf8(call.request.query)).queryItemValue(QStringLiteral("last_event_id")).toLatin1();
    HttpResponse r;
    r.contentType = "text/event-stream; charset=utf-8";
    r.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-cache")));
    r.headers.append(qMakePair(QByteArray("X-Accel-Buffering"), QByteArray("no")));
    r.headers.append(qMakePair(QByteArray("X-Event-Keepalive-Ms"), QByteArray::number(m_events->keepAliveMs())));
    if (call.isHead()) {
        call.reply.send(r); // the head only: no stream behind it
        return;
    }
    r.stream = std::make_shared<HttpStream>();
    m_events->subscribe(r.stream, lastId); // what it writes waits until the head is out
    call.reply.send(r);
}

void ApiService::agentDetail(const ApiCall &call)
{
    const QString agent = call.param("name");
    const qint64 id = agentId(call, agent);
    if (id == 0)
        return;
    if (m_watchdog)
        m_watchdog->flush(); // the newest transitions too
    const AgentQueries queries(m_db);
    const qint64 nowMs = m_clock.nowMs();
    const qint64 nowSecs = nowMs / 1000;
    AgentDetail d;
    d.agentId = id;
    QString error;
    // Each read stops at the first failure: a detail with holes would read as "nothing happened".
    const auto ok = [&error] { return error.isEmpty(); };
    d.timeline = queries.timeline(id, 200, &error);
    if (ok())
        d.beats = queries.recentBeats(id, 50, &error);
    if (ok() && m_alerts) {
        AlertEngine::Filter f;
        f.agent = agent;
        f.limit = 50;
        d.incidents = m_alerts->history(f, &error);
    }
    if (ok())
        d.settings = queries.settings(id, &error);
    d.hourFromSecs = (nowSecs / 60 - 59) * 60;
    d.dayFromSecs = (nowSecs / 3600 - 23) * 3600;
    const qint64 today = m_days.dayStartSecs(nowMs);
    d.monthFromSecs = m_days.dayStartSecs((today - 29 * 86400 + 43200) * 1000);
    if (ok())
        d.hour = queries.usage(id, 60, d.hourFromSecs, &error);
    if (ok())
        d.day = queries.usage(id, 3600, d.dayFromSecs, &error);
    if (ok())
        d.month = queries.usage(id, 86400, d.monthFromSecs, &error);
    if (ok())
        d.dayModels = queries.modelUsage(id, 3600, d.dayFromSecs, &error);
    if (ok())
        d.monthModels = queries.modelUsage(id, 86400, d.monthFromSecs, &error);
    if (ok())
        d.costPerIterationUsd = queries.costPerIteration(id, d.dayFromSecs * 1000, &error);
    if (!ok()) {
        call.reply.storageUnavailable("reading the detail of an agent", error,
                                      QStringLiteral("the detail of '%1' cannot be read right now").arg(agent));
        return;
    }
    const std::optional<AgentState> state = m_watchdog ? m_watchdog->stateOf(id) : std::nullopt;
    call.reply.json(200, ApiWire::agentDetailJson(d, agent, state));
}

void ApiService::costs(const ApiCall &call)
{
    const QUrlQuery query(QString::fromUtf8(call.request.query));
    QList<FieldError> errors;
    const QString bucket = query.queryItemValue(QStringLiteral("bucket")).isEmpty()
                               ? QStringLiteral("day")
                               : query.queryItemValue(QStringLiteral("bucket"));
    if (bucket != u"day" && bucket != u"hour")
        errors.append({QStringLiteral("bucket"), QStringLiteral("must be hour or day")});
    const bool hourly = bucket == u"hour";
    int count = 0;
    intParam(query, hourly ? QStringLiteral("hours") : QStringLiteral("days"), hourly ? 24 : 30, 1,
             hourly ? 24 * 7 : 365, &count, &errors);
    // Paged by agent, like /status: 6.5 MB in one answer at 50 000 agents before.
    int limit = 0;
    int offset = 0;
    intParam(query, QStringLiteral("limit"), 100, 1, 1000, &limit, &errors);
    intParam(query, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &offset, &errors);
    if (!errors.isEmpty()) {
        call.reply.validationFailed(errors);
        return;
    }
    const qint64 nowMs = m_clock.nowMs();
    qint64 from = 0;
    if (hourly) {
        from = (nowMs / 1000 / 3600 - (count - 1)) * 3600;
    } else {
        const qint64 today = m_days.dayStartSecs(nowMs);
        from = m_days.dayStartSecs((today - qint64(count - 1) * 86400 + 43200) * 1000);
    }
    QString error;
    int total = 0;
    const QList<DailyCost> list = AgentQueries(m_db).costs(hourly ? 3600 : 86400, from, limit, offset, &total, &error);
    if (!error.isEmpty()) {
        call.reply.storageUnavailable("the costs query", error, QStringLiteral("the usage cannot be read right now"));
        return;
    }
    call.reply.json(200, ApiWire::costsJson(bucket, from, total, limit, offset, list));
}

void ApiService::history(const ApiCall &call)
{
    const QUrlQuery query(QString::fromUtf8(call.request.query));
    QList<FieldError> errors;
    int limit = 0;
    int offset = 0;
    intParam(query, QStringLiteral("limit"), 1000, 1, 10000, &limit, &errors);
    intParam(query, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max(), &offset, &errors);
    if (!errors.isEmpty()) {
        call.reply.validationFailed(errors);
        return;
    }
    if (m_watchdog)
        m_watchdog->flush(); // the newest transitions too
    const qint64 nowMs = m_clock.nowMs();
    QString error;
    const auto page = HistoryQueries(m_db).history(nowMs, &error, limit, offset);
    if (!page) {
        call.reply.storageUnavailable("the history query", error,
                                      QStringLiteral("the agents' history cannot be read right now"));
        return;
    }
    const qint64 costFrom = (nowMs / 1000 / 3600 - (HistoryRules::CostHours - 1)) * 3600;
    call.reply.json(200, ApiWire::historyJson(page->agents, page->total, limit, offset, costFrom));
}

} // namespace clev
