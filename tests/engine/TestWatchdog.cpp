// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "engine/ServerInstance.h"
#include "engine/Watchdog.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "storage/HeartbeatWriter.h"
#include "storage/KeyStore.h"
#include "support/HttpTestClient.h"
#include "support/TestEnv.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <functional>
#include <future>

using namespace clev;
using clev::test::HttpTestClient;
using clev::test::TestDir;

namespace {

constexpr qint64 S = 1000;

// A database with registered agents, a manual clock and a watchdog over them; no thread of its own:
// the test calls poll() and flush() after moving the clock.
struct Rig
{
    TestDir dir;
    ManualClock clock;
    DayBuckets days{QTimeZone::utc()};
    Database db{{dir.file(QStringLiteral("w.db")), 1000}};
    std::unique_ptr<Watchdog> watchdog;
    QHash<QString, qint64> ids;

    Rig()
    {
        QString error;
        if (!db.open(&error))
            qFatal("%s", qPrintable(error));
    }
    Watchdog &start(Watchdog::Options options = {})
    {
        watchdog = std::make_unique<Watchdog>(db, clock, days, options);
        QString error;
        if (!watchdog->load(&error))
            qFatal("%s", qPrintable(error));
        return *watchdog;
    }
    qint64 id(const QString &name)
    {
        if (!ids.contains(name)) {
            QString error;
            AgentQueries agents(db);
            agents.add(name, clock.nowMs(), &error);
            ids.insert(name, agents.idOf(name));
        }
        return ids.value(name);
    }
    Watchdog::Verdict beat(const QString &name, BeatStatus status = BeatStatus::Ok, std::optional<double> interval = {})
    {
        Heartbeat b;
        b.agent = name;
        b.status = status;
        b.intervalSecs = interval;
        b.receivedAtMs = b.occurredAtMs = clock.nowMs();
        return watchdog->observe(id(name), b);
    }
    AgentState stateAfter(qint64 ms, const QString &name)
    {
        clock.advance(ms);
        watchdog->poll();
        return *watchdog->stateOf(id(name));
    }
    QList<QStringList> timeline(const QString &name)
    {
        watchdog->flush();
        QList<QStringList> rows;
        QSqlQuery q(db.connection());
        q.prepare(
            QStringLiteral("SELECT at, from_state, to_state, cause FROM state_changes WHERE agent_id = ? ORDER BY id"));
        q.addBindValue(id(name));
        q.exec();
        while (q.next())
            rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
        return rows;
    }
};

} // namespace

class TestWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crashReport_isTheLastWord_notFoundDeadAfter_notUndoneByAnOlderBeat()
    {
        Rig rig;
        rig.start();
        const QString c = QStringLiteral("crasher");
        rig.beat(c, BeatStatus::Ok, 10);
        rig.clock.advance(2 * S);
        Heartbeat crash;
        crash.agent = c;
        crash.status = BeatStatus::Error;
        crash.message = QStringLiteral("CRASH: ValueError: bad input");
        crash.receivedAtMs = crash.occurredAtMs = rig.clock.nowMs();
        QCOMPARE(rig.watchdog->observe(rig.id(c), crash).state, AgentState::Error);
        // A regular beat the process built before it crashed, arriving after the crash report.
        Heartbeat inFlight;
        inFlight.agent = c;
        inFlight.occurredAtMs = crash.occurredAtMs - 300;
        inFlight.receivedAtMs = rig.clock.nowMs() + 50;
        QCOMPARE(rig.watchdog->observe(rig.id(c), inFlight).state, AgentState::Error);
        // Neither late nor dead afterwards: the crash said it all.
        QCOMPARE(rig.stateAfter(60 * S, c), AgentState::Error);
        QCOMPARE(rig.stateAfter(600 * S, c), AgentState::Error);
        QCOMPARE(rig.timeline(c).size(), 2); // new -> healthy -> error, nothing after
        // Nor at start-up (the columns as the writer stores them).
        rig.watchdog.reset();
        QSqlQuery q(rig.db.connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE agents SET last_seen_at = %1, last_status = 'error',"
                                      " last_message = 'CRASH: ValueError: bad input' WHERE name = 'crasher'")
                           .arg(crash.occurredAtMs)));
        rig.clock.advance(3600 * S);
        rig.start();
        QCOMPARE(*rig.watchdog->stateOf(rig.id(c)), AgentState::Error);
        QCOMPARE(rig.timeline(c).size(), 2);
        // A beat sent after the crash (the agent was restarted) brings it back, and deadlines again.
        rig.beat(c, BeatStatus::Ok, 10);
        QCOMPARE(*rig.watchdog->stateOf(rig.id(c)), AgentState::Healthy);
        QCOMPARE(rig.stateAfter(11 * S, c), AgentState::Late);
    }

    // A regular beat of the same process that occurred just after its crash or shutdown report (SDKs
    // send the report from another thread than their heartbeat loop) does not overturn it; one after
    // Heartbeat::LastWordWindowMs does (before: the racing beat made the agent healthy again).
    void lastWord_standsAgainstARacingBeat()
    {
        Rig rig;
        rig.start();
        const auto send = [&](const QString &name, BeatStatus status, const QString &message, qint64 afterMs) {
            Heartbeat b;
            b.agent = name;
            b.status = status;
            b.message = message;
            b.receivedAtMs = b.occurredAtMs = rig.clock.nowMs() + afterMs;
            return rig.watchdog->observe(rig.id(name), b).state;
        };
        rig.beat(QStringLiteral("c"), BeatStatus::Ok, 10);
        rig.beat(QStringLiteral("s"), BeatStatus::Ok, 10);
        QCOMPARE(send(QStringLiteral("c"), BeatStatus::Error, QStringLiteral("CRASH: boom"), 0), AgentState::Error);
        QCOMPARE(send(QStringLiteral("c"), BeatStatus::Ok, QString(), 50), AgentState::Error);
        QCOMPARE(send(QStringLiteral("s"), BeatStatus::Shutdown, QStringLiteral("bye"), 0), AgentState::Stopped);
        QCOMPARE(send(QStringLiteral("s"), BeatStatus::Ok, QString(), Heartbeat::LastWordWindowMs - 1),
                 AgentState::Stopped);
        QCOMPARE(rig.stateAfter(600 * S, QStringLiteral("c")), AgentState::Error); // and no late or dead
        QCOMPARE(rig.stateAfter(1 * S, QStringLiteral("s")), AgentState::Stopped);
        QCOMPARE(send(QStringLiteral("s"), BeatStatus::Ok, QString(), 0), AgentState::Healthy); // restarted
    }

    void lateAtTheExpectedTime_deadAfterTheGrace()
    {
        Rig rig;
        rig.start();
        const qint64 t0 = rig.clock.nowMs();
        QCOMPARE(rig.beat(QStringLiteral("a"), BeatStatus::Ok, 60).state, AgentState::Healthy);
        // Late once the beat is overdue by a tenth of the interval, at most 1 s (a punctual sender's beat
        // arrives a little after its interval, and must not blip late); dead at interval + grace.
        QCOMPARE(rig.stateAfter(61 * S - 1, QStringLiteral("a")), AgentState::Healthy);
        QCOMPARE(rig.stateAfter(1, QStringLiteral("a")), AgentState::Late);
        QCOMPARE(rig.stateAfter(59 * S - 1, QStringLiteral("a")), AgentState::Late);
        QCOMPARE(rig.stateAfter(1, QStringLiteral("a")), AgentState::Dead);
        const auto rows = rig.timeline(QStringLiteral("a"));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).mid(1, 2), (QStringList{QStringLiteral("new"), QStringLiteral("healthy")}));
        QCOMPARE(rows.at(1).mid(1, 2), (QStringList{QStringLiteral("healthy"), QStringLiteral("late")}));
        QCOMPARE(rows.at(1).at(0).toLongLong(), t0 + 61 * S); // stored at the deadline itself
        QCOMPARE(rows.at(2).mid(1, 2), (QStringList{QStringLiteral("late"), QStringLiteral("dead")}));
        QCOMPARE(rows.at(2).at(0).toLongLong(), t0 + 120 * S);
        QCOMPARE(rows.at(2).at(3), QStringLiteral("no beat for 2 min"));
        QSqlQuery q(rig.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT state, expected_interval_s FROM agents WHERE name = 'a'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("dead"));
        QCOMPARE(q.value(1).toDouble(), 60.0);
    }

    void causes_storedAsData_besideTheirEnglish()
    {
        Rig rig;
        rig.start();
        rig.beat(QStringLiteral("a"), BeatStatus::Ok, 10);
        QCOMPARE(rig.stateAfter(25 * S, QStringLiteral("a")), AgentState::Dead);
        rig.beat(QStringLiteral("a"), BeatStatus::Ok, 10);
        rig.watchdog->flush();
        QString error;
        const QList<TimelineEntry> timeline = AgentQueries(rig.db).timeline(rig.id(QStringLiteral("a")), 10, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(timeline.size(), 4); // newest first
        const QList<CauseKind> kinds{CauseKind::BeatOk, CauseKind::Dead, CauseKind::Late, CauseKind::BeatOk};
        for (qsizetype i = 0; i < timeline.size(); ++i) {
            QCOMPARE(timeline.at(i).causeData.kind, kinds.at(i));
            QCOMPARE(englishText(timeline.at(i).causeData), timeline.at(i).cause);
        }
        QCOMPARE(timeline.at(1).cause, QStringLiteral("no beat for 20 s"));
        QCOMPARE(timeline.at(1).causeData.params.value(CauseParam::SilentMs).toLongLong(), 20 * S);
        QCOMPARE(timeline.at(0).causeData.params.value(CauseParam::BackAfterMs).toLongLong(), 25 * S);
        QCOMPARE(timeline.at(0).cause, QStringLiteral("beat: ok (back after 25 s of silence)"));
    }

    void beatsInTime_neverLate_andOnlyOneTimerIsArmed()
    {
        Rig rig;
        rig.start();
        for (int i = 0; i < 20; ++i) {
            rig.beat(QStringLiteral("steady"), BeatStatus::Ok, 60);
            rig.beat(QStringLiteral("other"), BeatStatus::Ok, 60);
            QCOMPARE(rig.stateAfter(59 * S, QStringLiteral("steady")), AgentState::Healthy);
        }
        // The queue holds the next deadline of each agent; stale ones are dropped as they come up.
        QCOMPARE(rig.watchdog->nextDeadlineMs(), rig.clock.nowMs() + 2 * S); // 1 s left + 1 s slack
        QCOMPARE(rig.timeline(QStringLiteral("steady")).size(), 1);
    }

    void deadAgentBeatsAgain_recoversWithTheSilenceInTheCause()
    {
        Rig rig;
        rig.start();
        rig.beat(QStringLiteral("a"), BeatStatus::Ok, 10);
        QCOMPARE(rig.stateAfter(25 * S, QStringLiteral("a")), AgentState::Dead);
        QCOMPARE(rig.beat(QStringLiteral("a")).state, AgentState::Healthy);
        QVERIFY2(rig.timeline(QStringLiteral("a")).last().at(3).contains(u"back after 25 s"),
                 qPrintable(rig.timeline(QStringLiteral("a")).last().at(3)));
        QCOMPARE(rig.stateAfter(11 * S, QStringLiteral("a")), AgentState::Late); // watched again
    }

    void cleanShutdown_neverDies()
    {
        Rig rig;
        rig.start();
        rig.beat(QStringLiteral("a"), BeatStatus::Ok, 10);
        QCOMPARE(rig.beat(QStringLiteral("a"), BeatStatus::Shutdown).state, AgentState::Stopped);
        QCOMPARE(rig.stateAfter(3600 * S, QStringLiteral("a")), AgentState::Stopped);
        QCOMPARE(rig.watchdog->nextDeadlineMs(), std::numeric_limits<qint64>::max());
        QCOMPARE(rig.timeline(QStringLiteral("a")).last().at(3), QStringLiteral("clean shutdown"));
    }

    void errorBeat_isStillWatched()
    {
        Rig rig;
        rig.start();
        QCOMPARE(rig.beat(QStringLiteral("a"), BeatStatus::Error, 10).state, AgentState::Error);
        QCOMPARE(rig.stateAfter(20 * S, QStringLiteral("a")), AgentState::Dead);
    }

    void interval_sentThenConfiguredThenLearnedThenDefault()
    {
        Rig rig;
        Watchdog::Options o;
        o.agents.insert(QStringLiteral("configured"), AgentPolicy{300.0, 30.0, {}});
        rig.start(o);
        // Default: 60 s.
        rig.beat(QStringLiteral("plain"));
        QCOMPARE(*rig.watchdog->expectedIntervalOf(rig.id(QStringLiteral("plain"))), 60 * S);
        // Configured 300 s with a 30 s grace: dead at 330 s.
        rig.beat(QStringLiteral("configured"));
        QCOMPARE(rig.stateAfter(300 * S, QStringLiteral("configured")), AgentState::Healthy);
        QCOMPARE(rig.stateAfter(1 * S, QStringLiteral("configured")), AgentState::Late);
        QCOMPARE(rig.stateAfter(29 * S, QStringLiteral("configured")), AgentState::Dead);
        // The beat's own interval wins over the configuration.
        rig.beat(QStringLiteral("configured"), BeatStatus::Ok, 5);
        QCOMPARE(*rig.watchdog->expectedIntervalOf(rig.id(QStringLiteral("configured"))), 5 * S);
        // Learned from the spacing of the first beats (median of the gaps); a burst of beats milliseconds
        // apart (a flushed buffer) teaches nothing.
        for (int i = 0; i < 6; ++i) {
            rig.beat(QStringLiteral("burst"));
            rig.clock.advance(5);
        }
        QCOMPARE(*rig.watchdog->expectedIntervalOf(rig.id(QStringLiteral("burst"))), 60 * S);
        QCOMPARE(rig.stateAfter(30 * S, QStringLiteral("burst")), AgentState::Healthy);
        for (qint64 gap : {10, 12, 11}) {
            rig.beat(QStringLiteral("learner"));
            rig.clock.advance(gap * S);
            rig.watchdog->poll();
        }
        rig.beat(QStringLiteral("learner"));
        QCOMPARE(*rig.watchdog->expectedIntervalOf(rig.id(QStringLiteral("learner"))), 11 * S);
        QCOMPARE(rig.stateAfter(11 * S + 1100, QStringLiteral("learner")), AgentState::Late); // + a tenth of 11 s
    }

    void restart_judgesAgentsThatDiedMeanwhile()
    {
        Rig rig;
        HeartbeatWriter writer(rig.db, rig.clock, rig.days, {});
        writer.start();
        const qint64 t0 = rig.clock.nowMs();
        auto store = [&](const QString &name, double interval) {
            Heartbeat b;
            b.agent = name;
            b.intervalSecs = interval;
            b.receivedAtMs = b.occurredAtMs = rig.clock.nowMs();
            std::promise<qint64> id;
            writer.submit({b}, [&](const QList<IngestOutcome> &o) { id.set_value(o.first().agentId); });
            const qint64 agentId = id.get_future().get();
            rig.ids.insert(name, agentId);
            rig.watchdog->observe(agentId, b);
        };
        rig.start();
        store(QStringLiteral("gone"), 60);  // dead at t0 + 120 s
        store(QStringLiteral("slow"), 600); // late at t0 + 600 s, dead at t0 + 1200 s
        store(QStringLiteral("fresh"), 3600);
        rig.watchdog->flush();
        rig.watchdog.reset(); // the program stops…

        rig.clock.advance(700 * S); // …and starts again 700 s later
        rig.start();
        QCOMPARE(*rig.watchdog->stateOf(rig.id(QStringLiteral("gone"))), AgentState::Dead);
        QCOMPARE(*rig.watchdog->stateOf(rig.id(QStringLiteral("slow"))), AgentState::Late);
        QCOMPARE(*rig.watchdog->stateOf(rig.id(QStringLiteral("fresh"))), AgentState::Healthy);
        const QStringList death = rig.timeline(QStringLiteral("gone")).last();
        QCOMPARE(death.at(0).toLongLong(), t0 + 120 * S); // the true time of death, not the restart
        QVERIFY2(death.at(3).contains(u"found at start-up"), qPrintable(death.at(3)));
        // The late one still dies on time.
        QCOMPARE(rig.stateAfter(500 * S, QStringLiteral("slow")), AgentState::Dead);
        writer.stop();
    }

    void pause_mutesDeadlines_andTheAgentIsJudgedWhenItEnds()
    {
        Rig rig;
        rig.start();
        rig.beat(QStringLiteral("a"), BeatStatus::Ok, 10);
        const qint64 id = rig.id(QStringLiteral("a"));
        QVERIFY(rig.watchdog->pause(id, QStringLiteral("a"), rig.clock.nowMs() + 60 * S, QStringLiteral("deploying")));
        QCOMPARE(*rig.watchdog->stateOf(id), AgentState::Paused);
        QCOMPARE(rig.stateAfter(59 * S, QStringLiteral("a")), AgentState::Paused); // neither late nor dead
        QCOMPARE(rig.stateAfter(1 * S, QStringLiteral("a")), AgentState::Dead);    // the pause ends: judged
        const auto rows = rig.timeline(QStringLiteral("a"));
        QCOMPARE(rows.at(1).at(3), QStringLiteral("paused until %1: deploying")
                                       .arg(QDateTime::fromMSecsSinceEpoch(rig.clock.nowMs()).toString(Qt::ISODate)));
        QCOMPARE(rows.at(2).at(3), QStringLiteral("pause ended; no beat for 60 s"));

        // Beats during a pause count: after it the agent is healthy and watched again.
        rig.beat(QStringLiteral("b"), BeatStatus::Ok, 10);
        const qint64 b = rig.id(QStringLiteral("b"));
        QVERIFY(rig.watchdog->pause(b, QStringLiteral("b"), 0, QString())); // until resumed
        QCOMPARE(rig.beat(QStringLiteral("b"), BeatStatus::Ok, 10).state, AgentState::Paused);
        QCOMPARE(rig.stateAfter(3600 * S, QStringLiteral("b")), AgentState::Paused);
        rig.beat(QStringLiteral("b"), BeatStatus::Warning, 10);
        QVERIFY(rig.watchdog->resume(b));
        QCOMPARE(*rig.watchdog->stateOf(b), AgentState::Warning);
        QVERIFY(!rig.watchdog->resume(b)); // not paused any more
        QCOMPARE(rig.stateAfter(11 * S, QStringLiteral("b")), AgentState::Late);
        QVERIFY(!rig.watchdog->pause(424242, QString(), 0, QString()));
    }

    void pause_survivesARestart()
    {
        Rig rig;
        rig.start();
        rig.beat(QStringLiteral("a"), BeatStatus::Ok, 10);
        QVERIFY(
            rig.watchdog->pause(rig.id(QStringLiteral("a")), QStringLiteral("a"), 0, QStringLiteral("investigating")));
        rig.watchdog->flush();
        rig.watchdog.reset();
        // What the storage writer records of the beat (this rig feeds the watchdog directly).
        QSqlQuery q(rig.db.connection());
        QVERIFY(q.exec(
            QStringLiteral("UPDATE agents SET last_seen_at = %1, interval_s = 10, last_status = 'ok' WHERE name = 'a'")
                .arg(rig.clock.nowMs())));
        rig.clock.advance(3600 * S);
        rig.start();
        QCOMPARE(*rig.watchdog->stateOf(rig.id(QStringLiteral("a"))), AgentState::Paused);
        QVERIFY(rig.watchdog->resume(rig.id(QStringLiteral("a"))));
        QCOMPARE(*rig.watchdog->stateOf(rig.id(QStringLiteral("a"))), AgentState::Dead);
    }

    // flush() is called from other threads (HTTP I/O threads, before they read the timeline) and
    // observe() from the storage writer's: they store and queue, and `transitioned` is emitted on the
    // watchdog's own thread only (before: flush() emitted on whichever thread called it).
    void flushFromAnotherThread_stores_andSignalsOnTheWatchdogsThreadOnly()
    {
        Rig rig;
        rig.start();
        const qint64 id = rig.id(QStringLiteral("a"));
        QList<QThread *> emittedOn;
        connect(
            rig.watchdog.get(), &Watchdog::transitioned, this,
            [&](const StateTransition &) { emittedOn.append(QThread::currentThread()); }, Qt::DirectConnection);
        const auto onThread = [](const std::function<void()> &work) {
            std::unique_ptr<QThread> t(QThread::create(work));
            t->start();
            t->wait();
        };
        onThread([&] {
            Heartbeat b;
            b.agent = QStringLiteral("a");
            b.status = BeatStatus::Error;
            b.receivedAtMs = b.occurredAtMs = rig.clock.nowMs();
            rig.watchdog->observe(id, b);
        });
        onThread([&] { rig.watchdog->flush(); });
        QVERIFY(emittedOn.isEmpty()); // neither observe() nor flush() emitted on their threads
        QSqlQuery q(rig.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT to_state FROM state_changes WHERE agent_id = %1").arg(id)) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("error")); // flush() stored it
        QTRY_COMPARE(emittedOn.size(), 1);                        // the queued call emits it here
        QCOMPARE(emittedOn.first(), QThread::currentThread());
        QCOMPARE(emittedOn.first(), rig.watchdog->thread());
    }

    void realClock_deathDetectedWithinOneSecondOfItsDeadline()
    {
        Rig rig;
        Watchdog::Options o;
        o.agents.insert(QStringLiteral("rt"), AgentPolicy{1.0, 0.5, {}});
        rig.watchdog = std::make_unique<Watchdog>(rig.db, Clock::system(), rig.days, o);
        QString error;
        QVERIFY(rig.watchdog->load(&error));
        QSignalSpy spy(rig.watchdog.get(), &Watchdog::transitioned);
        qint64 deathDetectedAt = 0;
        connect(rig.watchdog.get(), &Watchdog::transitioned, this, [&](const StateTransition &t) {
            if (t.to == AgentState::Dead)
                deathDetectedAt = Clock::system().nowMs();
        });
        Heartbeat b;
        b.agent = QStringLiteral("rt");
        b.receivedAtMs = b.occurredAtMs = Clock::system().nowMs();
        rig.watchdog->observe(rig.id(QStringLiteral("rt")), b);
        const qint64 deadline = b.receivedAtMs + 1500;
        QTRY_VERIFY_WITH_TIMEOUT(deathDetectedAt > 0, 5000);
        const qint64 lag = deathDetectedAt - deadline;
        qInfo("death detected %lld ms after its deadline", lag);
        QVERIFY2(lag >= 0 && lag < 1000, qPrintable(QString::number(lag)));
    }

    // Through the API: the answer to a beat carries the watchdog's warning for the SDK.
    void api_answersCarryLoopAndBudgetWarnings()
    {
        TestDir dir;
        ManualClock clock;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("api.db"));
        config.http.port = 0;
        config.timeZone = QTimeZone::utc();
        config.watchdog.agents.insert(QStringLiteral("spender"), AgentPolicy{{}, {}, 1.0});
        ServerInstance server(config, &clock);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QByteArray key =
            KeyStore(server.database()).create(QStringLiteral("k"), ApiKey::Scope::Admin, 0, 0, &error)->key;
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        auto post = [&](const QByteArray &body) {
            return c.request("POST", "/api/v1/heartbeat", body, {{"X-API-Key", key}}).json();
        };

        const QByteArray looping =
            "{\"agent\":\"looper\",\"tool_call_log\":[{\"name\":\"search\",\"args\":\"q=same\"}]}";
        for (int i = 0; i < 4; ++i)
            QVERIFY(!post(looping).contains(QStringLiteral("warning")));
        QJsonObject answer = post(looping);
        QCOMPARE(answer.value(QStringLiteral("warning")).toString(), QStringLiteral("loop_detected"));
        QVERIFY(answer.value(QStringLiteral("reason")).toString().contains(u"5 times"));
        QVERIFY(post(looping).contains(QStringLiteral("warning"))); // repeated while the loop lasts
        QVERIFY(!post("{\"agent\":\"looper\",\"tool_call_log\":[{\"name\":\"write\",\"args\":\"done\"}]}")
                     .contains(QStringLiteral("warning")));

        // gpt-4o at $2.50/M input: 240 000 tokens cost $0.60; two such beats pass the $1 budget.
        const QByteArray spend = "{\"agent\":\"spender\",\"model\":\"gpt-4o\",\"input_tokens\":240000}";
        QVERIFY(!post(spend).contains(QStringLiteral("warning")));
        answer = post(spend);
        QCOMPARE(answer.value(QStringLiteral("warning")).toString(), QStringLiteral("cost_exceeded"));
        QCOMPARE(answer.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("spent $1.20 today; the daily budget is $1.00"));
        post("{\"agent\":\"mystery\",\"model\":\"in-house-llm\",\"input_tokens\":1000}");

        QMetaObject::invokeMethod(
            &server.watchdog(), [&] { server.watchdog().flush(); }, Qt::BlockingQueuedConnection);
        const QJsonArray agents = c.request("GET", "/api/v1/status", {}, {{"X-API-Key", key}})
                                      .json()
                                      .value(QStringLiteral("agents"))
                                      .toArray();
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &a : agents)
            byName.insert(a.toObject().value(QStringLiteral("name")).toString(), a.toObject());
        QCOMPARE(byName.value(QStringLiteral("spender")).value(QStringLiteral("over_budget")).toBool(), true);
        QCOMPARE(byName.value(QStringLiteral("spender")).value(QStringLiteral("cost_today_usd")).toDouble(), 1.2);
        QCOMPARE(byName.value(QStringLiteral("looper")).value(QStringLiteral("looping")).toBool(), false); // it stopped
        QCOMPARE(byName.value(QStringLiteral("mystery")).value(QStringLiteral("unpriced_beats_today")).toInt(), 1);
        QCOMPARE(byName.value(QStringLiteral("mystery")).value(QStringLiteral("cost_today_usd")).toDouble(), 0.0);
        QCOMPARE(byName.value(QStringLiteral("looper")).value(QStringLiteral("expected_interval")).toDouble(), 60.0);

        QSqlQuery q(server.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT cause FROM state_changes s JOIN agents a ON a.id = s.agent_id WHERE "
                                      "a.name = 'looper' ORDER BY s.id")));
        QStringList causes;
        while (q.next())
            causes << q.value(0).toString();
        QVERIFY2(causes.size() == 3 && causes.at(1).startsWith(u"loop detected") && causes.at(2) == u"loop ended",
                 qPrintable(causes.join(u" | ")));
    }

    void api_alertHistoryCsvAndAcknowledge()
    {
        TestDir dir;
        ManualClock clock;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("alerts.db"));
        config.http.port = 0;
        config.timeZone = QTimeZone::utc();
        ServerInstance server(config, &clock);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        KeyStore keys(server.database());
        const QByteArray admin = keys.create(QStringLiteral("a"), ApiKey::Scope::Admin, 0, 0, &error)->key;
        const QByteArray read = keys.create(QStringLiteral("r"), ApiKey::Scope::Read, 0, 0, &error)->key;
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        QCOMPARE(
            c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"w1\",\"interval\":10}", {{"X-API-Key", admin}}).status,
            200);
        QCOMPARE(c.request("POST", "/api/v1/heartbeat",
                           "{\"agent\":\"w2\",\"interval\":10,\"status\":\"error\",\"message\":\"quota\"}",
                           {{"X-API-Key", admin}})
                     .status,
                 200);
        clock.advance(30 * S);
        Watchdog &w = server.watchdog();
        QMetaObject::invokeMethod(
            &w,
            [&w] {
                w.poll();
                w.flush();
            },
            Qt::BlockingQueuedConnection);

        auto r = c.request("GET", "/api/v1/alerts?state=open", {}, {{"X-API-Key", read}});
        QCOMPARE(r.status, 200);
        QJsonArray alerts = r.json().value(QStringLiteral("alerts")).toArray();
        QCOMPARE(alerts.size(), 3); // w1 dead, w2 error and dead
        r = c.request("GET", "/api/v1/alerts?agent=w2&kind=error", {}, {{"X-API-Key", read}});
        alerts = r.json().value(QStringLiteral("alerts")).toArray();
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().toObject().value(QStringLiteral("summary")).toString(),
                 QStringLiteral("Agent 'w2' reports an error"));
        const qint64 id = alerts.first().toObject().value(QStringLiteral("id")).toInteger();
        r = c.request("GET", "/api/v1/alerts?format=csv", {}, {{"X-API-Key", read}});
        QVERIFY(r.header("content-type").startsWith("text/csv"));
        QCOMPARE(r.body.count("\r\n"), 4);
        QCOMPARE(c.request("GET", "/api/v1/alerts?state=maybe", {}, {{"X-API-Key", read}}).status, 422);

        const QByteArray ack = "/api/v1/alerts/" + QByteArray::number(id) + "/ack";
        QCOMPARE(c.request("POST", ack, {}, {{"X-API-Key", read}}).status, 403); // needs admin
        QCOMPARE(c.request("POST", ack, {}, {{"X-API-Key", admin}}).status, 200);
        QCOMPARE(c.request("POST", ack, {}, {{"X-API-Key", admin}}).status, 404); // already
        QCOMPARE(c.request("GET", ack, {}, {{"X-API-Key", admin}}).status, 405);
        r = c.request("GET", "/api/v1/alerts?agent=w2&kind=error", {}, {{"X-API-Key", read}});
        QVERIFY(!r.json()
                     .value(QStringLiteral("alerts"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("acknowledged_at"))
                     .isNull());

        // Pause and resume through the API.
        QCOMPARE(c.request("POST", "/api/v1/agents/w1/pause", "{\"minutes\": 60}", {{"X-API-Key", read}}).status, 403);
        QCOMPARE(c.request("POST", "/api/v1/agents/ghost/pause", {}, {{"X-API-Key", admin}}).status, 404);
        QCOMPARE(c.request("POST", "/api/v1/agents/w1/pause", "{\"minutes\": -5}", {{"X-API-Key", admin}}).status, 422);
        QCOMPARE(c.request("POST", "/api/v1/agents/w1/resume", {}, {{"X-API-Key", admin}}).status, 409);
        r = c.request("POST", "/api/v1/agents/w1/pause", "{\"minutes\": 60, \"comment\": \"maintenance\"}",
                      {{"X-API-Key", admin}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("state")).toString(), QStringLiteral("paused"));
        QVERIFY(!r.json().value(QStringLiteral("until")).isNull());
        const auto status = c.request("GET", "/api/v1/status", {}, {{"X-API-Key", read}})
                                .json()
                                .value(QStringLiteral("agents"))
                                .toArray();
        QCOMPARE(status.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("paused"));
        r = c.request("POST", "/api/v1/agents/w1/resume", {}, {{"X-API-Key", admin}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("state")).toString(), QStringLiteral("dead"));
    }
};

QTEST_GUILESS_MAIN(TestWatchdog)
#include "TestWatchdog.moc"
