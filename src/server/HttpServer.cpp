// SPDX-License-Identifier: MIT
#include "server/HttpServer.h"

#include "core/Logging.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QThread>

namespace clev {

// Lives on the listener thread; passes each accepted descriptor on without touching it.
class HttpListener final : public QTcpServer
{
public:
    explicit HttpListener(HttpServer *server)
        : m_server(server)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_server->adopt(descriptor); }

private:
    HttpServer *m_server;
};

// Lives on one I/O thread and owns the connections there.
class HttpIoWorker final : public QObject
{
public:
    HttpIoWorker(const HttpServer::Options &options, HttpHandler *handler, HttpMetrics *metrics, std::atomic<int> *open,
                 detail::OutputBudget *budget)
        : m_options(options)
        , m_handler(handler)
        , m_metrics(metrics)
        , m_open(open)
        , m_budget(budget)
    {
    }

    // `full`: the server is at its connection limit. The oldest connection of this thread that has not
    // sent a whole request head (slowloris, a stalled TLS handshake, a client that connected and said
    // nothing) makes room; only when there is none is the new one refused.
    void adopt(qintptr descriptor, bool full)
    {
        bool reject = false;
        if (full) {
            HttpConnection *oldest = nullptr;
            const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
            for (HttpConnection *c : connections) {
                if (c->awaitingHead() && (!oldest || c->waitingSinceMs() < oldest->waitingSinceMs()))
                    oldest = c;
            }
            if (oldest) {
                m_metrics->connectionReclaimed();
                oldest->reclaim();
            } else {
                reject = true;
                m_metrics->connectionRejected();
            }
        }
        if (!reject)
            m_metrics->connectionOpened();
        auto *connection = new HttpConnection(descriptor, m_options.limits, m_handler, m_metrics,
                                              m_options.tls ? &*m_options.tls : nullptr, this, m_budget);
        connect(connection, &HttpConnection::closed, this, [this] { m_open->fetch_sub(1); });
        if (reject)
            connection->reject();
    }

    void beginShutdown()
    {
        const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
        for (HttpConnection *c : connections)
            c->beginShutdown();
    }

    // Whatever is still open after the grace period is cut off here, on its own thread.
    void closeAll()
    {
        const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
        for (HttpConnection *c : connections)
            delete c;
    }

private:
    const HttpServer::Options &m_options;
    HttpHandler *m_handler;
    HttpMetrics *m_metrics;
    std::atomic<int> *m_open;
    detail::OutputBudget *m_budget;
};

HttpServer::HttpServer(Options options, HttpHandler *handler, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_handler(handler)
{
    m_options.ioThreads = std::max(1, m_options.ioThreads);
    m_budget.limit = m_options.maxQueuedOutputBytes;
}

HttpServer::~HttpServer()
{
    shutdown(0);
}

bool HttpServer::listen(QString *error)
{
    if (m_listenerThread)
        return true;
    for (int i = 0; i < m_options.ioThreads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("clev-http-io-%1").arg(i));
        auto *worker = new HttpIoWorker(m_options, m_handler, &m_metrics, &m_open, &m_budget);
        worker->moveToThread(thread);
        thread->start();
        m_ioThreads.push_back(thread);
        m_workers.push_back(worker);
    }
    m_listenerThread = new QThread;
    m_listenerThread->setObjectName(QStringLiteral("clev-http-listen"));
    m_listener = new HttpListener(this);
    m_listener->setMaxPendingConnections(m_options.maxConnections);
    m_listener->moveToThread(m_listenerThread);
    m_listenerThread->start();

    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        m_listener,
        [&] {
            ok = m_listener->listen(m_options.address, m_options.port);
            if (ok) {
                m_port = m_listener->serverPort();
            } else {
                message = m_listener->serverError() == QAbstractSocket::AddressInUseError
                              ? QStringLiteral("the address is already in use (is another ClevAgent running?)")
                              : m_listener->errorString();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(message);
        shutdown(0);
        return false;
    }
    qCInfo(lcHttp) << "listening on" << m_options.address.toString() << m_port << "with" << m_options.ioThreads
                   << "I/O threads";
    return true;
}

void HttpServer::adopt(qintptr descriptor)
{
    const bool full = m_open.fetch_add(1) >= m_options.maxConnections;
    HttpIoWorker *worker = m_workers[m_nextWorker.fetch_add(1) % m_workers.size()];
    QMetaObject::invokeMethod(
        worker, [worker, descriptor, full] { worker->adopt(descriptor, full); }, Qt::QueuedConnection);
}

void HttpServer::shutdown(int timeoutMs)
{
    if (!m_listenerThread)
        return;
    QMetaObject::invokeMethod(
        m_listener, [this] { m_listener->close(); }, Qt::BlockingQueuedConnection);
    for (HttpIoWorker *w : m_workers)
        QMetaObject::invokeMethod(
            w, [w] { w->beginShutdown(); }, Qt::QueuedConnection);
    QElapsedTimer waited;
    waited.start();
    while (m_open.load() > 0 && waited.elapsed() < timeoutMs)
        QThread::msleep(10);
    if (m_open.load() > 0 && timeoutMs > 0)
        qCWarning(lcHttp) << m_open.load() << "connections still open after" << timeoutMs << "ms; closing them";

    for (size_t i = 0; i < m_workers.size(); ++i) {
        HttpIoWorker *w = m_workers[i];
        QMetaObject::invokeMethod(
            w,
            [w] {
                w->closeAll();
                delete w;
            },
            Qt::BlockingQueuedConnection);
        m_ioThreads[i]->quit();
        m_ioThreads[i]->wait();
        delete m_ioThreads[i];
    }
    m_workers.clear();
    m_ioThreads.clear();
    QMetaObject::invokeMethod(
        m_listener, [this] { delete m_listener; }, Qt::BlockingQueuedConnection);
    m_listener = nullptr;
    m_listenerThread->quit();
    m_listenerThread->wait();
    delete m_listenerThread;
    m_listenerThread = nullptr;
    m_port = 0;
    m_open.store(0);
}

} // namespace clev
