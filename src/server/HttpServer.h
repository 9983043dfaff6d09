// SPDX-License-Identifier: MIT
#pragma once

#include "server/HttpConnection.h"
#include "server/HttpMetrics.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace clev {

class HttpIoWorker;
class HttpListener;

// The HTTP/1.1 server: a QTcpServer on its own thread accepts connections and hands each to one of
// several I/O threads, where an HttpConnection parses, dispatches and answers it. Nothing here runs on
// the thread that owns the HttpServer, so a GUI thread stays free.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 9475; // 0: any free port
        int ioThreads = 2;
        // When this many are open, a new connection takes the slot of the oldest one that has not sent a
        // whole request head; when there is none, it gets 503.
        int maxConnections = 1024;
        // Answers queued and not yet sent, over every connection: beyond it, no connection starts
        // executing another request until the clients read.
        qint64 maxQueuedOutputBytes = 64 * 1024 * 1024;
        HttpLimits limits;
        // HTTPS with this certificate and key; plain HTTP when unset.
        std::optional<QSslConfiguration> tls;
    };

    HttpServer(Options options, HttpHandler *handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // Binds and starts serving. On failure returns false with a message naming the address.
    bool listen(QString *error);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_options.address; }
    bool isListening() const { return m_port != 0; }

    // Graceful stop: close the listening socket, let open requests finish (up to `timeoutMs`), close
    // every connection, stop the threads. Blocks the caller.
    void shutdown(int timeoutMs = 10'000);

    int openConnections() const { return m_open.load(); }
    // Bytes of answers queued and not yet sent, over every connection.
    qint64 queuedOutputBytes() const { return m_budget.owed.load(); }
    const HttpMetrics &metrics() const { return m_metrics; }

private:
    friend class HttpListener;
    void adopt(qintptr descriptor);

    Options m_options;
    HttpHandler *m_handler;
    HttpMetrics m_metrics;
    detail::OutputBudget m_budget;
    std::atomic<int> m_open{0};
    std::atomic<unsigned> m_nextWorker{0};
    quint16 m_port = 0;

    QThread *m_listenerThread = nullptr;
    HttpListener *m_listener = nullptr;
    std::vector<QThread *> m_ioThreads;
    std::vector<HttpIoWorker *> m_workers;
};

} // namespace clev
