// SPDX-License-Identifier: MIT
#include "server/HttpServer.h"
#include "server/TlsFiles.h"
#include "support/HttpTestClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <atomic>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace clev;
using clev::test::HttpTestClient;
using clev::test::TestResponse;

namespace {

// Echoes the request as JSON. "/delay?ms=N" answers N ms later from another thread.
class EchoHandler final : public HttpHandler
{
public:
    ~EchoHandler() override
    {
        std::lock_guard lock(m_mutex);
        for (auto &t : m_threads)
            t.join();
    }

    QStringList handled() const
    {
        std::lock_guard lock(m_mutex);
        return m_handled;
    }

    void handle(const HttpRequest &request, const HttpResponder &responder) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_handled << QString::fromUtf8(request.path);
        }
        const QJsonObject echo{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                               {QStringLiteral("path"), QString::fromUtf8(request.path)},
                               {QStringLiteral("query"), QString::fromUtf8(request.query)},
                               {QStringLiteral("bodyBytes"), request.body.size()}};
        if (request.path == "/created") {
            responder.send(HttpResponse::json(201, echo));
            return;
        }
        if (request.path == "/big") {
            HttpResponse big;
            big.contentType = "application/octet-stream";
            big.body = QByteArray(256 * 1024, 'x');
            responder.send(big);
            return;
        }
        if (request.path == "/stream" || request.path == "/flood") {
            // A streamed answer: three events then the end, or 16 MiB as fast as it can be written.
            HttpResponse r;
            r.contentType = "text/event-stream";
            r.stream = std::make_shared<HttpStream>();
            r.stream->setOnClosed([this] { m_streamsClosed.fetch_add(1); });
            const bool flood = request.path == "/flood";
            r.stream->setOverflowMessage("event: overflow\ndata: behind\n\n");
            std::shared_ptr<HttpStream> stream = r.stream;
            responder.send(r);
            std::lock_guard lock(m_mutex);
            m_threads.emplace_back([stream, flood] {
                if (flood) {
                    const QByteArray chunk(64 * 1024, 'x');
                    for (int i = 0; i < 256 && stream->isOpen(); ++i)
                        stream->write(chunk);
                    return;
                }
                for (int i = 1; i <= 3; ++i)
                    stream->write("data: " + QByteArray::number(i) + "\n\n");
                stream->close();
            });
            return;
        }
        if (request.path == "/delay") {
            const int ms = QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(QStringLiteral("ms")).toInt();
            std::lock_guard lock(m_mutex);
            m_threads.emplace_back([responder, echo, ms] {
                QThread::msleep(static_cast<unsigned long>(ms));
                responder.send(HttpResponse::json(200, echo));
            });
            return;
        }
        responder.send(HttpResponse::json(200, echo));
    }

    std::atomic<int> m_streamsClosed{0};

