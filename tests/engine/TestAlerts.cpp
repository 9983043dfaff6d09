// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "engine/AlertEngine.h"
#include "engine/Channels.h"
#include "engine/NotificationDispatcher.h"
#include "engine/Watchdog.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "support/FloodingServer.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QTest>

using namespace clev;
using clev::test::RecordingReceiver;
using clev::test::TestDir;

namespace {

constexpr qint64 S = 1000;

ChannelConfig channel(const QString &name, const QString &type, const QString &url, const QString &secret = {},
                      const QStringList &kinds = {})
{
    ChannelConfig c;
    c.name = name;
    QString error;
    if (!c.setType(type, &error) || !c.setKinds(kinds, &error))
        qFatal("%s", qPrintable(error));
    c.url = url;
    c.secret = secret;
    c.timeoutMs = 3000;
    return c;
}

// Watchdog + alert engine + dispatcher over one database, on the test's thread, with a manual clock.
struct Alerts
{
    TestDir dir;
    ManualClock clock;
    DayBuckets days{QTimeZone::utc()};
    Database db{{dir.file(QStringLiteral("alerts.db")), 1000}};
    std::unique_ptr<Watchdog> watchdog;
    std::unique_ptr<NotificationDispatcher> dispatcher;
    std::unique_ptr<AlertEngine> alerts;
    QHash<QString, qint64> ids;

