// SPDX-License-Identifier: MIT
#pragma once

#include "support/TestEnv.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTcpSocket>

#include <memory>
#include <optional>

struct http_parser;

namespace clev::test {

struct TestResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;
    QByteArray header(const QByteArray &lowerName) const;
    QJsonObject json() const;
};

// A blocking HTTP/1.1 client over a real loopback socket, for tests that run the server on other
// threads or in another process. Responses are parsed with http-parser (the same library as the
// server, in response mode), so pipelined answers are split exactly.
class HttpTestClient
{
public:
    HttpTestClient();
    ~HttpTestClient();

    bool connectTo(quint16 port, int timeoutMs = 3000 * Slowdown);
    void sendRaw(const QByteArray &bytes);
    // Reads the next complete response; nullopt on timeout or close.
    std::optional<TestResponse> readResponse(int timeoutMs = 5000 * Slowdown);
    // True when the server closes the connection within the timeout.
    // What arrived and was not parsed as a response yet (e.g. a streamed body read by waitForClose()).
    QByteArray unparsed() { return m_buffer + m_socket.readAll(); }
    bool waitForClose(int timeoutMs = 5000 * Slowdown);

    static QByteArray formatRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    TestResponse request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {});

    QTcpSocket &socket() { return m_socket; }

private:
    bool parseBuffered(TestResponse *out);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    std::unique_ptr<http_parser> m_parser;
};

} // namespace clev::test