private:
    mutable std::mutex m_mutex;
    std::vector<std::thread> m_threads;
    QStringList m_handled;
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<EchoHandler> m_handler;
    std::unique_ptr<HttpServer> m_server;

    quint16 start(HttpServer::Options options = {})
    {
        options.port = 0;
        m_handler = std::make_unique<EchoHandler>();
        m_server = std::make_unique<HttpServer>(options, m_handler.get());
        QString error;
        if (!m_server->listen(&error))
            qFatal("listen failed: %s", qPrintable(error));
        return m_server->port();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_handler.reset();
    }

    void keepAlive_servesManyRequestsOnOneConnection()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(start()));
        for (int i = 0; i < 20; ++i) {
            const TestResponse r = c.request("GET", "/x?i=" + QByteArray::number(i));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json().value(QStringLiteral("query")).toString(), QStringLiteral("i=%1").arg(i));
            QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
        }
        QCOMPARE(m_server->openConnections(), 1);
    }

    void pipelining_answersInRequestOrder_evenWhenCompletedOutOfOrder()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(start()));
        c.sendRaw(HttpTestClient::formatRequest("GET", "/delay?ms=300") +
                  HttpTestClient::formatRequest("GET", "/first") +
                  HttpTestClient::formatRequest("POST", "/second", "{\"a\":1}"));
        const auto a = c.readResponse();
        const auto b = c.readResponse();
        const auto d = c.readResponse();
        QVERIFY(a && b && d);
        QCOMPARE(a->json().value(QStringLiteral("path")).toString(), QStringLiteral("/delay"));
        QCOMPARE(b->json().value(QStringLiteral("path")).toString(), QStringLiteral("/first"));
        QCOMPARE(d->json().value(QStringLiteral("path")).toString(), QStringLiteral("/second"));
        QCOMPARE(d->json().value(QStringLiteral("bodyBytes")).toInt(), 7);
    }

    void http10_andConnectionClose_closeAfterTheAnswer()
    {
        const quint16 port = start();
        HttpTestClient c;
        QVERIFY(c.connectTo(port));
        c.sendRaw("GET /old HTTP/1.0\r\n\r\n");
        auto r = c.readResponse();
        QVERIFY(r);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(c.waitForClose());

        HttpTestClient d;
        QVERIFY(d.connectTo(port));
        d.sendRaw(HttpTestClient::formatRequest("GET", "/bye", {}, {{"Connection", "close"}}) +
                  HttpTestClient::formatRequest("GET", "/ignored"));
        r = d.readResponse();
        QVERIFY(r);
        QCOMPARE(r->json().value(QStringLiteral("path")).toString(), QStringLiteral("/bye"));
        QVERIFY(d.waitForClose());
        QVERIFY(!d.readResponse(200));                                       // nothing after the close
        QVERIFY(!m_handler->handled().contains(QStringLiteral("/ignored"))); // and it was not even executed
    }

    void headersTooLarge_431()
    {
        HttpServer::Options o;
        o.limits.maxHeaderBytes = 1024;
        HttpTestClient c;
        QVERIFY(c.connectTo(start(o)));
        // Just under the limit passes…
        TestResponse ok = c.request("GET", "/", {}, {{"X-Pad", QByteArray(700, 'a')}});
        QCOMPARE(ok.status, 200);
        // …over it is refused and the connection closed.
        c.sendRaw(HttpTestClient::formatRequest("GET", "/", {}, {{"X-Pad", QByteArray(2000, 'a')}}));
        const auto r = c.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 431);
        QCOMPARE(r->json().value(QStringLiteral("error")).toString(), QStringLiteral("headers_too_large"));
        QVERIFY(c.waitForClose());
    }

    void bodyTooLarge_413_beforeTheBodyIsSent()
    {
        HttpServer::Options o;
        o.limits.maxBodyBytes = 1024;
        HttpTestClient c;
        QVERIFY(c.connectTo(start(o)));
        QCOMPARE(c.request("POST", "/", QByteArray(1024, 'x')).status, 200); // exactly the limit
        c.sendRaw("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n");
        const auto r = c.readResponse(2000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QCOMPARE(r->json().value(QStringLiteral("error")).toString(), QStringLiteral("body_too_large"));
        QVERIFY(c.waitForClose());
    }

    void chunkedBodyTooLarge_413()
    {
        HttpServer::Options o;
        o.limits.maxBodyBytes = 1024;
        HttpTestClient c;
        QVERIFY(c.connectTo(start(o)));
        QByteArray req = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 3; ++i)
            req += "200\r\n" + QByteArray(512, 'y') + "\r\n";
        c.sendRaw(req);
        const auto r = c.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 413);
    }

    void slowRequest_408()
    {
        HttpServer::Options o;
        o.limits.requestTimeoutMs = 300;
        HttpTestClient c;
        QVERIFY(c.connectTo(start(o)));
        c.sendRaw("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"par"); // and then nothing
        const auto r = c.readResponse(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QCOMPARE(r->json().value(QStringLiteral("error")).toString(), QStringLiteral("request_timeout"));
        QVERIFY(c.waitForClose());
    }

    // `tls self-signed` writes through no symbolic link and replaces an existing key only when told
    // (before: it wrote through a link to wherever it pointed, and replaced a key silently).
    void selfSigned_refusesSymlinksAndOverwrites()
    {
        QTemporaryDir dir, elsewhere;
        QString error;
        const QByteArray first = writeSelfSignedCertificate(dir.path(), {QStringLiteral("localhost")}, &error);
        QVERIFY2(!first.isEmpty(), qPrintable(error));
        QVERIFY(writeSelfSignedCertificate(dir.path(), {QStringLiteral("localhost")}, &error).isEmpty());
        QVERIFY2(error.contains(u"exists; --force replaces it"), qPrintable(error));
        const QByteArray second = writeSelfSignedCertificate(dir.path(), {QStringLiteral("localhost")}, &error, true);
        QVERIFY2(!second.isEmpty() && second != first, qPrintable(error));

        QTemporaryDir linked;
        const QString target = elsewhere.filePath(QStringLiteral("victim"));
        QFile victim(target);
        QVERIFY(victim.open(QIODevice::WriteOnly));
        victim.write("precious\n");
        victim.close();
        QVERIFY(QFile::link(target, linked.filePath(QStringLiteral("key.pem"))));
        QVERIFY(writeSelfSignedCertificate(linked.path(), {QStringLiteral("localhost")}, &error, true).isEmpty());
        QVERIFY2(error.contains(u"symbolic link"), qPrintable(error));
        QVERIFY(victim.open(QIODevice::ReadOnly));
        QCOMPARE(victim.readAll(), QByteArray("precious\n"));
    }

    // A TLS client that connects and never finishes the handshake (silent, or stalled halfway through its
    // hello) is cut off after the request timeout, not only after the much longer keep-alive timeout.
    void tlsHandshake_thatNeverCompletes_isCutOffAtTheRequestTimeout()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(!writeSelfSignedCertificate(dir.path(), {QStringLiteral("localhost")}, &error).isEmpty(),
                 qPrintable(error));
        HttpServer::Options o;
        o.tls =
            loadServerTls(dir.filePath(QStringLiteral("cert.pem")), dir.filePath(QStringLiteral("key.pem")), &error);
        QVERIFY2(o.tls, qPrintable(error));
        o.limits.requestTimeoutMs = 1500;
        o.limits.keepAliveTimeoutMs = 60'000;
        const quint16 port = start(o);

        QElapsedTimer t;
        t.start();
        HttpTestClient silent, stalled;
        QVERIFY(silent.connectTo(port));
        QVERIFY(stalled.connectTo(port));
        stalled.sendRaw(QByteArray::fromHex("160301")); // the first bytes of a TLS record, then nothing
        QVERIFY(silent.waitForClose(10'000));
        QVERIFY(stalled.waitForClose(10'000));
        // Not before the timeout, and long before the keep-alive timeout.
        QVERIFY2(t.elapsed() >= 1400 && t.elapsed() < 10'000, qPrintable(QString::number(t.elapsed())));
        QTRY_COMPARE(m_server->openConnections(), 0);

        // A client that completes the handshake is served as usual, on the same listener.
        QSslSocket ok;
        ok.setPeerVerifyMode(QSslSocket::VerifyNone);
        ok.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        QVERIFY2(ok.waitForEncrypted(5000), qPrintable(ok.errorString()));
        ok.write(HttpTestClient::formatRequest("GET", "/"));
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && ok.waitForReadyRead(3000))
            answer += ok.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    }

    // TLS follows an intermediate profile: a TLS 1.2 client offering only CBC-SHA1 suites is refused
    // (before: accepted), a current client is served, and no offered suite is CBC or uses SHA-1.
    void tls_offersOnlyTheIntermediateProfile()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(!writeSelfSignedCertificate(dir.path(), {QStringLiteral("localhost")}, &error).isEmpty(),
                 qPrintable(error));
        HttpServer::Options o;
        o.tls =
            loadServerTls(dir.filePath(QStringLiteral("cert.pem")), dir.filePath(QStringLiteral("key.pem")), &error);
        QVERIFY2(o.tls, qPrintable(error));
        for (const QSslCipher &c : o.tls->ciphers()) {
            QVERIFY2(!c.name().contains(u"CBC") && !c.name().endsWith(u"-SHA") && !c.name().startsWith(u"AES"),
                     qPrintable(c.name()));
        }
        QVERIFY(!o.tls->ciphers().isEmpty());
        const quint16 port = start(o);
        const auto handshake = [port](const QList<QSslCipher> &offer, QSsl::SslProtocol protocol) {
            QSslSocket s;
            s.setPeerVerifyMode(QSslSocket::VerifyNone);
            QSslConfiguration c = s.sslConfiguration();
            c.setProtocol(protocol);
            if (!offer.isEmpty())
                c.setCiphers(offer);
            s.setSslConfiguration(c);
            s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            return s.waitForEncrypted(5000);
        };
        QList<QSslCipher> weak;
        for (const QSslCipher &c : QSslConfiguration::supportedCiphers()) {
            if (c.name() == u"ECDHE-RSA-AES128-SHA" || c.name() == u"ECDHE-RSA-AES256-SHA" || c.name() == u"AES128-SHA")
                weak.append(c);
        }
        QVERIFY(!weak.isEmpty());
        QVERIFY(!handshake(weak, QSsl::TlsV1_2));
        QVERIFY(handshake({}, QSsl::TlsV1_2OrLater));
        QVERIFY(handshake({}, QSsl::TlsV1_2)); // TLS 1.2 with a forward-secret AEAD suite
    }

    void idleKeepAlive_isClosedAfterTheTimeout()
    {
        HttpServer::Options o;
        o.limits.keepAliveTimeoutMs = 300;
        o.limits.requestTimeoutMs = 5000;
        HttpTestClient c;
        QVERIFY(c.connectTo(start(o)));
        QCOMPARE(c.request("GET", "/").status, 200);
        QElapsedTimer t;
        t.start();
        QVERIFY(c.waitForClose(3000));
        QVERIFY2(t.elapsed() >= 250, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!c.readResponse(100)); // closed silently
    }

    void maxConnections_refusesTheNextWith503()
    {
        HttpServer::Options o;
        o.maxConnections = 2;
        const quint16 port = start(o);
        HttpTestClient a, b, c;
        QVERIFY(a.connectTo(port));
        QCOMPARE(a.request("GET", "/").status, 200);
        QVERIFY(b.connectTo(port));
        QCOMPARE(b.request("GET", "/").status, 200);
        QVERIFY(c.connectTo(port));
        const auto r = c.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 503);
        QCOMPARE(r->json().value(QStringLiteral("error")).toString(), QStringLiteral("too_many_connections"));
        QCOMPARE(r->header("retry-after"), QByteArray("1"));
        QVERIFY(c.waitForClose());
        // A slot frees when a client leaves.
        a.socket().disconnectFromHost();
        QTRY_COMPARE(m_server->openConnections(), 1);
        HttpTestClient d;
        QVERIFY(d.connectTo(port));
        QCOMPARE(d.request("GET", "/").status, 200);
    }

    void clientThatStopsReading_isCutOff_andReadingPauses()
    {
        HttpServer::Options o;
        o.limits.requestTimeoutMs = 500; // also the write-stall limit
        const quint16 port = start(o);
        HttpTestClient c;
        c.socket().setReadBufferSize(1024); // this client reads (almost) nothing
        QVERIFY(c.connectTo(port));
        QByteArray requests;
        for (int i = 0; i < 200; ++i)
            requests += HttpTestClient::formatRequest("GET", "/big");
        c.socket().write(requests);
        // 200 answers of 256 KiB would be 50 MiB: the server stops reading requests once its unsent
        // output passes 1 MiB, and closes the connection when nothing drains for the timeout.
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 10'000);
        const int executed = static_cast<int>(m_handler->handled().count(QStringLiteral("/big")));
        QVERIFY2(executed < 200, qPrintable(QString::number(executed)));
        qInfo("%d of 200 requests executed before the connection was cut", executed);
    }

    // A streamed answer: the head without Content-Length, the events, then the close; a reader that
    // falls megabytes behind is cut off instead of growing the server's buffer.
    void streamedAnswer_endsWithTheStream_andASlowReaderIsCut()
    {
        const quint16 port = start();
        HttpTestClient c;
        QVERIFY(c.connectTo(port));
        c.sendRaw("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(c.waitForClose());
        const QByteArray all = c.unparsed();
        QVERIFY2(all.startsWith("HTTP/1.1 200 OK\r\n"), all.constData());
        QVERIFY(!all.contains("Content-Length"));
        QVERIFY(all.endsWith("data: 1\n\ndata: 2\n\ndata: 3\n\n"));
        QTRY_COMPARE(m_handler->m_streamsClosed.load(), 1);

        HttpTestClient slow;
        slow.socket().setReadBufferSize(1024); // reads (almost) nothing
        QVERIFY(slow.connectTo(port));
        slow.sendRaw("GET /flood HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_handler->m_streamsClosed.load(), 2, 10'000);
        // It fell behind by a bounded amount (before: 4 MiB): at most one hand-over between threads,
        // which the stream's outbox bounds, plus the last event, which says why.
        const qint64 queued = m_server->queuedOutputBytes();
        QVERIFY2(queued <= HttpStream::MaxQueuedBytes + 64, qPrintable(QString::number(queued)));
        qInfo("a stream whose reader fell behind was ended with %lld bytes queued", static_cast<long long>(queued));
        slow.socket().setReadBufferSize(0);
        QVERIFY(slow.waitForClose(10'000));
        QVERIFY(slow.unparsed().endsWith("event: overflow\ndata: behind\n\n"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 10'000);
    }

    // 200 pipelined requests for 256 KiB answers that the client never reads (before: all 64 of the
    // pipeline were executed at once and their 16 MiB queued). Now a connection executes one request at a
    // time once output waits, stops at 1 MiB unsent, and another client is served meanwhile; when the
    // client leaves, its remaining work is dropped at once.
    void pipelinedLargeAnswers_neverRead_areBounded()
    {
        HttpServer::Options o;
        o.limits.requestTimeoutMs = 60'000; // the write-stall cut-off must not end the attack early
        const quint16 port = start(o);
        std::vector<std::unique_ptr<HttpTestClient>> attackers;
        QByteArray requests;
        for (int i = 0; i < 200; ++i)
            requests += HttpTestClient::formatRequest("GET", "/big");
        for (int i = 0; i < 4; ++i) {
            auto c = std::make_unique<HttpTestClient>();
            c->socket().setReadBufferSize(1024); // reads (almost) nothing
            QVERIFY(c->connectTo(port));
            c->sendRaw(requests);
            attackers.push_back(std::move(c));
        }
        qint64 peak = 0;
        QElapsedTimer t;
        t.start();
        HttpTestClient other;
        QVERIFY(other.connectTo(port));
        qint64 slowest = 0;
        while (t.elapsed() < 2000) {
            QElapsedTimer r;
            r.start();
            QCOMPARE(other.request("GET", "/").status, 200);
            slowest = std::max(slowest, r.elapsed());
            peak = std::max(peak, m_server->queuedOutputBytes());
            QTest::qWait(20);
        }
        const int executed = static_cast<int>(m_handler->handled().count(QStringLiteral("/big")));
        qInfo("4 connections x 200 pipelined 256 KiB answers, never read: %d executed, peak queued output %lld "
              "bytes, slowest answer to another client %lld ms",
              executed, peak, slowest);
        // Per connection: 1 MiB unsent, plus the answers of at most 4 requests executing at once.
        QVERIFY2(peak <= 4 * (1024 * 1024 + 5 * 256 * 1024), qPrintable(QString::number(peak)));
        QVERIFY2(slowest < 1000, qPrintable(QString::number(slowest)));
        attackers.clear(); // the clients close their sockets
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 1, 5000);
        QTRY_COMPARE(m_server->queuedOutputBytes(), qint64(0));
        const int afterClose = static_cast<int>(m_handler->handled().count(QStringLiteral("/big")));
        QTest::qWait(300);
        QCOMPARE(static_cast<int>(m_handler->handled().count(QStringLiteral("/big"))), afterClose);
    }

    // The same attack over many connections: the server-wide bound holds what all of them queue.
    void queuedOutput_hasAServerWideBound()
    {
        HttpServer::Options o;
        o.limits.requestTimeoutMs = 60'000;
        o.maxQueuedOutputBytes = 2 * 1024 * 1024;
        const quint16 port = start(o);
        std::vector<std::unique_ptr<HttpTestClient>> attackers;
        QByteArray requests;
        for (int i = 0; i < 50; ++i)
            requests += HttpTestClient::formatRequest("GET", "/big");
        for (int i = 0; i < 16; ++i) {
            auto c = std::make_unique<HttpTestClient>();
            c->socket().setReadBufferSize(1024);
            QVERIFY(c->connectTo(port));
            c->sendRaw(requests);
            attackers.push_back(std::move(c));
        }
        qint64 peak = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 1500) {
            peak = std::max(peak, m_server->queuedOutputBytes());
            QTest::qWait(10);
        }
        qInfo("16 connections, server-wide bound 2 MiB: peak queued output %lld bytes", peak);
        // The bound stops new work; what was already executing (at most 4 per connection) may finish.
        QVERIFY2(peak <= 2 * 1024 * 1024 + 16 * 4 * 256 * 1024, qPrintable(QString::number(peak)));
        QVERIFY2(peak < 16 * (1024 * 1024 + 4 * 256 * 1024), qPrintable(QString::number(peak)));
    }

    // Slowloris: when every slot is held by connections that trickle a request head (or say nothing),
    // a new client takes the slot of the oldest of them instead of getting 503 (before: 503).
    void full_reclaimsConnectionsWithoutARequestHead()
    {
        HttpServer::Options o;
        o.maxConnections = 8;
        const quint16 port = start(o);
        std::vector<std::unique_ptr<HttpTestClient>> slow;
        for (int i = 0; i < 8; ++i) {
            auto c = std::make_unique<HttpTestClient>();
            QVERIFY(c->connectTo(port));
            c->sendRaw(i % 2 ? "GET / HTTP/1.1\r\nHo" : "G");
            slow.push_back(std::move(c));
        }
        QTRY_COMPARE(m_server->openConnections(), 8);
        for (int i = 0; i < 8; ++i) {
            HttpTestClient c;
            QVERIFY(c.connectTo(port));
            QCOMPARE(c.request("GET", "/").status, 200);
        }
        QVERIFY(slow.front()->waitForClose(2000)); // the oldest went first
        // A connection that finished its head and waits for its answer is not taken.
        HttpTestClient busy;
        QVERIFY(busy.connectTo(port));
        busy.sendRaw(HttpTestClient::formatRequest("GET", "/delay?ms=1500"));
        QTest::qWait(100);
        std::vector<std::unique_ptr<HttpTestClient>> more;
        for (int i = 0; i < 12; ++i) {
            auto c = std::make_unique<HttpTestClient>();
            QVERIFY(c->connectTo(port));
            more.push_back(std::move(c));
        }
        const auto answer = busy.readResponse(5000);
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
    }

    // A connection that sends nothing is closed after the head timeout, not the keep-alive timeout.
    void silentConnection_isClosedAfterTheHeadTimeout()
    {
        HttpServer::Options o;
        o.limits.headTimeoutMs = 300;
        HttpTestClient c;
        QVERIFY(c.connectTo(start(o)));
        QElapsedTimer t;
        t.start();
        QVERIFY(c.waitForClose(3000));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        // A head that trickles in too slowly gets 408.
        HttpTestClient d;
        QVERIFY(d.connectTo(m_server->port()));
        d.sendRaw("GET / HTTP/1.1\r\n");
        const auto r = d.readResponse(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
    }

    // An error that closes the connection while the client still sends its body (413 for a 4 MiB
    // body, as Python's urllib sends it: the whole body, then read) closes gracefully: the client's
    // writes succeed and it reads the answer (before: a reset, ECONNRESET or EPIPE while sending).
    void errorWhileTheClientSends_closesGracefully()
    {
        const quint16 port = start();
        int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        const QByteArray body(4 * 1024 * 1024, 'x');
        const QByteArray head =
            "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        const QByteArray all = head + body;
        qsizetype sent = 0;
        int sendErrno = 0;
        while (sent < all.size()) {
            const ssize_t n = ::send(fd, all.constData() + sent, static_cast<size_t>(all.size() - sent), MSG_NOSIGNAL);
            if (n < 0) {
                sendErrno = errno;
                break;
            }
            sent += n;
        }
        QByteArray answer;
        char buf[4096];
        ssize_t n = 0;
        while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0)
            answer.append(buf, static_cast<qsizetype>(n));
        const int recvErrno = n < 0 ? errno : 0;
        ::close(fd);
        QVERIFY2(sendErrno == 0, strerror(sendErrno));
        QVERIFY2(recvErrno == 0, strerror(recvErrno));
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
    }

    void malformedRequest_400()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(start()));
        c.sendRaw("THIS IS NOT HTTP\r\n\r\n");
        const auto r = c.readResponse();
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QVERIFY(r->json().value(QStringLiteral("detail")).toString().startsWith(u"malformed HTTP request"));
        QVERIFY(c.waitForClose());
    }

    // A request asking for a protocol upgrade (WebSocket, h2c) gets one answer, 400, and is not
    // executed (before: the handler ran and answered 200, then a 400 followed; a POST was stored).
    void upgradeRequest_oneAnswer_nothingExecuted()
    {
        const QList<QByteArray> requests{
            "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
            "POST /api/v1/heartbeat HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
            "HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n"
            "{\"agent\":\"up\"}"};
        const quint16 port = start();
        for (const QByteArray &request : requests) {
            HttpTestClient c;
            QVERIFY(c.connectTo(port));
            c.sendRaw(request);
            const auto r = c.readResponse();
            QVERIFY(r);
            QCOMPARE(r->status, 400);
            QVERIFY(r->json().value(QStringLiteral("detail")).toString().contains(u"upgrades are not supported"));
            QVERIFY(c.waitForClose());
            QVERIFY2(!c.unparsed().contains("HTTP/1.1"), "a second answer followed");
        }
        QCOMPARE(m_handler->handled(), QStringList());
    }

    // HTTP/1.1 names its host once; other major versions are 505; nothing refused is executed.
    void hostHeader_andVersion_areChecked()
    {
        const quint16 port = start();
        const auto exchange = [port](const QByteArray &request) {
            HttpTestClient c;
            c.connectTo(port);
            c.sendRaw(request);
            const auto r = c.readResponse();
            return r ? qMakePair(r->status, r->json().value(QStringLiteral("detail")).toString())
                     : qMakePair(0, QString());
        };
        auto r = exchange("GET /a HTTP/1.1\r\n\r\n");
        QCOMPARE(r.first, 400);
        QVERIFY2(r.second.contains(u"needs a Host header"), qPrintable(r.second));
        r = exchange("GET /b HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        QCOMPARE(r.first, 400);
        QVERIFY2(r.second.contains(u"not several"), qPrintable(r.second));
        QCOMPARE(exchange("GET /c HTTP/2.0\r\nHost: x\r\n\r\n").first, 505);
        QCOMPARE(exchange("GET /d HTTP/7.3\r\nHost: x\r\n\r\n").first, 505);
        QCOMPARE(m_handler->handled(), QStringList());
        QCOMPARE(exchange("GET /e HTTP/1.0\r\n\r\n").first, 200); // HTTP/1.0 has no Host to require
        QCOMPARE(exchange("GET /f HTTP/1.1\r\nHost: x\r\n\r\n").first, 200);
        QCOMPARE(m_handler->handled(), (QStringList{QStringLiteral("/e"), QStringLiteral("/f")}));
    }

    // Every status has its reason phrase (201 went out as "201 Unknown").
    void everyStatus_hasItsReasonPhrase()
    {
        for (int status : {100, 101, 200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 307,
                           308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414,
                           415, 416, 417, 421, 422, 426, 429, 431, 500, 501, 502, 503, 504, 505})
            QVERIFY2(qstrcmp(HttpResponse::reasonPhrase(status), "Unknown") != 0, qPrintable(QString::number(status)));
        HttpTestClient c;
        QVERIFY(c.connectTo(start()));
        c.sendRaw("POST /created HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        QByteArray raw;
        QTRY_VERIFY((raw += c.socket().readAll()).contains("\r\n\r\n"));
        QVERIFY2(raw.startsWith("HTTP/1.1 201 Created\r\n"), raw.constData());
    }

    void expect100Continue_isAnsweredBeforeTheBody()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(start()));
        c.sendRaw("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(c.socket().waitForReadyRead(2000));
        QTRY_VERIFY(c.socket().bytesAvailable() >= 25);
        QCOMPARE(c.socket().readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        c.sendRaw("hello");
        const auto r = c.readResponse();
        QVERIFY(r);
        QCOMPARE(r->json().value(QStringLiteral("bodyBytes")).toInt(), 5);
    }

    void head_hasLengthButNoBody()
    {
        HttpTestClient c;
        QVERIFY(c.connectTo(start()));
        c.sendRaw("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(c.socket().bytesAvailable() > 0 || c.socket().waitForReadyRead(100));
        // The HEAD answer carries Content-Length without a body, so the next answer follows at once.
        QByteArray raw;
        QTRY_VERIFY((raw += c.socket().readAll()).count("HTTP/1.1 200") == 2);
        const qsizetype second = raw.indexOf("HTTP/1.1 200", 1);
        QVERIFY(raw.left(second).endsWith("\r\n\r\n"));
        QVERIFY(raw.left(second).contains("Content-Length: "));
        QVERIFY(raw.mid(second).contains("/after"));
    }

    void shutdown_finishesTheRequestInFlight()
    {
        const quint16 port = start();
        HttpTestClient busy, idle;
        QVERIFY(idle.connectTo(port));
        QCOMPARE(idle.request("GET", "/").status, 200);
        QVERIFY(busy.connectTo(port));
        busy.sendRaw(HttpTestClient::formatRequest("GET", "/delay?ms=400"));
        QThread::msleep(100);
        std::thread stopper([this] { m_server->shutdown(5000); });
        const auto r = busy.readResponse(3000);
        stopper.join();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(idle.waitForClose(1000));
        HttpTestClient late;
        QVERIFY(!late.connectTo(port, 500)); // no longer listening
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "TestHttpServer.moc"
