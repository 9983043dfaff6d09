// SPDX-License-Identifier: MIT
// The API's wire codec: every shape the server sends and the desktop reads goes through the same
// encoder and decoder, so decode(encode(x)) must give x back, field by field, including the edges
// (unset optionals, empty texts sent as null, times of 0 sent as null, ms and second precision).
#include "core/ApiWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace clev;

namespace {

// Through the bytes, as a real answer goes.
QJsonObject overTheWire(const QJsonObject &o)
{
    return QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
}

void compareRows(const AgentRow &a, const AgentRow &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.state, b.state);
    QCOMPARE(a.lastSeenMs, b.lastSeenMs);
    QCOMPARE(a.expectedIntervalSecs, b.expectedIntervalSecs);
    QCOMPARE(a.tokensToday, b.tokensToday);
    QCOMPARE(a.costTodayUsd, b.costTodayUsd);
    QCOMPARE(a.unpricedToday, b.unpricedToday);
    QCOMPARE(a.iterationCount, b.iterationCount);
    QCOMPARE(a.lastMessage, b.lastMessage);
    QCOMPARE(a.model, b.model);
    QCOMPARE(a.looping, b.looping);
    QCOMPARE(a.overBudget, b.overBudget);
    QCOMPARE(a.budgetExhaustedAtMs, b.budgetExhaustedAtMs);
}

void compareIncidents(const Incident &a, const Incident &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.agentId, b.agentId);
    QCOMPARE(a.agent, b.agent);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.project, b.project);
    QCOMPARE(a.openedAtMs, b.openedAtMs);
    QCOMPARE(a.resolvedAtMs, b.resolvedAtMs);
    QCOMPARE(a.ackedAtMs, b.ackedAtMs);
    QCOMPARE(a.summary, b.summary);
    QCOMPARE(a.detail, b.detail);
    QCOMPARE(a.notifications, b.notifications);
    QCOMPARE(a.silencedBy, b.silencedBy);
}

void comparePoints(const QList<UsagePoint> &a, const QList<UsagePoint> &b)
{
    QCOMPARE(a.size(), b.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].bucketStartSecs, b[i].bucketStartSecs);
        QCOMPARE(a[i].costUsd, b[i].costUsd);
        QCOMPARE(a[i].tokens, b[i].tokens);
        QCOMPARE(a[i].beats, b[i].beats);
        QCOMPARE(a[i].inputTokens, b[i].inputTokens);
        QCOMPARE(a[i].outputTokens, b[i].outputTokens);
        QCOMPARE(a[i].cacheReadTokens, b[i].cacheReadTokens);
        QCOMPARE(a[i].cacheWriteTokens, b[i].cacheWriteTokens);
    }
}

constexpr qint64 T0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

ApiWire::StatusAgent fullAgent()
{
    ApiWire::StatusAgent a;
    a.row.id = 42;
    a.row.name = QStringLiteral("billing/bot ü");
    a.row.state = AgentState::Late;
    a.row.lastSeenMs = T0 + 123; // ms survive
    a.row.expectedIntervalSecs = 90.5;
    a.row.tokensToday = 9'007'199'254'740'000; // near 2^53: still exact in a JSON number
    a.row.costTodayUsd = 12.3456;
    a.row.unpricedToday = 3;
    a.row.iterationCount = 7;
    a.row.lastMessage = QStringLiteral("step 7 \"quoted\"\nnext line");
    a.row.model = QStringLiteral("gpt-4o");
    a.row.looping = true;
    a.row.overBudget = true;
    a.row.budgetExhaustedAtMs = T0 + 3'600'000; // to the second on the wire
    a.intervalSecs = 60;
    a.lastStatus = QStringLiteral("warning");
    a.agentType = QStringLiteral("langchain");
    a.beats = 1234;
    return a;
}

