// SPDX-License-Identifier: MIT
// Long file: one HTTP/1.1 connection's whole life (parsing, limits, pipelining, answers in order,
// streamed answers, TLS, back-pressure) shares the connection's state; each step is its own function, and
// the messages, metrics and output budget live in their own files.
#include "server/HttpConnection.h"

#include "core/Logging.h"
#include "server/HttpMetrics.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <algorithm>

#include <QDeadlineTimer>
#include <QUrl>
#include <utility>

#include <sys/socket.h>

namespace clev {

namespace {
// Answers waiting to be sent beyond this pause the reading and executing of further requests.
constexpr qint64 MaxUnsentBytes = 1024 * 1024;
// Requests of one connection executing at once (handlers may answer from other threads). Each may build
// a large answer before any is sent, so this times the largest answer bounds a connection's output.
constexpr qsizetype MaxExecuting = 4;
// An event stream whose reader is this far behind is ended with a last event saying why.
constexpr qint64 MaxStreamUnsentBytes = 128 * 1024;
// After an error answer that closes the connection: what is read and dropped, and for how long, before
// the connection is closed anyway.
constexpr qint64 LingerBytes = 16 * 1024 * 1024;
constexpr int LingerMs = 2000;

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}
} // namespace

namespace detail {
void deliver(const std::shared_ptr<ResponseSink> &sink, quint64 sequence, std::function<HttpResponse()> build)
{
    std::lock_guard lock(sink->mutex);
    HttpConnection *connection = sink->connection;
    if (!connection)
        return; // the client is gone
    // Always queued, even when answered synchronously from inside the handler, so the connection never
    // re-enters its own parse loop. The connection clears `sink->connection` under this mutex before it dies, so it is
    // alive while the event is posted; Qt drops posted events of objects deleted later.
    QMetaObject::invokeMethod(
        connection, [connection, sequence, b = std::move(build)] { connection->complete(sequence, b()); },
        Qt::QueuedConnection);
}
} // namespace detail

HttpConnection::HttpConnection(qintptr descriptor, const HttpLimits &limits, HttpHandler *handler, HttpMetrics *metrics,
                               const QSslConfiguration *tls, QObject *parent, detail::OutputBudget *budget)
    : QObject(parent)
    , m_socket(tls ? new QSslSocket(this) : new QTcpSocket(this))
    , m_limits(limits)
    , m_handler(handler)
    , m_metrics(metrics)
    , m_sink(std::make_shared<detail::ResponseSink>())
    , m_budget(budget)
{
    m_sink->connection = this;
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;

    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(m_limits.requestTimeoutMs);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_limits.keepAliveTimeoutMs);
    connect(&m_requestTimer, &QTimer::timeout, this, &HttpConnection::onRequestTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::onIdleTimeout);
    m_writeTimer.setSingleShot(true);
    m_writeTimer.setInterval(m_limits.requestTimeoutMs);
    connect(&m_writeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcHttp) << "a client stopped reading its answers; closing the connection";
        m_socket->abort(); // may report `disconnected` at once
        finishClose();
    });
    // The head of the first request is due soon after connecting: a connection that sends nothing (or a
    // byte now and then) must not hold a slot for the whole keep-alive timeout.
    m_headTimer.setSingleShot(true);
    m_headTimer.setInterval(std::min(m_limits.headTimeoutMs, m_limits.requestTimeoutMs));
    connect(&m_headTimer, &QTimer::timeout, this, &HttpConnection::onHeadTimeout);
    m_waitingSinceMs = nowMs();
    m_budgetTimer.setSingleShot(true);
    m_budgetTimer.setInterval(50);
    connect(&m_budgetTimer, &QTimer::timeout, this, &HttpConnection::parseAvailable);
    m_lingerTimer.setSingleShot(true);
    m_lingerTimer.setInterval(LingerMs);
    connect(&m_lingerTimer, &QTimer::timeout, this, [this] {
        m_socket->abort();
        finishClose();
    });

    // Bounded read buffer: while pipelined requests wait for their answers, TCP pushes back on the client.
    m_socket->setReadBufferSize(64 * 1024);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        account();
        if (m_socket->bytesToWrite() == 0)
            m_writeTimer.stop();
        else
            m_writeTimer.start(); // progress: the client reads
        if (m_lingering) {
            lingerOrClose();
            return;
        }
        // Reading may have paused on a full output buffer.
        if (!m_failed && !m_closing &&
            (m_socket->bytesAvailable() > 0 || !m_unparsed.isEmpty() || !m_parsed.isEmpty()) && !readingPaused())
            QMetaObject::invokeMethod(this, &HttpConnection::parseAvailable, Qt::QueuedConnection);
        updateIdleTimer();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finishClose);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcHttp) << "cannot adopt socket" << m_socket->errorString();
        QMetaObject::invokeMethod(this, &HttpConnection::finishClose, Qt::QueuedConnection);
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(m_socket);
        ssl->setSslConfiguration(*tls);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            qCInfo(lcHttp) << "TLS handshake failed:" << (errors.isEmpty() ? QString() : errors.first().errorString());
        });
        // A client that never completes the handshake is cut off like a slow request (not only after the
        // keep-alive timeout: the idle timer would wait that long).
        m_handshaking = true;
        m_requestTimer.start();
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            m_handshaking = false;
            if (!m_inMessage)
                m_requestTimer.stop();
        });
        ssl->startServerEncryption();
    }
    m_headTimer.start();
    updateIdleTimer();
}

