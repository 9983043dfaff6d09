// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "engine/AlertEngine.h"
#include "engine/NotificationDispatcher.h"
#include "engine/RestartManager.h"
#include "engine/ServerInstance.h"
#include "storage/KeyStore.h"
#include "support/HttpTestClient.h"
#include "engine/WatchTargets.h"
#include "engine/Watchdog.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

#include <http_parser.h>

using namespace clev;
using clev::test::RecordingReceiver;
using clev::test::TestDir;

namespace {

constexpr qint64 S = 1000;

// A stand-in for the Docker engine, kept only for answers a real engine cannot be made to give: a 500
// from /restart and an inspect answer past 16 MiB. Everything else about Docker is tested against a
// real, private dockerd (tests/scenarios/test_docker.py, TestDesktopDocker). A unix socket speaking
// the Engine API (HTTP/1.1, /v1.41/…); it records the calls.
class DockerStandIn : public QObject
{
public:
    explicit DockerStandIn(const QString &path)
    {
        QLocalServer::removeServer(path);
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QLocalSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QStringList calls;

private:
    static QByteArray frame(char stream, const QByteArray &text)
    {
        const quint32 n = static_cast<quint32>(text.size());
        QByteArray h(8, '\0');
        h[0] = stream;
        h[4] = char(n >> 24);
        h[5] = char(n >> 16);
        h[6] = char(n >> 8);
        h[7] = char(n);
        return h + text;
    }

    void onData(QLocalSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        // The request line through http-parser, like the product's own parsing.
        struct State
        {
            QByteArray url;
        } state;
        http_parser parser;
        http_parser_init(&parser, HTTP_REQUEST);
        parser.data = &state;
        http_parser_settings settings;
        http_parser_settings_init(&settings);
        settings.on_url = [](http_parser *p, const char *at, size_t len) {
            static_cast<State *>(p->data)->url.append(at, static_cast<qsizetype>(len));
            return 0;
        };
        http_parser_execute(&parser, &settings, buffer.constData(), static_cast<size_t>(buffer.size()));
        const QByteArray method = http_method_str(static_cast<http_method>(parser.method));
        const QByteArray url = state.url;
        calls << QString::fromLatin1(method + ' ' + url);
        QByteArray status = "200 OK", type = "application/json", body;
        bool framed = false;
        if (url.contains("/containers/huge/")) { // an answer no engine sends: 20 MiB
            body = "{\"Id\":\"" + QByteArray(20 << 20, 'x') + "\"}";
        } else if (url.contains("/containers/ghost/")) {
            status = "404 Not Found";
            body = "{\"message\":\"No such container: ghost\"}";
        } else if (url.contains("/containers/live/json")) {
            body = "{\"Id\":\"def\",\"RestartCount\":0,\"State\":{\"Status\":\"running\",\"Running\":true,\"ExitCode\":0,\"OOMKilled\":false}}";
        } else if (url.endsWith("/json")) {
            body = "{\"Id\":\"abc\",\"RestartCount\":2,\"State\":{\"Status\":\"exited\",\"ExitCode\":137,\"OOMKilled\":true}}";
        } else if (url.contains("/logs?")) {
            type = "application/vnd.docker.raw-stream";
            body = frame(1, "loading model\n") + frame(2, "Killed: out of memory\n");
            framed = true;
        } else if (url.contains("/containers/broken/restart")) {
            status = "500 Internal Server Error";
            body = "{\"message\":\"driver failed programming external connectivity\"}";
        } else if (url.contains("/restart")) {
            status = "204 No Content";
        }
        QByteArray reply = "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nApi-Version: 1.41\r\n";
        if (!framed) // the log stream is delimited by the end of the connection, as the engine does
            reply += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        reply += "Connection: close\r\n\r\n" + body;
        s->write(reply);
        s->flush();
        s->disconnectFromServer();
        m_buffers.remove(s);
    }

    QLocalServer m_server;
    QHash<QLocalSocket *, QByteArray> m_buffers;
};

struct Rig
{
    TestDir dir;
    ManualClock clock;
    DayBuckets days{QTimeZone::utc()};
    Database db{{dir.file(QStringLiteral("r.db")), 1000}};
    RecordingReceiver rx;
    std::unique_ptr<Watchdog> watchdog;
    std::unique_ptr<NotificationDispatcher> dispatcher;
    std::unique_ptr<AlertEngine> alerts;
    std::unique_ptr<RestartManager> restarts;

