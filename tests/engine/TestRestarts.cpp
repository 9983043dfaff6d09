// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "engine/AlertEngine.h"
#include "engine/NotificationDispatcher.h"
#include "engine/RestartManager.h"
#include "engine/ServerInstance.h"
#include "engine/WatchTargets.h"
#include "engine/Watchdog.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "storage/KeyStore.h"
#include "support/HttpTestClient.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

#include <atomic>
#include <thread>

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
            body = "{\"Id\":\"def\",\"RestartCount\":0,\"State\":{\"Status\":\"running\",\"Running\":true,\"ExitCode\":"
                   "0,\"OOMKilled\":false}}";
        } else if (url.endsWith("/json")) {
            body = "{\"Id\":\"abc\",\"RestartCount\":2,\"State\":{\"Status\":\"exited\",\"ExitCode\":137,\"OOMKilled\":"
                   "true}}";
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
        q.prepare(QStringLiteral("SELECT r.trigger, r.ok, r.context, COALESCE(r.error, '') FROM restarts r JOIN agents "
                                 "a ON a.id = r.agent_id"
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

// A private D-Bus daemon for one test (`dbus-daemon --session --print-address`): what the test puts on
// it does not depend on the session the suite runs in.
class PrivateBus
{
public:
    PrivateBus()
    {
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        if (!m_daemon.waitForStarted(5000))
            return;
        while (!m_daemon.canReadLine() && m_daemon.waitForReadyRead(5000)) {
        }
        address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    }
    ~PrivateBus()
    {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(3000))
            m_daemon.kill();
    }
    QString address;

private:
    QProcess m_daemon;
};

// No systemd runs as PID 1 here (nor a user manager for this user), so a stand-in speaks systemd's
// D-Bus interface: it owns org.freedesktop.systemd1 on a bus, answers org.freedesktop.systemd1.Manager's
// LoadUnit, GetUnit, Subscribe and RestartUnit on /org/freedesktop/systemd1 (a restart's job ends with
// the JobRemoved signal, as systemd's do), and each unit's properties (org.freedesktop.systemd1.Unit,
// .Service) through org.freedesktop.DBus.Properties on the unit's object. Unknown units give
// org.freedesktop.systemd1.NoSuchUnit, except to LoadUnit, which in systemd answers for them too (an
// inactive, not-found unit). `silent`: it takes every call and never answers. It records the calls.
// It lives on the test's thread: its event loop (the QTRY_* loops) must run while a call waits.
class SystemdStandIn final : public QDBusVirtualObject
{
public:
    struct Unit
    {
        QVariantMap unit{{QStringLiteral("ActiveState"), QStringLiteral("failed")},
                         {QStringLiteral("SubState"), QStringLiteral("failed")}};
        QVariantMap service{{QStringLiteral("Result"), QStringLiteral("exit-code")},
                            {QStringLiteral("ExecMainStatus"), 2},
                            {QStringLiteral("NRestarts"), 4u}};
        QString jobResult = QStringLiteral("done");
    };

    explicit SystemdStandIn(const QString &address)
        : m_bus(QDBusConnection::connectToBus(address, QStringLiteral("systemd-stand-in")))
    {
        ok = m_bus.isConnected() &&
             m_bus.registerVirtualObject(QStringLiteral("/org/freedesktop/systemd1"), this, QDBusConnection::SubPath) &&
             m_bus.registerService(QStringLiteral("org.freedesktop.systemd1"));
    }
    ~SystemdStandIn() override
    {
        m_bus.unregisterObject(QStringLiteral("/org/freedesktop/systemd1"), QDBusConnection::UnregisterTree);
        m_bus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(QStringLiteral("systemd-stand-in"));
    }

    bool ok = false;
    bool silent = false;
    QHash<QString, Unit> units;
    QStringList calls; // "RestartUnit agent.service replace"

    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        QStringList call{message.member()};
        for (const QVariant &a : message.arguments())
            call << a.toString();
        calls << call.join(u' ');
        if (silent) {
            QDBusMessage kept = message;
            kept.setDelayedReply(true); // and never answer
            m_kept.append(kept);
            return true;
        }
        const QString name = message.arguments().value(0).toString();
        if (message.interface() == u"org.freedesktop.systemd1.Manager") {
            if (message.member() == u"Subscribe")
                return connection.send(message.createReply());
            if (message.member() == u"LoadUnit")
                return connection.send(message.createReply(QVariant::fromValue(QDBusObjectPath(unitPath(name)))));
            if (!units.contains(name))
                return connection.send(message.createErrorReply(QStringLiteral("org.freedesktop.systemd1.NoSuchUnit"),
                                                                QStringLiteral("Unit %1 not found.").arg(name)));
            if (message.member() == u"GetUnit")
                return connection.send(message.createReply(QVariant::fromValue(QDBusObjectPath(unitPath(name)))));
            if (message.member() == u"RestartUnit") {
                const uint id = ++m_jobs;
                const QDBusObjectPath job(QStringLiteral("/org/freedesktop/systemd1/job/%1").arg(id));
                connection.send(message.createReply(QVariant::fromValue(job)));
                QDBusMessage removed = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/systemd1"),
                                                                  QStringLiteral("org.freedesktop.systemd1.Manager"),
                                                                  QStringLiteral("JobRemoved"));
                removed << id << QVariant::fromValue(job) << name << units.value(name).jobResult;
                return connection.send(removed);
            }
        } else if (message.interface() == u"org.freedesktop.DBus.Properties") {
            Unit unit; // a unit systemd knows nothing of: not-found, inactive, dead
            unit.unit = {{QStringLiteral("ActiveState"), QStringLiteral("inactive")},
                         {QStringLiteral("SubState"), QStringLiteral("dead")}};
            unit.service = {{QStringLiteral("Result"), QStringLiteral("success")},
                            {QStringLiteral("ExecMainStatus"), 0},
                            {QStringLiteral("NRestarts"), 0u}};
            for (auto it = units.cbegin(); it != units.cend(); ++it) {
                if (unitPath(it.key()) == message.path())
                    unit = it.value();
            }
            const QVariantMap properties = name == u"org.freedesktop.systemd1.Unit" ? unit.unit : unit.service;
            if (message.member() == u"GetAll")
                return connection.send(message.createReply(QVariant::fromValue(properties)));
            if (message.member() == u"Get")
                return connection.send(message.createReply(
                    QVariant::fromValue(QDBusVariant(properties.value(message.arguments().value(1).toString())))));
        }
        return false;
    }

private:
    // systemd's object path for a unit: every byte but [A-Za-z0-9] as _XX.
    static QString unitPath(const QString &name)
    {
        QString path = QStringLiteral("/org/freedesktop/systemd1/unit/");
        for (const char c : name.toUtf8())
            path += QChar::isLetterOrNumber(uchar(c)) && uchar(c) < 0x80
                        ? QString(QLatin1Char(c))
                        : QStringLiteral("_%1").arg(int(uchar(c)), 2, 16, QLatin1Char('0'));
        return path;
    }
    QDBusConnection m_bus;
    QList<QDBusMessage> m_kept;
    uint m_jobs = 0;
};