void HttpConnection::finishClose()
{
    if (m_closed)
        return; // once: the server counts open connections by this signal
    m_closed = true;
    {
        // Answers still being built for this connection are dropped from now on, not written.
        std::lock_guard lock(m_sink->mutex);
        m_sink->connection = nullptr;
    }
    m_pending.clear();
    m_ready.clear();
    m_readyBytes = 0;
    m_parsed.clear();
    m_unparsed.clear();
    if (m_stream)
        std::exchange(m_stream, nullptr)->detach();
    m_requestTimer.stop();
    m_idleTimer.stop();
    m_writeTimer.stop();
    m_headTimer.stop();
    m_budgetTimer.stop();
    m_lingerTimer.stop();
    account();
    Q_EMIT closed();
    deleteLater();
}

HttpConnection::~HttpConnection()
{
    if (m_stream) // deleted without finishClose (a forced shutdown): the stream must not point here
        std::exchange(m_stream, nullptr)->detach();
    if (m_budget)
        m_budget->owed.fetch_sub(m_accounted);
    std::lock_guard lock(m_sink->mutex);
    m_sink->connection = nullptr;
}

void HttpConnection::account()
{
    if (!m_budget)
        return;
    const qint64 owed = m_closed ? 0 : m_socket->bytesToWrite() + m_readyBytes;
    if (owed != m_accounted) {
        m_budget->owed.fetch_add(owed - m_accounted);
        m_accounted = owed;
    }
}

bool HttpConnection::awaitingHead() const
{
    if (m_closed || m_closing || m_failed || m_stream)
        return false;
    return m_handshaking || !m_headDone;
}

void HttpConnection::reclaim()
{
    qCInfo(lcHttp) << "the server is full: closing a connection that has not sent a request head for"
                   << nowMs() - m_waitingSinceMs << "ms";
    m_socket->abort();
    finishClose();
}

void HttpConnection::onHeadTimeout()
{
    if (m_headDone && !m_handshaking)
        return;
    if (m_handshaking || !m_inMessage) {
        // Nothing to answer: no TLS session yet, or not one byte of a request.
        qCInfo(lcHttp) << "a connection sent no request head within" << m_headTimer.interval() << "ms";
        m_socket->abort();
        finishClose();
        return;
    }
    failRequest(408, QStringLiteral("request_timeout"),
                QStringLiteral("the request line and headers did not arrive within %1 ms").arg(m_headTimer.interval()));
}

