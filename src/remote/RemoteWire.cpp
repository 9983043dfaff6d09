// SPDX-License-Identifier: MIT
#include "remote/RemoteWire.h"

#include <QDateTime>
#include <QJsonArray>

namespace clev::RemoteWire {

namespace {

QJsonValue field(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name));
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

} // namespace

qint64 msOf(const QJsonValue &value)
{
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

AgentRow agentRow(const QJsonObject &o)
{
    AgentRow r;
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
    return r;
}

StatusPage statusPage(const QJsonObject &body)
{
    StatusPage page;
    const QJsonArray agents = field(body, "agents").toArray();
    page.agents.reserve(agents.size());
    for (const QJsonValue &v : agents)
        page.agents.append(agentRow(v.toObject()));
    page.total = field(body, "total").toInteger();
    return page;
}

Incident incident(const QJsonObject &o)
{
    Incident i;
    i.id = field(o, "id").toInteger();
    i.agentId = field(o, "agent_id").toInteger();
    i.agent = field(o, "agent").toString();
    i.kind = field(o, "kind").toString();
    i.openedAtMs = msOf(field(o, "opened_at"));
    i.resolvedAtMs = msOf(field(o, "resolved_at"));
    i.ackedAtMs = msOf(field(o, "acknowledged_at"));
    i.summary = field(o, "summary").toString();
    i.detail = field(o, "detail").toString();
    i.notifications = field(o, "notifications").toInt();
    i.silencedBy = field(o, "silenced").toBool() ? 1 : 0;
    return i;
}

QList<Incident> alerts(const QJsonObject &body)
{
    QList<Incident> list;
    for (const QJsonValue &v : field(body, "alerts").toArray())
        list.append(incident(v.toObject()));
    return list;
}

QList<UsagePoint> usagePoints(const QJsonObject &window)
{
    QList<UsagePoint> out;
    for (const QJsonValue &v : field(window, "points").toArray()) {
        const QJsonObject p = v.toObject();
        out.append({field(p, "start").toInteger(), field(p, "cost_usd").toDouble(), field(p, "tokens").toInteger(),
                    field(p, "beats").toInteger()});
    }
    return out;
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

QJsonObject agentSettingsJson(const AgentSettings &settings)
{
    const auto value = [](const auto &v) { return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null); };
    return QJsonObject{{QStringLiteral("interval"), value(settings.intervalSecs)},
                       {QStringLiteral("grace"), value(settings.graceSecs)},
                       {QStringLiteral("daily_budget_usd"), value(settings.dailyBudgetUsd)},
                       {QStringLiteral("tool_loop_repeats"), value(settings.toolLoopRepeats)},
                       {QStringLiteral("iteration_cap"), value(settings.iterationCap)},
                       {QStringLiteral("restart_target"), settings.restartTarget}};
}

AgentDetail agentDetail(const QJsonObject &body, qint64 agentId)
{
    AgentDetail d;
    d.agentId = agentId;
    for (const QJsonValue &v : field(body, "timeline").toArray()) {
        const QJsonObject e = v.toObject();
        d.timeline.append({msOf(field(e, "at")), field(e, "from").toString(), field(e, "to").toString(),
                           field(e, "cause").toString()});
    }
    for (const QJsonValue &v : field(body, "beats").toArray()) {
        const QJsonObject b = v.toObject();
        d.beats.append({msOf(field(b, "received_at")), field(b, "status").toString(), field(b, "message").toString(),
                        field(b, "tokens").toInteger(), optionalDouble(field(b, "cost_usd")),
                        field(b, "model").toString()});
    }
    for (const QJsonValue &v : field(body, "alerts").toArray())
        d.incidents.append(incident(v.toObject()));
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
    return d;
}

QList<DailyCost> dailyCosts(const QJsonObject &body)
{
    QList<DailyCost> list;
    for (const QJsonValue &v : field(body, "series").toArray()) {
        const QJsonObject c = v.toObject();
        list.append({field(c, "agent").toString(), field(c, "start").toInteger(), field(c, "cost_usd").toDouble(),
                     field(c, "tokens").toInteger()});
    }
    return list;
}

StateTransition stateEvent(const QJsonObject &o)
{
    StateTransition t;
    t.agentId = field(o, "agent_id").toInteger();
    t.agent = field(o, "agent").toString();
    t.from = agentStateFromName(field(o, "from").toString()).value_or(AgentState::New);
    t.to = agentStateFromName(field(o, "to").toString()).value_or(AgentState::New);
    t.cause = field(o, "cause").toString();
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

} // namespace clev::RemoteWire
