// SPDX-License-Identifier: MIT
// Long file: every JSON shape of the API in one place, encoded and decoded side by side, so the server
// and the desktop (and its tests) read and write them with the same code.
#include "core/ApiWire.h"

#include <QDateTime>
#include <QJsonArray>

namespace clev::ApiWire {

namespace {

QJsonValue field(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name));
}

// A cause beside its English text: "<prefix>_kind" (null when it has none) and "<prefix>_params" (an object,
// null when it has no kind).
void putCause(QJsonObject &o, const char *prefix, const Cause &c)
{
    const QString p = QLatin1String(prefix);
    o.insert(p + QLatin1String("_kind"), c.isNone() ? QJsonValue(QJsonValue::Null) : QJsonValue(causeKindName(c.kind)));
    o.insert(p + QLatin1String("_params"),
             c.isNone() ? QJsonValue(QJsonValue::Null) : QJsonValue(QJsonObject::fromVariantMap(c.params)));
}

// Kind None for an absent or unknown kind (a newer server's): the text field tells then.
Cause causeOf(const QJsonObject &o, const char *prefix)
{
    const QString p = QLatin1String(prefix);
    return Cause::fromParts(o.value(p + QLatin1String("_kind")).toString(),
                            o.value(p + QLatin1String("_params")).toObject().toVariantMap());
}

// A number that may be null (unset) or absent (a server that does not know the field).
std::optional<double> optionalDouble(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

std::optional<qint64> optionalInteger(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
}

template <typename T> QJsonValue nullable(const std::optional<T> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

// An empty text is sent as null where the API documents it so.
QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

const char *eventName(StateTransition::Event e)
{
    switch (e) {
    case StateTransition::Event::State:
        return "state";
    case StateTransition::Event::LoopStarted:
        return "loop_started";
    case StateTransition::Event::LoopEnded:
        return "loop_ended";
    case StateTransition::Event::Budget:
        return "budget";
    }
    return "state";
}

constexpr int HourBucketSecs = 60;
constexpr int DayBucketSecs = 3600;
constexpr int MonthBucketSecs = 86400;

} // namespace

QJsonValue timeJson(qint64 ms)
{
    return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
              : QJsonValue(QJsonValue::Null);
}

QJsonValue secondsTimeJson(qint64 ms)
{
    return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate))
              : QJsonValue(QJsonValue::Null);
}