void HttpConnection::reject()
{
    m_failed = true;
    HttpResponse r = HttpResponse::error(503, QStringLiteral("too_many_connections"),
                                         QStringLiteral("the server has too many open connections; try again shortly"));
    r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    writeResponse(r, false, false);
    m_closing = true;
    m_socket->disconnectFromHost();
}

void HttpConnection::beginShutdown()
{
    m_shutdown = true;
    if (m_stream) {
        m_socket->disconnectFromHost(); // streams end with the server
        return;
    }
    if (!m_inMessage && m_pending.isEmpty()) {
        m_closing = true;
        m_socket->disconnectFromHost();
    }
}

const http_parser_settings &HttpConnection::settings()
{
    static const http_parser_settings s = [] {
        http_parser_settings st;
        http_parser_settings_init(&st);
        st.on_message_begin = &HttpConnection::onMessageBegin;
        st.on_url = &HttpConnection::onUrl;
        st.on_header_field = &HttpConnection::onHeaderField;
        st.on_header_value = &HttpConnection::onHeaderValue;
        st.on_headers_complete = &HttpConnection::onHeadersComplete;
        st.on_body = &HttpConnection::onBody;
        st.on_message_complete = &HttpConnection::onMessageComplete;
        return st;
    }();
    return s;
}

void HttpConnection::onReadyRead()
{
    if (m_failed || m_closing) {
        // Discard: the connection is closing. While lingering, only a bounded amount.
        m_discarded += m_socket->readAll().size();
        if (m_lingering && m_discarded > LingerBytes) {
            m_socket->abort();
            finishClose();
        }
        return;
    }
    parseAvailable();
}

bool HttpConnection::readingPaused() const
{
    if (m_pending.size() >= m_limits.maxPipelined)
        return true;
    const qint64 owed = m_socket->bytesToWrite() + m_readyBytes;
    if (owed >= MaxUnsentBytes)
        return true;
    // Requests whose answers have not arrived yet. With output already waiting for the client, one at
    // a time: a client that pipelines large reads and never reads the answers gets no more work done.
    const qsizetype executing = m_pending.size() - m_ready.size();
    if (executing >= MaxExecuting || (owed > 0 && executing >= 1))
        return true;
    return m_budget && m_budget->owed.load(std::memory_order_relaxed) >= m_budget->limit;
}

void HttpConnection::dispatchParsed()
{
    while (!m_parsed.isEmpty() && !m_closing && !readingPaused()) {
        auto r = m_parsed.takeFirst();
        dispatch(std::move(r.first), r.second);
    }
    if (m_closing)
        m_parsed.clear(); // after a "Connection: close" (or during shutdown) nothing more is executed
}

