// SPDX-License-Identifier: MIT
#include "support/RecordingReceiver.h"

#include <QJsonDocument>
#include <QTcpServer>

namespace clev::test {

QByteArray RecordingReceiver::Received::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

QJsonObject RecordingReceiver::Received::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool RecordingReceiver::start(quint16 port)
{
    HttpServer::Options o;
    o.port = port;
    o.ioThreads = 1;
    m_server = std::make_unique<HttpServer>(o, this);
    QString error;
    if (!m_server->listen(&error)) {
        m_server.reset();
        return false;
    }
    m_port = m_server->port();
    return true;
}

void RecordingReceiver::stop()
{
    m_server.reset();
}

QString RecordingReceiver::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
}

void RecordingReceiver::setStatus(int status, const QByteArray &body)
{
    std::lock_guard lock(m_mutex);
    m_status = status;
    m_body = body;
}

QList<RecordingReceiver::Received> RecordingReceiver::received() const
{
    std::lock_guard lock(m_mutex);
    return m_received;
}

int RecordingReceiver::count() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_received.size());
}

QList<RecordingReceiver::Received> RecordingReceiver::receivedOn(const QByteArray &path) const
{
    QList<Received> out;
    for (const Received &r : received()) {
        if (r.path == path)
            out.append(r);
    }
    return out;
}

void RecordingReceiver::handle(const HttpRequest &request, const HttpResponder &responder)
{
    HttpResponse r;
    {
        std::lock_guard lock(m_mutex);
        m_received.append({request.path, request.headers, request.body});
        r.status = m_status;
        r.body = m_body;
        if (!m_location.isEmpty())
            r.headers.append(qMakePair(QByteArray("Location"), m_location));
    }
    responder.send(r);
}

void RecordingReceiver::setLocation(const QByteArray &location)
{
    std::lock_guard lock(m_mutex);
    m_location = location;
}

quint16 RecordingReceiver::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace clev::test