// A stand-in program that records its command line in `calls`, then runs `body`.
QString script(const TestDir &bin, const QString &name, const QString &calls, const QString &body)
{
    QFile f(bin.file(name));
    f.open(QIODevice::WriteOnly);
    f.write(("#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n" + body).toUtf8());
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return f.fileName();
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
        QCOMPARE(RestartTarget::parse(QStringLiteral("systemd-user:agent.service"), &error)->name,
                 QStringLiteral("agent.service"));
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
        QCOMPARE(DockerClient::demultiplex(raw),
                 (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
        QCOMPARE(DockerClient::demultiplex("plain tty output\nsecond\n"),
                 (QStringList{QStringLiteral("plain tty output"), QStringLiteral("second")}));
    }

    void process_crashLoop_guardStopsAfterN_logsKept()
    {
        TestDir logs;
        const QString log = logs.file(QStringLiteral("worker.log"));
        Rig rig({{QStringLiteral("worker"),
                  processPolicy(QStringLiteral("sh -c \"echo started; echo ValueError: bad config >&2; exit 3\""), log,
                                2)}});
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
        QVERIFY(received.at(0)
                    .json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(u"exit 3; last log lines: started | ValueError: bad config"));
        QVERIFY(received.at(0)
                    .json()
                    .value(QStringLiteral("action_taken"))
                    .toString()
                    .startsWith(u"restarted through process (attempt 1 of 2)"));
        QCOMPARE(received.at(1).json().value(QStringLiteral("action")).toString(), QStringLiteral("update"));
        QCOMPARE(received.at(2).json().value(QStringLiteral("kind")).toString(), QStringLiteral("restart_failed"));
        QCOMPARE(received.at(2).json().value(QStringLiteral("summary")).toString(),
                 QStringLiteral("Agent 'worker' could not be restarted"));

        // A person asks for another try.
        QVERIFY(rig.restarts->reset(QStringLiteral("worker")));
    }

    void process_hungAgent_isRestartedWhenDead_andStopsOnRequest()
    {
        TestDir logs;
        Rig rig({{QStringLiteral("sleeper"),
                  processPolicy(QStringLiteral("sleep 30"), logs.file(QStringLiteral("s.log")))}});
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
        QCOMPARE(error,
                 QStringLiteral("the Docker engine answered 500: driver failed programming external connectivity"));
        DockerClient nowhere(QStringLiteral("unix://") + sockets.file(QStringLiteral("missing.sock")), 500);
        QVERIFY(!nowhere.restart(QStringLiteral("web"), 10, &error));
        QVERIFY2(error.startsWith(u"cannot reach the Docker engine: no socket at"), qPrintable(error));
    }

    void systemd_userAndSystemUnits_restartWithStateAndJournal()
    {
        PrivateBus bus;
        QVERIFY2(!bus.address.isEmpty(), "no private dbus-daemon");
        SystemdStandIn systemd(bus.address);
        QVERIFY2(systemd.ok, "the stand-in cannot own org.freedesktop.systemd1");
        systemd.units.insert(QStringLiteral("agent.service"), {}); // failed/failed, exit-code, exit 2
        SystemdStandIn::Unit worker;
        worker.unit = {{QStringLiteral("ActiveState"), QStringLiteral("activating")},
                       {QStringLiteral("SubState"), QStringLiteral("auto-restart")}};
        worker.service = {{QStringLiteral("Result"), QStringLiteral("signal")},
                          {QStringLiteral("ExecMainStatus"), 9},
                          {QStringLiteral("NRestarts"), 1u}};
        systemd.units.insert(QStringLiteral("worker.service"), worker);
        // journald has no D-Bus API: a stand-in of `journalctl` with its output format, recording how it was called.
        TestDir bin;
        const QString calls = bin.file(QStringLiteral("calls.log"));
        const QString journalctl =
            script(bin, QStringLiteral("journalctl"), calls,
                   QStringLiteral("printf 'agent: connecting\\nagent: Traceback: KeyError\\n'\n"));
        const QString nowhere = QStringLiteral("unix:path=") + bin.file(QStringLiteral("no-bus"));
        for (const bool user : {true, false}) {
            RestartManager::Options options;
            // Each kind of target on its own bus: the other one leads nowhere.
            (user ? options.userBusAddress : options.systemBusAddress) = bus.address;
            (user ? options.systemBusAddress : options.userBusAddress) = nowhere;
            options.journalctl = journalctl;
            RestartManager::Policy p;
            QString error;
            const QString unit = user ? QStringLiteral("agent.service") : QStringLiteral("worker.service");
            p.target = *RestartTarget::parse(
                (user ? QStringLiteral("systemd-user:") : QStringLiteral("systemd:")) + unit, &error);
            Rig rig({{QStringLiteral("svc"), p}}, options);
            systemd.calls.clear();
            rig.beatThenDie(QStringLiteral("svc"));
            QTRY_COMPARE(rig.restartRows(QStringLiteral("svc")).size(), 1);
            const QStringList row = rig.restartRows(QStringLiteral("svc")).first();
            QCOMPARE(row.at(1), QStringLiteral("1"));
            QCOMPARE(row.at(2), user ? QStringLiteral("unit failed/failed, result exit-code, exit 2; last log lines: "
                                                      "agent: connecting | agent: Traceback: KeyError")
                                     : QStringLiteral("unit activating/auto-restart, result signal, exit 9; last log "
                                                      "lines: agent: connecting | agent: Traceback: KeyError"));
            QVERIFY2(systemd.calls.contains(QStringLiteral("RestartUnit ") + unit + QStringLiteral(" replace")),
                     qPrintable(systemd.calls.join(u'\n')));
            QVERIFY(systemd.calls.contains(QStringLiteral("LoadUnit ") + unit));
            QVERIFY(systemd.calls.contains(QStringLiteral("GetAll org.freedesktop.systemd1.Unit")));
            QVERIFY(systemd.calls.contains(QStringLiteral("GetAll org.freedesktop.systemd1.Service")));
            QVERIFY(systemd.calls.contains(QStringLiteral("Subscribe")));
        }
        QFile f(calls);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString log = QString::fromUtf8(f.readAll());
        QVERIFY2(log.contains(u"journalctl --user -u agent.service -n 20 --no-pager -o cat"), qPrintable(log));
        QVERIFY2(log.contains(u"journalctl -u worker.service -n 20 --no-pager -o cat"), qPrintable(log));
    }

    void systemd_unknownUnitAndFailedJob_failTheRestart()
    {
        PrivateBus bus;
        SystemdStandIn systemd(bus.address);
        QVERIFY(systemd.ok);
        SystemdStandIn::Unit crashy;
        crashy.jobResult = QStringLiteral("failed");
        systemd.units.insert(QStringLiteral("crashy.service"), crashy);
        RestartManager::Options options;
        options.userBusAddress = options.systemBusAddress = bus.address;
        options.journalctl = QStringLiteral("true"); // no log lines
        QString error;
        RestartManager::Policy ghost, failing;
        ghost.target = *RestartTarget::parse(QStringLiteral("systemd-user:ghost.service"), &error);
        failing.target = *RestartTarget::parse(QStringLiteral("systemd:crashy.service"), &error);
        Rig rig({{QStringLiteral("ghost"), ghost}, {QStringLiteral("crashy"), failing}}, options);
        rig.beatThenDie(QStringLiteral("ghost"));
        QTRY_COMPARE(rig.restartRows(QStringLiteral("ghost")).size(), 1);
        QStringList row = rig.restartRows(QStringLiteral("ghost")).first();
        QCOMPARE(row.at(1), QStringLiteral("0"));
        QCOMPARE(row.at(3),
                 QStringLiteral(
                     "the systemd user manager could not restart ghost.service: org.freedesktop.systemd1.NoSuchUnit: "
                     "Unit ghost.service not found."));
        QCOMPARE(row.at(2),
                 QStringLiteral(
                     "unit inactive/dead, exit 0")); // LoadUnit answers for a unit that is not there, as systemd does
        rig.beatThenDie(QStringLiteral("crashy"));
        QTRY_COMPARE(rig.restartRows(QStringLiteral("crashy")).size(), 1);
        row = rig.restartRows(QStringLiteral("crashy")).first();
        QCOMPARE(row.at(1), QStringLiteral("0"));
        QCOMPARE(
            row.at(3),
            QStringLiteral(
                "systemd could not restart crashy.service: the job ended with result 'failed' (see the unit's log)"));
    }

    void systemd_managerThatNeverAnswers_isCutOff()
    {
        PrivateBus bus;
        SystemdStandIn systemd(bus.address);
        QVERIFY(systemd.ok);
        systemd.silent = true;
        SystemdClient::Options options;
        options.userBusAddress = bus.address;
        options.callTimeoutMs = 500;
        SystemdClient client(true, options);
        QString restartError, stateError;
        bool restarted = true, known = true;
        std::atomic<bool> done{false};
        QElapsedTimer elapsed;
        elapsed.start();
        // Blocking calls: off this thread, whose event loop the stand-in needs (the QTRY loop spins it).
        std::thread t([&] {
            RestartContext context;
            restarted = client.restart(QStringLiteral("agent.service"), &restartError);
            known = client.state(QStringLiteral("agent.service"), &context, &stateError);
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10'000);
        t.join();
        QVERIFY(!restarted);
        QVERIFY(!known);
        QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(restartError,
                 QStringLiteral("the systemd user manager did not answer within 0.5 s (restart agent.service)"));
        QCOMPARE(
            stateError,
            QStringLiteral("the systemd user manager did not answer within 0.5 s (read the state of agent.service)"));
        QVERIFY(systemd.calls.contains(QStringLiteral("Subscribe")));
        QVERIFY(systemd.calls.contains(QStringLiteral("LoadUnit agent.service")));
    }

    void api_stopAndRestartASupervisedAgent()
    {
        TestDir dir;
        ManualClock clock;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("api.db"));
        config.http.port = 0;
        config.restarts.insert(QStringLiteral("svc"),
                               processPolicy(QStringLiteral("sleep 30"), dir.file(QStringLiteral("svc.log"))));
        ServerInstance server(config, &clock);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        KeyStore keys(server.database());
        const QByteArray admin = keys.create(QStringLiteral("a"), ApiKey::Scope::Admin, 0, 0, &error)->key;
        const QByteArray read = keys.create(QStringLiteral("r"), ApiKey::Scope::Read, 0, 0, &error)->key;
        RestartManager &restarts = server.restarts();
        auto running = [&] {
            bool r = false;
            QMetaObject::invokeMethod(
                &restarts, [&] { r = restarts.supervisor().isRunning(QStringLiteral("svc")); },
                Qt::BlockingQueuedConnection);
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
        QVERIFY(r.json()
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(u"no restart target is configured for 'other'"));
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
        WatchTargets watches(
            {{QStringLiteral("by-pattern"), QStringLiteral("process:") + marker, 5},
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
        QCOMPARE(said.value(QStringLiteral("huge")),
                 QStringLiteral("the Docker engine's answer was larger than 16 MiB"));
        QCOMPARE(seen.value(QStringLiteral("container")), true);
        QCOMPARE(seen.value(QStringLiteral("stopped-container")), false); // exited: no beat, so it will die
        QCOMPARE(seen.value(QStringLiteral("missing")), false);
        QCOMPARE(beats.size(), 2);
        for (const Heartbeat &b : beats) {
            QCOMPARE(b.intervalSecs.value_or(0), 5.0);
            QCOMPARE(b.agentType, QStringLiteral("watch"));
        }
        QVERIFY(std::any_of(beats.cbegin(), beats.cend(),
                            [&](const Heartbeat &b) { return b.message.contains(u"process(es) match"); }));

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

    void watchTargets_systemdUnits_probedOverDBus()
    {
        PrivateBus bus;
        SystemdStandIn systemd(bus.address);
        QVERIFY(systemd.ok);
        SystemdStandIn::Unit web;
        web.unit = {{QStringLiteral("ActiveState"), QStringLiteral("active")},
                    {QStringLiteral("SubState"), QStringLiteral("running")}};
        web.service = {{QStringLiteral("Result"), QStringLiteral("success")},
                       {QStringLiteral("ExecMainStatus"), 0},
                       {QStringLiteral("NRestarts"), 0u}};
        systemd.units.insert(QStringLiteral("web.service"), web);
        systemd.units.insert(QStringLiteral("agent.service"), {}); // failed
        ManualClock clock;
        QList<Heartbeat> beats;
        QHash<QString, bool> seen;
        QHash<QString, QString> said;
        WatchTargets::Options options;
        options.systemd.systemBusAddress = options.systemd.userBusAddress = bus.address;
        WatchTargets watches({{QStringLiteral("web"), QStringLiteral("systemd:web.service"), 5},
                              {QStringLiteral("agent"), QStringLiteral("systemd-user:agent.service"), 5}},
                             options, clock, [&](const Heartbeat &b) { beats.append(b); });
        connect(&watches, &WatchTargets::probed, this, [&](const QString &agent, bool running, const QString &message) {
            seen.insert(agent, running);
            said.insert(agent, message);
        });
        watches.probeAll();
        QTRY_COMPARE(seen.size(), 2);
        QCOMPARE(seen.value(QStringLiteral("web")), true);
        QCOMPARE(said.value(QStringLiteral("web")), QStringLiteral("unit active/running, exit 0"));
        QCOMPARE(seen.value(QStringLiteral("agent")), false);
        QCOMPARE(said.value(QStringLiteral("agent")), QStringLiteral("unit failed/failed, result exit-code, exit 2"));
        QCOMPARE(beats.size(), 1);
        QCOMPARE(beats.first().message, QStringLiteral("systemd:web.service: unit active/running, exit 0"));
    }
};

QTEST_GUILESS_MAIN(TestRestarts)
#include "TestRestarts.moc"