void HttpConnection::parseAvailable()
{
    if (m_closed)
        return;
    if (m_inMessage && !m_requestTimer.isActive() && !readingPaused())
        m_requestTimer.start(); // reading resumes: the rest of this request must come in time
    dispatchParsed();           // requests parsed earlier and held back
    while (!m_failed && !m_closing && m_parsed.isEmpty() && !readingPaused() &&
           (!m_unparsed.isEmpty() || m_socket->bytesAvailable() > 0)) {
        // Bytes left over when the parser paused at the pipeline limit come first.
        const QByteArray chunk =
            m_unparsed.isEmpty() ? m_socket->read(16 * 1024) : std::exchange(m_unparsed, QByteArray());
        if (!m_inMessage)
            m_requestTimer.start(); // the clock for a slow request starts at its first byte
        m_idleTimer.stop();
        const size_t parsed =
            http_parser_execute(&m_parser, &settings(), chunk.constData(), static_cast<size_t>(chunk.size()));
        auto err = HTTP_PARSER_ERRNO(&m_parser);
        if (err == HPE_PAUSED) {
            // Paused after a complete request because the pipeline is full: keep the rest for later.
            http_parser_pause(&m_parser, 0);
            err = HPE_OK;
            m_unparsed = chunk.mid(static_cast<qsizetype>(parsed));
        }

        if (err != HPE_OK) {
            // The requests before the bad one are answered first, as before it (at most maxPipelined).
            for (auto &r : std::exchange(m_parsed, {})) {
                if (m_closing)
                    break;
                dispatch(std::move(r.first), r.second);
            }
            if (m_parseErrorStatus == UpgradeRefused)
                failRequest(400, QStringLiteral("bad_request"), QStringLiteral("protocol upgrades are not supported"));
            else if (m_parseErrorStatus == MissingHost || m_parseErrorStatus == DuplicateHost)
                failRequest(400, QStringLiteral("bad_request"),
                            m_parseErrorStatus == MissingHost
                                ? QStringLiteral("an HTTP/1.1 request needs a Host header")
                                : QStringLiteral("an HTTP/1.1 request has one Host header, not several"));
            else if (m_parseErrorStatus == 505)
                failRequest(505, QStringLiteral("http_version_not_supported"),
                            QStringLiteral("this server speaks HTTP/1.0 and HTTP/1.1"));
            else if (m_parseErrorStatus == 413)
                failRequest(413, QStringLiteral("body_too_large"),
                            QStringLiteral("the request body exceeds %1 bytes").arg(m_limits.maxBodyBytes));
            else if (m_parseErrorStatus == 431)
                failRequest(
                    431, QStringLiteral("headers_too_large"),
                    QStringLiteral("the request line and headers exceed %1 bytes").arg(m_limits.maxHeaderBytes));
            else
                failRequest(
                    400, QStringLiteral("bad_request"),
                    QStringLiteral("malformed HTTP request: %1").arg(QLatin1String(http_errno_description(err))));
            return;
        }
        dispatchParsed();
    }
    // Paused by back-pressure in the middle of a request: its clock stops, it is our wait, not the
    // client's.
    if (m_inMessage && readingPaused())
        m_requestTimer.stop();
    // Held back only by the server-wide budget: nothing on this connection will wake it, so look again.
    if (m_budget && !m_failed && !m_closing && (!m_parsed.isEmpty() || m_socket->bytesAvailable() > 0) &&
        m_budget->owed.load(std::memory_order_relaxed) >= m_budget->limit)
        m_budgetTimer.start();
    updateIdleTimer();
}

bool HttpConnection::addHeaderBytes(size_t length)
{
    m_headerBytes += static_cast<qint64>(length);
    if (m_headerBytes > m_limits.maxHeaderBytes) {
        m_parseErrorStatus = 431;
        return false;
    }
    return true;
}

int HttpConnection::onMessageBegin(http_parser *p)
{
    auto *self = static_cast<HttpConnection *>(p->data);
    self->m_inMessage = true;
    self->m_request = HttpRequest();
    self->m_url.clear();
    self->m_headerBytes = 0;
    self->m_headerValueLast = false;
    if (!self->m_requestTimer.isActive())
        self->m_requestTimer.start();
    if (self->m_headDone) { // a later request: its head is timed from its first byte
        self->m_headDone = false;
        self->m_waitingSinceMs = nowMs();
        self->m_headTimer.start();
    }
    return 0;
}

