// SPDX-License-Identifier: MIT
// The desktop's decoding of a clevagent-server's API: against what a real server sends (status, detail,
// costs, alerts, the event stream), on hand-written shapes, and on garbage (wrong types, missing fields,
// random JSON), which gives defaults and never a crash.
#include "core/ApiWire.h"
#include "core/Clock.h"
#include "engine/ServerInstance.h"
#include "remote/SseParser.h"
#include "storage/KeyStore.h"
#include "support/HttpTestClient.h"
#include "support/TestEnv.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace clev;
using clev::test::HttpTestClient;
using clev::test::TestDir;
using clev::test::TestResponse;

namespace {

// JSON written with single quotes, so fixtures stay readable without raw string literals (which moc 6.4
// cannot parse).
QJsonObject J(const char *singleQuoted)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(singleQuoted).replace('\'', '"'), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad fixture: %s", qPrintable(error.errorString()));
    return doc.object();
}

qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// A random JSON value, nested at most `depth` deep: what a broken or hostile server might send.
QJsonValue randomValue(QRandomGenerator &rng, int depth)
{
    static const QStringList keys =
        QStringLiteral(
            "agent_id name state last_seen expected_interval tokens_today cost_today_usd unpriced_beats_today "
            "iteration_count last_message model looping over_budget budget_exhausted_at agents total id agent "
            "kind opened_at resolved_at acknowledged_at summary detail notifications silenced alerts timeline "
            "beats settings usage hour day month from points start cost_usd tokens received_at status message "
            "interval grace daily_budget_usd tool_loop_repeats iteration_cap restart_target series to cause at "
            "event budget_percent project agent_ids all")
            .split(u' ');
    switch (rng.bounded(depth > 0 ? 9 : 7)) {
    case 0:
        return QJsonValue();
    case 1:
        return rng.bounded(2) == 1;
    case 2: {
        static const double numbers[] = {0, -1, 1, 0.5, 1e300, -1e300, 9007199254740993.0, 2147483648.0, 1e-300};
        return numbers[rng.bounded(int(std::size(numbers)))];
    }
    case 3:
        return double(qint64(rng.generate64()));
    case 4: {
        static const QStringList strings{"",
                                         "dead",
                                         "healthy",
                                         "zombie",
                                         "2026-01-01T00:00:00.000Z",
                                         "2026-13-45T99:99:99Z",
                                         "loop_started",
                                         "budget",
                                         "x\u0000y",
                                         "\U0001F600"};
        return strings.at(rng.bounded(int(strings.size())));
    }
    case 5:
        return QJsonValue(QJsonValue::Undefined);
    case 6:
        return QString::number(rng.generate());
    case 7: {
        QJsonArray a;
        for (int i = rng.bounded(4); i > 0; --i)
            a.append(randomValue(rng, depth - 1));
        return a;
    }
    default: {
        QJsonObject o;
        for (int i = rng.bounded(12); i > 0; --i)
            o.insert(keys.at(rng.bounded(int(keys.size()))), randomValue(rng, depth - 1));
        return o;
    }
    }
}

} // namespace

