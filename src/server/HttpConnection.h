// SPDX-License-Identifier: MIT
#pragma once

#include "server/HttpMessage.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <http_parser.h>

#include <atomic>
#include <memory>
#include <mutex>

class QSslConfiguration;
class QTcpSocket;

namespace clev {

class HttpMetrics;

struct HttpLimits
{
    int maxHeaderBytes = 16 * 1024;        // request line + headers; beyond: 431
    qint64 maxBodyBytes = 2 * 1024 * 1024; // beyond: 413
    int requestTimeoutMs = 10'000;         // a started request must arrive whole within this; else 408
    // A connection's first request line and headers must arrive within this from the connection's
    // start (later requests: from their first byte), or it is closed (408 when bytes came).
    int headTimeoutMs = 5'000;
    int keepAliveTimeoutMs = 60'000; // an idle keep-alive connection is closed after this
    int maxPipelined = 64;           // requests awaiting their answer before reading pauses
};

namespace detail {
// The process-wide bound for answers queued and not yet sent, shared by every connection of a server.
// While over `limit`, no connection starts executing another request.
struct OutputBudget
{
    std::atomic<qint64> owed{0};
    qint64 limit = 64 * 1024 * 1024;
};

struct ResponseSink
{
    std::mutex mutex;
    HttpConnection *connection = nullptr; // cleared when the connection dies
};
void deliver(const std::shared_ptr<ResponseSink> &sink, quint64 sequence, std::function<HttpResponse()> build);
} // namespace detail

// One client connection on an I/O thread. The bytes go through Node's http-parser; complete requests go
// to the handler in order, and their answers are written in the same order even when they complete out
// of order (pipelining). Enforces the limits in HttpLimits.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    // `tls`: serve HTTPS with this configuration (certificate and key), or plain HTTP when null.
    // `budget`: the server's bound for queued output (none when null).
    HttpConnection(qintptr descriptor, const HttpLimits &limits, HttpHandler *handler, HttpMetrics *metrics,
                   const QSslConfiguration *tls, QObject *parent, detail::OutputBudget *budget = nullptr);
    ~HttpConnection() override;

    // Refuse this connection at once: answer 503 and close (too many connections).
    void reject();
    // True while the connection has not delivered a whole request head (a new connection, a TLS
    // handshake, a request line or headers still arriving): such a connection may be reclaimed when the
    // server is full. `waitingSinceMs` is when that wait began (QDeadlineTimer clock), oldest first.
    bool awaitingHead() const;
    qint64 waitingSinceMs() const { return m_waitingSinceMs; }
    // Closes the connection at once to make room for a new one (the server is full).
    void reclaim();
    // Finish what was started, answer it with "Connection: close", then close. Idle connections close now.
    void beginShutdown();

    // Called on this object's thread with the answer to request `sequence`.
    void complete(quint64 sequence, HttpResponse response);
    // Called on this object's thread by an HttpStream.
    void writeStream(const QByteArray &data);
    void endStream();
    // The reader fell too far behind: the stream's overflow message goes out last, then it ends.
    void overflowStream();

Q_SIGNALS:
    void closed();

private:
    struct Pending
    {
        bool keepAlive = true;
        bool head = false;
        QElapsedTimer timer;
    };

    void onReadyRead();
    void onRequestTimeout();
    void onIdleTimeout();
    void parseAvailable();
    void dispatch(HttpRequest request, bool keepAlive);
    // Answers with an error after the answers already due, then closes.
    void failRequest(int status, const QString &code, const QString &detail);
    void flush();
    void updateIdleTimer();
    void writeResponse(const HttpResponse &response, bool keepAlive, bool head);
    void dispatchParsed();
    // Closes after what is due has been written. After an error while the client may still be sending
    // (413, 431, 400, 408): half-close, then read and discard a bounded amount for a moment, so the
    // client reads the answer instead of a reset.
    void closeWhenWritten();
    void lingerOrClose();
    // Reports this connection's queued output to the server's budget.
    void account();
    void onHeadTimeout();

    static int onMessageBegin(http_parser *p);
    static int onUrl(http_parser *p, const char *at, size_t length);
    static int onHeaderField(http_parser *p, const char *at, size_t length);
    static int onHeaderValue(http_parser *p, const char *at, size_t length);
    static int onHeadersComplete(http_parser *p);
    static int onBody(http_parser *p, const char *at, size_t length);
    static int onMessageComplete(http_parser *p);
    static const http_parser_settings &settings();
    bool addHeaderBytes(size_t length);

    QTcpSocket *m_socket;
    const HttpLimits m_limits;
    HttpHandler *m_handler;
    HttpMetrics *m_metrics;
    std::shared_ptr<detail::ResponseSink> m_sink;

    http_parser m_parser;
    bool m_inMessage = false;
    bool m_handshaking = false; // TLS: until the session is encrypted
    QByteArray m_url;
    HttpRequest m_request;
    bool m_headerValueLast = false;
    qint64 m_headerBytes = 0;
    // m_parseErrorStatus beside the HTTP statuses: why a request was refused at its headers.
    static constexpr int UpgradeRefused = -1; // it asked for a protocol upgrade
    static constexpr int MissingHost = -2;    // HTTP/1.1 without Host
    static constexpr int DuplicateHost = -3;  // HTTP/1.1 with two or more
    int m_parseErrorStatus = 0;
    QList<QPair<HttpRequest, bool>> m_parsed; // complete requests from the current chunk, with keep-alive
    QByteArray m_unparsed;                    // read but not parsed yet (the parser paused at the pipeline limit)

    quint64 m_nextSequence = 0;
    quint64 m_nextToWrite = 0;
    QMap<quint64, Pending> m_pending;
    QMap<quint64, HttpResponse> m_ready;
    bool m_closing = false; // no more requests are read; close once the due answers are written
    bool m_failed = false;  // the stream is broken; nothing more is parsed
    bool m_shutdown = false;

    QTimer m_requestTimer;
    QTimer m_idleTimer;
    QTimer m_writeTimer; // a client that stops reading our answers is cut off
    QTimer m_headTimer;
    QTimer m_budgetTimer; // retries reading while the server's output budget is spent
    QTimer m_lingerTimer;
    bool m_headDone = false; // the current request's head arrived whole
    qint64 m_waitingSinceMs = 0;
    bool m_lingering = false;
    qint64 m_discarded = 0; // bytes read and dropped while lingering
    detail::OutputBudget *m_budget = nullptr;
    qint64 m_accounted = 0;  // what this connection has added to m_budget->owed
    qint64 m_readyBytes = 0; // bodies of answers complete but waiting for an earlier one
    bool readingPaused() const;
    void finishClose();
    bool m_closed = false;
    std::shared_ptr<HttpStream> m_stream; // the streamed answer in progress
};

} // namespace clev