qint64 msOf(const QJsonValue &value)
{
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QJsonObject statusAgentJson(const StatusAgent &agent, qint64 nowMs)
{
    const AgentRow &r = agent.row;
    return QJsonObject{
        {QStringLiteral("agent_id"), r.id},
        {QStringLiteral("name"), r.name},
        {QStringLiteral("state"), agentStateName(r.state)},
        {QStringLiteral("last_seen"), timeJson(r.lastSeenMs > 0 ? r.lastSeenMs : 0)},
        {QStringLiteral("seconds_since_last_seen"), r.lastSeenMs > 0
                                                        ? QJsonValue(std::max<qint64>(0, nowMs - r.lastSeenMs) / 1000)
                                                        : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("interval"), nullable(agent.intervalSecs)},
        {QStringLiteral("iteration_count"),
         r.iterationCount ? QJsonValue(*r.iterationCount) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("last_status"), textOrNull(agent.lastStatus)},
        {QStringLiteral("last_message"), r.lastMessage},
        {QStringLiteral("agent_type"), textOrNull(agent.agentType)},
        {QStringLiteral("model"), textOrNull(r.model)},
        {QStringLiteral("beats"), agent.beats},
        {QStringLiteral("tokens_today"), r.tokensToday},
        {QStringLiteral("cost_today_usd"), r.costTodayUsd},
        {QStringLiteral("unpriced_beats_today"), r.unpricedToday},
        // 0: the watchdog does not know the agent (yet)
        {QStringLiteral("expected_interval"),
         r.expectedIntervalSecs > 0 ? QJsonValue(r.expectedIntervalSecs) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("looping"), r.looping},
        {QStringLiteral("over_budget"), r.overBudget},
        {QStringLiteral("budget_exhausted_at"), secondsTimeJson(r.budgetExhaustedAtMs.value_or(0))},
    };
}

StatusAgent statusAgent(const QJsonObject &o)
{
    StatusAgent a;
    AgentRow &r = a.row;
    r.id = field(o, "agent_id").toInteger();
    r.name = field(o, "name").toString();
    r.state = agentStateFromName(field(o, "state").toString()).value_or(AgentState::New);
    r.lastSeenMs = msOf(field(o, "last_seen"));
    r.expectedIntervalSecs = field(o, "expected_interval").toDouble();
    r.tokensToday = field(o, "tokens_today").toInteger();
    r.costTodayUsd = field(o, "cost_today_usd").toDouble();
    r.unpricedToday = field(o, "unpriced_beats_today").toInteger();
    r.iterationCount = optionalInteger(field(o, "iteration_count"));
    r.lastMessage = field(o, "last_message").toString();
    r.model = field(o, "model").toString();
    r.looping = field(o, "looping").toBool();
    r.overBudget = field(o, "over_budget").toBool();
    if (const qint64 at = msOf(field(o, "budget_exhausted_at")); at > 0)
        r.budgetExhaustedAtMs = at;
    a.intervalSecs = optionalDouble(field(o, "interval"));
    a.lastStatus = field(o, "last_status").toString();
    a.agentType = field(o, "agent_type").toString();
    a.beats = field(o, "beats").toInteger();
    return a;
}

AgentRow agentRow(const QJsonObject &o)
{
    return statusAgent(o).row;
}

QJsonObject statusPageJson(const QList<StatusAgent> &agents, qint64 total, int limit, int offset, qint64 nowMs,
                           const QByteArray &timeZone)
{
    QJsonArray list;
    for (const StatusAgent &a : agents)
        list.append(statusAgentJson(a, nowMs));
    return QJsonObject{{QStringLiteral("total"), total},
                       {QStringLiteral("limit"), limit},
                       {QStringLiteral("offset"), offset},
                       {QStringLiteral("time_zone"), QString::fromLatin1(timeZone)},
                       {QStringLiteral("agents"), list}};
}

StatusPage statusPage(const QJsonObject &body)
{
    StatusPage page;
    const QJsonArray agents = field(body, "agents").toArray();
    page.agents.reserve(agents.size());
    for (const QJsonValue &v : agents)
        page.agents.append(agentRow(v.toObject()));
    page.total = field(body, "total").toInteger();
    page.timeZone = field(body, "time_zone").toString().toLatin1();
    return page;
}

QJsonObject incidentJson(const Incident &i)
{
    QJsonObject o{{QStringLiteral("id"), i.id},
                  {QStringLiteral("agent_id"), i.agentId},
                  {QStringLiteral("agent"), i.agent},
                  {QStringLiteral("kind"), IncidentKey{i.kind, i.project}.name()},
                  {QStringLiteral("opened_at"), timeJson(i.openedAtMs)},
                  {QStringLiteral("resolved_at"), timeJson(i.resolvedAtMs)},
                  {QStringLiteral("acknowledged_at"), timeJson(i.ackedAtMs)},
                  {QStringLiteral("silenced"), i.silencedBy != 0},
                  {QStringLiteral("notifications"), i.notifications},
                  {QStringLiteral("summary"), i.summary},
                  {QStringLiteral("detail"), i.detail}};
    putCause(o, "summary", i.summaryData);
    putCause(o, "detail", i.detailData);
    return o;
}

std::optional<Incident> incident(const QJsonObject &o)
{
    const auto kind = IncidentKey::fromName(field(o, "kind").toString());
    if (!kind)
        return std::nullopt;
    Incident i;
    i.id = field(o, "id").toInteger();
    i.agentId = field(o, "agent_id").toInteger();
    i.agent = field(o, "agent").toString();
    i.kind = kind->kind;
    i.project = kind->project;
    i.openedAtMs = msOf(field(o, "opened_at"));
    i.resolvedAtMs = msOf(field(o, "resolved_at"));
    i.ackedAtMs = msOf(field(o, "acknowledged_at"));
    i.summary = field(o, "summary").toString();
    i.detail = field(o, "detail").toString();
    i.summaryData = causeOf(o, "summary");
    i.detailData = causeOf(o, "detail");
    i.notifications = field(o, "notifications").toInt();
    i.silencedBy = field(o, "silenced").toBool() ? 1 : 0;
    return i;
}

QJsonObject alertsJson(const QList<Incident> &incidents, int limit, int offset)
{
    QJsonArray items;
    for (const Incident &i : incidents)
        items.append(incidentJson(i));
    return QJsonObject{
        {QStringLiteral("alerts"), items}, {QStringLiteral("limit"), limit}, {QStringLiteral("offset"), offset}};
}

QList<Incident> alerts(const QJsonObject &body)
{
    QList<Incident> list;
    for (const QJsonValue &v : field(body, "alerts").toArray()) {
        if (auto i = incident(v.toObject())) // one of a kind this version does not know is left out
            list.append(std::move(*i));
    }
    return list;
}

QJsonObject deliveriesJson(qint64 incidentId, const QList<Delivery> &deliveries)
{
    QJsonArray out;
    for (const Delivery &d : deliveries) {
        const char *result = d.sentAtMs ? "sent" : d.failedAtMs ? "failed" : "pending";
        out.append(QJsonObject{
            {QStringLiteral("channel"), d.channel},
            {QStringLiteral("result"), QLatin1String(result)},
            {QStringLiteral("queued_at"), timeJson(d.createdAtMs)},
            {QStringLiteral("sent_at"), timeJson(d.sentAtMs)},
            {QStringLiteral("failed_at"), timeJson(d.failedAtMs)},
            {QStringLiteral("next_attempt_at"), timeJson(d.sentAtMs || d.failedAtMs ? 0 : d.nextAttemptAtMs)},
            {QStringLiteral("attempts"), d.attempts},
            {QStringLiteral("last_error"), d.lastError.isEmpty() ? QJsonValue() : d.lastError}});
    }
    return QJsonObject{{QStringLiteral("alert_id"), incidentId}, {QStringLiteral("notifications"), out}};
}

QList<Delivery> deliveries(const QJsonObject &body)
{
    QList<Delivery> list;
    for (const QJsonValue &v : field(body, "notifications").toArray()) {
        const QJsonObject o = v.toObject();
        Delivery d;
        d.channel = field(o, "channel").toString();
        d.createdAtMs = msOf(field(o, "queued_at"));
        d.sentAtMs = msOf(field(o, "sent_at"));
        d.failedAtMs = msOf(field(o, "failed_at"));
        d.nextAttemptAtMs = msOf(field(o, "next_attempt_at"));
        d.attempts = field(o, "attempts").toInt();
        d.lastError = field(o, "last_error").toString();
        list.append(d);
    }
    return list;
}

QJsonObject usageWindowJson(qint64 fromSecs, int bucketSecs, const QList<UsagePoint> &points)
{
    QJsonArray out;
    for (const UsagePoint &p : points)
        out.append(QJsonObject{{QStringLiteral("start"), p.bucketStartSecs},
                               {QStringLiteral("cost_usd"), p.costUsd},
                               {QStringLiteral("tokens"), p.tokens},
                               {QStringLiteral("beats"), p.beats},
                               {QStringLiteral("input_tokens"), p.inputTokens},
                               {QStringLiteral("output_tokens"), p.outputTokens},
                               {QStringLiteral("cache_read_tokens"), p.cacheReadTokens},
                               {QStringLiteral("cache_write_tokens"), p.cacheWriteTokens}});
    return QJsonObject{
        {QStringLiteral("from"), fromSecs}, {QStringLiteral("bucket"), bucketSecs}, {QStringLiteral("points"), out}};
}

QList<UsagePoint> usagePoints(const QJsonObject &window)
{
    QList<UsagePoint> out;
    for (const QJsonValue &v : field(window, "points").toArray()) {
        const QJsonObject p = v.toObject();
        UsagePoint u;
        u.bucketStartSecs = field(p, "start").toInteger();
        u.costUsd = field(p, "cost_usd").toDouble();
        u.tokens = field(p, "tokens").toInteger();
        u.beats = field(p, "beats").toInteger();
        u.inputTokens = field(p, "input_tokens").toInteger();
        u.outputTokens = field(p, "output_tokens").toInteger();
        u.cacheReadTokens = field(p, "cache_read_tokens").toInteger();
        u.cacheWriteTokens = field(p, "cache_write_tokens").toInteger();
        out.append(u);
    }
    return out;
}

QJsonArray modelUsageJson(const QList<ModelUsage> &models)
{
    QJsonArray out;
    for (const ModelUsage &m : models)
        out.append(QJsonObject{{QStringLiteral("model"), m.model},
                               {QStringLiteral("beats"), m.beats},
                               {QStringLiteral("input_tokens"), m.inputTokens},
                               {QStringLiteral("output_tokens"), m.outputTokens},
                               {QStringLiteral("cache_read_tokens"), m.cacheReadTokens},
                               {QStringLiteral("cache_write_tokens"), m.cacheWriteTokens},
                               {QStringLiteral("cost_usd"), m.costUsd}});
    return out;
}

QList<ModelUsage> modelUsage(const QJsonArray &list)
{
    QList<ModelUsage> out;
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        ModelUsage m;
        m.model = field(o, "model").toString();
        m.beats = field(o, "beats").toInteger();
        m.inputTokens = field(o, "input_tokens").toInteger();
        m.outputTokens = field(o, "output_tokens").toInteger();
        m.cacheReadTokens = field(o, "cache_read_tokens").toInteger();
        m.cacheWriteTokens = field(o, "cache_write_tokens").toInteger();
        m.costUsd = field(o, "cost_usd").toDouble();
        out.append(m);
    }
    return out;
}

