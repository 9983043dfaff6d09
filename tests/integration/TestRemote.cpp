// SPDX-License-Identifier: MIT
// The desktop's remote connection against a real clevagent-server child process, over plain HTTP and
// over TLS with a certificate the server's own helper made: paging, live events, reconnect and
// catch-up after a server restart, wrong key, wrong scope, certificate pinning, and one tray
// notification per death.
#include "core/Clock.h"
#include "gui/DesktopApp.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/RemoteDialog.h"
#include "gui/RemoteMonitor.h"
#include "gui/TrayController.h"
#include "secrets/CredentialStore.h"
#include "support/FloodingServer.h"
#include "support/HttpTestClient.h"
#include "support/RecordingReceiver.h"
#include "support/ServerProcess.h"
#include "support/TestEnv.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace clev;
using clev::test::TestDir;
using namespace clev::test::server;

class TestRemote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QFile::exists(clev::test::serverBinary()));
    }

    // 1200 agents arrive in pages; events then drive the model; a death is notified once; the server
    // restarts and the client catches up, telling once what changed while it was away.
    void paging_events_restartAndCatchUp()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("remote.db"));
        const QString ingest =
            createKey(db, QStringLiteral("ingest"), {QStringLiteral("--rate-limit"), QStringLiteral("1000000")});
        const QString read = createKey(db, QStringLiteral("read"));
        QVERIFY(ingest.startsWith(u"cv_") && read.startsWith(u"cv_"));
        const quint16 port = clev::test::RecordingReceiver::freePort();
        Server server;
        QVERIFY(server.start(db, port));
        for (int batch = 0; batch < 2; ++batch) {
            QJsonArray beats;
            for (int i = 0; i < 600; ++i)
                beats.append(QJsonObject{
                    {QStringLiteral("agent"), QStringLiteral("bulk-%1").arg(batch * 600 + i, 4, 10, QLatin1Char('0'))},
                    {QStringLiteral("interval"), 3600}});
            QCOMPARE(post(port, ingest.toLatin1(), "/api/v1/heartbeat/batch",
                          QJsonDocument(QJsonObject{{QStringLiteral("heartbeats"), beats}}).toJson()),
                     200);
        }

        // The server's "usage" tick for these 1200 beats (at most 2 s later) goes out before we subscribe:
        // a fresh stream replays nothing, so the request counts below see only what the test does.
        QTest::qWait(3000 * clev::test::Slowdown); // sanitizer builds commit and tick slower
        RemoteEndpoint e{QStringLiteral("gpu-box"), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), read, {}};
        RemoteMonitor remote(e, Clock::system());
        MainWindow window(&remote, Clock::system());
        TrayController tray(&window, &remote, Clock::system());
        QSignalSpy notifications(&tray, &TrayController::notificationRequested);
        QSignalSpy connection(&remote, &MonitorSource::connectionChanged);
        remote.start();
        QTRY_COMPARE_WITH_TIMEOUT(window.model().rowCount(), 1200, 15'000);
        QVERIFY2(remote.statusPagesRead() >= 2, qPrintable(QString::number(remote.statusPagesRead())));
        QVERIFY(remote.isConnected());

        // Live usage: one agent beats; the "usage" event names it and only it is read again (one small
        // request, not the 2 pages of the whole list), and the model shows its new message.
        const int pagesBefore = remote.statusPagesRead();
        const int partialBefore = remote.partialReads();
        QSignalSpy snapshots(&remote, &MonitorSource::snapshot);
        QCOMPARE(post(port, ingest.toLatin1(), "/api/v1/heartbeat",
                      "{\"agent\":\"bulk-0042\",\"interval\":3600,\"message\":\"step 2\",\"tokens_used\":1234}"),
                 200);
        const auto messageOf = [&](const QString &name) {
            if (snapshots.isEmpty())
                return QString();
            for (const AgentRow &r : snapshots.last().first().value<QList<AgentRow>>())
                if (r.name == name)
                    return r.lastMessage;
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(messageOf(QStringLiteral("bulk-0042")), QStringLiteral("step 2"), 10'000);
        QCOMPARE(snapshots.last().first().value<QList<AgentRow>>().size(), 1200);
        QCOMPARE(remote.statusPagesRead(), pagesBefore);
        QCOMPARE(remote.partialReads(), partialBefore + 1);

        // Live: a new agent appears, and dies; one notification, and an "alert" event for its incident.
        QSignalSpy alertEvents(&remote, &MonitorSource::alertsChanged);
        QCOMPARE(post(port, ingest.toLatin1(), "/api/v1/heartbeat", "{\"agent\":\"short\",\"interval\":1}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.model().rowCount(), 1201, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(window.model().countIn(AgentState::Dead), 1, 10'000);
        QTRY_COMPARE(notifications.size(), 1);
        QCOMPARE(notifications.first().first().toString(), QStringLiteral("short is dead"));
        QTRY_VERIFY(!alertEvents.isEmpty());

        // The server stops; an agent beats just before with a short interval, so it dies while we are away.
        QCOMPARE(post(port, ingest.toLatin1(), "/api/v1/heartbeat", "{\"agent\":\"away\",\"interval\":2}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.model().rowCount(), 1202, 10'000);
        server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!remote.isConnected(), 10'000);
        QVERIFY(connection.last().at(1).toString().contains(u"disconnected since"));
        QTest::qWait(5000); // 'away' is dead by now (found so when the server starts again)
        QVERIFY(server.start(db, port));
        QTRY_VERIFY_WITH_TIMEOUT(remote.isConnected(), 40'000);
        QTRY_COMPARE_WITH_TIMEOUT(window.model().countIn(AgentState::Dead), 2, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(notifications.size(), 2, 10'000);
        QCOMPARE(notifications.at(1).first().toString(), QStringLiteral("away is dead"));
        QTest::qWait(3000);
        QCOMPARE(notifications.size(), 2); // nothing twice
        server.stop();
    }

    // The desktop app: "Add a remote instance" tests the connection before it can save; the read key goes
    // to the keychain (the settings hold a reference); the sidebar lists both sources and shows either;
    // removing the instance removes its key.
    void desktop_addRemote_sidebarAndKeychain()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run inside the D-Bus session scripts/test starts");
        TestDir dir;
        const QString db = dir.file(QStringLiteral("far.db"));
        const QString read = createKey(db, QStringLiteral("read,ingest"));
        const quint16 port = clev::test::RecordingReceiver::freePort();
        Server server;
        QVERIFY(server.start(db, port));
        QCOMPARE(post(port, read.toLatin1(), "/api/v1/heartbeat", "{\"agent\":\"far-away\"}"), 200);

        RemoteDialog dialog({});
        dialog.findChild<QLineEdit *>(QStringLiteral("nameLineEdit"))->setText(QStringLiteral("lab"));
        dialog.findChild<QLineEdit *>(QStringLiteral("urlLineEdit"))
            ->setText(QStringLiteral("http://127.0.0.1:%1").arg(port));
        dialog.findChild<QLineEdit *>(QStringLiteral("keyLineEdit"))->setText(read);
        auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(!save->isEnabled()); // a test must pass first
        dialog.findChild<QPushButton *>(QStringLiteral("testButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.tested(), 10'000);
        QVERIFY2(dialog.result().contains(u"1 agent"), qPrintable(dialog.result()));
        QVERIFY(save->isEnabled());

        QSettings().clear();
        QSettings().setValue(QStringLiteral("listener/port"), 0);
        DesktopApp::Options o;
        o.databasePath = dir.file(QStringLiteral("desk.db"));
        DesktopApp app(o);
        app.start();
        QTRY_VERIFY(app.monitor().isListening());
        auto *sidebar = app.window().findChild<QListWidget *>(QStringLiteral("sourcesListWidget"));
        QVERIFY(!sidebar->isVisibleTo(&app.window()));
        QString error = QStringLiteral("pending");
        app.addRemote(dialog.endpoint(), [&error](const QString &e) { error = e; });
        QTRY_VERIFY(error != u"pending");
        QCOMPARE(error, QString());
        QTRY_COMPARE(sidebar->count(), 3); // All sources, this computer, lab
        QVERIFY(sidebar->isVisibleTo(&app.window()));
        QCOMPARE(app.remotes().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(app.remotes().first()->isConnected(), 10'000);
        sidebar->setCurrentRow(2);
        QCOMPARE(app.window().currentSource(), app.remotes().first());
        QTRY_COMPARE(app.window().model().rowCount(), 1);
        QCOMPARE(app.window().model().row(0).name, QStringLiteral("far-away"));
        sidebar->setCurrentRow(1);
        QCOMPARE(app.window().currentSource(), &app.monitor());
        sidebar->setCurrentRow(0);
        QCOMPARE(app.window().currentSource(), app.window().allSources());
        QTRY_VERIFY(std::any_of(app.window().model().rows().cbegin(), app.window().model().rows().cend(),
                                [](const AgentRow &r) { return r.name == u"lab: far-away"; }));
        sidebar->setCurrentRow(1);

        // The key: in the keychain, not in the settings.
        bool read1 = false;
        CredentialStore::Result stored;
        app.credentials().read(QStringLiteral("remote/lab"), this, [&](const CredentialStore::Result &r) {
            stored = r;
            read1 = true;
        });
        QTRY_VERIFY(read1);
        QCOMPARE(stored.value, read);
        QSettings().sync();
        QFile settingsFile(QSettings().fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QByteArray settingsText = settingsFile.readAll();
        QVERIFY(settingsText.contains("remote/lab"));
        QVERIFY(!settingsText.contains(read.toLatin1()));

        app.removeRemote(QStringLiteral("lab"));
        QTRY_COMPARE(sidebar->count(), 1);
        QVERIFY(!sidebar->isVisibleTo(&app.window()));
        bool read2 = false;
        app.credentials().read(QStringLiteral("remote/lab"), this, [&](const CredentialStore::Result &r) {
            stored = r;
            read2 = true;
        });
        QTRY_VERIFY(read2);
        QVERIFY(stored.notFound);
        server.stop();
    }

    // A wrong key (401) and a key without the read scope (403) are named as such.
    // A link that dies without a word (the server frozen: its kernel keeps the TCP connection open, nothing
    // more arrives) is noticed from the keep-alive interval the server announced, then caught up on.
    // A quiet but healthy stream is never taken for a dead one.
    void silentStream_isNoticedFromTheAnnouncedKeepAlive()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("quiet.db"));
        const QString read = createKey(db, QStringLiteral("read"));
        QVERIFY(read.startsWith(u"cv_"));
        const quint16 port = clev::test::RecordingReceiver::freePort();
        Server server;
        QVERIFY(server.start(db, port,
                             {QStringLiteral("--events-keepalive-ms"), QStringLiteral("500"),
                              QStringLiteral("--time-zone"), QStringLiteral("Asia/Tokyo")}));
        RemoteMonitor remote({QStringLiteral("quiet"), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), read, {}},
                             Clock::system());
        QSignalSpy connection(&remote, &MonitorSource::connectionChanged);
        remote.start();
        QTRY_VERIFY(remote.isConnected());
        // The views count "today" in the server's time zone, which its agent list names.
        QTRY_COMPARE(remote.timeZone().id(), QByteArray("Asia/Tokyo"));
        QTRY_COMPARE(remote.streamWatchMs(), 2000); // 3 x 500 ms, at least 2 s
        connection.clear();
        QTest::qWait(3000); // nothing happens on the server; only keep-alives arrive
        QVERIFY2(connection.isEmpty(), "a quiet stream was taken for a dead one");

        server.signal(SIGSTOP);
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY_WITH_TIMEOUT(!remote.isConnected(), 8000);
        QVERIFY2(t.elapsed() >= 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(connection.last().at(1).toString().contains(u"disconnected since"),
                 qPrintable(connection.last().at(1).toString()));
        server.signal(SIGCONT);
        QTRY_VERIFY_WITH_TIMEOUT(remote.isConnected(), 30'000);
        server.stop();
    }

    // Event lines may end in CRLF (or CR), as the HTML standard allows and some proxies rewrite them:
    // the client reads such a stream like any other.
    void crlfEventStream_isRead()
    {
        const QJsonObject agent{{QStringLiteral("agent_id"), 1},
                                {QStringLiteral("name"), QStringLiteral("crlf-bot")},
                                {QStringLiteral("state"), QStringLiteral("dead")}};
        const QByteArray status =
            QJsonDocument(QJsonObject{{QStringLiteral("total"), 1}, {QStringLiteral("agents"), QJsonArray{agent}}})
                .toJson(QJsonDocument::Compact);
        const QByteArray state =
            QJsonDocument(QJsonObject{{QStringLiteral("agent_id"), 1},
                                      {QStringLiteral("agent"), QStringLiteral("crlf-bot")},
                                      {QStringLiteral("event"), QStringLiteral("state")},
                                      {QStringLiteral("from"), QStringLiteral("healthy")},
                                      {QStringLiteral("to"), QStringLiteral("dead")},
                                      {QStringLiteral("cause"), QStringLiteral("no beat")},
                                      {QStringLiteral("at"), QStringLiteral("2026-01-01T00:00:00.000Z")}})
                .toJson(QJsonDocument::Compact);
        clev::test::FloodingServer server([&](const QByteArray &request) -> QByteArray {
            if (request.startsWith("GET /api/v1/events"))
                return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
                       "retry: 2000\r\n\r\n: keep-alive\r\n\r\nid: s-1\r\nevent: hello\r\ndata: {}\r\n\r\n"
                       "id: s-2\revent: state\rdata: " +
                       state + "\r\r";
            if (request.startsWith("GET /api/v1/status"))
                return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(status.size()) + "\r\n\r\n" + status;
            return QByteArray();
        });
        QVERIFY(server.listen());
        RemoteMonitor remote({QStringLiteral("crlf"),
                              QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())),
                              QStringLiteral("cv_x"),
                              {}},
                             Clock::system());
        QSignalSpy transitions(&remote, &MonitorSource::transitioned);
        remote.start();
        QTRY_VERIFY_WITH_TIMEOUT(remote.isConnected(), 10'000); // the hello arrived
        QTRY_COMPARE_WITH_TIMEOUT(remote.agentCount(), 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(transitions.size(), 1, 10'000);
        const auto t = transitions.first().at(0).value<StateTransition>();
        QCOMPARE(t.agent, QStringLiteral("crlf-bot"));
        QCOMPARE(t.to, AgentState::Dead);
    }

    // The client reads at most 1 MiB of one event and 64 MiB of one answer, then says so and lets go.
    void floodingServer_isCutOff_withTheReason()
    {
        // A stand-in for a clevagent-server that answers without end: an event that never ends, and a
        // /status answer of 80 MiB.
        QElapsedTimer clock;
        clock.start();
        QList<qint64> reconnectedAt; // when each event stream was asked for
        clev::test::FloodingServer flood([&](const QByteArray &request) -> QByteArray {
            if (request.startsWith("GET /api/v1/events"))
                reconnectedAt.append(clock.elapsed());
            if (request.startsWith("GET /api/v1/events"))
                return QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
                                  "id: flood-1\nevent: hello\ndata: {}\n\nevent: state\ndata: ") +
                       QByteArray(3 << 20, 'x'); // 3 MiB, and no end of the event
            if (request.startsWith("GET /api/v1/status"))
                return QByteArray(
                           "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 83886080\r\n\r\n") +
                       QByteArray(70 << 20, ' ');
            return QByteArray();
        });
        QVERIFY(flood.listen());
        RemoteMonitor remote({QStringLiteral("flood"),
                              QUrl(QStringLiteral("http://127.0.0.1:%1").arg(flood.port())),
                              QStringLiteral("cv_x"),
                              {}},
                             Clock::system());
        QSignalSpy connection(&remote, &MonitorSource::connectionChanged);
        QSignalSpy actions(&remote, &MonitorSource::actionDone);
        remote.start();
        // The hello asks for the list: its answer is cut at 64 MiB.
        QTRY_VERIFY_WITH_TIMEOUT(!actions.isEmpty(), 20'000);
        QVERIFY2(actions.first().at(1).toString().contains(u"more than 64 MiB"),
                 qPrintable(actions.first().at(1).toString()));
        // The endless event is cut at 1 MiB: the stream is dropped, with the reason.
        QTRY_VERIFY_WITH_TIMEOUT(!connection.isEmpty() && !connection.last().at(0).toBool(), 20'000);
        QVERIFY2(connection.last().at(1).toString().contains(u"more than 1 MiB"),
                 qPrintable(connection.last().at(1).toString()));
        QCOMPARE(remote.agentCount(), 0);
        // A server that answers and then fails each time is retried ever more slowly (after 1, 2, 4 s),
        // not every second. Measured from each loss to the next request for the stream, so the time it
        // takes to read 67 MiB on a slow machine is not part of it.
        QList<qint64> lostAt;
        QList<int> scheduledSecs; // what each loss says: "retrying in N s"
        connect(&remote, &MonitorSource::connectionChanged, this, [&](bool connected, const QString &message) {
            if (connected)
                return;
            lostAt.append(clock.elapsed());
            const auto m = QRegularExpression(QStringLiteral("retrying in (\\d+) s")).match(message);
            scheduledSecs.append(m.hasMatch() ? m.captured(1).toInt() : -1);
        });
        QTRY_VERIFY_WITH_TIMEOUT(lostAt.size() >= 2 && !reconnectedAt.isEmpty() && reconnectedAt.last() > lostAt.at(1),
                                 40'000);
        const auto waitAfter = [&](qint64 lost) {
            for (const qint64 asked : std::as_const(reconnectedAt)) {
                if (asked > lost)
                    return asked - lost;
            }
            return qint64(-1);
        };
        const qint64 first = waitAfter(lostAt.at(0)), second = waitAfter(lostAt.at(1));
        // The schedule doubles, and no wait is shorter than scheduled. (The measured waits also hold the
        // event loop's delay, which a slow sanitizer build spends reading 67 MiB: so their difference is
        // not compared.)
        QVERIFY2(scheduledSecs.size() >= 2 && scheduledSecs.at(0) >= 1 &&
                     scheduledSecs.at(1) == 2 * scheduledSecs.at(0),
                 qPrintable(QStringLiteral("retry delays said: %1 s, then %2 s")
                                .arg(scheduledSecs.value(0))
                                .arg(scheduledSecs.value(1))));
        QVERIFY2(first >= scheduledSecs.at(0) * 1000 - 200 && second >= scheduledSecs.at(1) * 1000 - 200,
                 qPrintable(QStringLiteral("waited %1 ms then %2 ms before reconnecting").arg(first).arg(second)));
        qInfo("waited %lld ms, then %lld ms, before reconnecting", static_cast<long long>(first),
              static_cast<long long>(second));
    }

    void wrongKey_andWrongScope()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("keys.db"));
        const QString ingest = createKey(db, QStringLiteral("ingest"));
        const quint16 port = clev::test::RecordingReceiver::freePort();
        Server server;
        QVERIFY(server.start(db, port));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
        for (const auto &[key, expected] :
             {std::pair{QStringLiteral("cv_notAKeyAtAll0000000000000000000000000000"), QStringLiteral("401")},
              std::pair{ingest, QStringLiteral("403")}}) {
            const RemoteMonitor::Probe probe = probeNow({QStringLiteral("x"), url, key, {}});
            QVERIFY(!probe.ok);
            QVERIFY2(probe.message.contains(expected), qPrintable(probe.message));
            RemoteMonitor remote({QStringLiteral("x"), url, key, {}}, Clock::system());
            QSignalSpy connection(&remote, &MonitorSource::connectionChanged);
            remote.start();
            QTRY_VERIFY(!connection.isEmpty());
            QVERIFY2(connection.last().at(1).toString().contains(expected),
                     qPrintable(connection.last().at(1).toString()));
            QVERIFY(!remote.isConnected());
        }
        // Nothing listening: the connection is named.
        const RemoteMonitor::Probe probe =
            probeNow({QStringLiteral("x"),
                      QUrl(QStringLiteral("http://127.0.0.1:%1").arg(clev::test::RecordingReceiver::freePort())),
                      ingest,
                      {}});
        QVERIFY2(probe.message.contains(u"connection refused"), qPrintable(probe.message));
        server.stop();
    }

    // TLS with the server's own self-signed certificate: untrusted until pinned; pinned, it works; a
    // different pin is refused loudly.
    void tls_selfSigned_pinnedOrRefused()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("tls.db"));
        const QString fingerprint = run({QStringLiteral("tls"), QStringLiteral("self-signed"), QStringLiteral("--out"),
                                         dir.file(QStringLiteral("tls"))});
        QVERIFY2(fingerprint.count(u':') == 31, qPrintable(fingerprint));
        const QString read = createKey(db, QStringLiteral("read,ingest"));
        const quint16 port = clev::test::RecordingReceiver::freePort();
        Server server;
        QVERIFY(server.start(db, port,
                             {QStringLiteral("--tls-cert"), dir.file(QStringLiteral("tls/cert.pem")),
                              QStringLiteral("--tls-key"), dir.file(QStringLiteral("tls/key.pem"))}));
        const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(port));
        const auto probeWith = [&](const QByteArray &pin) { return probeNow({QStringLiteral("tls"), url, read, pin}); };
        RemoteMonitor::Probe p = probeWith({});
        QVERIFY(!p.ok);
        QVERIFY(p.untrustedCertificate);
        QCOMPARE(QString::fromLatin1(p.fingerprint), fingerprint); // what the helper printed is what the client sees
        p = probeWith(fingerprint.toLatin1());
        QVERIFY2(p.ok, qPrintable(p.message));
        QVERIFY(p.message.contains(QStringLiteral(CLEV_VERSION)));
        const QByteArray wrong = QByteArray(fingerprint.toLatin1()).replace(0, 2, "00");
        p = probeWith(wrong);
        QVERIFY(!p.ok);
        QVERIFY2(p.message.contains(u"REFUSED"), qPrintable(p.message));

        RemoteMonitor pinned({QStringLiteral("tls"), url, read, fingerprint.toLatin1()}, Clock::system());
        QSignalSpy snapshots(&pinned, &MonitorSource::snapshot);
        pinned.start();
        QTRY_VERIFY_WITH_TIMEOUT(pinned.isConnected(), 10'000);
        QTRY_VERIFY(!snapshots.isEmpty());
        // A read key cannot change an agent's settings on the server: the answer says why.
        QSignalSpy done(&pinned, &MonitorSource::actionDone);
        AgentSettings settings;
        settings.intervalSecs = 30;
        pinned.setSettings(0, QStringLiteral("anyone"), settings);
        QTRY_VERIFY(!done.isEmpty());
        QVERIFY2(done.first().at(1).toString().contains(u"403") || done.first().at(1).toString().contains(u"404"),
                 qPrintable(done.first().at(1).toString()));
        RemoteMonitor refused({QStringLiteral("tls"), url, read, wrong}, Clock::system());
        QSignalSpy connection(&refused, &MonitorSource::connectionChanged);
        refused.start();
        QTRY_VERIFY(!connection.isEmpty());
        QVERIFY2(connection.last().at(1).toString().contains(u"REFUSED"),
                 qPrintable(connection.last().at(1).toString()));
        QVERIFY(!refused.isConnected());
        server.stop();
    }
};

QTEST_MAIN(TestRemote)
#include "TestRemote.moc"
