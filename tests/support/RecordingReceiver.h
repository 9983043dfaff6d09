// SPDX-License-Identifier: MIT
#pragma once

#include "server/HttpServer.h"

#include <QJsonObject>
#include <QList>

#include <atomic>
#include <memory>
#include <mutex>

namespace clev::test {

// A real HTTP receiver on loopback (the project's own HttpServer) that records every request and
// answers with a chosen status: the stand-in for Slack, Discord, PagerDuty or a webhook endpoint.
class RecordingReceiver final : public HttpHandler
{
public:
    struct Received
    {
        QByteArray path;
        HttpHeaders headers;
        QByteArray body;
        QByteArray header(const QByteArray &lowerName) const;
        QJsonObject json() const;
    };

    ~RecordingReceiver() override { stop(); }
    // Listens on `port` (0: any). Returns false when the port cannot be had.
    bool start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    QString url(const QString &path) const;

    void setStatus(int status, const QByteArray &body = {});
    // With a status 3xx: the Location it points to ("" for none).
    void setLocation(const QByteArray &location);
    QList<Received> received() const;
    int count() const;
    QList<Received> receivedOn(const QByteArray &path) const;

    void handle(const HttpRequest &request, const HttpResponder &responder) override;

    // A port that is free now (nothing listens on it), for a receiver that starts later.
    static quint16 freePort();

private:
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    std::atomic<int> m_status{200};
    mutable std::mutex m_mutex;
    QByteArray m_body = "{\"status\":\"success\"}";
    QByteArray m_location;
    QList<Received> m_received;
};

} // namespace clev::test