QJsonObject agentSettingsJson(const AgentSettings &settings)
{
    return QJsonObject{{QStringLiteral("interval"), nullable(settings.intervalSecs)},
                       {QStringLiteral("grace"), nullable(settings.graceSecs)},
                       {QStringLiteral("daily_budget_usd"), nullable(settings.dailyBudgetUsd)},
                       {QStringLiteral("tool_loop_repeats"), nullable(settings.toolLoopRepeats)},
                       {QStringLiteral("iteration_cap"), nullable(settings.iterationCap)},
                       {QStringLiteral("restart_target"), settings.restartTarget}};
}

AgentSettings agentSettings(const QJsonObject &o)
{
    AgentSettings s;
    s.intervalSecs = optionalDouble(field(o, "interval"));
    s.graceSecs = optionalDouble(field(o, "grace"));
    s.dailyBudgetUsd = optionalDouble(field(o, "daily_budget_usd"));
    if (const QJsonValue v = field(o, "tool_loop_repeats"); v.isDouble())
        s.toolLoopRepeats = v.toInt();
    s.iterationCap = optionalInteger(field(o, "iteration_cap"));
    s.restartTarget = field(o, "restart_target").toString();
    return s;
}

QJsonObject timelineEntryJson(const TimelineEntry &e)
{
    QJsonObject o{{QStringLiteral("at"), timeJson(e.atMs)},
                  {QStringLiteral("from"), e.from},
                  {QStringLiteral("to"), e.to},
                  {QStringLiteral("cause"), e.cause}};
    putCause(o, "cause", e.causeData);
    return o;
}

