// SPDX-License-Identifier: MIT
#include "server/HttpConnection.h"

#include "core/Logging.h"
#include "server/HttpMetrics.h"

#include <algorithm>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

#include <QUrl>
#include <utility>

namespace clev {

namespace {
// Answers waiting in our socket buffer beyond this pause the reading of further requests.
constexpr qint64 MaxUnsentBytes = 1024 * 1024;
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
                               const QSslConfiguration *tls, QObject *parent)
    : QObject(parent)
    , m_socket(tls ? new QSslSocket(this) : new QTcpSocket(this))
    , m_limits(limits)
    , m_handler(handler)
    , m_metrics(metrics)
    , m_sink(std::make_shared<detail::ResponseSink>())
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

    // Bounded read buffer: while pipelined requests wait for their answers, TCP pushes back on the client.
    m_socket->setReadBufferSize(64 * 1024);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            m_writeTimer.stop();
        else
            m_writeTimer.start(); // progress: the client reads
        // Reading may have paused on a full output buffer.
        if (!m_failed && !m_closing && (m_socket->bytesAvailable() > 0 || !m_unparsed.isEmpty()) && !readingPaused())
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
    updateIdleTimer();
}

void HttpConnection::finishClose()
{
    if (m_closed)
        return; // once: the server counts open connections by this signal
    m_closed = true;
    if (m_stream)
        std::exchange(m_stream, nullptr)->detach();
    m_requestTimer.stop();
    m_idleTimer.stop();
    m_writeTimer.stop();
    Q_EMIT closed();
    deleteLater();
}

HttpConnection::~HttpConnection()
{
    if (m_stream) // deleted without finishClose (a forced shutdown): the stream must not point here
        std::exchange(m_stream, nullptr)->detach();
    std::lock_guard lock(m_sink->mutex);
    m_sink->connection = nullptr;
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
        m_socket->readAll(); // discard: the connection is closing
        return;
    }
    parseAvailable();
}

bool HttpConnection::readingPaused() const
{
    return m_pending.size() >= m_limits.maxPipelined || m_socket->bytesToWrite() >= MaxUnsentBytes;
}

void HttpConnection::parseAvailable()
{
    if (m_inMessage && !m_requestTimer.isActive() && !readingPaused())
        m_requestTimer.start(); // reading resumes: the rest of this request must come in time
    while (!m_failed && !m_closing && !readingPaused() && (!m_unparsed.isEmpty() || m_socket->bytesAvailable() > 0)) {
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

        auto requests = std::move(m_parsed);
        m_parsed.clear();
        for (auto &r : requests) {
            if (m_closing)
                break; // after a "Connection: close" (or during shutdown) nothing more is executed
            dispatch(std::move(r.first), r.second);
        }

        if (err != HPE_OK) {
            if (m_parseErrorStatus == UpgradeRefused)
                failRequest(400, QStringLiteral("bad_request"), QStringLiteral("protocol upgrades are not supported"));
            else if (m_parseErrorStatus == MissingHost || m_parseErrorStatus == DuplicateHost)
                failRequest(400, QStringLiteral("bad_request"),
                            m_parseErrorStatus == MissingHost ? QStringLiteral("an HTTP/1.1 request needs a Host header")
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
        Q_UNUSED(parsed)
    }
    // Paused by back-pressure in the middle of a request: its clock stops, it is our wait, not the
    // client's.
    if (m_inMessage && readingPaused())
        m_requestTimer.stop();
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
        const auto hosts = std::count_if(r.headers.cbegin(), r.headers.cend(), [](const auto &h) { return h.first == "host"; });
        if (hosts != 1) {
            self->m_parseErrorStatus = hosts == 0 ? MissingHost : DuplicateHost;
            return 3;
        }
    }

    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(self->m_url.constData(), static_cast<size_t>(self->m_url.size()), 0, &url) != 0)
        return 3; // an error: the target is not a valid origin-form URL
    if (url.field_set & (1 << UF_PATH))
        r.path =
            QByteArray::fromPercentEncoding(self->m_url.mid(url.field_data[UF_PATH].off, url.field_data[UF_PATH].len));
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
    if (!m_pending.contains(sequence))
        return;
    m_ready.insert(sequence, std::move(response));
    flush();
}

void HttpConnection::flush()
{
    bool closeNow = false;
    while (!m_ready.isEmpty() && m_ready.firstKey() == m_nextToWrite) {
        const HttpResponse response = m_ready.take(m_nextToWrite);
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
            m_idleTimer.stop();
            m_requestTimer.stop();
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
    if (closeNow || (m_closing && m_pending.isEmpty())) {
        m_closing = true;
        m_pending.clear();
        m_ready.clear();
        m_socket->disconnectFromHost();
        return;
    }
    // Reading may have paused while the pipeline was full.
    if (!m_failed && (m_socket->bytesAvailable() > 0 || !m_unparsed.isEmpty()) && !readingPaused())
        QMetaObject::invokeMethod(this, &HttpConnection::parseAvailable, Qt::QueuedConnection);
    updateIdleTimer();
}

void HttpConnection::writeResponse(const HttpResponse &response, bool keepAlive, bool head)
{
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
    if (m_socket->bytesToWrite() > 4 * MaxUnsentBytes) {
        // A reader far behind the stream (it reads a trickle to dodge the write-stall timeout): cut off.
        qCInfo(lcHttp) << "an event stream's reader fell too far behind; closing the connection";
        m_socket->abort();
        finishClose();
        return;
    }
    m_socket->write(data);
    m_socket->flush();
    if (!m_writeTimer.isActive() && m_socket->bytesToWrite() > 0)
        m_writeTimer.start(); // a reader that stops reading is cut off
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