// A random JSON object over the API's field names: what a broken or hostile server might send.
QJsonValue randomValue(QRandomGenerator &rng, int depth);
QJsonObject randomObject(QRandomGenerator &rng, int depth)
{
    static const QStringList keys =
        QStringLiteral(
            "agent_id name state last_seen expected_interval tokens_today cost_today_usd unpriced_beats_today "
            "iteration_count last_message model looping over_budget budget_exhausted_at interval last_status "
            "agent_type beats id agent kind opened_at resolved_at acknowledged_at summary detail notifications "
            "silenced alerts timeline settings usage hour day month from points start cost_usd tokens "
            "received_at status message grace daily_budget_usd tool_loop_repeats iteration_cap restart_target "
            "series total to cause at event budget_percent project")
            .split(u' ');
    QJsonObject o;
    for (int i = rng.bounded(24); i > 0; --i)
        o.insert(keys.at(rng.bounded(int(keys.size()))), randomValue(rng, depth - 1));
    return o;
}

QJsonValue randomValue(QRandomGenerator &rng, int depth)
{
    switch (rng.bounded(depth > 0 ? 10 : 8)) {
    case 0:
        return QJsonValue();
    case 1:
        return rng.bounded(2) == 1;
    case 2: {
        static const double numbers[] = {0, -1, 1, 0.5, 1e300, -1e300, 9007199254740993.0, 2147483648.0, 1e-300, 86400};
        return numbers[rng.bounded(int(std::size(numbers)))];
    }
    case 3:
        return double(qint64(rng.generate64()));
    case 4:
        return qint64(rng.generate64());
    case 5: {
        static const QStringList strings{"",
                                         "dead",
                                         "healthy",
                                         "loop_started",
                                         "budget",
                                         "project_budget:p",
                                         "2026-01-01T00:00:00.123Z",
                                         "1960-01-01T00:00:00Z",
                                         "2026-13-45T99:99:99Z",
                                         "x\u0000y",
                                         "\U0001F600"};
        return strings.at(rng.bounded(int(strings.size())));
    }
    case 6:
        return QString::number(rng.generate());
    case 7:
        return QJsonValue(QJsonValue::Null);
    case 8: {
        QJsonArray a;
        for (int i = rng.bounded(4); i > 0; --i)
            a.append(rng.bounded(3) == 0 ? randomValue(rng, depth - 1) : QJsonValue(randomObject(rng, depth - 1)));
        return a;
    }
    default:
        return randomObject(rng, depth - 1);
    }
}

} // namespace

class TestApiWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusAgent_roundTrips()
    {
        const ApiWire::StatusAgent a = fullAgent();
        const QJsonObject o = overTheWire(ApiWire::statusAgentJson(a, T0 + 10'000));
        QCOMPARE(o.value(QStringLiteral("seconds_since_last_seen")).toInteger(), 9);
        const ApiWire::StatusAgent back = ApiWire::statusAgent(o);
        compareRows(back.row, a.row);
        QCOMPARE(back.intervalSecs, a.intervalSecs);
        QCOMPARE(back.lastStatus, a.lastStatus);
        QCOMPARE(back.agentType, a.agentType);
        QCOMPARE(back.beats, a.beats);
        compareRows(ApiWire::agentRow(o), a.row);
    }

    void statusAgent_unsetFields_goAsNullAndComeBackUnset()
    {
        ApiWire::StatusAgent a;
        a.row.id = 1;
        a.row.name = QStringLiteral("fresh");
        const QJsonObject o = overTheWire(ApiWire::statusAgentJson(a, T0));
        for (const char *field : {"last_seen", "seconds_since_last_seen", "interval", "iteration_count", "last_status",
                                  "agent_type", "model", "expected_interval", "budget_exhausted_at"})
            QVERIFY2(o.value(QLatin1String(field)).isNull(), field);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("new"));
        QCOMPARE(o.value(QStringLiteral("last_message")).toString(), QString()); // a string, never null
        QVERIFY(o.value(QStringLiteral("last_message")).isString());
        const ApiWire::StatusAgent back = ApiWire::statusAgent(o);
        compareRows(back.row, a.row);
        QVERIFY(!back.intervalSecs);
        QVERIFY(back.lastStatus.isEmpty() && back.agentType.isEmpty());
    }

    void statusAgent_everyState_roundTrips()
    {
        for (const AgentState s : {AgentState::New, AgentState::Healthy, AgentState::Warning, AgentState::Error,
                                   AgentState::Late, AgentState::Dead, AgentState::Stopped, AgentState::Paused}) {
            ApiWire::StatusAgent a;
            a.row.state = s;
            QCOMPARE(ApiWire::statusAgent(overTheWire(ApiWire::statusAgentJson(a, 0))).row.state, s);
        }
    }

    void statusPage_roundTrips()
    {
        ApiWire::StatusAgent b;
        b.row.id = 43;
        b.row.name = QStringLiteral("other");
        const QJsonObject o = overTheWire(ApiWire::statusPageJson({fullAgent(), b}, 2500, 2, 1000, T0, "Asia/Tokyo"));
        QCOMPARE(o.value(QStringLiteral("limit")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Asia/Tokyo"));
        QCOMPARE(o.value(QStringLiteral("offset")).toInt(), 1000);
        const ApiWire::StatusPage page = ApiWire::statusPage(o);
        QCOMPARE(page.total, 2500);
        QCOMPARE(page.timeZone, QByteArray("Asia/Tokyo"));
        QCOMPARE(page.agents.size(), 2);
        compareRows(page.agents.at(0), fullAgent().row);
        compareRows(page.agents.at(1), b.row);
    }

    void incident_andAlerts_roundTrip()
    {
        Incident open{7,
                      42,
                      QStringLiteral("bot"),
                      IncidentKind::Dead,
                      QString(),
                      T0 + 1,
                      0,
                      0,
                      QStringLiteral("bot is dead"),
                      QStringLiteral("no beat for 300 s"),
                      2,
                      0};
        Incident closed{8,         43,        QStringLiteral("b2"), IncidentKind::Loop, QString(), T0,
                        T0 + 5000, T0 + 2500, QStringLiteral("s"),  QString(),          0,         1};
        Incident project{9,
                         43,
                         QStringLiteral("b2"),
                         IncidentKind::ProjectBudget,
                         QStringLiteral("research"),
                         T0,
                         0,
                         0,
                         QStringLiteral("Project 'research' spent its daily budget"),
                         QString(),
                         1,
                         0};
        const auto decoded = ApiWire::incident(overTheWire(ApiWire::incidentJson(open)));
        QVERIFY(decoded);
        compareIncidents(*decoded, open);
        // The kind on the wire is its stored name, with a project budget's project.
        QCOMPARE(ApiWire::incidentJson(project).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("project_budget:research"));
        const auto decodedProject = ApiWire::incident(overTheWire(ApiWire::incidentJson(project)));
        QVERIFY(decodedProject);
        compareIncidents(*decodedProject, project);
        // A kind this version does not know (a newer server's) is not read as another one: left out.
        QJsonObject newer = ApiWire::incidentJson(open);
        newer.insert(QStringLiteral("kind"), QStringLiteral("meltdown"));
        QVERIFY(!ApiWire::incident(newer));
        QCOMPARE(
            ApiWire::alerts(QJsonObject{{QStringLiteral("alerts"), QJsonArray{newer, ApiWire::incidentJson(closed)}}})
                .size(),
            1);
        const QJsonObject o = overTheWire(ApiWire::alertsJson({open, closed}, 50, 10));
        QVERIFY(
            o.value(QStringLiteral("alerts")).toArray().at(0).toObject().value(QStringLiteral("resolved_at")).isNull());
        const QList<Incident> back = ApiWire::alerts(o);
        QCOMPARE(back.size(), 2);
        compareIncidents(back.at(0), open);
        compareIncidents(back.at(1), closed);
        QCOMPARE(o.value(QStringLiteral("limit")).toInt(), 50);
        QCOMPARE(o.value(QStringLiteral("offset")).toInt(), 10);
    }

    void settings_roundTrip_setAndUnset()
    {
        AgentSettings full;
        full.intervalSecs = 30;
        full.graceSecs = 0;
        full.dailyBudgetUsd = 2.5;
        full.toolLoopRepeats = 4;
        full.iterationCap = 1'000'000'000'000;
        full.restartTarget = QStringLiteral("docker:bot");
        QCOMPARE(ApiWire::agentSettings(overTheWire(ApiWire::agentSettingsJson(full))), full);
        const AgentSettings none;
        const QJsonObject o = overTheWire(ApiWire::agentSettingsJson(none));
        QVERIFY(o.value(QStringLiteral("interval")).isNull());
        QCOMPARE(ApiWire::agentSettings(o), none);
    }

    void agentDetail_roundTrips()
    {
        AgentDetail d;
        d.agentId = 42;
        d.timeline = {{T0 + 9, QStringLiteral("healthy"), QStringLiteral("late"), QStringLiteral("no beat")},
                      {T0, QStringLiteral("new"), QStringLiteral("healthy"), QString()}};
        d.beats = {{T0 + 5, QStringLiteral("ok"), QStringLiteral("m"), 10, 0.25, QStringLiteral("gpt")},
                   {T0 + 4, QStringLiteral("warning"), QString(), 0, std::nullopt, QString()}};
        d.incidents = {Incident{7, 42, QStringLiteral("bot"), IncidentKind::Dead, QString(), T0, 0, 0,
                                QStringLiteral("s"), QStringLiteral("d"), 1, 0}};
        d.settings.dailyBudgetUsd = 5;
        d.settings.restartTarget = QStringLiteral("systemd:bot.service");
        d.hour = {{T0 / 1000, 0.5, 100, 2}};
        d.day = {{T0 / 1000, 1.5, 300, 6, 100, 50, 120, 30}, {T0 / 1000 + 3600, 0, 0, 1}};
        d.dayModels = {{QStringLiteral("gpt-a"), 4, 100, 40, 120, 30, 1.25}, {QString(), 2, 0, 10, 0, 0, 0.25}};
        d.monthModels = {{QStringLiteral("gpt-a"), 9, 200, 80, 240, 60, 2.5}};
        d.costPerIterationUsd = 0.125;
        d.month = {};
        d.hourFromSecs = T0 / 1000 - 3540;
        d.dayFromSecs = T0 / 1000 - 82800;
        d.monthFromSecs = T0 / 1000 - 29 * 86400;
        const QJsonObject o = overTheWire(ApiWire::agentDetailJson(d, QStringLiteral("bot"), AgentState::Late));
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("bot"));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("late"));
        QCOMPARE(o.value(QStringLiteral("usage"))
                     .toObject()
                     .value(QStringLiteral("day"))
                     .toObject()
                     .value(QStringLiteral("bucket"))
                     .toInt(),
                 3600);
        QVERIFY(overTheWire(ApiWire::agentDetailJson(d, QStringLiteral("bot"), std::nullopt))
                    .value(QStringLiteral("state"))
                    .isNull());

        const AgentDetail back = ApiWire::agentDetail(o, 42);
        QCOMPARE(back.agentId, 42);
        QCOMPARE(back.timeline.size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(back.timeline[i].atMs, d.timeline[i].atMs);
            QCOMPARE(back.timeline[i].from, d.timeline[i].from);
            QCOMPARE(back.timeline[i].to, d.timeline[i].to);
            QCOMPARE(back.timeline[i].cause, d.timeline[i].cause);
            QCOMPARE(back.beats[i].receivedAtMs, d.beats[i].receivedAtMs);
            QCOMPARE(back.beats[i].status, d.beats[i].status);
            QCOMPARE(back.beats[i].message, d.beats[i].message);
            QCOMPARE(back.beats[i].tokens, d.beats[i].tokens);
            QCOMPARE(back.beats[i].costUsd, d.beats[i].costUsd);
            QCOMPARE(back.beats[i].model, d.beats[i].model);
        }
        QCOMPARE(back.incidents.size(), 1);
        compareIncidents(back.incidents.first(), d.incidents.first());
        QCOMPARE(back.settings, d.settings);
        comparePoints(back.hour, d.hour);
        comparePoints(back.day, d.day);
        comparePoints(back.month, d.month);
        QCOMPARE(back.hourFromSecs, d.hourFromSecs);
        QCOMPARE(back.dayFromSecs, d.dayFromSecs);
        QCOMPARE(back.monthFromSecs, d.monthFromSecs);
        QVERIFY(back.dayModels == d.dayModels);
        QVERIFY(back.monthModels == d.monthModels);
        QCOMPARE(back.costPerIterationUsd, d.costPerIterationUsd);
        // Unset: null on the wire, unset again.
        d.costPerIterationUsd.reset();
        const QJsonObject unset = overTheWire(ApiWire::agentDetailJson(d, QStringLiteral("bot"), std::nullopt));
        QVERIFY(unset.value(QStringLiteral("cost_per_iteration_usd")).isNull());
        QVERIFY(!ApiWire::agentDetail(unset, 42).costPerIterationUsd);
    }

    void costs_roundTrip()
    {
        const QList<DailyCost> series{{QStringLiteral("a"), T0 / 1000, 1.25, 1000},
                                      {QStringLiteral("b/ü"), T0 / 1000 + 86400, 0, 0}};
        const QJsonObject o = overTheWire(ApiWire::costsJson(QStringLiteral("day"), T0 / 1000, 17, 100, 0, series));
        QCOMPARE(o.value(QStringLiteral("bucket")).toString(), QStringLiteral("day"));
        QCOMPARE(o.value(QStringLiteral("from")).toInteger(), T0 / 1000);
        const ApiWire::CostsPage page = ApiWire::costsPage(o);
        QCOMPARE(page.total, 17);
        QCOMPARE(page.series.size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(page.series[i].agent, series[i].agent);
            QCOMPARE(page.series[i].dayStartSecs, series[i].dayStartSecs);
            QCOMPARE(page.series[i].costUsd, series[i].costUsd);
            QCOMPARE(page.series[i].tokens, series[i].tokens);
        }
        QCOMPARE(ApiWire::dailyCosts(o).size(), 2);
    }

    void history_roundTrips_unknownUptimeAsNull()
    {
        AgentHistory a;
        a.agentId = 3;
        a.strip = HistoryRules::stripFromText(QStringLiteral("..........oooooolooommleoooooo"));
        a.uptime24h = 99.5;
        a.uptime30d = -1;
        a.cost24h = QList<float>(24, 0.25f);
        AgentHistory b;
        b.agentId = 9;
        b.strip = QByteArray(30, char(BeatSlot::None));
        const QJsonObject o = overTheWire(ApiWire::historyJson({a, b}, 40, 2, 0, T0 / 1000));
        QCOMPARE(o.value(QStringLiteral("slots")).toInt(), 30);
        QVERIFY(
            o.value(QStringLiteral("agents")).toArray().at(0).toObject().value(QStringLiteral("uptime_30d")).isNull());
        const ApiWire::HistoryPage page = ApiWire::historyPage(o);
        QCOMPARE(page.total, qint64(40));
        QCOMPARE(page.agents.size(), 2);
        QVERIFY(page.agents.at(0) == a);
        QVERIFY(page.agents.at(1) == b);
        QCOMPARE(ApiWire::historyPage(QJsonObject()).agents.size(), 0); // nothing there: nothing, no error
    }

    void stateEvent_roundTrips_everyKind()
    {
        for (const auto kind : {StateTransition::Event::State, StateTransition::Event::LoopStarted,
                                StateTransition::Event::LoopEnded, StateTransition::Event::Budget}) {
            StateTransition t;
            t.agentId = 9;
            t.agent = QStringLiteral("bot");
            t.from = AgentState::Healthy;
            t.to = AgentState::Dead;
            t.cause = QStringLiteral("no beat for 300 s");
            t.atMs = T0 + 777;
            t.event = kind;
            t.budgetPercent = 80;
            t.project = QStringLiteral("proj");
            t.lastMessage = QStringLiteral("last");
            const StateTransition back = ApiWire::stateEvent(overTheWire(ApiWire::stateEventJson(t)));
            QCOMPARE(back.agentId, t.agentId);
            QCOMPARE(back.agent, t.agent);
            QCOMPARE(back.from, t.from);
            QCOMPARE(back.to, t.to);
            QCOMPARE(back.cause, t.cause);
            QCOMPARE(back.atMs, t.atMs);
            QCOMPARE(back.event, t.event);
            QCOMPARE(back.budgetPercent, t.budgetPercent);
            QCOMPARE(back.project, t.project);
            QCOMPARE(back.lastMessage, t.lastMessage);
        }
    }

    void causes_roundTrip_asKindAndParams_andWithoutAKind()
    {
        namespace P = CauseParam;
        const Cause dead(CauseKind::Dead, {{P::SilentMs, qint64(95'000)}});
        const Cause loop(
            CauseKind::LoopDetected,
            {{P::Reason,
              Cause(CauseKind::LoopToolRepeat, {{P::Tool, QStringLiteral("search")}, {P::Count, 5}}).toVariant()}});
        // The timeline of an agent's detail.
        AgentDetail d;
        d.agentId = 42;
        d.timeline = {{T0 + 2, QStringLiteral("healthy"), QStringLiteral("dead"), englishText(dead), dead},
                      {T0 + 1, QStringLiteral("new"), QStringLiteral("healthy"), QStringLiteral("beat: ok"), Cause()}};
        Incident i;
        i.id = 7;
        i.agentId = 42;
        i.agent = QStringLiteral("bot");
        i.kind = IncidentKind::Dead;
        i.summaryData = Cause(CauseKind::AgentDead, {{P::Agent, QStringLiteral("bot")}});
        i.summary = englishText(i.summaryData);
        i.detailData = dead.with(P::FoundAtStartup, true);
        i.detail = englishText(i.detailData);
        d.incidents = {i};
        const QJsonObject o = overTheWire(ApiWire::agentDetailJson(d, QStringLiteral("bot"), AgentState::Dead));
        const QJsonObject entry = o.value(QStringLiteral("timeline")).toArray().at(0).toObject();
        QCOMPARE(entry.value(QStringLiteral("cause")).toString(), QStringLiteral("no beat for 95 s"));
        QCOMPARE(entry.value(QStringLiteral("cause_kind")).toString(), QStringLiteral("dead"));
        QCOMPARE(entry.value(QStringLiteral("cause_params")).toObject().value(QStringLiteral("silent_ms")).toInteger(),
                 95'000);
        const QJsonObject old = o.value(QStringLiteral("timeline")).toArray().at(1).toObject();
        QVERIFY(old.value(QStringLiteral("cause_kind")).isNull() && old.value(QStringLiteral("cause_params")).isNull());
        const QJsonObject alert = o.value(QStringLiteral("alerts")).toArray().at(0).toObject();
        QCOMPARE(alert.value(QStringLiteral("summary")).toString(), QStringLiteral("Agent 'bot' is dead"));
        QCOMPARE(alert.value(QStringLiteral("summary_kind")).toString(), QStringLiteral("agent_dead"));
        QCOMPARE(alert.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("no beat for 95 s (found at start-up)"));
        QCOMPARE(alert.value(QStringLiteral("detail_kind")).toString(), QStringLiteral("dead"));

        const AgentDetail back = ApiWire::agentDetail(o, 42);
        QCOMPARE(back.timeline.at(0).causeData, dead);
        QCOMPARE(back.timeline.at(0).cause, QStringLiteral("no beat for 95 s"));
        QVERIFY(back.timeline.at(1).causeData.isNone());
        QCOMPARE(back.timeline.at(1).cause, QStringLiteral("beat: ok"));
        QCOMPARE(back.incidents.at(0).summaryData, i.summaryData);
        QCOMPARE(back.incidents.at(0).detailData, i.detailData);
        QCOMPARE(englishText(back.incidents.at(0).detailData), i.detail);

        // The event stream's state events, a nested cause too.
        StateTransition t;
        t.agent = QStringLiteral("bot");
        t.event = StateTransition::Event::LoopStarted;
        t.causeData = loop;
        t.cause = englishText(loop);
        const StateTransition tb = ApiWire::stateEvent(overTheWire(ApiWire::stateEventJson(t)));
        QCOMPARE(tb.causeData, loop);
        QCOMPARE(tb.cause, QStringLiteral("loop detected: the tool 'search' was called 5 times in a row with the same "
                                          "arguments"));
        QCOMPARE(englishText(tb.causeData), tb.cause);

        // A newer server's kind is none here: the text is what the desktop shows.
        QJsonObject newer = ApiWire::stateEventJson(t);
        newer.insert(QStringLiteral("cause_kind"), QStringLiteral("from_the_future"));
        const StateTransition nb = ApiWire::stateEvent(newer);
        QVERIFY(nb.causeData.isNone());
        QCOMPARE(nb.cause, t.cause);
    }

    void usageEvent_roundTrips_namedAndAll()
    {
        const QList<qint64> ids{3, 17, 42};
        const QJsonObject named = overTheWire(ApiWire::usageEventJson(12, ids));
        QCOMPARE(named.value(QStringLiteral("commits")).toInteger(), 12);
        QVERIFY(!named.contains(QStringLiteral("all")));
        QCOMPARE(ApiWire::usageEventAgents(named), std::optional<QList<qint64>>(ids));
        const QJsonObject all = overTheWire(ApiWire::usageEventJson(12, std::nullopt));
        QCOMPARE(all.value(QStringLiteral("all")).toBool(), true);
        QVERIFY(!ApiWire::usageEventAgents(all));
        // An empty list still names agents (none).
        QCOMPARE(ApiWire::usageEventAgents(overTheWire(ApiWire::usageEventJson(1, QList<qint64>()))),
                 std::optional<QList<qint64>>(QList<qint64>()));
    }

    void times_nullForZero_andPrecision()
    {
        QVERIFY(ApiWire::timeJson(0).isNull());
        QVERIFY(ApiWire::secondsTimeJson(0).isNull());
        QCOMPARE(ApiWire::timeJson(T0 + 5).toString(), QStringLiteral("2026-01-01T00:00:00.005Z"));
        QCOMPARE(ApiWire::secondsTimeJson(T0 + 5).toString(), QStringLiteral("2026-01-01T00:00:00Z"));
        QCOMPARE(ApiWire::msOf(ApiWire::timeJson(T0 + 5)), T0 + 5);
        QCOMPARE(ApiWire::msOf(QJsonValue(QStringLiteral("not a time"))), 0);
        QCOMPARE(ApiWire::msOf(QJsonValue()), 0);
    }

    // Whatever a server sent, what the desktop decoded encodes to JSON that decodes to the same again:
    // the encoder and decoder agree on every field, not only on the hand-picked values above. Random
    // objects over the API's field names (wrong types, nulls, absent fields, huge numbers).
    void decodeEncode_isAFixpoint_onRandomAnswers()
    {
        QRandomGenerator rng(20261202);
        const auto same = [](const QJsonObject &a, const QJsonObject &b, const char *what) {
            if (a != b)
                QFAIL(qPrintable(QStringLiteral("%1: %2 then %3")
                                     .arg(QLatin1String(what), QString::fromUtf8(QJsonDocument(a).toJson()),
                                          QString::fromUtf8(QJsonDocument(b).toJson()))));
        };
        for (int i = 0; i < 3000; ++i) {
            const QJsonObject o = randomObject(rng, 3);
            const QJsonObject agent = ApiWire::statusAgentJson(ApiWire::statusAgent(o), T0);
            same(agent, ApiWire::statusAgentJson(ApiWire::statusAgent(overTheWire(agent)), T0), "status agent");
            if (const auto decoded = ApiWire::incident(o)) {
                const QJsonObject inc = ApiWire::incidentJson(*decoded);
                const auto again = ApiWire::incident(overTheWire(inc));
                QVERIFY(again);
                same(inc, ApiWire::incidentJson(*again), "incident");
            }
            const QJsonObject ev = ApiWire::stateEventJson(ApiWire::stateEvent(o));
            same(ev, ApiWire::stateEventJson(ApiWire::stateEvent(overTheWire(ev))), "state event");
            const AgentDetail d = ApiWire::agentDetail(o, 7);
            const QJsonObject detail = ApiWire::agentDetailJson(d, QStringLiteral("x"), std::nullopt);
            same(detail,
                 ApiWire::agentDetailJson(ApiWire::agentDetail(overTheWire(detail), 7), QStringLiteral("x"),
                                          std::nullopt),
                 "detail");
            const ApiWire::CostsPage c = ApiWire::costsPage(o);
            const QJsonObject costs = ApiWire::costsJson(QStringLiteral("day"), 0, int(c.total), 100, 0, c.series);
            const ApiWire::CostsPage c2 = ApiWire::costsPage(overTheWire(costs));
            same(costs, ApiWire::costsJson(QStringLiteral("day"), 0, int(c2.total), 100, 0, c2.series), "costs");
        }
    }
};

QTEST_GUILESS_MAIN(TestApiWire)
#include "TestApiWire.moc"
