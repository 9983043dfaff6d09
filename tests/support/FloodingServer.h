// SPDX-License-Identifier: MIT
#pragma once

// Something posing as a server on a loopback socket that answers each request with the bytes a test
// chooses, typically far more than any real server sends (a real one cannot be made to misbehave so).
#include <QByteArray>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace clev::test {

class FloodingServer
{
public:
    // Called with the first bytes of each request (its head); returns what to write back.
    using Answer = std::function<QByteArray(const QByteArray &request)>;

    explicit FloodingServer(Answer answer)
        : m_answer(std::move(answer))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] { s->write(m_answer(s->readAll())); });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }

private:
    Answer m_answer;
    QTcpServer m_server;
};

} // namespace clev::test