QJsonObject beatJson(const BeatRecord &b)
{
    return QJsonObject{{QStringLiteral("received_at"), timeJson(b.receivedAtMs)},
                       {QStringLiteral("status"), b.status},
                       {QStringLiteral("message"), b.message},
                       {QStringLiteral("tokens"), b.tokens},
                       {QStringLiteral("cost_usd"), nullable(b.costUsd)},
                       {QStringLiteral("model"), b.model}};
}

QJsonObject agentDetailJson(const AgentDetail &d, const QString &name, std::optional<AgentState> state)
{
    QJsonArray timeline;
    for (const TimelineEntry &e : d.timeline)
        timeline.append(timelineEntryJson(e));
    QJsonArray beats;
    for (const BeatRecord &b : d.beats)
        beats.append(beatJson(b));
    QJsonArray alerts;
    for (const Incident &i : d.incidents)
        alerts.append(incidentJson(i));
    const QJsonObject usage{{QStringLiteral("hour"), usageWindowJson(d.hourFromSecs, HourBucketSecs, d.hour)},
                            {QStringLiteral("day"), usageWindowJson(d.dayFromSecs, DayBucketSecs, d.day)},
                            {QStringLiteral("month"), usageWindowJson(d.monthFromSecs, MonthBucketSecs, d.month)}};
    return QJsonObject{
        {QStringLiteral("agent_id"), d.agentId},
        {QStringLiteral("name"), name},
        {QStringLiteral("state"), state ? QJsonValue(agentStateName(*state)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("settings"), agentSettingsJson(d.settings)},
        {QStringLiteral("timeline"), timeline},
        {QStringLiteral("beats"), beats},
        {QStringLiteral("alerts"), alerts},
        {QStringLiteral("usage"), usage},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("day"), modelUsageJson(d.dayModels)},
                                               {QStringLiteral("month"), modelUsageJson(d.monthModels)}}},
        {QStringLiteral("cost_per_iteration_usd"), nullable(d.costPerIterationUsd)}};
}

