// SPDX-License-Identifier: MIT
// The connection probe's steps against real HTTP servers on loopback (the project's own HttpServer,
// answering each path as the test says): which stage it passes through, where it stops, what it
// reports, and that the key goes only to the API, never to /healthz.
#include "remote/ConnectionProbe.h"
#include "server/HttpServer.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <map>
#include <mutex>

using namespace clev;

namespace {

// Answers /healthz and /api/v1/status as told, records the key each path was sent with.
class FakeClevagent final : public HttpHandler
{
public:
    std::map<QByteArray, std::pair<int, QByteArray>> answers;
    std::atomic<bool> hang{false};

    void handle(const HttpRequest &request, const HttpResponder &responder) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_keys[request.path] = request.header("x-api-key");
        }
        if (hang.load()) {
            std::lock_guard lock(m_mutex);
            m_held.push_back(responder); // never answered
            return;
        }
        const auto it = answers.find(request.path);
        HttpResponse r;
        r.status = it == answers.end() ? 404 : it->second.first;
        r.contentType = "application/json";
        r.body = it == answers.end() ? QByteArray("{}") : it->second.second;
        responder.send(r);
    }
    void reset()
    {
        std::lock_guard lock(m_mutex);
        m_keys.clear();
        m_held.clear();
    }
    QByteArray keySentTo(const QByteArray &path)
    {
        std::lock_guard lock(m_mutex);
        return m_keys[path];
    }
    bool asked(const QByteArray &path)
    {
        std::lock_guard lock(m_mutex);
        return m_keys.count(path) > 0;
    }

private:
    std::mutex m_mutex;
    std::map<QByteArray, QByteArray> m_keys;
    std::vector<HttpResponder> m_held;
};

struct Run
{
    ConnectionProbe::Result result;
    QList<ConnectionProbe::Stage> stages;
    int finishedCount = 0;
};

Run probe(const QUrl &url, int timeoutMs = 5'000)
{
    ConnectionProbe p(url, "cv_key", {}, timeoutMs);
    Run run;
    QElapsedTimer waited;
    QObject::connect(&p, &ConnectionProbe::stageChanged, [&](ConnectionProbe::Stage s) { run.stages.append(s); });
    QObject::connect(&p, &ConnectionProbe::finished, [&](const ConnectionProbe::Result &r) {
        run.result = r;
        ++run.finishedCount;
    });
    p.start();
    waited.start();
    while (run.finishedCount == 0 && waited.elapsed() < 20'000 * test::Slowdown)
        QTest::qWait(10);
    QTest::qWait(50); // nothing more comes (the callers check that it finished exactly once)
    return run;
}

} // namespace

class TestConnectionProbe : public QObject
{
    Q_OBJECT

    FakeClevagent m_handler;
    std::unique_ptr<HttpServer> m_server;

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->port())); }

private Q_SLOTS:
    void init()
    {
        m_handler.answers = {{"/healthz", {200, R"({"status":"ok","version":"9.9.9"})"}},
                             {"/api/v1/status", {200, R"({"agents":[],"total":3,"limit":1,"offset":0})"}}};
        m_handler.hang = false;
        m_handler.reset();
        HttpServer::Options o;
        o.port = 0;
        o.ioThreads = 1;
        m_server = std::make_unique<HttpServer>(o, &m_handler);
        QString error;
        QVERIFY2(m_server->listen(&error), qPrintable(error));
    }
    void cleanup() { m_server.reset(); }

    void connected_passesEveryStage_andSendsTheKeyOnlyToTheApi()
    {
        const Run run = probe(url());
        QCOMPARE(run.finishedCount, 1);
        using S = ConnectionProbe::Stage;
        QCOMPARE(run.stages, (QList<S>{S::Resolving, S::CheckingHealth, S::CheckingKey, S::Finished}));
        QCOMPARE(run.result.outcome, ConnectionProbe::Outcome::Connected);
        QCOMPARE(run.result.version, QStringLiteral("9.9.9"));
        QCOMPARE(run.result.agents, qint64(3));
        QCOMPARE(m_handler.keySentTo("/api/v1/status"), QByteArray("cv_key"));
        QVERIFY(m_handler.asked("/healthz"));
        QVERIFY(m_handler.keySentTo("/healthz").isNull());
    }

    void eachAnswerOfTheApi_isItsOwnOutcome_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<ConnectionProbe::Outcome>("outcome");
        QTest::newRow("401") << 401 << ConnectionProbe::Outcome::KeyRefused;
        QTest::newRow("403") << 403 << ConnectionProbe::Outcome::KeyMayNotRead;
        QTest::newRow("500") << 500 << ConnectionProbe::Outcome::UnexpectedStatus;
    }
    void eachAnswerOfTheApi_isItsOwnOutcome()
    {
        QFETCH(int, status);
        QFETCH(ConnectionProbe::Outcome, outcome);
        m_handler.answers["/api/v1/status"] = {status, R"({"error":"x"})"};
        const Run run = probe(url());
        QCOMPARE(run.finishedCount, 1);
        QCOMPARE(run.result.outcome, outcome);
        QCOMPARE(run.result.httpStatus, status);
        QCOMPARE(run.result.version, QStringLiteral("9.9.9")); // /healthz told it before
        QCOMPARE(run.stages.last(), ConnectionProbe::Stage::Finished);
        QVERIFY(run.stages.contains(ConnectionProbe::Stage::CheckingKey));
    }

    void somethingElseAnswering_stopsAtHealth_withoutSendingTheKey()
    {
        m_handler.answers.erase("/healthz"); // 404, as another web server would
        const Run run = probe(url());
        QCOMPARE(run.finishedCount, 1);
        QCOMPARE(run.result.outcome, ConnectionProbe::Outcome::NotClevagent);
        QCOMPARE(run.result.httpStatus, 404);
        QVERIFY(!run.stages.contains(ConnectionProbe::Stage::CheckingKey));
        QVERIFY(!m_handler.asked("/api/v1/status"));
    }

    void nothingListening_isANetworkError()
    {
        const Run run = probe(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::RecordingReceiver::freePort())));
        QCOMPARE(run.finishedCount, 1);
        QCOMPARE(run.result.outcome, ConnectionProbe::Outcome::NetworkError);
        QCOMPARE(run.result.networkError, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(run.stages.last(), ConnectionProbe::Stage::Finished);
    }

    void aServerThatNeverAnswers_isCutOffByTheTimeout()
    {
        m_handler.hang = true;
        QElapsedTimer t;
        t.start();
        const Run run = probe(url(), 300);
        QCOMPARE(run.finishedCount, 1);
        QCOMPARE(run.result.outcome, ConnectionProbe::Outcome::NetworkError);
        QVERIFY2(t.elapsed() < 5'000 * test::Slowdown, qPrintable(QString::number(t.elapsed())));
    }

    void aBadAddress_finishesOnce_withoutTouchingTheNetwork_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:9475");
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1:9475");
        QTest::newRow("no host") << QStringLiteral("http://");
    }
    void aBadAddress_finishesOnce_withoutTouchingTheNetwork()
    {
        QFETCH(QString, address);
        const Run run = probe(QUrl(address));
        QCOMPARE(run.finishedCount, 1);
        QCOMPARE(run.result.outcome, ConnectionProbe::Outcome::BadAddress);
        QCOMPARE(run.stages, QList<ConnectionProbe::Stage>{ConnectionProbe::Stage::Finished});
        QVERIFY(!m_handler.asked("/healthz"));
    }
};

QTEST_MAIN(TestConnectionProbe)
#include "TestConnectionProbe.moc"