    Alerts()
    {
        QString error;
        if (!db.open(&error))
            qFatal("%s", qPrintable(error));
    }
    void start(const QList<ChannelConfig> &channels, AlertEngine::Options alertOptions = {},
               NotificationDispatcher::Options d = {}, Watchdog::Options w = {})
    {
        alerts.reset();
        dispatcher.reset();
        watchdog = std::make_unique<Watchdog>(db, clock, days, w);
        QString error;
        watchdog->load(&error);
        dispatcher = std::make_unique<NotificationDispatcher>(db, clock, channels, d);
        alerts = std::make_unique<AlertEngine>(db, clock, dispatcher.get(), alertOptions);
        QObject::connect(watchdog.get(), &Watchdog::transitioned, alerts.get(), &AlertEngine::onTransition);
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
    void beat(const QString &name, BeatStatus status = BeatStatus::Ok, const QString &message = {})
    {
        Heartbeat b;
        b.agent = name;
        b.status = status;
        b.message = message;
        b.intervalSecs = 60;
        b.receivedAtMs = b.occurredAtMs = clock.nowMs();
        watchdog->observe(id(name), b);
        settle();
    }
    // The watchdog emits a beat's transitions on its own thread (this one) by a queued call, not from
    // observe() or flush(): run that call, so the alert engine has them, then store the timeline.
    void settle()
    {
        QCoreApplication::sendPostedEvents(watchdog.get(), QEvent::MetaCall);
        watchdog->flush();
    }
    void advance(qint64 ms)
    {
        clock.advance(ms);
        watchdog->poll();
        watchdog->flush();
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(db.connection());
        q.exec(sql);
        q.next();
        return q.value(0).toLongLong();
    }
};

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void death_notifiesEveryChannelOnce_andRecoveryResolves()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/hook")),
                         QStringLiteral("s3cret")),
                 channel(QStringLiteral("slack"), QStringLiteral("slack"), rx.url(QStringLiteral("/slack"))),
                 channel(QStringLiteral("discord"), QStringLiteral("discord"), rx.url(QStringLiteral("/discord"))),
                 channel(QStringLiteral("pd"), QStringLiteral("pagerduty"), rx.url(QStringLiteral("/pd")),
                         QStringLiteral("R0UTING"))});
        a.beat(QStringLiteral("crawler"), BeatStatus::Ok, QStringLiteral("fetched 20 pages"));
        a.advance(120 * S);
        QTRY_COMPARE(rx.count(), 4);

        // Webhook: the notification as JSON, signed.
        const auto hook = rx.receivedOn("/hook").first();
        const QJsonObject h = hook.json();
        QCOMPARE(h.value(QStringLiteral("action")).toString(), QStringLiteral("trigger"));
        QCOMPARE(h.value(QStringLiteral("kind")).toString(), QStringLiteral("dead"));
        QCOMPARE(h.value(QStringLiteral("agent")).toString(), QStringLiteral("crawler"));
        QCOMPARE(h.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(h.value(QStringLiteral("detail")).toString(), QStringLiteral("no beat for 2 min"));
        QVERIFY(h.value(QStringLiteral("action_taken")).toString().contains(u"No automatic restart"));
        const QByteArray ts = hook.header("x-clevagent-timestamp");
        const QByteArray expected =
            "sha256=" +
            QMessageAuthenticationCode::hash(ts + '.' + hook.body, "s3cret", QCryptographicHash::Sha256).toHex();
        QCOMPARE(hook.header("x-clevagent-signature"), expected);
        QVERIFY(hook.header("idempotency-key").startsWith("incident-1-trigger-hook"));

        // Slack: Block Kit.
        const QJsonObject s = rx.receivedOn("/slack").first().json();
        QVERIFY(s.value(QStringLiteral("text")).toString().contains(u"Agent 'crawler' is dead"));
        const QJsonArray blocks = s.value(QStringLiteral("blocks")).toArray();
        QCOMPARE(blocks.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("header"));
        QVERIFY(QJsonDocument(blocks).toJson().contains("fetched 20 pages")); // the last message
        // Discord: an embed.
        const QJsonObject embed =
            rx.receivedOn("/discord").first().json().value(QStringLiteral("embeds")).toArray().first().toObject();
        QVERIFY(embed.value(QStringLiteral("title")).toString().contains(u"is dead"));
        QCOMPARE(embed.value(QStringLiteral("color")).toInt(), 0xE01E5A);
        QCOMPARE(embed.value(QStringLiteral("description")).toString(), QStringLiteral("no beat for 2 min"));
        // PagerDuty Events v2.
        const QJsonObject pd = rx.receivedOn("/pd").first().json();
        QCOMPARE(pd.value(QStringLiteral("routing_key")).toString(), QStringLiteral("R0UTING"));
        QCOMPARE(pd.value(QStringLiteral("event_action")).toString(), QStringLiteral("trigger"));
        QCOMPARE(pd.value(QStringLiteral("dedup_key")).toString(), QStringLiteral("clevagent-incident-1"));
        QCOMPARE(pd.value(QStringLiteral("payload")).toObject().value(QStringLiteral("severity")).toString(),
                 QStringLiteral("critical"));
        QCOMPARE(pd.value(QStringLiteral("payload")).toObject().value(QStringLiteral("source")).toString(),
                 QStringLiteral("crawler"));

        // One open incident per (agent, kind): the same death again changes nothing.
        a.alerts->onTransition(StateTransition{a.id(QStringLiteral("crawler")), QStringLiteral("crawler"),
                                               AgentState::Late, AgentState::Dead, QStringLiteral("again"),
                                               a.clock.nowMs()});
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents")), 1);

        // It beats again: resolved, on every channel, PagerDuty with the same dedup_key.
        a.advance(30 * S);
        a.beat(QStringLiteral("crawler"));
        QTRY_COMPARE(rx.count(), 8);
        const QJsonObject resolve = rx.receivedOn("/pd").last().json();
        QCOMPARE(resolve.value(QStringLiteral("event_action")).toString(), QStringLiteral("resolve"));
        QCOMPARE(resolve.value(QStringLiteral("dedup_key")).toString(), QStringLiteral("clevagent-incident-1"));
        QVERIFY(
            rx.receivedOn("/slack").last().json().value(QStringLiteral("text")).toString().startsWith(u"✅ Resolved"));
        QVERIFY(
            rx.receivedOn("/hook").last().json().value(QStringLiteral("detail")).toString().contains(u"open for 30 s"));
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE resolved_at IS NOT NULL")), 1);
        // The receiver has the requests; the outbox marks them sent once their answers are read.
        QTRY_COMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")), 8);
        QTest::qWait(200);
        QCOMPARE(rx.count(), 8); // and nothing more
    }

    void channelKinds_filterWhatTheyReceive()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        a.start({channel(QStringLiteral("loops"), QStringLiteral("webhook"), rx.url(QStringLiteral("/loops")), {},
                         {QStringLiteral("loop")}),
                 channel(QStringLiteral("all"), QStringLiteral("webhook"), rx.url(QStringLiteral("/all")))});
        a.beat(QStringLiteral("x"));
        a.advance(120 * S);
        QTRY_COMPARE(rx.receivedOn("/all").size(), 1);
        QTest::qWait(100);
        QCOMPARE(rx.receivedOn("/loops").size(), 0);
    }

    void outbox_receiverDownThenUp_deliveredExactlyOnce_evenAcrossARestart()
    {
        const quint16 port = RecordingReceiver::freePort();
        const QString url = QStringLiteral("http://127.0.0.1:%1/hook").arg(port);
        Alerts a;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), url)});
        a.beat(QStringLiteral("a"));
        a.advance(120 * S); // dead: the receiver is not running
        QTRY_COMPARE(a.scalar(QStringLiteral("SELECT attempts FROM outbox")), 1);
        QVERIFY(a.scalar(QStringLiteral(
                    "SELECT count(*) FROM outbox WHERE last_error LIKE 'cannot reach the receiver%'")) == 1);
        QCOMPARE(a.scalar(QStringLiteral("SELECT next_attempt_at FROM outbox")), a.clock.nowMs() + 2 * S);
        a.clock.advance(2 * S);
        a.dispatcher->pump();
        QTRY_COMPARE(a.scalar(QStringLiteral("SELECT attempts FROM outbox")), 2);
        QCOMPARE(a.scalar(QStringLiteral("SELECT next_attempt_at FROM outbox")), a.clock.nowMs() + 4 * S); // doubled

        // The program stops; the receiver comes up; the program starts again.
        a.alerts.reset();
        a.dispatcher.reset();
        RecordingReceiver rx;
        QVERIFY(rx.start(port));
        a.clock.advance(10 * S);
        a.dispatcher = std::make_unique<NotificationDispatcher>(
            a.db, a.clock, QList<ChannelConfig>{channel(QStringLiteral("hook"), QStringLiteral("webhook"), url)});
        QTRY_COMPARE(rx.count(), 1);
        QTRY_VERIFY(a.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")) == 1);
        QCOMPARE(a.scalar(QStringLiteral("SELECT attempts FROM outbox")), 3);
        for (int i = 0; i < 5; ++i) {
            a.clock.advance(60 * S);
            a.dispatcher->pump();
        }
        QTest::qWait(200);
        QCOMPARE(rx.count(), 1); // exactly once
    }

    void deliveredButNotMarked_isNeverSentAgain()
    {
        const quint16 port = RecordingReceiver::freePort();
        const QString url = QStringLiteral("http://127.0.0.1:%1/hook").arg(port);
        Alerts a;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), url)});
        a.beat(QStringLiteral("a"));
        a.advance(120 * S);
        QTRY_COMPARE(a.scalar(QStringLiteral("SELECT attempts FROM outbox")), 1); // the receiver is down
        RecordingReceiver rx;
        QVERIFY(rx.start(port));
        {
            // Another process holds the write lock: the "sent" mark cannot be stored after delivery.
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            other.setDatabaseName(a.db.options().path);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
            a.clock.advance(10 * S);
            a.dispatcher->pump();
            QTRY_COMPARE(rx.count(), 1);
            QTest::qWait(1500); // past the busy timeout: the mark failed
            a.dispatcher->pump();
            QTest::qWait(300);
            QCOMPARE(rx.count(), 1); // remembered as delivered: not sent again
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        a.dispatcher->pump();
        QTRY_COMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")), 1);
        QCOMPARE(rx.count(), 1);
    }

    void receiverError_isRetriedThenGivenUp_withTheReceiversWords()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        rx.setStatus(500, "{\"error\":\"database on fire\"}");
        Alerts a;
        NotificationDispatcher::Options d;
        d.maxAttempts = 3;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")))}, {}, d);
        a.beat(QStringLiteral("a"));
        a.advance(120 * S);
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_COMPARE(rx.count(), attempt);
            QTRY_COMPARE(a.scalar(QStringLiteral("SELECT attempts FROM outbox")), attempt);
            a.clock.advance(10 * S);
            a.dispatcher->pump();
        }
        QTRY_COMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE failed_at IS NOT NULL")), 1);
        QSqlQuery q(a.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT last_error FROM outbox")) && q.next());
        QCOMPARE(q.value(0).toString(),
                 QStringLiteral("the receiver answered HTTP 500: {\"error\":\"database on fire\"}"));
        QTest::qWait(100);
        QCOMPARE(rx.count(), 3);
    }

    void flapping_oneNoticeInsteadOfOnePerFlip_untilStable()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        AlertEngine::Options o;
        o.flap.count = 3;
        o.flap.windowMs = 600 * S;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")), {},
                         {QStringLiteral("dead")})},
                o);
        // Dies (60 s interval + 60 s grace) and comes back, eight times.
        for (int flip = 0; flip < 8; ++flip) {
            a.beat(QStringLiteral("f"));
            a.advance(120 * S);
            QCOMPARE(a.watchdog->stateOf(a.id(QStringLiteral("f"))), AgentState::Dead);
        }
        a.beat(QStringLiteral("f"));
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'dead'")), 8); // all recorded
        QTest::qWait(300);
        QStringList told;
        const auto collect = [&] {
            told.clear();
            for (const auto &r : rx.received())
                told << r.json().value(QStringLiteral("kind")).toString() + u' ' +
                            r.json().value(QStringLiteral("action")).toString();
        };
        collect();
        // Two deaths told with their recoveries, then one "flapping" (sent to the channel that takes deaths).
        QCOMPARE(told, (QStringList{QStringLiteral("dead trigger"), QStringLiteral("dead resolve"),
                                    QStringLiteral("dead trigger"), QStringLiteral("dead resolve"),
                                    QStringLiteral("flapping trigger")}));
        // Stable for the window: one notice that it ended.
        a.clock.advance(600 * S);
        a.alerts->flapsDue();
        QTRY_COMPARE(rx.count(), 6);
        collect();
        QCOMPARE(told.last(), QStringLiteral("flapping resolve"));
        QCOMPARE(a.scalar(QStringLiteral(
                     "SELECT count(*) FROM incidents WHERE kind = 'flapping' AND resolved_at IS NOT NULL")),
                 1);
        // Flapping again and then staying dead: that death is told when the window passes.
        for (int flip = 0; flip < 3; ++flip) {
            a.beat(QStringLiteral("f"));
            a.advance(120 * S);
        }
        QTRY_COMPARE(rx.count(), 11); // 2 x (trigger + resolve) + flapping trigger
        a.clock.advance(600 * S);
        a.alerts->flapsDue();
        QTRY_COMPARE(rx.count(), 13);
        collect();
        QCOMPARE(told.mid(11), (QStringList{QStringLiteral("flapping resolve"), QStringLiteral("dead trigger")}));
        a.beat(QStringLiteral("f"));
        QTRY_COMPARE(rx.count(), 14);
        collect();
        QCOMPARE(told.last(), QStringLiteral("dead resolve"));
    }

    void crashIncident_carriesTheTraceback()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")))});
        Heartbeat b;
        b.agent = QStringLiteral("c");
        b.status = BeatStatus::Error;
        b.message = QStringLiteral("CRASH: ValueError: bad input");
        b.customData = QString::fromUtf8(
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("traceback"),
                     QStringLiteral(
                         "Traceback (most recent call last):\n  File \"agent.py\", line 3\nValueError: bad input\n")},
                    {QStringLiteral("thread"), QStringLiteral("main")}})
                .toJson());
        b.receivedAtMs = b.occurredAtMs = a.clock.nowMs();
        a.watchdog->observe(a.id(QStringLiteral("c")), b);
        a.settle();
        QTRY_COMPARE(rx.count(), 1);
        const QString detail = rx.received().first().json().value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(u"File \"agent.py\", line 3"), qPrintable(detail));
        QSqlQuery q(a.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT detail FROM incidents WHERE kind = 'crash'")) && q.next());
        QVERIFY(q.value(0).toString().endsWith(u"ValueError: bad input\n"));
    }

    void crash_error_loop_budget_incidents()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        Watchdog::Options w;
        w.defaults.dailyBudgetUsd = 1.0;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")))}, {}, {}, w);

        a.beat(QStringLiteral("c"), BeatStatus::Error, QStringLiteral("CRASH: ValueError: bad input"));
        a.beat(QStringLiteral("e"), BeatStatus::Error, QStringLiteral("rate limited by the LLM API"));
        QTRY_COMPARE(rx.count(), 2);
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'crash'")), 1);
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'error'")), 1);
        const QJsonObject crash = rx.received().first().json();
        QVERIFY(crash.value(QStringLiteral("summary")).toString().endsWith(u"crashed"));
        QCOMPARE(crash.value(QStringLiteral("last_message")).toString(),
                 QStringLiteral("CRASH: ValueError: bad input"));
        a.clock.advance(Heartbeat::LastWordWindowMs); // restarted: not a beat racing the crash report
        a.beat(QStringLiteral("c"));
        QTRY_COMPARE(rx.count(), 3);
        QCOMPARE(
            a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'crash' AND resolved_at IS NOT NULL")),
            1);

        // Loop: opens, then ends.
        Heartbeat b;
        b.agent = QStringLiteral("l");
        b.toolCallLog = {{QStringLiteral("search"), QStringLiteral("same")}};
        for (int i = 0; i < 5; ++i) {
            b.receivedAtMs = b.occurredAtMs = a.clock.nowMs();
            a.watchdog->observe(a.id(QStringLiteral("l")), b);
        }
        a.settle();
        QTRY_COMPARE(rx.count(), 4);
        QCOMPARE(rx.received().last().json().value(QStringLiteral("kind")).toString(), QStringLiteral("loop"));
        b.toolCallLog = {{QStringLiteral("write"), QStringLiteral("report")}};
        a.watchdog->observe(a.id(QStringLiteral("l")), b);
        a.settle();
        QTRY_COMPARE(rx.count(), 5);
        QCOMPARE(rx.received().last().json().value(QStringLiteral("action")).toString(), QStringLiteral("resolve"));

        // Budget: 80 % opens one incident; 95 % and 100 % update it, each once.
        Heartbeat spend;
        spend.agent = QStringLiteral("s");
        for (double usd : {0.85, 0.05, 0.05, 0.10, 0.10}) {
            spend.costUsd = usd;
            spend.receivedAtMs = spend.occurredAtMs = a.clock.nowMs();
            a.watchdog->observe(a.id(QStringLiteral("s")), spend);
            a.settle();
        }
        QTRY_COMPARE(rx.count(), 8);
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'budget'")), 1);
        const auto all = rx.received();
        QCOMPARE(all.at(5).json().value(QStringLiteral("summary")).toString(),
                 QStringLiteral("Agent 's' used 80 % of its daily budget"));
        QCOMPARE(all.at(6).json().value(QStringLiteral("action")).toString(), QStringLiteral("update"));
        QCOMPARE(all.at(7).json().value(QStringLiteral("summary")).toString(),
                 QStringLiteral("Agent 's' spent its daily budget"));
    }

    void projectBudget_sumsItsAgents()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        Watchdog::Options w;
        w.projects.append(ProjectPolicy{QStringLiteral("research"), {QStringLiteral("research-*")}, 1.0});
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")))}, {}, {}, w);
        auto spend = [&](const QString &agent, double usd) {
            Heartbeat b;
            b.agent = agent;
            b.costUsd = usd;
            b.receivedAtMs = b.occurredAtMs = a.clock.nowMs();
            const Watchdog::Verdict v = a.watchdog->observe(a.id(agent), b);
            a.settle();
            return v;
        };
        QVERIFY(spend(QStringLiteral("research-a"), 0.5).warning.isEmpty());
        QVERIFY(spend(QStringLiteral("other"), 5.0).warning.isEmpty());       // not in the project
        QVERIFY(spend(QStringLiteral("research-b"), 0.35).warning.isEmpty()); // 85 % of the project
        QTRY_COMPARE(rx.count(), 1);
        const QJsonObject first = rx.received().first().json();
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("project_budget:research"));
        QCOMPARE(first.value(QStringLiteral("summary")).toString(),
                 QStringLiteral("Project 'research' used 80 % of its daily budget"));
        QVERIFY(first.value(QStringLiteral("detail")).toString().contains(u"last spent by agent 'research-b'"));
        const Watchdog::Verdict over = spend(QStringLiteral("research-a"), 0.2); // 105 %: 95 and 100 at once
        QCOMPARE(over.warning, QStringLiteral("cost_exceeded"));
        QCOMPARE(over.reason, QStringLiteral("project 'research' spent $1.05 today; its daily budget is $1.00"));
        QTRY_COMPARE(rx.count(), 3);
        // Recorded on the agent whose spend crossed each line: 80 % on b, then 95 and 100 % on a.
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'project_budget:research'")), 2);
    }

    void budget_eachDayIsANewIncident_andPauseRecoveryResolvesDeath()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        Watchdog::Options w;
        w.defaults.dailyBudgetUsd = 1.0;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")))}, {}, {}, w);
        Heartbeat spend;
        spend.agent = QStringLiteral("s");
        spend.costUsd = 1.5; // 80, 95 and 100 % at once
        spend.receivedAtMs = spend.occurredAtMs = a.clock.nowMs();
        a.watchdog->observe(a.id(QStringLiteral("s")), spend);
        a.settle();
        QTRY_COMPARE(rx.count(), 3);
        a.clock.advance(24 * 3600 * S); // the next day: the same thresholds, a new incident
        spend.receivedAtMs = spend.occurredAtMs = a.clock.nowMs();
        a.watchdog->observe(a.id(QStringLiteral("s")), spend);
        a.settle();
        QTRY_COMPARE(rx.count(), 7); // yesterday's resolved, then 80, 95, 100 % again
        QCOMPARE(a.scalar(QStringLiteral(
                     "SELECT count(*) FROM incidents WHERE kind = 'budget' AND resolved_at IS NOT NULL")),
                 1);
        QCOMPARE(
            a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind = 'budget' AND resolved_at IS NULL")),
            1);

        // Dead, paused, beats during the pause, pause ends: the death is over.
        a.beat(QStringLiteral("p"));
        a.advance(120 * S);
        const QString openDeath = QStringLiteral("SELECT count(*) FROM incidents i JOIN agents g ON g.id = i.agent_id"
                                                 " WHERE g.name = 'p' AND i.kind = 'dead' AND i.resolved_at IS NULL");
        QTRY_COMPARE(a.scalar(openDeath), 1);
        QVERIFY(a.watchdog->pause(a.id(QStringLiteral("p")), QStringLiteral("p"), a.clock.nowMs() + 60 * S,
                                  QStringLiteral("fixing")));
        a.advance(30 * S);
        a.beat(QStringLiteral("p"));
        a.advance(30 * S); // the pause ends; the last beat is 30 s old: healthy
        QCOMPARE(*a.watchdog->stateOf(a.id(QStringLiteral("p"))), AgentState::Healthy);
        QTRY_COMPARE(a.scalar(openDeath), 0);
    }

    void silence_recordsWithoutNotifying()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")))});
        QString error;
        QVERIFY(a.alerts->addSilence(QStringLiteral("batch-*"), a.clock.nowMs() + 3600 * S,
                                     QStringLiteral("nightly maintenance"), &error));
        QVERIFY(!a.alerts->addSilence(QStringLiteral("x"), a.clock.nowMs() - 1, QStringLiteral("past"), &error));
        a.beat(QStringLiteral("batch-7"));
        a.beat(QStringLiteral("web"));
        a.advance(120 * S);
        QTRY_COMPARE(rx.count(), 1);
        QCOMPARE(rx.received().first().json().value(QStringLiteral("agent")).toString(), QStringLiteral("web"));
        QCOMPARE(a.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE silenced_by IS NOT NULL")),
                 1); // still recorded
        QTest::qWait(100);
        QCOMPARE(rx.count(), 1);
    }

    void repeat_whileOpen_untilAcknowledged()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/h")))},
                AlertEngine::Options{5});
        a.beat(QStringLiteral("a"));
        a.advance(120 * S);
        QTRY_COMPARE(rx.count(), 1);
        a.clock.advance(4 * 60 * S);
        a.alerts->repeatDue();
        QTest::qWait(100);
        QCOMPARE(rx.count(), 1); // not yet
        a.clock.advance(61 * S);
        a.alerts->repeatDue();
        QTRY_COMPARE(rx.count(), 2);
        QCOMPARE(rx.received().last().json().value(QStringLiteral("action")).toString(), QStringLiteral("repeat"));
        QString error;
        QVERIFY(a.alerts->acknowledge(1, &error));
        QVERIFY(!a.alerts->acknowledge(1, &error));
        a.clock.advance(10 * 60 * S);
        a.alerts->repeatDue();
        QTest::qWait(100);
        QCOMPARE(rx.count(), 2);
    }

    void history_filtersAndCsv()
    {
        Alerts a;
        a.start({});
        a.beat(QStringLiteral("a"));
        a.beat(QStringLiteral("b"), BeatStatus::Error, QStringLiteral("boom, \"quoted\""));
        a.advance(120 * S);
        a.beat(QStringLiteral("a"));
        QCOMPARE(a.alerts->history({}).size(), 3); // a dead (resolved), b error, b dead
        AlertEngine::Filter f;
        f.agent = QStringLiteral("b");
        QCOMPARE(a.alerts->history(f).size(), 2);
        f.kind = IncidentKind::Error;
        QCOMPARE(a.alerts->history(f).size(), 1);
        AlertEngine::Filter open;
        open.open = 1;
        QCOMPARE(a.alerts->history(open).size(), 2);
        const QByteArray csv = AlertEngine::toCsv(a.alerts->history({}));
        QVERIFY(csv.startsWith("id,agent,kind,opened,resolved,acknowledged,silenced,notifications,summary,detail\r\n"));
        QCOMPARE(csv.count("\r\n"), 4);
        QVERIFY(csv.contains("\"beat: error: boom, \"\"quoted\"\"\""));
    }

    void sendTest_reportsSuccessOrTheReceiversError()
    {
        RecordingReceiver rx;
        QVERIFY(rx.start());
        Alerts a;
        a.start({channel(QStringLiteral("ok"), QStringLiteral("slack"), rx.url(QStringLiteral("/ok"))),
                 channel(QStringLiteral("gone"), QStringLiteral("discord"),
                         QStringLiteral("http://127.0.0.1:%1/x").arg(RecordingReceiver::freePort()))});
        QString result = QStringLiteral("pending");
        a.dispatcher->sendTest(QStringLiteral("ok"), [&](const QString &e) { result = e; });
        QTRY_VERIFY(result != u"pending");
        QCOMPARE(result, QString());
        QVERIFY(rx.received().first().json().value(QStringLiteral("text")).toString().contains(u"Test notification"));
        rx.setStatus(404, "no_team");
        result = QStringLiteral("pending");
        a.dispatcher->sendTest(QStringLiteral("ok"), [&](const QString &e) { result = e; });
        QTRY_VERIFY(result != u"pending");
        QCOMPARE(result, QStringLiteral("the receiver answered HTTP 404: no_team"));
        result = QStringLiteral("pending");
        a.dispatcher->sendTest(QStringLiteral("gone"), [&](const QString &e) { result = e; });
        QTRY_VERIFY(result != u"pending");
        QVERIFY2(result.startsWith(u"cannot reach the receiver"), qPrintable(result));
        a.dispatcher->sendTest(QStringLiteral("nope"), [&](const QString &e) { result = e; });
        QCOMPARE(result, QStringLiteral("no channel named 'nope'"));
    }

    // A receiver that redirects: not followed (Qt would repeat the POST as a GET without body or
    // signature, and call it delivered); a failed delivery that names where it points.
    void redirectingReceiver_isAFailedDelivery()
    {
        RecordingReceiver rx, elsewhere; // elsewhere answers 200 to anything
        QVERIFY(rx.start() && elsewhere.start());
        Alerts a;
        a.start({channel(QStringLiteral("hook"), QStringLiteral("webhook"), rx.url(QStringLiteral("/hook")))});
        for (int status : {302, 307}) {
            rx.setStatus(status, "");
            rx.setLocation(elsewhere.url(QStringLiteral("/moved")).toUtf8());
            QString result = QStringLiteral("pending");
            a.dispatcher->sendTest(QStringLiteral("hook"), [&](const QString &e) { result = e; });
            QTRY_VERIFY(result != u"pending");
            QVERIFY2(result.startsWith(QStringLiteral("the receiver answered HTTP %1, a redirect to %2")
                                           .arg(status)
                                           .arg(elsewhere.url(QStringLiteral("/moved")))),
                     qPrintable(result));
        }
        QTest::qWait(200);
        QCOMPARE(rx.received().size(), 2);
        QCOMPARE(elsewhere.received().size(), 0); // nothing went where it pointed
    }

    // A receiver that answers an error with a body that does not end: its first MiB is all that is read,
    // and the error says so (without the bound the app would buffer it, then wait for the rest).
    void sendTest_endlessErrorAnswer_isNotRead()
    {
        clev::test::FloodingServer flood([](const QByteArray &) -> QByteArray {
            return QByteArray("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 104857600\r\n\r\n") +
                   QByteArray(3 << 20, 'x');
        });
        QVERIFY(flood.listen());
        Alerts a;
        a.start({channel(QStringLiteral("flood"), QStringLiteral("webhook"),
                         QStringLiteral("http://127.0.0.1:%1/hook").arg(flood.port()))});
        QString result = QStringLiteral("pending");
        a.dispatcher->sendTest(QStringLiteral("flood"), [&](const QString &e) { result = e; });
        QTRY_VERIFY(result != u"pending");
        QCOMPARE(result, QStringLiteral("the receiver answered HTTP 500: (an answer of more than 1 MiB, not read)"));
    }

    void channelConfig_validation()
    {
        QVERIFY(channel(QStringLiteral("a"), QStringLiteral("slack"),
                        QStringLiteral("https://hooks.slack.com/services/T/B/X"))
                    .validate()
                    .isEmpty());
        QVERIFY(channel(QStringLiteral("a"), QStringLiteral("webhook"), QStringLiteral("ftp://x"))
                    .validate()
                    .contains(u"not an http(s) URL"));
        QVERIFY(channel(QStringLiteral("a"), QStringLiteral("pagerduty"),
                        QStringLiteral("https://events.pagerduty.com/v2/enqueue"))
                    .validate()
                    .contains(u"routing key"));
        // Names a config gives: a type or kind that is none is refused by name, never taken as another.
        ChannelConfig named;
        named.name = QStringLiteral("a");
        QString error;
        QVERIFY(!named.setType(QStringLiteral("sms"), &error));
        QVERIFY2(error.contains(u"unknown type 'sms' (use slack, discord, webhook, pagerduty, email)"),
                 qPrintable(error));
        QVERIFY(named.setType(QStringLiteral("pagerduty"), &error));
        QCOMPARE(named.type, ChannelType::PagerDuty);
        QVERIFY(!named.setKinds({QStringLiteral("dead"), QStringLiteral("fire")}, &error));
        QVERIFY2(error.contains(u"unknown alert kind 'fire'"), qPrintable(error));
        QVERIFY(!named.setKinds({QStringLiteral("flapping")}, &error)); // flapping goes where deaths go
        QVERIFY(named.kinds.isEmpty());
        QVERIFY(named.setKinds({QStringLiteral("project_budget"), QStringLiteral("restart_failed")}, &error));
        QCOMPARE(named.kinds, (QList<IncidentKind>{IncidentKind::ProjectBudget, IncidentKind::RestartFailed}));
        QCOMPARE(named.kindNames(), (QStringList{QStringLiteral("project_budget"), QStringLiteral("restart_failed")}));
        ChannelConfig mail = channel(QStringLiteral("m"), QStringLiteral("email"), {});
        mail.smtpUrl = QStringLiteral("smtp://mail.example.com:587");
        QVERIFY(mail.validate().contains(u"'from'"));
        mail.from = QStringLiteral("clevagent@example.com");
        mail.to = {QStringLiteral("oncall@example.com")};
        QVERIFY(mail.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "TestAlerts.moc"