AgentDetail agentDetail(const QJsonObject &body, qint64 agentId)
{
    AgentDetail d;
    d.agentId = agentId;
    for (const QJsonValue &v : field(body, "timeline").toArray()) {
        const QJsonObject e = v.toObject();
        d.timeline.append({msOf(field(e, "at")), field(e, "from").toString(), field(e, "to").toString(),
                           field(e, "cause").toString(), causeOf(e, "cause")});
    }
    for (const QJsonValue &v : field(body, "beats").toArray()) {
        const QJsonObject b = v.toObject();
        d.beats.append({msOf(field(b, "received_at")), field(b, "status").toString(), field(b, "message").toString(),
                        field(b, "tokens").toInteger(), optionalDouble(field(b, "cost_usd")),
                        field(b, "model").toString()});
    }
    for (const QJsonValue &v : field(body, "alerts").toArray()) {
        if (auto i = incident(v.toObject())) // one of a kind this version does not know is left out
            d.incidents.append(std::move(*i));
    }
    d.settings = agentSettings(field(body, "settings").toObject());
    const QJsonObject usage = field(body, "usage").toObject();
    const QJsonObject hour = field(usage, "hour").toObject();
    const QJsonObject day = field(usage, "day").toObject();
    const QJsonObject month = field(usage, "month").toObject();
    d.hour = usagePoints(hour);
    d.day = usagePoints(day);
    d.month = usagePoints(month);
    d.hourFromSecs = field(hour, "from").toInteger();
    d.dayFromSecs = field(day, "from").toInteger();
    d.monthFromSecs = field(month, "from").toInteger();
    const QJsonObject models = field(body, "models").toObject();
    d.dayModels = modelUsage(field(models, "day").toArray());
    d.monthModels = modelUsage(field(models, "month").toArray());
    d.costPerIterationUsd = optionalDouble(field(body, "cost_per_iteration_usd"));
    return d;
}

QJsonObject costsJson(const QString &bucket, qint64 fromSecs, int total, int limit, int offset,
                      const QList<DailyCost> &series)
{
    QJsonArray list;
    for (const DailyCost &c : series)
        list.append(QJsonObject{{QStringLiteral("agent"), c.agent},
                                {QStringLiteral("start"), c.dayStartSecs},
                                {QStringLiteral("cost_usd"), c.costUsd},
                                {QStringLiteral("tokens"), c.tokens}});
    return QJsonObject{{QStringLiteral("bucket"), bucket}, {QStringLiteral("from"), fromSecs},
                       {QStringLiteral("total"), total},   {QStringLiteral("limit"), limit},
                       {QStringLiteral("offset"), offset}, {QStringLiteral("series"), list}};
}

CostsPage costsPage(const QJsonObject &body)
{
    CostsPage page;
    for (const QJsonValue &v : field(body, "series").toArray()) {
        const QJsonObject c = v.toObject();
        page.series.append({field(c, "agent").toString(), field(c, "start").toInteger(),
                            field(c, "cost_usd").toDouble(), field(c, "tokens").toInteger()});
    }
    page.total = field(body, "total").toInteger();
    return page;
}

QList<DailyCost> dailyCosts(const QJsonObject &body)
{
    return costsPage(body).series;
}

QJsonObject historyJson(const QList<AgentHistory> &agents, qint64 total, int limit, int offset, qint64 costFromSecs)
{
    const auto percent = [](double v) { return v < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(v); };
    QJsonArray list;
    for (const AgentHistory &h : agents) {
        QJsonArray cost;
        for (const float c : h.cost24h)
            cost.append(static_cast<double>(c));
        list.append(QJsonObject{{QStringLiteral("agent_id"), h.agentId},
                                {QStringLiteral("strip"), HistoryRules::stripText(h.strip)},
                                {QStringLiteral("uptime_24h"), percent(h.uptime24h)},
                                {QStringLiteral("uptime_30d"), percent(h.uptime30d)},
                                {QStringLiteral("cost_24h"), cost}});
    }
    return QJsonObject{{QStringLiteral("slots"), HistoryRules::StripSlots},
                       {QStringLiteral("cost_from"), costFromSecs},
                       {QStringLiteral("total"), total},
                       {QStringLiteral("limit"), limit},
                       {QStringLiteral("offset"), offset},
                       {QStringLiteral("agents"), list}};
}

