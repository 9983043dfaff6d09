// SPDX-License-Identifier: MIT
#include "server/HttpMessage.h"

#include "server/HttpConnection.h"

#include <QJsonDocument>

namespace clev {

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return QByteArray();
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QJsonValue &detail)
{
    return json(status, QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("detail"), detail}});
}

// Long function: a table, the reason phrase of every status RFC 9110 registers.
const char *HttpResponse::reasonPhrase(int status)
{
    // Every status RFC 9110 (section 15) registers, plus 429 and 431 (RFC 6585).
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 203:
        return "Non-Authoritative Information";
    case 204:
        return "No Content";
    case 205:
        return "Reset Content";
    case 206:
        return "Partial Content";
    case 300:
        return "Multiple Choices";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 305:
        return "Use Proxy";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 407:
        return "Proxy Authentication Required";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 417:
        return "Expectation Failed";
    case 421:
        return "Misdirected Request";
    case 422:
        return "Unprocessable Content";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

void HttpResponder::send(HttpResponse response) const
{
    detail::deliver(m_sink, m_sequence, [r = std::move(response)]() mutable { return std::move(r); });
}

void HttpResponder::sendBuilt(std::function<HttpResponse()> build) const
{
    detail::deliver(m_sink, m_sequence, std::move(build));
}

void HttpStream::write(const QByteArray &data)
{
    std::lock_guard lock(m_mutex);
    if (m_ended)
        return;
    if (!m_attached) {
        m_early.append(data);
        return;
    }
    HttpConnection *c = m_connection;
    {
        std::lock_guard outboxLock(m_outbox->mutex);
        if (m_outbox->data.size() + data.size() > MaxQueuedBytes) {
            // The connection's thread does not keep up with this stream: end it rather than queue more.
            m_ended = true;
            m_outbox->data.clear();
            QMetaObject::invokeMethod(
                c, [c] { c->overflowStream(); }, Qt::QueuedConnection);
            return;
        }
        m_outbox->data.append(data);
        if (m_outbox->posted)
            return; // the hand-over already on its way takes this too
        m_outbox->posted = true;
    }
    QMetaObject::invokeMethod(
        c,
        [c, outbox = m_outbox] {
            QByteArray taken;
            {
                std::lock_guard held(outbox->mutex);
                taken.swap(outbox->data);
                outbox->posted = false;
            }
            if (!taken.isEmpty())
                c->writeStream(taken);
        },
        Qt::QueuedConnection);
}

void HttpStream::setOverflowMessage(const QByteArray &message)
{
    std::lock_guard lock(m_mutex);
    m_overflowMessage = message;
}

QByteArray HttpStream::overflowMessage() const
{
    std::lock_guard lock(m_mutex);
    return m_overflowMessage;
}

void HttpStream::close()
{
    std::lock_guard lock(m_mutex);
    if (m_ended)
        return;
    m_ended = true;
    if (m_attached) {
        HttpConnection *c = m_connection;
        QMetaObject::invokeMethod(
            c, [c] { c->endStream(); }, Qt::QueuedConnection);
    }
}

bool HttpStream::isOpen() const
{
    std::lock_guard lock(m_mutex);
    return !m_ended;
}

void HttpStream::setOnClosed(std::function<void()> onClosed)
{
    std::lock_guard lock(m_mutex);
    m_onClosed = std::move(onClosed);
}

void HttpStream::attach(HttpConnection *connection)
{
    QList<QByteArray> early;
    bool ended = false;
    {
        std::lock_guard lock(m_mutex);
        m_connection = connection;
        m_attached = true;
        early.swap(m_early);
        ended = m_ended;
    }
    for (const QByteArray &data : std::as_const(early))
        connection->writeStream(data);
    if (ended)
        connection->endStream();
}

void HttpStream::detach()
{
    std::function<void()> onClosed;
    {
        std::lock_guard lock(m_mutex);
        m_ended = true;
        m_connection = nullptr;
        onClosed = std::exchange(m_onClosed, nullptr);
    }
    if (onClosed)
        onClosed();
}

} // namespace clev
