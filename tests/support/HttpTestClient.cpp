// SPDX-License-Identifier: MIT
#include "support/HttpTestClient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

#include <http_parser.h>

namespace clev::test {

namespace {
struct ParseState
{
    TestResponse response;
    QByteArray field;
    bool valueLast = false;
    bool complete = false;
};

int onHeaderField(http_parser *p, const char *at, size_t len)
{
    auto *s = static_cast<ParseState *>(p->data);
    if (s->valueLast || s->response.headers.isEmpty()) {
        s->response.headers.append({QByteArray(), QByteArray()});
        s->valueLast = false;
    }
    s->response.headers.last().first.append(QByteArray(at, static_cast<qsizetype>(len)).toLower());
    return 0;
}
int onHeaderValue(http_parser *p, const char *at, size_t len)
{
    auto *s = static_cast<ParseState *>(p->data);
    s->response.headers.last().second.append(at, static_cast<qsizetype>(len));
    s->valueLast = true;
    return 0;
}
int onBody(http_parser *p, const char *at, size_t len)
{
    static_cast<ParseState *>(p->data)->response.body.append(at, static_cast<qsizetype>(len));
    return 0;
}
int onHeadersComplete(http_parser *p)
{
    static_cast<ParseState *>(p->data)->response.status = static_cast<int>(p->status_code);
    return p->status_code == 100 ? 0 : 0;
}
int onMessageComplete(http_parser *p)
{
    auto *s = static_cast<ParseState *>(p->data);
    if (p->status_code == 100) { // an interim answer: skip it
        s->response = TestResponse();
        return 0;
    }
    s->complete = true;
    http_parser_pause(p, 1);
    return 0;
}
} // namespace

QByteArray TestResponse::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

QJsonObject TestResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpTestClient::HttpTestClient()
    : m_parser(std::make_unique<http_parser>())
{
    http_parser_init(m_parser.get(), HTTP_RESPONSE);
}

HttpTestClient::~HttpTestClient() = default;

bool HttpTestClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(timeoutMs);
}

void HttpTestClient::sendRaw(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.waitForBytesWritten(3000);
}

bool HttpTestClient::parseBuffered(TestResponse *out)
{
    if (m_buffer.isEmpty())
        return false;
    static const http_parser_settings settings = [] {
        http_parser_settings s;
        http_parser_settings_init(&s);
        s.on_header_field = onHeaderField;
        s.on_header_value = onHeaderValue;
        s.on_headers_complete = onHeadersComplete;
        s.on_body = onBody;
        s.on_message_complete = onMessageComplete;
        return s;
    }();
    // Re-parse from the start of the buffer each time: the buffer holds at most the current response.
    http_parser_init(m_parser.get(), HTTP_RESPONSE);
    ParseState state;
    m_parser->data = &state;
    const size_t n =
        http_parser_execute(m_parser.get(), &settings, m_buffer.constData(), static_cast<size_t>(m_buffer.size()));
    if (!state.complete)
        return false;
    m_buffer.remove(0, static_cast<qsizetype>(n));
    *out = state.response;
    return true;
}

std::optional<TestResponse> HttpTestClient::readResponse(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    TestResponse r;
    for (;;) {
        if (parseBuffered(&r))
            return r;
        if (m_socket.bytesAvailable() == 0 &&
            !m_socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_socket.bytesAvailable() == 0 &&
                (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)) {
                m_buffer.append(m_socket.readAll());
                if (parseBuffered(&r))
                    return r;
                return std::nullopt;
            }
        }
        m_buffer.append(m_socket.readAll());
    }
}

bool HttpTestClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
            m_buffer.append(m_socket.readAll());
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray HttpTestClient::formatRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &h : headers)
        r += h.first + ": " + h.second + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "\r\n" + body;
    return r;
}

TestResponse HttpTestClient::request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    sendRaw(formatRequest(method, path, body, headers));
    return readResponse().value_or(TestResponse());
}

} // namespace clev::test
