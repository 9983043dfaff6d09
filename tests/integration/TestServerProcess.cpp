// SPDX-License-Identifier: MIT
#include "core/ApiKey.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "support/HttpTestClient.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace clev;
using clev::test::HttpTestClient;
using clev::test::TestDir;

namespace {

using Run = clev::test::CommandRun;

Run runServer(const QStringList &args, int timeoutMs = 10'000)
{
    return clev::test::runServerCommand(args, timeoutMs);
}

// A clevagent-server child process serving on a free port.
class ServerProcess
{
public:
    bool start(const QString &database, const QStringList &extra = {},
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(env);
        // stderr goes to a file: a pipe nobody reads would fill and block the server.
        m_log = database + QStringLiteral(".server.log");
        m_process.setStandardErrorFile(m_log, QIODevice::Truncate);
        m_process.start(clev::test::serverBinary(),
                        QStringList{QStringLiteral("--database"), database, QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0")} +
                            extra);
        if (!m_process.waitForStarted(5000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10'000) {
            m_process.waitForFinished(100);
            const auto m = listening.match(stderrText());
            if (m.hasMatch()) {
                m_port = static_cast<quint16>(m.captured(1).toUInt());
                return true;
            }
            if (m_process.state() != QProcess::Running)
                return false;
        }
        return false;
    }
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    QString stderrText() const
    {
        QFile f(m_log);
        f.open(QIODevice::ReadOnly);
        return QString::fromUtf8(f.readAll());
    }

private:
    QProcess m_process;
    QString m_log;
    quint16 m_port = 0;
};

// A key whose rate limit the load tests cannot reach.
QByteArray createKey(const QString &db, const QString &scope = QStringLiteral("ingest,read"))
{
    const Run r =
        runServer({QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--database"), db,
                   QStringLiteral("--scope"), scope, QStringLiteral("--rate-limit"), QStringLiteral("10000000")});
    return r.out.trimmed().toLatin1();
}

} // namespace

// clevagent-server as a user runs it: a real child process, real signals, real files.
class TestServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(clev::test::serverBinary()), "CLEV_SERVER_BIN must name the built binary");
    }

    void helpAndVersion()
    {
        Run r = runServer({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral(CLEV_VERSION)));
        r = runServer({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"keys create") && r.out.contains(u"--listen"));
    }