class TestRemoteWire : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ServerInstance> m_server;
    QByteArray m_ingest, m_read, m_admin;

    void start()
    {
        m_dir = std::make_unique<TestDir>();
        m_clock = std::make_unique<ManualClock>();
        ServerConfig config;
        config.databasePath = m_dir->file(QStringLiteral("wire.db"));
        config.http.port = 0;
        config.timeZone = QTimeZone::utc();
        m_server = std::make_unique<ServerInstance>(config, m_clock.get());
        QString error;
        if (!m_server->start(&error))
            qFatal("server did not start: %s", qPrintable(error));
        KeyStore keys(m_server->database());
        m_ingest = keys.create(QStringLiteral("ingest"), ApiKey::Scope::Ingest, 0, 0, &error)->key;
        m_read = keys.create(QStringLiteral("read"), ApiKey::Scope::Read, 0, 0, &error)->key;
        m_admin = keys.create(QStringLiteral("admin"), ApiKey::Scope::Admin, 0, 0, &error)->key;
    }

    TestResponse call(const QByteArray &method, const QByteArray &path, const QByteArray &key,
                      const QByteArray &body = {})
    {
        HttpTestClient c;
        if (!c.connectTo(m_server->port()))
            qFatal("cannot connect to the test server");
        return c.request(method, path, body, {{"X-API-Key", key}});
    }
    QJsonObject getJson(const QByteArray &path)
    {
        const TestResponse r = call("GET", path, m_read);
        if (r.status != 200)
            qWarning() << path << "answered" << r.status << r.body;
        return r.json();
    }
    int beat(const char *singleQuoted)
    {
        return call("POST", "/api/v1/heartbeat", m_ingest, QByteArray(singleQuoted).replace('\'', '"')).status;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void times()
    {
        QCOMPARE(ApiWire::msOf(QStringLiteral("2026-01-01T00:00:00.000Z")), ms("2026-01-01T00:00:00.000Z"));
        QCOMPARE(ApiWire::msOf(QStringLiteral("2026-01-01T00:00:01.250Z")), ms("2026-01-01T00:00:00.000Z") + 1250);
        // budget_exhausted_at comes without milliseconds.
        QCOMPARE(ApiWire::msOf(QStringLiteral("2026-01-01T00:00:01Z")), ms("2026-01-01T00:00:00.000Z") + 1000);
        QCOMPARE(ApiWire::msOf(QJsonValue()), 0);
        QCOMPARE(ApiWire::msOf(QJsonValue::Undefined), 0);
        QCOMPARE(ApiWire::msOf(12345), 0);
        QCOMPARE(ApiWire::msOf(QStringLiteral("yesterday")), 0);
        QCOMPARE(ApiWire::msOf(QStringLiteral("2026-02-30T00:00:00Z")), 0);
    }

    // An agent row as GET /api/v1/status writes it.
    void agentRow()
    {
        const AgentRow r = ApiWire::agentRow(
            J("{'agent_id':7,'name':'research-bot','state':'late','last_seen':'2026-01-01T00:00:00.000Z',"
              "'seconds_since_last_seen':90,'interval':60,'iteration_count':42,'last_status':'ok',"
              "'last_message':'step 3','agent_type':'langgraph','model':'gpt-4o','beats':12,'tokens_today':1500,"
              "'cost_today_usd':0.045,'unpriced_beats_today':2,'expected_interval':61.5,'looping':true,"
              "'over_budget':true,'budget_exhausted_at':'2026-01-01T18:00:00Z'}"));
        QCOMPARE(r.id, 7);
        QCOMPARE(r.name, QStringLiteral("research-bot"));
        QCOMPARE(r.state, AgentState::Late);
        QCOMPARE(r.lastSeenMs, ms("2026-01-01T00:00:00.000Z"));
        QCOMPARE(r.expectedIntervalSecs, 61.5);
        QCOMPARE(r.tokensToday, 1500);
        QCOMPARE(r.costTodayUsd, 0.045);
        QCOMPARE(r.unpricedToday, 2);
        QCOMPARE(r.iterationCount, std::optional<qint64>(42));
        QCOMPARE(r.lastMessage, QStringLiteral("step 3"));
        QCOMPARE(r.model, QStringLiteral("gpt-4o"));
        QVERIFY(r.looping);
        QVERIFY(r.overBudget);
        QCOMPARE(r.budgetExhaustedAtMs, std::optional<qint64>(ms("2026-01-01T18:00:00.000Z")));
        QVERIFY(!r.dailyBudgetUsd); // not part of the listing

        // The nulls the server writes for what it does not know.
        const AgentRow n = ApiWire::agentRow(
            J("{'agent_id':8,'name':'new','state':'new','last_seen':null,'iteration_count':null,'model':null,"
              "'expected_interval':null,'budget_exhausted_at':null,'last_message':''}"));
        QCOMPARE(n.id, 8);
        QCOMPARE(n.state, AgentState::New);
        QCOMPARE(n.lastSeenMs, 0);
        QVERIFY(!n.iterationCount);
        QVERIFY(n.model.isEmpty());
        QCOMPARE(n.expectedIntervalSecs, 0.0);
        QVERIFY(!n.budgetExhaustedAtMs);
    }

    void agentRow_garbage()
    {
        const AgentRow empty = ApiWire::agentRow({});
        QCOMPARE(empty.id, 0);
        QVERIFY(empty.name.isEmpty());
        QCOMPARE(empty.state, AgentState::New);
        QVERIFY(!empty.iterationCount); // absent is unset, as null is
        QVERIFY(!empty.budgetExhaustedAtMs);

        const AgentRow r = ApiWire::agentRow(
            J("{'agent_id':'7','name':5,'state':'zombie','last_seen':1767225600,'expected_interval':'60',"
              "'tokens_today':1.5,'cost_today_usd':'0.1','unpriced_beats_today':[],'iteration_count':'42',"
              "'last_message':{},'model':false,'looping':'yes','over_budget':1,'budget_exhausted_at':'soon'}"));
        QCOMPARE(r.id, 0);
        QVERIFY(r.name.isEmpty());
        QCOMPARE(r.state, AgentState::New);
        QCOMPARE(r.lastSeenMs, 0);
        QCOMPARE(r.expectedIntervalSecs, 0.0);
        QCOMPARE(r.tokensToday, 0); // not a whole number
        QCOMPARE(r.costTodayUsd, 0.0);
        QCOMPARE(r.unpricedToday, 0);
        QVERIFY(!r.iterationCount);
        QVERIFY(r.lastMessage.isEmpty());
        QVERIFY(r.model.isEmpty());
        QVERIFY(!r.looping);
        QVERIFY(!r.overBudget);
        QVERIFY(!r.budgetExhaustedAtMs);

        // Numbers out of range are not wrapped into ids.
        const AgentRow huge = ApiWire::agentRow(J("{'agent_id':1e300,'tokens_today':-1e300,'iteration_count':1e300}"));
        QCOMPARE(huge.id, 0);
        QCOMPARE(huge.tokensToday, 0);
        QCOMPARE(huge.iterationCount, std::optional<qint64>(0));
    }

    void statusPage()
    {
        const ApiWire::StatusPage page =
            ApiWire::statusPage(J("{'total':3,'limit':2,'offset':0,'agents':[{'agent_id':1,'name':'a'},"
                                  "{'agent_id':2,'name':'b'}]}"));
        QCOMPARE(page.total, 3);
        QCOMPARE(page.agents.size(), 2);
        QCOMPARE(page.agents.at(1).name, QStringLiteral("b"));
        // Every element is a row, so the offset of the next page stays right; one that is no object is empty.
        QCOMPARE(ApiWire::statusPage(J("{'agents':[1,null,{'agent_id':3}]}")).agents.size(), 3);
        QCOMPARE(ApiWire::statusPage(J("{'agents':[1,null,{'agent_id':3}]}")).agents.at(0).id, 0);
        const ApiWire::StatusPage bad = ApiWire::statusPage(J("{'agents':{'agent_id':1},'total':'many'}"));
        QVERIFY(bad.agents.isEmpty());
        QCOMPARE(bad.total, 0);
        QVERIFY(ApiWire::statusPage({}).agents.isEmpty());
    }

    void incidents()
    {
        const QList<Incident> list = ApiWire::alerts(
            J("{'alerts':[{'id':4,'agent_id':7,'agent':'bot','kind':'dead','opened_at':'2026-01-01T00:00:00.000Z',"
              "'resolved_at':null,'acknowledged_at':'2026-01-01T00:01:00.000Z','silenced':true,'notifications':2,"
              "'summary':'bot died','detail':'no beat for 5 min'},'oops',{'id':5,'kind':'meltdown'}]}"));
        // An element without a kind this version knows ('oops', a newer server's kind) is left out: never
        // shown as some other kind.
        QCOMPARE(list.size(), 1);
        const Incident &i = list.at(0);
        QCOMPARE(i.id, 4);
        QCOMPARE(i.agentId, 7);
        QCOMPARE(i.agent, QStringLiteral("bot"));
        QCOMPARE(i.kind, IncidentKind::Dead);
        QCOMPARE(i.openedAtMs, ms("2026-01-01T00:00:00.000Z"));
        QCOMPARE(i.resolvedAtMs, 0);
        QCOMPARE(i.ackedAtMs, ms("2026-01-01T00:01:00.000Z"));
        QCOMPARE(i.silencedBy, 1);
        QCOMPARE(i.notifications, 2);
        QCOMPARE(i.summary, QStringLiteral("bot died"));
        QCOMPARE(i.detail, QStringLiteral("no beat for 5 min"));
        QVERIFY(ApiWire::alerts(J("{'alerts':'none'}")).isEmpty());
    }

    // What the desktop sends with PUT .../settings comes back the same from the detail.
    void settingsRoundTrip_data()
    {
        QTest::addColumn<double>("interval"); // < 0: unset
        QTest::addColumn<double>("grace");
        QTest::addColumn<double>("budget");
        QTest::addColumn<int>("repeats");
        QTest::addColumn<qint64>("cap");
        QTest::addColumn<QString>("target");
        QTest::newRow("nothing set") << -1.0 << -1.0 << -1.0 << -1 << qint64(-1) << QString();
        QTest::newRow("everything") << 30.0 << 0.0 << 2.5 << 4 << qint64(500) << QStringLiteral("docker:bot");
        QTest::newRow("some") << 90.5 << -1.0 << 0.01 << -1 << qint64(1'000'000'000'000)
                              << QStringLiteral("systemd:bot.service");
    }
    void settingsRoundTrip()
    {
        QFETCH(double, interval);
        QFETCH(double, grace);
        QFETCH(double, budget);
        QFETCH(int, repeats);
        QFETCH(qint64, cap);
        QFETCH(QString, target);
        AgentSettings s;
        if (interval >= 0)
            s.intervalSecs = interval;
        if (grace >= 0)
            s.graceSecs = grace;
        if (budget >= 0)
            s.dailyBudgetUsd = budget;
        if (repeats >= 0)
            s.toolLoopRepeats = repeats;
        if (cap >= 0)
            s.iterationCap = cap;
        s.restartTarget = target;
        const QJsonObject json = ApiWire::agentSettingsJson(s);
        // Unset fields are sent as null: "back to the default".
        QCOMPARE(json.size(), 6);
        QCOMPARE(json.value(QStringLiteral("interval")).isNull(), !s.intervalSecs);
        QVERIFY(ApiWire::agentSettings(json) == s);
        // Through text, as it travels.
        QVERIFY(ApiWire::agentSettings(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object()) == s);
    }

    void settings_garbage()
    {
        // Absent, null or not a number: unset (the default), never 0.
        QVERIFY(ApiWire::agentSettings({}).isEmpty());
        QVERIFY(ApiWire::agentSettings(J("{'interval':null,'grace':'5','daily_budget_usd':true,"
                                         "'tool_loop_repeats':[3],'iteration_cap':{},'restart_target':7}"))
                    .isEmpty());
        // An older server's detail without the newer fields.
        const AgentSettings old = ApiWire::agentSettings(J("{'interval':60,'grace':null,'daily_budget_usd':null}"));
        QCOMPARE(old.intervalSecs, std::optional<double>(60));
        QVERIFY(!old.toolLoopRepeats);
        QVERIFY(!old.iterationCap);
    }

    void detail()
    {
        const AgentDetail d = ApiWire::agentDetail(
            J("{'agent_id':7,'name':'bot','state':'healthy',"
              "'settings':{'interval':60,'grace':null,'daily_budget_usd':5,'tool_loop_repeats':null,"
              "'iteration_cap':100,'restart_target':''},"
              "'timeline':[{'at':'2026-01-01T00:00:00.000Z','from':'new','to':'healthy','cause':'first beat'}],"
              "'beats':[{'received_at':'2026-01-01T00:00:00.000Z','status':'ok','message':'hi','tokens':10,"
              "'cost_usd':null,'model':'m'},{'received_at':null,'status':'error','message':'','tokens':0,"
              "'cost_usd':0.25,'model':''}],"
              "'alerts':[{'id':1,'kind':'error'}],"
              "'usage':{'hour':{'from':100,'bucket':60,'points':[{'start':160,'cost_usd':0.5,'tokens':3,'beats':1}]},"
              "'day':{'from':200,'bucket':3600,'points':[]},'month':{'from':300,'bucket':86400}}}"),
            7);
        QCOMPARE(d.agentId, 7);
        QCOMPARE(d.timeline.size(), 1);
        QCOMPARE(d.timeline.at(0).atMs, ms("2026-01-01T00:00:00.000Z"));
        QCOMPARE(d.timeline.at(0).to, QStringLiteral("healthy"));
        QCOMPARE(d.timeline.at(0).cause, QStringLiteral("first beat"));
        QCOMPARE(d.beats.size(), 2);
        QCOMPARE(d.beats.at(0).message, QStringLiteral("hi"));
        QCOMPARE(d.beats.at(0).tokens, 10);
        QVERIFY(!d.beats.at(0).costUsd);
        QCOMPARE(d.beats.at(1).costUsd, std::optional<double>(0.25));
        QCOMPARE(d.beats.at(1).receivedAtMs, 0);
        QCOMPARE(d.incidents.size(), 1);
        QCOMPARE(d.incidents.at(0).kind, IncidentKind::Error);
        QVERIFY(d.restarts.isEmpty());
        QCOMPARE(d.settings.intervalSecs, std::optional<double>(60));
        QVERIFY(!d.settings.graceSecs);
        QCOMPARE(d.settings.dailyBudgetUsd, std::optional<double>(5));
        QVERIFY(!d.settings.toolLoopRepeats);
        QCOMPARE(d.settings.iterationCap, std::optional<qint64>(100));
        QCOMPARE(d.hour.size(), 1);
        QCOMPARE(d.hour.at(0).bucketStartSecs, 160);
        QCOMPARE(d.hour.at(0).costUsd, 0.5);
        QCOMPARE(d.hour.at(0).tokens, 3);
        QCOMPARE(d.hour.at(0).beats, 1);
        QVERIFY(d.day.isEmpty());
        QVERIFY(d.month.isEmpty());
        QCOMPARE(d.hourFromSecs, 100);
        QCOMPARE(d.dayFromSecs, 200);
        QCOMPARE(d.monthFromSecs, 300);

        const AgentDetail bad = ApiWire::agentDetail(
            J("{'timeline':{},'beats':[1,2],'alerts':null,'settings':[],'usage':{'hour':[],'day':'x'}}"), 3);
        QCOMPARE(bad.agentId, 3);
        QVERIFY(bad.timeline.isEmpty());
        QCOMPARE(bad.beats.size(), 2);
        QVERIFY(bad.incidents.isEmpty());
        QVERIFY(bad.settings.isEmpty());
        QVERIFY(bad.hour.isEmpty());
        QCOMPARE(bad.hourFromSecs, 0);
    }

    void costs()
    {
        const QList<DailyCost> list = ApiWire::dailyCosts(
            J("{'bucket':'day','from':0,'series':[{'agent':'a','start':86400,'cost_usd':1.5,'tokens':100},"
              "{'agent':null}]}"));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).agent, QStringLiteral("a"));
        QCOMPARE(list.at(0).dayStartSecs, 86400);
        QCOMPARE(list.at(0).costUsd, 1.5);
        QCOMPARE(list.at(0).tokens, 100);
        QVERIFY(list.at(1).agent.isEmpty());
        QVERIFY(ApiWire::dailyCosts(J("{'series':7}")).isEmpty());
    }

    void stateEvents_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<int>("kind");
        QTest::newRow("state") << QStringLiteral("state") << int(StateTransition::Event::State);
        QTest::newRow("loop started") << QStringLiteral("loop_started") << int(StateTransition::Event::LoopStarted);
        QTest::newRow("loop ended") << QStringLiteral("loop_ended") << int(StateTransition::Event::LoopEnded);
        QTest::newRow("budget") << QStringLiteral("budget") << int(StateTransition::Event::Budget);
        QTest::newRow("unknown: a state change") << QStringLiteral("reboot") << int(StateTransition::Event::State);
    }
    void stateEvents()
    {
        QFETCH(QString, event);
        QFETCH(int, kind);
        QJsonObject o = J("{'agent_id':7,'agent':'bot','from':'healthy','to':'dead','cause':'no beat',"
                          "'at':'2026-01-01T00:00:00.000Z','budget_percent':80,'project':'p','last_message':'m'}");
        o.insert(QStringLiteral("event"), event);
        const StateTransition t = ApiWire::stateEvent(o);
        QCOMPARE(int(t.event), kind);
        QCOMPARE(t.agentId, 7);
        QCOMPARE(t.agent, QStringLiteral("bot"));
        QCOMPARE(t.from, AgentState::Healthy);
        QCOMPARE(t.to, AgentState::Dead);
        QCOMPARE(t.cause, QStringLiteral("no beat"));
        QCOMPARE(t.atMs, ms("2026-01-01T00:00:00.000Z"));
        QCOMPARE(t.budgetPercent, 80);
        QCOMPARE(t.project, QStringLiteral("p"));
        QCOMPARE(t.lastMessage, QStringLiteral("m"));

        const StateTransition bad = ApiWire::stateEvent(J("{'agent_id':'7','from':3,'to':'walking','at':5,"
                                                          "'budget_percent':'80','event':1}"));
        QCOMPARE(bad.agentId, 0);
        QCOMPARE(bad.from, AgentState::New);
        QCOMPARE(bad.to, AgentState::New);
        QCOMPARE(bad.atMs, 0);
        QCOMPARE(bad.budgetPercent, 0);
        QCOMPARE(bad.event, StateTransition::Event::State);
    }

    void usageEvents()
    {
        QCOMPARE(ApiWire::usageEventAgents(J("{'commits':3,'agent_ids':[3,17,42]}")),
                 std::optional<QList<qint64>>(QList<qint64>{3, 17, 42}));
        QCOMPARE(ApiWire::usageEventAgents(J("{'commits':3,'agent_ids':[]}")),
                 std::optional<QList<qint64>>(QList<qint64>{}));
        // Too many to name, a replay, or an older server: every agent.
        QVERIFY(!ApiWire::usageEventAgents(J("{'commits':3,'all':true}")));
        QVERIFY(!ApiWire::usageEventAgents({}));
        QVERIFY(!ApiWire::usageEventAgents(J("{'agent_ids':'3,17'}")));
        QCOMPARE(ApiWire::usageEventAgents(J("{'agent_ids':[3,'x',null]}")),
                 std::optional<QList<qint64>>(QList<qint64>{3, 0, 0}));
    }

    // Random JSON, and random bytes read as JSON, through every decoder: values, never a crash.
    void fuzz()
    {
        QRandomGenerator rng(20260101);
        for (int i = 0; i < 5000; ++i) {
            const QJsonObject o = randomValue(rng, 4).toObject();
            ApiWire::agentRow(o);
            ApiWire::statusPage(o);
            ApiWire::alerts(o);
            ApiWire::incident(o); // std::optional: nothing to look at, it must not crash
            ApiWire::usagePoints(o);
            ApiWire::agentSettings(o);
            ApiWire::agentDetail(o, i);
            ApiWire::dailyCosts(o);
            ApiWire::stateEvent(o);
            ApiWire::usageEventAgents(o);
            ApiWire::msOf(o.value(QStringLiteral("at")));
        }
        for (int i = 0; i < 2000; ++i) {
            QByteArray bytes(rng.bounded(64), Qt::Uninitialized);
            for (char &c : bytes)
                c = "{}[]\":,0123456789.eE-+ntrufalsx \\"[rng.bounded(33)];
            const QJsonObject o = QJsonDocument::fromJson(bytes).object();
            ApiWire::agentDetail(o, 0);
            ApiWire::statusPage(o);
        }
    }

    // What a real clevagent-server sends, read back: status, detail (with the settings the desktop sent),
    // costs, alerts, and the event stream through the SSE parser.
    void againstTheServer()
    {
        start();
        // The event stream first, so it sees the changes.
        HttpTestClient events;
        QVERIFY(events.connectTo(m_server->port()));
        events.sendRaw(HttpTestClient::formatRequest("GET", "/api/v1/events", {}, {{"X-API-Key", m_read}}));
        SseParser parser;
        QList<SseEvent> received;
        QByteArray head;
        const auto readEvents = [&](const std::function<bool()> &enough) {
            QElapsedTimer t;
            t.start();
            while (!enough() && t.elapsed() < 10'000 * clev::test::Slowdown) {
                events.socket().waitForReadyRead(100);
                QByteArray bytes = events.socket().readAll();
                if (!head.contains("\r\n\r\n")) { // the HTTP head, then the stream
                    head += bytes;
                    const qsizetype end = head.indexOf("\r\n\r\n");
                    if (end < 0)
                        continue;
                    bytes = head.mid(end + 4);
                    head.truncate(end + 4);
                }
                parser.feed(bytes);
                received += parser.takeEvents();
            }
        };
        const auto hasEvent = [&](const QByteArray &type, const QString &agent = {}) {
            return std::any_of(received.cbegin(), received.cend(), [&](const SseEvent &e) {
                return e.type == type && (agent.isEmpty() ||
                                          ApiWire::stateEvent(QJsonDocument::fromJson(e.data).object()).agent == agent);
            });
        };
        readEvents([&] { return hasEvent("hello"); });
        QVERIFY(hasEvent("hello"));
        QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(2000));

        QCOMPARE(beat("{'agent':'wire-bot','tokens_used':1500,'cost_usd':0.045,'iteration_count':42,"
                      "'model':'gpt-4o','message':'step 1'}"),
                 200);
        const ApiWire::StatusPage page = ApiWire::statusPage(getJson("/api/v1/status"));
        QCOMPARE(page.total, 1);
        QCOMPARE(page.agents.size(), 1);
        const AgentRow row = page.agents.at(0);
        QVERIFY(row.id > 0);
        QCOMPARE(row.name, QStringLiteral("wire-bot"));
        QCOMPARE(row.state, AgentState::Healthy);
        QCOMPARE(row.lastSeenMs, m_clock->nowMs());
        QCOMPARE(row.tokensToday, 1500);
        QCOMPARE(row.costTodayUsd, 0.045);
        QCOMPARE(row.iterationCount, std::optional<qint64>(42));
        QCOMPARE(row.model, QStringLiteral("gpt-4o"));
        QCOMPARE(row.lastMessage, QStringLiteral("step 1"));
        QVERIFY(!row.looping);
        QVERIFY(!row.overBudget);
        QCOMPARE(ApiWire::statusPage(getJson("/api/v1/status?agent_id=" + QByteArray::number(row.id))).agents.size(),
                 1);

        AgentSettings settings;
        settings.intervalSecs = 30;
        settings.dailyBudgetUsd = 2.5;
        settings.iterationCap = 500;
        const TestResponse put =
            call("PUT", "/api/v1/agents/wire-bot/settings", m_admin,
                 QJsonDocument(ApiWire::agentSettingsJson(settings)).toJson(QJsonDocument::Compact));
        QCOMPARE(put.status, 200);
        const AgentDetail detail = ApiWire::agentDetail(getJson("/api/v1/agents/wire-bot"), row.id);
        QVERIFY(detail.settings == settings);
        QCOMPARE(detail.beats.size(), 1);
        QCOMPARE(detail.beats.at(0).receivedAtMs, m_clock->nowMs());
        QCOMPARE(detail.beats.at(0).tokens, 1500);
        QCOMPARE(detail.beats.at(0).costUsd, std::optional<double>(0.045));
        QCOMPARE(detail.beats.at(0).model, QStringLiteral("gpt-4o"));
        QVERIFY(!detail.timeline.isEmpty());
        QCOMPARE(detail.timeline.at(0).to, QStringLiteral("healthy"));
        QVERIFY(detail.hourFromSecs > 0 && detail.dayFromSecs > 0 && detail.monthFromSecs > 0);
        QCOMPARE(detail.month.size(), 1);
        QCOMPARE(detail.month.at(0).costUsd, 0.045);
        QCOMPARE(detail.month.at(0).beats, 1);

        const QList<DailyCost> costs = ApiWire::dailyCosts(getJson("/api/v1/costs?bucket=day&days=7"));
        QCOMPARE(costs.size(), 1);
        QCOMPARE(costs.at(0).agent, QStringLiteral("wire-bot"));
        QCOMPARE(costs.at(0).costUsd, 0.045);
        QCOMPARE(costs.at(0).tokens, 1500);

        // An error opens an incident; the stream says so, as a state event and an alert event.
        QCOMPARE(beat("{'agent':'wire-bot','status':'error','message':'boom'}"), 200);
        // Both events, in whichever order they come (they are written by different threads).
        const auto sawError = [&] {
            return std::any_of(received.cbegin(), received.cend(), [](const SseEvent &e) {
                return e.type == "state" &&
                       ApiWire::stateEvent(QJsonDocument::fromJson(e.data).object()).to == AgentState::Error;
            });
        };
        readEvents([&] { return hasEvent("alert") && sawError(); });
        QVERIFY(hasEvent("alert"));
        QVERIFY(sawError());
        QList<StateTransition> transitions;
        for (const SseEvent &e : std::as_const(received)) {
            QVERIFY(!e.id.isEmpty());
            if (e.type == "state")
                transitions.append(ApiWire::stateEvent(QJsonDocument::fromJson(e.data).object()));
        }
        QVERIFY(!transitions.isEmpty());
        const StateTransition last = transitions.last();
        QCOMPARE(last.agentId, row.id);
        QCOMPARE(last.agent, QStringLiteral("wire-bot"));
        QCOMPARE(last.from, AgentState::Healthy);
        QCOMPARE(last.to, AgentState::Error);
        QCOMPARE(last.event, StateTransition::Event::State);
        QCOMPARE(last.atMs, m_clock->nowMs());
        QCOMPARE(last.lastMessage, QStringLiteral("boom"));

        QList<Incident> alerts;
        QTRY_VERIFY_WITH_TIMEOUT(!(alerts = ApiWire::alerts(getJson("/api/v1/alerts"))).isEmpty(), 5000);
        QCOMPARE(alerts.at(0).agent, QStringLiteral("wire-bot"));
        QCOMPARE(alerts.at(0).agentId, row.id);
        QCOMPARE(alerts.at(0).kind, IncidentKind::Error);
        QCOMPARE(alerts.at(0).openedAtMs, m_clock->nowMs());
        QCOMPARE(alerts.at(0).resolvedAtMs, 0);
        // The breakdown by model and token kind, read over the wire.
        QCOMPARE(beat("{'agent':'wire-bot','input_tokens':100,'output_tokens':20,'cache_read_tokens':300,"
                      "'cache_write_tokens':5,'cost_usd':0.5,'iteration_count':46,'model':'claude-x'}"),
                 200);
        const AgentDetail more = ApiWire::agentDetail(getJson("/api/v1/agents/wire-bot"), row.id);
        QCOMPARE(more.dayModels.size(), 3);
        QCOMPARE(more.dayModels.at(0).model, QStringLiteral("claude-x")); // the costliest first
        QCOMPARE(more.dayModels.at(0).inputTokens, 100);
        QCOMPARE(more.dayModels.at(0).outputTokens, 20);
        QCOMPARE(more.dayModels.at(0).cacheReadTokens, 300);
        QCOMPARE(more.dayModels.at(0).cacheWriteTokens, 5);
        QCOMPARE(more.dayModels.at(0).costUsd, 0.5);
        QCOMPARE(more.dayModels.at(1).model, QStringLiteral("gpt-4o"));
        QCOMPARE(more.dayModels.at(1).costUsd, 0.045);
        QCOMPARE(more.dayModels.at(2).model, QString()); // the error beat named no model
        QCOMPARE(more.dayModels.at(2).beats, 1);
        QVERIFY(more.monthModels == more.dayModels);
        QCOMPARE(more.month.at(0).inputTokens, 100);
        QCOMPARE(more.month.at(0).cacheReadTokens, 300);
        // 0.545 over iterations 42 → 46.
        QVERIFY(more.costPerIterationUsd && qFuzzyCompare(*more.costPerIterationUsd, 0.545 / 4));
        QVERIFY(!parser.failed());
    }
};

QTEST_GUILESS_MAIN(TestRemoteWire)
#include "TestRemoteWire.moc"