HistoryPage historyPage(const QJsonObject &body)
{
    HistoryPage page;
    const QJsonArray list = field(body, "agents").toArray();
    page.agents.reserve(list.size());
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        AgentHistory h;
        h.agentId = field(o, "agent_id").toInteger();
        h.strip = HistoryRules::stripFromText(field(o, "strip").toString());
        h.uptime24h = optionalDouble(field(o, "uptime_24h")).value_or(-1);
        h.uptime30d = optionalDouble(field(o, "uptime_30d")).value_or(-1);
        const QJsonArray cost = field(o, "cost_24h").toArray();
        h.cost24h.reserve(cost.size());
        for (const QJsonValue &c : cost)
            h.cost24h.append(static_cast<float>(c.toDouble()));
        page.agents.append(std::move(h));
    }
    page.total = field(body, "total").toInteger();
    return page;
}

QJsonObject stateEventJson(const StateTransition &t)
{
    QJsonObject o{{QStringLiteral("agent_id"), t.agentId},
                  {QStringLiteral("agent"), t.agent},
                  {QStringLiteral("event"), QLatin1String(eventName(t.event))},
                  {QStringLiteral("from"), agentStateName(t.from)},
                  {QStringLiteral("to"), agentStateName(t.to)},
                  {QStringLiteral("cause"), t.cause},
                  {QStringLiteral("at"), QDateTime::fromMSecsSinceEpoch(t.atMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                  {QStringLiteral("budget_percent"), t.budgetPercent},
                  {QStringLiteral("project"), t.project},
                  {QStringLiteral("last_message"), t.lastMessage}};
    putCause(o, "cause", t.causeData);
    return o;
}

StateTransition stateEvent(const QJsonObject &o)
{
    StateTransition t;
    t.agentId = field(o, "agent_id").toInteger();
    t.agent = field(o, "agent").toString();
    t.from = agentStateFromName(field(o, "from").toString()).value_or(AgentState::New);
    t.to = agentStateFromName(field(o, "to").toString()).value_or(AgentState::New);
    t.cause = field(o, "cause").toString();
    t.causeData = causeOf(o, "cause");
    t.atMs = msOf(field(o, "at"));
    const QString event = field(o, "event").toString();
    t.event = event == u"loop_started" ? StateTransition::Event::LoopStarted
              : event == u"loop_ended" ? StateTransition::Event::LoopEnded
              : event == u"budget"     ? StateTransition::Event::Budget
                                       : StateTransition::Event::State;
    t.budgetPercent = field(o, "budget_percent").toInt();
    t.project = field(o, "project").toString();
    t.lastMessage = field(o, "last_message").toString();
    return t;
}

QJsonObject usageEventJson(qint64 commits, const std::optional<QList<qint64>> &agentIds)
{
    QJsonObject o{{QStringLiteral("commits"), commits}};
    if (!agentIds) {
        o.insert(QStringLiteral("all"), true);
        return o;
    }
    QJsonArray ids;
    for (const qint64 id : *agentIds)
        ids.append(id);
    o.insert(QStringLiteral("agent_ids"), ids);
    return o;
}

std::optional<QList<qint64>> usageEventAgents(const QJsonObject &o)
{
    const QJsonValue ids = field(o, "agent_ids");
    if (!ids.isArray())
        return std::nullopt;
    QList<qint64> out;
    for (const QJsonValue &v : ids.toArray())
        out.append(v.toInteger());
    return out;
}

QJsonObject alertEventJson(qint64 incidentId, qint64 agentId, const QString &agent, const IncidentKey &kind,
                           const QString &summary, bool resolved)
{
    return QJsonObject{{QStringLiteral("id"), incidentId},
                       {QStringLiteral("agent_id"), agentId},
                       {QStringLiteral("agent"), agent},
                       {QStringLiteral("kind"), kind.name()},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("state"), resolved ? QStringLiteral("resolved") : QStringLiteral("open")}};
}

} // namespace clev::ApiWire