int HttpConnection::onUrl(http_parser *p, const char *at, size_t length)
{
    auto *self = static_cast<HttpConnection *>(p->data);
    if (!self->addHeaderBytes(length))
        return 1;
    self->m_url.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpConnection::onHeaderField(http_parser *p, const char *at, size_t length)
{
    auto *self = static_cast<HttpConnection *>(p->data);
    if (!self->addHeaderBytes(length + 4))
        return 1;
    if (self->m_headerValueLast || self->m_request.headers.isEmpty())
        self->m_request.headers.append({QByteArray(), QByteArray()});
    self->m_request.headers.last().first.append(at, static_cast<qsizetype>(length));
    self->m_headerValueLast = false;
    return 0;
}

int HttpConnection::onHeaderValue(http_parser *p, const char *at, size_t length)
{
    auto *self = static_cast<HttpConnection *>(p->data);
    if (!self->addHeaderBytes(length))
        return 1;
    if (self->m_request.headers.isEmpty())
        return 1;
    self->m_request.headers.last().second.append(at, static_cast<qsizetype>(length));
    self->m_headerValueLast = true;
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser *p)
{
    auto *self = static_cast<HttpConnection *>(p->data);
    HttpRequest &r = self->m_request;
    self->m_headDone = true;
    self->m_headTimer.stop();
    for (auto &h : r.headers)
        h.first = h.first.toLower();
    r.method = http_method_str(static_cast<http_method>(p->method));
    r.peer = self->m_socket->peerAddress();
    // Upgrade (WebSocket, h2c) or CONNECT: refused before anything runs, with one answer. http_parser
    // sets `upgrade` before this callback so that it can be seen here.
    if (p->upgrade) {
        self->m_parseErrorStatus = UpgradeRefused;
        return 3;
    }
    // HTTP/1.0 and 1.1 are spoken here (RFC 9112); HTTP/2.0 or 7.3 in a request line is 505.
    if (p->http_major != 1) {
        self->m_parseErrorStatus = 505;
        return 3;
    }
    // An HTTP/1.1 request names its host exactly once (RFC 9112, 3.2).
    if (p->http_minor >= 1) {
        const auto hosts =
            std::count_if(r.headers.cbegin(), r.headers.cend(), [](const auto &h) { return h.first == "host"; });
        if (hosts != 1) {
            self->m_parseErrorStatus = hosts == 0 ? MissingHost : DuplicateHost;
            return 3;
        }
    }

    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(self->m_url.constData(), static_cast<size_t>(self->m_url.size()), 0, &url) != 0)
        return 3; // an error: the target is not a valid origin-form URL
    if (url.field_set & (1 << UF_PATH)) {
        r.rawPath = self->m_url.mid(url.field_data[UF_PATH].off, url.field_data[UF_PATH].len);
        r.path = QByteArray::fromPercentEncoding(r.rawPath);
    }
    if (url.field_set & (1 << UF_QUERY))
        r.query = self->m_url.mid(url.field_data[UF_QUERY].off, url.field_data[UF_QUERY].len);

    // Refuse an oversized body before reading it.
    if (p->content_length != ULLONG_MAX && p->content_length > static_cast<quint64>(self->m_limits.maxBodyBytes)) {
        self->m_parseErrorStatus = 413;
        return 3;
    }
    if (p->content_length != ULLONG_MAX && p->content_length > 0)
        r.body.reserve(static_cast<qsizetype>(p->content_length));
    // A client that asked to be told before sending its body (curl does for bodies over 1 KiB).
    if (r.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0 && self->m_pending.isEmpty() &&
        self->m_parsed.isEmpty())
        self->m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return 0;
}