    Rig(const QHash<QString, RestartManager::Policy> &policies, RestartManager::Options options = {})
    {
        QString error;
        if (!db.open(&error) || !rx.start())
            qFatal("rig: %s", qPrintable(error));
        watchdog = std::make_unique<Watchdog>(db, clock, days, Watchdog::Options());
        watchdog->load(&error);
        ChannelConfig hook;
        hook.name = QStringLiteral("hook");
        hook.type = ChannelType::Webhook;
        hook.url = rx.url(QStringLiteral("/hook"));
        dispatcher = std::make_unique<NotificationDispatcher>(db, clock, QList<ChannelConfig>{hook});
        alerts = std::make_unique<AlertEngine>(db, clock, dispatcher.get(), AlertEngine::Options());
        restarts = std::make_unique<RestartManager>(db, clock, alerts.get(), policies, options);
        QObject::connect(watchdog.get(), &Watchdog::transitioned, alerts.get(), &AlertEngine::onTransition);
        QObject::connect(watchdog.get(), &Watchdog::transitioned, restarts.get(), &RestartManager::onTransition);
    }
    ~Rig()
    {
        restarts.reset(); // stops supervised children
    }
    qint64 id(const QString &name)
    {
        QString error;
        AgentQueries q(db);
        if (!q.idOf(name))
            q.add(name, clock.nowMs(), &error);
        return q.idOf(name);
    }
    void beatThenDie(const QString &name)
    {
        Heartbeat b;
        b.agent = name;
        b.intervalSecs = 10;
        b.receivedAtMs = b.occurredAtMs = clock.nowMs();
        watchdog->observe(id(name), b);
        // The beat's transitions are emitted by a call queued to the watchdog's thread (this one).
        QCoreApplication::sendPostedEvents(watchdog.get(), QEvent::MetaCall);
        watchdog->flush();
        clock.advance(20 * S);
        watchdog->poll();
        watchdog->flush();
    }
    QList<QStringList> restartRows(const QString &agent)
    {
        QList<QStringList> rows;
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT r.trigger, r.ok, r.context, COALESCE(r.error, '') FROM restarts r JOIN agents a ON a.id = r.agent_id"
                                 " WHERE a.name = ? ORDER BY r.id"));
        q.addBindValue(agent);
        q.exec();
        while (q.next())
            rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
        return rows;
    }
};

RestartManager::Policy processPolicy(const QString &command, const QString &log, int maxRestarts = 3)
{
    RestartManager::Policy p;
    p.target.kind = RestartTarget::Kind::Process;
    p.process.command = command;
    p.process.logFile = log;
    p.process.stopTimeoutMs = 2000;
    p.guard.firstBackoffMs = 0; // the manual clock does not move by itself: no waiting between attempts
    p.guard.startupGraceMs = 0;
    p.guard.maxRestarts = maxRestarts;
    return p;
}

} // namespace