    void keys_createListRevoke()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("k.db"));
        Run r = runServer({QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--database"), db,
                           QStringLiteral("--scope"), QStringLiteral("ingest"), QStringLiteral("--name"),
                           QStringLiteral("laptop")});
        QCOMPARE(r.exitCode, 0);
        const QByteArray key = r.out.trimmed().toLatin1();
        QVERIFY2(ApiKey::isWellFormed(key), qPrintable(r.out));
        QCOMPARE(r.out.count(u'\n'), 1); // the key alone on stdout
        QVERIFY(r.err.contains(u"shown only now"));

        r = runServer({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--database"), db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QString::fromLatin1(ApiKey::lookupPrefix(key))));
        QVERIFY(r.out.contains(u"laptop"));
        QVERIFY(!r.out.contains(QString::fromLatin1(key))); // never the key itself

        r = runServer({QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("--database"), db,
                       QString::fromLatin1(ApiKey::lookupPrefix(key))});
        QCOMPARE(r.exitCode, 0);
        r = runServer({QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("--database"), db,
                       QString::fromLatin1(ApiKey::lookupPrefix(key))});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(u"no active key"));
        r = runServer({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--database"), db});
        QVERIFY(r.out.contains(u"revoked"));

        r = runServer({QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--database"), db,
                       QStringLiteral("--scope"), QStringLiteral("write")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"unknown scope 'write'"));
        QVERIFY(r.out.isEmpty());
    }

    // agents set stores an agent's own interval, grace and budget; bad values and unknown agents are
    // refused with the reason and change nothing.
    void agentsSet_storesSettings_andRefusesBadInput()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("a.db"));
        const auto run = [&db](QStringList args) {
            args << QStringLiteral("--database") << db;
            return runServer(args);
        };
        QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("add"), QStringLiteral("bot")}).exitCode, 0);
        QCOMPARE(
            run({QStringLiteral("agents"), QStringLiteral("set"), QStringLiteral("bot"), QStringLiteral("--interval"),
                 QStringLiteral("30"), QStringLiteral("--budget"), QStringLiteral("2.5")})
                .exitCode,
            0);
        QCOMPARE(run({QStringLiteral("agents"), QStringLiteral("set"), QStringLiteral("bot"), QStringLiteral("--grace"),
                      QStringLiteral("90")})
                     .exitCode,
                 0);
        Run r = run({QStringLiteral("agents"), QStringLiteral("set"), QStringLiteral("bot"),
                     QStringLiteral("--interval"), QStringLiteral("soon")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--interval must be a number"));
        r = run({QStringLiteral("agents"), QStringLiteral("set"), QStringLiteral("ghost"), QStringLiteral("--budget"),
                 QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"no agent named 'ghost'"));
        {
            Database d({db, 5000});
            QString error;
            QVERIFY(d.open(&error));
            const AgentQueries q(d);
            const AgentSettings s = q.settings(q.idOf(QStringLiteral("bot")));
            QCOMPARE(s.intervalSecs, std::optional<double>(30)); // kept when only the grace was given
            QCOMPARE(s.graceSecs, std::optional<double>(90));
            QCOMPARE(s.dailyBudgetUsd, std::optional<double>(2.5));
        }
        QCOMPARE(
            run({QStringLiteral("agents"), QStringLiteral("set"), QStringLiteral("bot"), QStringLiteral("--clear")})
                .exitCode,
            0);
        Database d({db, 5000});
        QString error;
        QVERIFY(d.open(&error));
        const AgentQueries q(d);
        QVERIFY(q.settings(q.idOf(QStringLiteral("bot"))).isEmpty());
    }

    void badOptions_clearErrorAndExit2()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("o.db"));
        Run r = runServer({QStringLiteral("--database"), db, QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--listen must be HOST:PORT"));
        r = runServer(
            {QStringLiteral("--database"), db, QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"unknown time zone"));
        r = runServer({QStringLiteral("--database"), db, QStringLiteral("--io-threads"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--io-threads"));
        r = runServer({QStringLiteral("launch")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"unknown command 'launch'"));
    }

    void newerSchema_isRefusedWithExit2()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("n.db"));
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("n"));
            c.setDatabaseName(db);
            QVERIFY(c.open());
            QVERIFY(QSqlQuery(c).exec(QStringLiteral("PRAGMA user_version=42")));
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("n"));
        const Run r =
            runServer({QStringLiteral("--database"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"schema version 42, newer than this build knows"), qPrintable(r.err));
    }

    // Two servers on one database would both alert (3 of 10 alerts went out twice): the second is
    // refused, naming the first; admin commands still work beside it; a kill -9 leaves no lock behind.
    void secondServer_onTheSameDatabase_isRefused()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("two.db"));
        createKey(db);
        ServerProcess first;
        QVERIFY(first.start(db));
        const Run second =
            runServer({QStringLiteral("--database"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(second.exitCode != 0);
        QVERIFY2(second.err.contains(u"already served by another ClevAgent server"), qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral("process %1").arg(first.process().processId())),
                 qPrintable(second.err));
        const Run list = runServer({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--database"), db});
        QCOMPARE(list.exitCode, 0);
        first.process().kill();
        QVERIFY(first.process().waitForFinished(5000));
        ServerProcess next;
        QVERIFY2(next.start(db), qPrintable(next.stderrText()));
    }

    // --durability full serves as normal does; a wrong value is refused.
    void durability_fullOrNormal()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("d.db"));
        const QByteArray key = createKey(db);
        const Run bad =
            runServer({QStringLiteral("--database"), db, QStringLiteral("--durability"), QStringLiteral("paranoid")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"--durability: 'paranoid' is neither normal nor full"), qPrintable(bad.err));
        ServerProcess server;
        QVERIFY(server.start(db, {QStringLiteral("--durability"), QStringLiteral("full")}));
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        QCOMPARE(c.request("POST", "/api/v1/heartbeat", R"({"agent":"durable"})", {{"X-API-Key", key}}).status, 200);
    }

    // A database the server may read but not write says so (before: "not a ClevAgent database (or is
    // damaged)"). Run as another user when the tests run as root (root may write anything).
    void readOnlyDatabase_saysReadOnly()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("ro.db"));
        createKey(db);
        QStringList command{clev::test::serverBinary(), QStringLiteral("--database"), db, QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0")};
        if (::geteuid() == 0) {
            QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                  QFile::ReadOther | QFile::WriteOther |
                                                  QFile::ExeOther); // the file, not its folder
            QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
            command = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                  QStringLiteral("--clear-groups")} +
                      command;
            command.prepend(QStringLiteral("setpriv"));
        } else {
            QFile::setPermissions(db, QFile::ReadOwner);
        }
        QProcess p;
        p.setWorkingDirectory(dir.path()); // a folder the other user may enter (the build's may be closed to it)
        p.start(command.takeFirst(), command);
        QVERIFY(p.waitForFinished(10'000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY(p.exitCode() != 0);
        if (err.contains(u"error while loading shared libraries")) {
            // Not the server's answer: the other user could not even load it. Say what it could see.
            QProcess ls;
            ls.setWorkingDirectory(dir.path());
            ls.start(QStringLiteral("setpriv"),
                     {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                      QStringLiteral("--clear-groups"), QStringLiteral("sh"), QStringLiteral("-c"),
                      QStringLiteral("id; ls -ld /etc/ld.so.cache /usr/lib/x86_64-linux-gnu "
                                     "/usr/lib/x86_64-linux-gnu/libQt6Sql.so.6*; ldd %1 | head -5")
                          .arg(clev::test::serverBinary())});
            ls.waitForFinished(5'000);
            qWarning("%s", ls.readAll().constData());
        }
        QVERIFY2(err.contains(u"is read-only for this user"), qPrintable(err));
    }

    // A damaged page under the agents' name index: the server starts (the agents table is whole), and a
    // lookup by name answers 503, not 404 "no agent named" (before: 404).
    void damagedIndex_lookupIs503_not404()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("bad.db"));
        const QByteArray key = createKey(db, QStringLiteral("ingest,read,admin"));
        {
            ServerProcess server;
            QVERIFY(server.start(db));
            HttpTestClient c;
            QVERIFY(c.connectTo(server.port()));
            QCOMPARE(c.request("POST", "/api/v1/heartbeat", R"({"agent":"victim"})", {{"X-API-Key", key}}).status, 200);
            QCOMPARE(c.request("GET", "/api/v1/agents/victim", {}, {{"X-API-Key", key}}).status, 200);
            server.process().terminate();
            QVERIFY(server.process().waitForFinished(10'000));
        }
        qint64 page = 0;
        qint64 pageSize = 0;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bad"));
            c.setDatabaseName(db);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
            pageSize = q.value(0).toLongLong();
            QVERIFY(
                q.exec(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'agents' "
                                      "AND sql IS NULL")) &&
                q.next()); // the UNIQUE(name) index
            page = q.value(0).toLongLong();
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bad"));
        QVERIFY(page > 1);
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek((page - 1) * pageSize));
        f.write(QByteArray(static_cast<int>(pageSize), '\xA5'));
        f.close();
        ServerProcess server;
        QVERIFY2(server.start(db), qPrintable(server.stderrText()));
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        const auto r = c.request("GET", "/api/v1/agents/victim", {}, {{"X-API-Key", key}});
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("storage_unavailable"));
    }

    // A burst of beats cycling ok/warning/error, then kill -9 at once: after the restart every agent's
    // state and open error incident follow its last stored beat (before: the watchdog's state changes
    // and many incidents were lost, and agents whose last beat said "error" showed "healthy").
    void burstThenKill9_stateAndIncidentsFollowTheLastStoredBeat()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("burst.db"));
        const QByteArray key = createKey(db, QStringLiteral("ingest,read"));
        ServerProcess server;
        QVERIFY(server.start(db));
        constexpr int Agents = 400;
        constexpr int Batches = 30;
        const char *statuses[] = {"ok", "warning", "error"};
        std::vector<std::thread> threads;
        std::atomic<int> acknowledged{0};
        const quint16 port = server.port();
        for (int t = 0; t < 3; ++t) {
            threads.emplace_back([&, t] {
                HttpTestClient http;
                if (!http.connectTo(port))
                    return;
                for (int b = t; b < Batches; b += 3) {
                    QByteArray body = "[";
                    for (int i = 0; i < Agents; ++i)
                        body += QByteArray(i ? "," : "") + "{\"agent\":\"burst-" + QByteArray::number(i) +
                                "\",\"status\":\"" + statuses[(b + i) % 3] + "\",\"message\":\"batch " +
                                QByteArray::number(b) + "\"}";
                    body += "]";
                    const auto r = http.request("POST", "/api/v1/heartbeat/batch", body, {{"X-API-Key", key}});
                    if (r.status == 200)
                        acknowledged.fetch_add(1);
                }
            });
        }
        for (auto &t : threads)
            t.join();
        server.process().kill(); // right after the last answer
        QVERIFY(server.process().waitForFinished(5000));
        QCOMPARE(acknowledged.load(), Batches);

        ServerProcess again;
        QVERIFY(again.start(db));
        const auto mismatches = [&]() {
            Database check({db, 5000});
            QString error;
            if (!check.open(&error))
                return QStringList{error};
            QSqlQuery q(check.connection());
            q.exec(QStringLiteral("SELECT a.name, a.last_status, a.state, (SELECT count(*) FROM incidents i WHERE"
                                  " i.agent_id = a.id AND i.kind = 'error' AND i.resolved_at IS NULL) FROM agents a"));
            QStringList wrong;
            while (q.next()) {
                const QString last = q.value(1).toString();
                const QString expected = last == u"ok" ? QStringLiteral("healthy") : last;
                const bool errorOpen = q.value(3).toInt() > 0;
                if (q.value(2).toString() != expected || errorOpen != (last == u"error"))
                    wrong << QStringLiteral("%1: last beat %2, state %3, open error incident %4")
                                 .arg(q.value(0).toString(), last, q.value(2).toString())
                                 .arg(errorOpen);
            }
            return wrong;
        };
        QStringList wrong;
        QElapsedTimer t;
        t.start();
        do {
            QTest::qWait(300);
            wrong = mismatches();
        } while (!wrong.isEmpty() && t.elapsed() < 15'000);
        QVERIFY2(wrong.isEmpty(),
                 qPrintable(QStringLiteral("%1 agents, e.g. %2").arg(wrong.size()).arg(wrong.mid(0, 3).join(u"; "))));
        qInfo("%d agents x %d batches, killed after the last answer: states and open incidents follow the last beats "
              "%lld ms after the restart",
              Agents, Batches, t.elapsed());
        // SIGTERM after such a burst ends well within 10 s.
        QElapsedTimer stop;
        stop.start();
        again.process().terminate();
        QVERIFY(again.process().waitForFinished(15'000));
        qInfo("SIGTERM to exit: %lld ms", stop.elapsed());
        QVERIFY(stop.elapsed() < 10'000);
    }

    void portInUse_clearErrorAndNonZeroExit()
    {
        TestDir dir;
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const Run r =
            runServer({QStringLiteral("--database"), dir.file(QStringLiteral("p.db")), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(u"already in use"), qPrintable(r.err));
    }

    void sigterm_finishesTheOpenRequestThenExits0()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("t.db"));
        const QByteArray key = createKey(db);
        ServerProcess server;
        QVERIFY(server.start(db));
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        QCOMPARE(c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"a\"}", {{"X-API-Key", key}}).status, 200);

        // Half a request is on the wire when SIGTERM arrives…
        const QByteArray request = HttpTestClient::formatRequest("POST", "/api/v1/heartbeat",
                                                                 "{\"agent\":\"last-words\"}", {{"X-API-Key", key}});
        c.sendRaw(request.left(40));
        QThread::msleep(100);
        ::kill(static_cast<pid_t>(server.process().processId()), SIGTERM);
        QThread::msleep(200);
        // …the rest follows: it is answered and committed, then the server exits cleanly.
        c.sendRaw(request.mid(40));
        const auto r = c.readResponse(5000);
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(server.process().waitForFinished(10'000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.stderrText().contains(u"SIGTERM received"));

        Database check({db, 1000});
        QString error;
        QVERIFY(check.open(&error));
        QSqlQuery q(check.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM agents WHERE name = 'last-words'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    // The whole chain in the shipped binary: a configured agent dies, the watchdog notices, the alert
    // reaches a real webhook receiver, signed with a secret taken from the environment.
    void configuredAgentDies_alertReachesTheWebhook()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("alerts.db"));
        const QByteArray key = createKey(db);
        clev::test::RecordingReceiver rx;
        QVERIFY(rx.start());
        QFile config(dir.file(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("{\"agents\": {\"doomed\": {\"interval\": 1, \"grace\": 1}},"
                                    " \"channels\": [{\"name\": \"ops\", \"type\": \"webhook\", \"url\": \"%1\", "
                                    "\"secret\": \"env:OPS_SECRET\"}]}")
                         .arg(rx.url(QStringLiteral("/ops")))
                         .toUtf8());
        config.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPS_SECRET"), QStringLiteral("t0p-secret"));

        // "Send test" from the command line reports the receiver's answer.
        QProcess test;
        test.setProcessEnvironment(env);
        test.start(clev::test::serverBinary(), {QStringLiteral("channels"), QStringLiteral("test"),
                                                QStringLiteral("ops"), QStringLiteral("--config"), config.fileName()});
        QVERIFY(test.waitForFinished(20'000));
        QCOMPARE(test.exitCode(), 0);
        QTRY_COMPARE(rx.count(), 1);
        QCOMPARE(rx.received().first().json().value(QStringLiteral("action")).toString(), QStringLiteral("test"));

        ServerProcess server;
        QVERIFY(server.start(db, {QStringLiteral("--config"), config.fileName()}, env));
        HttpTestClient c;
        QVERIFY(c.connectTo(server.port()));
        QCOMPARE(c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"doomed\",\"message\":\"last words\"}",
                           {{"X-API-Key", key}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(rx.count(), 2, 10'000);
        const auto alert = rx.received().last();
        QCOMPARE(alert.json().value(QStringLiteral("kind")).toString(), QStringLiteral("dead"));
        QCOMPARE(alert.json().value(QStringLiteral("agent")).toString(), QStringLiteral("doomed"));
        QCOMPARE(alert.json().value(QStringLiteral("last_message")).toString(), QStringLiteral("last words"));
        QVERIFY(alert.header("x-clevagent-signature").startsWith("sha256="));
        const auto incidents =
            runServer({QStringLiteral("incidents"), QStringLiteral("list"), QStringLiteral("--database"), db});
        QVERIFY2(incidents.out.contains(u"Agent 'doomed' is dead"), qPrintable(incidents.out));
        server.process().terminate();
        QVERIFY(server.process().waitForFinished(10'000));
    }

    // Load from several clients, kill -9, and every heartbeat that got a 200 must be in the database.
    void crash_kill9_losesNoAcknowledgedHeartbeat()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("crash.db"));
        const QByteArray key = createKey(db);
        ServerProcess server;
        QVERIFY(server.start(db));

        constexpr int Clients = 6;
        std::atomic<bool> stop{false};
        std::mutex mutex;
        QSet<QString> acknowledged;
        std::atomic<int> sent{0};
        std::vector<std::thread> threads;
        const quint16 port = server.port();
        for (int c = 0; c < Clients; ++c) {
            threads.emplace_back([&, c] {
                HttpTestClient http;
                if (!http.connectTo(port))
                    return;
                for (int i = 0; !stop.load(); ++i) {
                    const QString message = QStringLiteral("c%1-%2").arg(c).arg(i);
                    const QByteArray body = "{\"agent\":\"crash-" + QByteArray::number(c) +
                                            "\",\"tokens_used\":1,\"message\":\"" + message.toLatin1() + "\"}";
                    http.sendRaw(
                        HttpTestClient::formatRequest("POST", "/api/v1/heartbeat", body, {{"X-API-Key", key}}));
                    sent.fetch_add(1);
                    const auto r = http.readResponse(3000);
                    if (!r)
                        return; // the server is gone
                    if (r->status == 200) {
                        std::lock_guard lock(mutex);
                        acknowledged.insert(message);
                    }
                }
            });
        }
        QThread::msleep(1500);
        server.process().kill(); // SIGKILL: no chance to flush anything
        QVERIFY(server.process().waitForFinished(5000));
        stop = true;
        for (auto &t : threads)
            t.join();
        QVERIFY2(acknowledged.size() > 100, qPrintable(QString::number(acknowledged.size())));

        Database check({db, 1000});
        QString error;
        QVERIFY2(check.open(&error), qPrintable(error));
        QSet<QString> stored;
        QSqlQuery q(check.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT message FROM heartbeats")));
        while (q.next())
            stored.insert(q.value(0).toString());
        q.finish();
        const QSet<QString> lost = acknowledged - stored;
        qInfo("sent %d, acknowledged %lld, stored %lld, lost %lld", sent.load(), qlonglong(acknowledged.size()),
              qlonglong(stored.size()), qlonglong(lost.size()));
        QVERIFY2(lost.isEmpty(), qPrintable(QStringList(lost.values()).mid(0, 5).join(u',')));

        // The server starts again on the same file and serves what it holds.
        ServerProcess again;
        QVERIFY(again.start(db));
        HttpTestClient c;
        QVERIFY(c.connectTo(again.port()));
        const auto status = c.request("GET", "/api/v1/status", {}, {{"X-API-Key", key}});
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json().value(QStringLiteral("total")).toInt(), Clients);
        again.process().terminate();
        QVERIFY(again.process().waitForFinished(10'000));
        QCOMPARE(again.process().exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "TestServerProcess.moc"