int HttpConnection::onBody(http_parser *p, const char *at, size_t length)
{
    auto *self = static_cast<HttpConnection *>(p->data);
    if (self->m_request.body.size() + static_cast<qint64>(length) > self->m_limits.maxBodyBytes) {
        self->m_parseErrorStatus = 413;
        return 1;
    }
    self->m_request.body.append(at, static_cast<qsizetype>(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *p)
{
    auto *self = static_cast<HttpConnection *>(p->data);
    self->m_inMessage = false;
    self->m_requestTimer.stop();
    self->m_parsed.append({std::move(self->m_request), http_should_keep_alive(p) != 0});
    self->m_request = HttpRequest();
    // One chunk may hold many pipelined requests: stop at the limit, the rest waits in m_unparsed.
    if (self->m_pending.size() + self->m_parsed.size() >= self->m_limits.maxPipelined)
        http_parser_pause(p, 1);
    return 0;
}

void HttpConnection::dispatch(HttpRequest request, bool keepAlive)
{
    const quint64 sequence = m_nextSequence++;
    Pending &pending = m_pending[sequence];
    pending.keepAlive = keepAlive && !m_shutdown;
    pending.head = request.method == "HEAD";
    pending.timer.start();
    if (!pending.keepAlive)
        m_closing = true; // answer this one, then close: read nothing after it
    m_handler->handle(request, HttpResponder(m_sink, sequence));
}

void HttpConnection::failRequest(int status, const QString &code, const QString &detail)
{
    m_failed = true;
    m_closing = true;
    m_requestTimer.stop();
    m_headTimer.stop();
    m_parsed.clear();
    const quint64 sequence = m_nextSequence++;
    Pending &pending = m_pending[sequence];
    pending.keepAlive = false;
    pending.timer.start();
    HttpResponse r = HttpResponse::error(status, code, detail);
    r.closeConnection = true;
    complete(sequence, std::move(r));
}

void HttpConnection::complete(quint64 sequence, HttpResponse response)
{
    if (m_closed || !m_pending.contains(sequence))
        return;
    m_readyBytes += response.body.size();
    m_ready.insert(sequence, std::move(response));
    flush();
}

void HttpConnection::flush()
{
    bool closeNow = false;
    while (!m_ready.isEmpty() && m_ready.firstKey() == m_nextToWrite) {
        const HttpResponse response = m_ready.take(m_nextToWrite);
        m_readyBytes -= response.body.size();
        const Pending pending = m_pending.take(m_nextToWrite);
        ++m_nextToWrite;
        if (response.stream) {
            // The head, then the stream's bytes as they come, until either side closes.
            writeResponse(response, false, pending.head);
            if (m_metrics)
                m_metrics->observe(response.status, pending.timer.nsecsElapsed() / 1000);
            m_closing = true; // nothing more is read or answered on this connection
            m_pending.clear();
            m_ready.clear();
            m_readyBytes = 0;
            m_parsed.clear();
            m_idleTimer.stop();
            m_requestTimer.stop();
            m_headTimer.stop();
            m_stream = response.stream;
            m_stream->attach(this);
            m_socket->flush();
            return;
        }
        const bool keepAlive = pending.keepAlive && !response.closeConnection && !(m_shutdown && m_pending.isEmpty());
        writeResponse(response, keepAlive, pending.head);
        if (m_metrics)
            m_metrics->observe(response.status, pending.timer.nsecsElapsed() / 1000);
        if (!keepAlive) {
            closeNow = true;
            break;
        }
    }
    m_socket->flush();
    account();
    if (closeNow || (m_closing && m_pending.isEmpty())) {
        m_closing = true;
        m_pending.clear();
        m_ready.clear();
        m_readyBytes = 0;
        m_parsed.clear();
        closeWhenWritten();
        return;
    }
    // Reading may have paused while the pipeline was full.
    if (!m_failed && (m_socket->bytesAvailable() > 0 || !m_unparsed.isEmpty() || !m_parsed.isEmpty()) &&
        !readingPaused())
        QMetaObject::invokeMethod(this, &HttpConnection::parseAvailable, Qt::QueuedConnection);
    updateIdleTimer();
}

void HttpConnection::closeWhenWritten()
{
    // Lingering needs a half-close, which TLS cannot do under its session; there the close is plain.
    if (!m_failed || qobject_cast<QSslSocket *>(m_socket) || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_socket->disconnectFromHost();
        return;
    }
    m_lingering = true;
    m_idleTimer.stop();
    lingerOrClose();
}

void HttpConnection::lingerOrClose()
{
    if (m_socket->bytesToWrite() > 0)
        return; // the answer is still going out; bytesWritten calls again
    if (m_lingerTimer.isActive())
        return;
    // Our side is done: FIN after the answer, then read (and drop) what the client still sends, until it
    // closes, the time is up or too much came.
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    m_lingerTimer.start();
    m_discarded += m_socket->readAll().size();
}

void HttpConnection::writeResponse(const HttpResponse &response, bool keepAlive, bool head)
{
    if (m_closed || !m_socket->isOpen())
        return; // the client is gone: nothing to write to
    QByteArray out;
    out.reserve(160 + response.body.size());
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(response.status));
    out.append(' ');
    out.append(HttpResponse::reasonPhrase(response.status));
    out.append("\r\nContent-Type: ");
    out.append(response.contentType);
    if (!response.stream) { // a stream's body ends when the connection does
        out.append("\r\nContent-Length: ");
        out.append(QByteArray::number(response.body.size()));
    }
    out.append(keepAlive ? "\r\nConnection: keep-alive" : "\r\nConnection: close");
    for (const auto &h : response.headers) {
        out.append("\r\n");
        out.append(h.first);
        out.append(": ");
        out.append(h.second);
    }
    out.append("\r\n\r\n");
    if (!head)
        out.append(response.body);
    m_socket->write(out);
    if (!m_writeTimer.isActive())
        m_writeTimer.start();
}

void HttpConnection::writeStream(const QByteArray &data)
{
    if (m_closed || !m_stream)
        return;
    // The reader is behind when what already waits plus this hand-over passes the bound. A hand-over
    // into a drained socket is always taken (the stream's outbox bounds it to MaxQueuedBytes): it was
    // the connection's thread that lagged, not the reader.
    const qint64 waiting = m_socket->bytesToWrite();
    if (waiting > 0 && waiting + data.size() > MaxStreamUnsentBytes) {
        overflowStream();
        return;
    }
    m_socket->write(data);
    m_socket->flush();
    account();
    if (!m_writeTimer.isActive() && m_socket->bytesToWrite() > 0)
        m_writeTimer.start(); // a reader that stops reading is cut off
}

void HttpConnection::overflowStream()
{
    if (m_closed || !m_stream)
        return;
    // A reader far behind the stream (it reads a trickle to dodge the write-stall timeout): its last
    // event says why, then the stream ends; a reader that does not take even that is cut off by the
    // write-stall timer.
    qCInfo(lcHttp) << "an event stream's reader fell too far behind; ending the stream";
    const QByteArray last = m_stream->overflowMessage();
    std::exchange(m_stream, nullptr)->detach();
    m_socket->write(last);
    m_socket->disconnectFromHost();
    if (!m_writeTimer.isActive() && m_socket->bytesToWrite() > 0)
        m_writeTimer.start();
    account();
}

void HttpConnection::endStream()
{
    if (m_closed || !m_stream)
        return;
    m_socket->disconnectFromHost();
}

void HttpConnection::updateIdleTimer()
{
    if (m_stream)
        return; // a stream stays open while the client reads it
    const bool idle = !m_inMessage && m_pending.isEmpty() && m_socket->bytesToWrite() == 0 && !m_closing;
    if (idle && !m_idleTimer.isActive())
        m_idleTimer.start();
    else if (!idle)
        m_idleTimer.stop();
}

void HttpConnection::onRequestTimeout()
{
    if (m_handshaking) {
        qCInfo(lcHttp) << "a client did not complete the TLS handshake within" << m_limits.requestTimeoutMs << "ms";
        m_socket->abort(); // nothing can be said: there is no TLS session to say it in
        finishClose();
        return;
    }
    if (!m_inMessage)
        return;
    failRequest(408, QStringLiteral("request_timeout"),
                QStringLiteral("the request did not arrive whole within %1 ms").arg(m_limits.requestTimeoutMs));
}

void HttpConnection::onIdleTimeout()
{
    if (m_inMessage || !m_pending.isEmpty())
        return;
    m_closing = true;
    m_socket->disconnectFromHost();
}

} // namespace clev