class TestRestarts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guard_backsOffAndGivesUp()
    {
        RestartGuard::Options o;
        o.firstBackoffMs = 5 * S;
        o.startupGraceMs = 2 * S;
        o.maxRestarts = 3;
        o.windowMs = 600 * S;
        RestartGuard g(o);
        QCOMPARE(g.decide(0).kind, RestartGuard::Decision::Kind::Now);
        g.attempted(0);
        auto d = g.decide(1 * S);
        QCOMPARE(d.kind, RestartGuard::Decision::Kind::Later);
        QCOMPARE(d.atMs, 5 * S);
        g.attempted(5 * S);
        QCOMPARE(g.decide(5 * S).atMs, 15 * S); // doubled
        g.attempted(15 * S);
        d = g.decide(100 * S);
        QCOMPARE(d.kind, RestartGuard::Decision::Kind::GiveUp); // 3 within 10 min
        QVERIFY(d.why.contains(u"3 restarts within 10 min"));
        QCOMPARE(g.decide(700 * S).kind, RestartGuard::Decision::Kind::Now); // the window moved on
        g.giveUp();
        QCOMPARE(g.decide(800 * S).kind, RestartGuard::Decision::Kind::GiveUp);
        g.reset();
        QCOMPARE(g.decide(800 * S).kind, RestartGuard::Decision::Kind::Now);

        QString error;
        QCOMPARE(RestartTarget::parse(QStringLiteral("docker:web-1"), &error)->kind, RestartTarget::Kind::Docker);
        QCOMPARE(RestartTarget::parse(QStringLiteral("systemd-user:agent.service"), &error)->name, QStringLiteral("agent.service"));
        QVERIFY(!RestartTarget::parse(QStringLiteral("docker:"), &error));
        QVERIFY(!RestartTarget::parse(QStringLiteral("docker:a;rm -rf /"), &error));
        QVERIFY(!RestartTarget::parse(QStringLiteral("k8s:pod"), &error));
        QVERIFY(error.contains(u"not a restart target"));
    }

    void demultiplex_decodesDockerFrames()
    {
        QByteArray raw;
        for (const auto &[stream, text] : {std::pair<char, QByteArray>{1, "one\ntw"}, {1, "o\n"}, {2, "three\n"}}) {
            QByteArray h(8, '\0');
            h[0] = stream;
            h[7] = char(text.size());
            raw += h + text;
        }
        QCOMPARE(DockerClient::demultiplex(raw), (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
        QCOMPARE(DockerClient::demultiplex("plain tty output\nsecond\n"), (QStringList{QStringLiteral("plain tty output"), QStringLiteral("second")}));
    }

    void process_crashLoop_guardStopsAfterN_logsKept()
    {
        TestDir logs;
        const QString log = logs.file(QStringLiteral("worker.log"));
        Rig rig({{QStringLiteral("worker"), processPolicy(QStringLiteral("sh -c \"echo started; echo ValueError: bad config >&2; exit 3\""), log, 2)}});
        rig.restarts->startSupervised();
        QTRY_COMPARE_WITH_TIMEOUT(rig.restartRows(QStringLiteral("worker")).size(), 3, 10'000);
        const auto rows = rig.restartRows(QStringLiteral("worker"));
        QCOMPARE(rows.at(0).at(0), QStringLiteral("exited: exit 3"));
        QCOMPARE(rows.at(0).at(1), QStringLiteral("1"));
        QVERIFY2(rows.at(0).at(2).contains(u"ValueError: bad config"), qPrintable(rows.at(0).at(2)));
        QCOMPARE(rows.at(2).at(1), QStringLiteral("0"));
        QVERIFY(rows.at(2).at(3).startsWith(u"gave up: 2 restarts within 10 min"));
        QTest::qWait(300);
        QCOMPARE(rig.restartRows(QStringLiteral("worker")).size(), 3); // and then it waits for a person
        QVERIFY(!rig.restarts->supervisor().isRunning(QStringLiteral("worker")));

        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count("started"), 3); // the first run and two restarts, all in the log

        // The alerts: a crash with the exit and the last lines, an update, then restart_failed.
        QTRY_COMPARE(rig.rx.count(), 3);
        const auto received = rig.rx.received();
        QCOMPARE(received.at(0).json().value(QStringLiteral("kind")).toString(), QStringLiteral("crash"));
        QVERIFY(received.at(0).json().value(QStringLiteral("detail")).toString().contains(u"exit 3; last log lines: started | ValueError: bad config"));
        QVERIFY(received.at(0).json().value(QStringLiteral("action_taken")).toString().startsWith(u"restarted through process (attempt 1 of 2)"));
        QCOMPARE(received.at(1).json().value(QStringLiteral("action")).toString(), QStringLiteral("update"));
        QCOMPARE(received.at(2).json().value(QStringLiteral("kind")).toString(), QStringLiteral("restart_failed"));
        QCOMPARE(received.at(2).json().value(QStringLiteral("summary")).toString(), QStringLiteral("Agent 'worker' could not be restarted"));

        // A person asks for another try.
        QVERIFY(rig.restarts->reset(QStringLiteral("worker")));
    }

    void process_hungAgent_isRestartedWhenDead_andStopsOnRequest()
    {
        TestDir logs;
        Rig rig({{QStringLiteral("sleeper"), processPolicy(QStringLiteral("sleep 30"), logs.file(QStringLiteral("s.log")))}});
        rig.restarts->startSupervised();
        QTRY_VERIFY(rig.restarts->supervisor().isRunning(QStringLiteral("sleeper")));
        const qint64 firstPid = rig.restarts->supervisor().pid(QStringLiteral("sleeper"));
        rig.beatThenDie(QStringLiteral("sleeper")); // alive but silent: the watchdog finds it dead
        QTRY_COMPARE(rig.restartRows(QStringLiteral("sleeper")).size(), 1);
        QCOMPARE(rig.restartRows(QStringLiteral("sleeper")).first().at(0), QStringLiteral("died: no beat for 20 s"));
        QVERIFY(rig.restarts->supervisor().isRunning(QStringLiteral("sleeper")));
        QVERIFY(rig.restarts->supervisor().pid(QStringLiteral("sleeper")) != firstPid);
        // Stopped on request: not an exit to restart after.
        rig.restarts->supervisor().stop(QStringLiteral("sleeper"));
        QVERIFY(!rig.restarts->supervisor().isRunning(QStringLiteral("sleeper")));
        QTest::qWait(200);
        QCOMPARE(rig.restartRows(QStringLiteral("sleeper")).size(), 1);
    }

    void docker_engineErrors_areReported()
    {
        TestDir sockets;
        const QString socket = sockets.file(QStringLiteral("docker.sock"));
        DockerStandIn engine(socket);
        DockerClient client(QStringLiteral("unix://") + socket);
        QString error;
        bool ok = true;
        std::thread t([&] { ok = client.restart(QStringLiteral("broken"), 10, &error); }); // blocking: off this thread
        QTRY_VERIFY(!engine.calls.isEmpty());
        t.join();
        QVERIFY(!ok);
        QCOMPARE(error, QStringLiteral("the Docker engine answered 500: driver failed programming external connectivity"));
        DockerClient nowhere(QStringLiteral("unix://") + sockets.file(QStringLiteral("missing.sock")), 500);
        QVERIFY(!nowhere.restart(QStringLiteral("web"), 10, &error));
        QVERIFY2(error.startsWith(u"cannot reach the Docker engine: no socket at"), qPrintable(error));
    }

    void systemd_userUnit_restartWithStateAndJournal()
    {
        // No systemd runs here: stand-ins of `systemctl` and `journalctl` with the same command line and
        // output format, recording how they were called.
        TestDir bin;
        const QString calls = bin.file(QStringLiteral("calls.log"));
        auto script = [&](const QString &name, const QString &body) {
            QFile f(bin.file(name));
            f.open(QIODevice::WriteOnly);
            f.write(("#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n" + body).toUtf8());
            f.close();
            f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            return f.fileName();
        };
        RestartManager::Options options;
        options.systemctl = script(QStringLiteral("systemctl"),
                                   QStringLiteral("case \"$*\" in *show*) printf 'ActiveState=failed\\nSubState=failed\\nResult=exit-code\\nExecMainStatus=2\\nNRestarts=4\\n';; esac\n"));
        options.journalctl = script(QStringLiteral("journalctl"), QStringLiteral("printf 'agent: connecting\\nagent: Traceback: KeyError\\n'\n"));
        RestartManager::Policy p;
        QString error;
        p.target = *RestartTarget::parse(QStringLiteral("systemd-user:agent.service"), &error);
        Rig rig({{QStringLiteral("svc"), p}}, options);
        rig.beatThenDie(QStringLiteral("svc"));
        QTRY_COMPARE(rig.restartRows(QStringLiteral("svc")).size(), 1);
        const QStringList row = rig.restartRows(QStringLiteral("svc")).first();
        QCOMPARE(row.at(1), QStringLiteral("1"));
        QCOMPARE(row.at(2), QStringLiteral("unit failed/failed, result exit-code, exit 2; last log lines: agent: connecting | agent: Traceback: KeyError"));
        QFile f(calls);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString log = QString::fromUtf8(f.readAll());
        QVERIFY2(log.contains(u"systemctl --user show agent.service --property=ActiveState,SubState,Result,ExecMainStatus,NRestarts"), qPrintable(log));
        QVERIFY(log.contains(u"journalctl --user -u agent.service -n 20 --no-pager -o cat"));
        QVERIFY(log.contains(u"systemctl --user restart agent.service"));
    }

    void api_stopAndRestartASupervisedAgent()
    {
        TestDir dir;
        ManualClock clock;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("api.db"));
        config.http.port = 0;
        config.restarts.insert(QStringLiteral("svc"), processPolicy(QStringLiteral("sleep 30"), dir.file(QStringLiteral("svc.log"))));
        ServerInstance server(config, &clock);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        KeyStore keys(server.database());
        const QByteArray admin = keys.create(QStringLiteral("a"), ApiKey::Scope::Admin, 0, 0, &error)->key;
        const QByteArray read = keys.create(QStringLiteral("r"), ApiKey::Scope::Read, 0, 0, &error)->key;
        RestartManager &restarts = server.restarts();
        auto running = [&] {
            bool r = false;
            QMetaObject::invokeMethod(&restarts, [&] { r = restarts.supervisor().isRunning(QStringLiteral("svc")); }, Qt::BlockingQueuedConnection);
            return r;
        };
        QTRY_VERIFY(running()); // started with the server
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        QCOMPARE(c.request("POST", "/api/v1/agents/svc/stop", {}, {{"X-API-Key", read}}).status, 403);
        auto r = c.request("POST", "/api/v1/agents/svc/stop", {}, {{"X-API-Key", admin}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("stopped")).toBool(), true);
        QVERIFY(!running());
        r = c.request("POST", "/api/v1/agents/svc/restart", {}, {{"X-API-Key", admin}});
        QCOMPARE(r.status, 200);
        QTRY_VERIFY(running());
        r = c.request("POST", "/api/v1/agents/other/restart", {}, {{"X-API-Key", admin}});
        QCOMPARE(r.status, 409);
        QVERIFY(r.json().value(QStringLiteral("detail")).toString().contains(u"no restart target is configured for 'other'"));
        QCOMPARE(c.request("GET", "/api/v1/agents/svc/restart", {}, {{"X-API-Key", admin}}).status, 405);
    }

    void watchTargets_beatWhileTheTargetRuns()
    {
        TestDir dir;
        const QString socket = dir.file(QStringLiteral("docker.sock"));
        DockerStandIn engine(socket);
        const QString marker = QStringLiteral("clevwatch-%1").arg(QCoreApplication::applicationPid());
        QProcess child;
        // A shell builtin that waits on the open stdin pipe: no forked child (one between fork and exec
        // would carry the marker too, and could outlive the kill on a busy machine).
        child.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("read line"), marker});
        QVERIFY(child.waitForStarted());

        ManualClock clock;
        QList<Heartbeat> beats;
        QHash<QString, bool> seen;
        QHash<QString, QString> said;
        WatchTargets::Options options;
        options.dockerHost = QStringLiteral("unix://") + socket;
        WatchTargets watches({{QStringLiteral("by-pattern"), QStringLiteral("process:") + marker, 5},
                              {QStringLiteral("container"), QStringLiteral("docker:live"), 5},
                              {QStringLiteral("stopped-container"), QStringLiteral("docker:web"), 5},
                              {QStringLiteral("missing"), QStringLiteral("process:no-such-process-") + marker + QStringLiteral("x"), 5},
                              {QStringLiteral("huge"), QStringLiteral("docker:huge"), 5}},
                             options, clock, [&](const Heartbeat &b) { beats.append(b); });
        connect(&watches, &WatchTargets::probed, this, [&](const QString &agent, bool running, const QString &message) {
            seen.insert(agent, running);
            said.insert(agent, message);
        });
        watches.probeAll();
        QTRY_COMPARE(seen.size(), 5);
        QCOMPARE(seen.value(QStringLiteral("by-pattern")), true);
        // An engine answer past 16 MiB is not read to its end, and the reason is given.
        QCOMPARE(seen.value(QStringLiteral("huge")), false);
        QCOMPARE(said.value(QStringLiteral("huge")), QStringLiteral("the Docker engine's answer was larger than 16 MiB"));
        QCOMPARE(seen.value(QStringLiteral("container")), true);
        QCOMPARE(seen.value(QStringLiteral("stopped-container")), false); // exited: no beat, so it will die
        QCOMPARE(seen.value(QStringLiteral("missing")), false);
        QCOMPARE(beats.size(), 2);
        for (const Heartbeat &b : beats) {
            QCOMPARE(b.intervalSecs.value_or(0), 5.0);
            QCOMPARE(b.agentType, QStringLiteral("watch"));
        }
        QVERIFY(std::any_of(beats.cbegin(), beats.cend(), [&](const Heartbeat &b) { return b.message.contains(u"process(es) match"); }));

        // The process goes away: no more beats for it.
        child.kill();
        child.waitForFinished();
        beats.clear();
        seen.clear();
        watches.probeAll();
        QTRY_COMPARE(seen.size(), 5);
        QVERIFY2(!seen.value(QStringLiteral("by-pattern")), qPrintable(said.value(QStringLiteral("by-pattern"))));
        QCOMPARE(beats.size(), 1);
        QCOMPARE(beats.first().agent, QStringLiteral("container"));

        const WatchSpec badKind{QStringLiteral("a"), QStringLiteral("ftp:x"), 5};
        const WatchSpec noPattern{QStringLiteral("a"), QStringLiteral("process:"), 5};
        const WatchSpec unit{QStringLiteral("a"), QStringLiteral("systemd:agent.service"), 5};
        QVERIFY(!badKind.validate().isEmpty());
        QVERIFY(!noPattern.validate().isEmpty());
        QVERIFY(unit.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRestarts)
#include "TestRestarts.moc"
