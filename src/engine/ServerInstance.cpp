// SPDX-License-Identifier: MIT
#include "engine/ServerInstance.h"

#include "core/Logging.h"
#include "engine/RestartExecutors.h"
#include "storage/AgentQueries.h"

#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "storage/Database.h"
#include "storage/SqliteStores.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QThreadPool>
#include <QTimer>

namespace clev {

ServerInstance::ServerInstance(ServerConfig config, const Clock *clock)
    : m_config(std::move(config))
    , m_clock(clock ? *clock : Clock::system())
{
}

ServerInstance::~ServerInstance()
{
    stop(0);
}

bool ServerInstance::lockDatabase(QString *error)
{
    const QString path = m_config.databasePath;
    if (path.isEmpty() || path == u":memory:")
        return true;
    const QFileInfo info(path);
    QDir().mkpath(info.absolutePath());
    // QLockFile records the process, host and program, and takes over a lock whose process is gone (a
    // kill -9), so a crash never keeps the next start out. Command-line admin commands take no lock: they
    // work beside a running server.
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, however old
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString program;
    if (m_lock->error() == QLockFile::LockFailedError && m_lock->getLockInfo(&pid, &host, &program))
        *error = QStringLiteral("the database %1 is already served by another ClevAgent server (%2, process %3 on %4); "
                                "a database has one server, or its alerts would go out twice")
                     .arg(path, program.isEmpty() ? QStringLiteral("unknown program") : program)
                     .arg(pid)
                     .arg(host.isEmpty() ? QStringLiteral("this host") : host);
    else if (m_lock->error() == QLockFile::PermissionError)
        *error = QStringLiteral("the folder %1 is read-only for this user: the server keeps %2.lock and the database's "
                                "-wal and -shm files beside it")
                     .arg(info.absolutePath(), info.fileName());
    else
        *error = QStringLiteral("cannot create the lock file %1.lock beside the database").arg(path);
    m_lock.reset();
    return false;
}

// Long function: the engine's start in dependency order (lock, database, watchdog thread and its
// objects, writer, API, events, HTTP); each step undoes what came before when it fails.
bool ServerInstance::start(QString *error)
{
    if (!lockDatabase(error))
        return false;
    m_days = std::make_unique<DayBuckets>(m_config.timeZone);
    m_db = std::make_unique<Database>(
        Database::Options{m_config.databasePath, m_config.busyTimeoutMs, m_config.durableFull});
    if (!m_db->open(error)) {
        m_db.reset();
        return false;
    }
    m_stores = std::make_unique<SqliteStores>(*m_db);
    m_prices = PriceTable::bundled();
    if (!m_config.pricesPath.isEmpty() && !m_prices.load(m_config.pricesPath, error)) {
        m_stores.reset();
        m_db.reset();
        return false;
    }

    // The watchdog runs on its own thread; it reads the stored agents there and judges the ones that
    // went silent while nothing watched.
    m_watchdogThread = std::make_unique<QThread>();
    m_watchdogThread->setObjectName(QStringLiteral("clev-watchdog"));
    m_watchdog = std::make_unique<Watchdog>(*m_db, m_clock, *m_days, m_config.watchdog);
    m_watchdog->moveToThread(m_watchdogThread.get());
    m_watchdogThread->start();
    bool loaded = false;
    QMetaObject::invokeMethod(
        m_watchdog.get(),
        [&] {
            // Alerts and their delivery live beside the watchdog, on its thread, made there.
            m_dispatcher =
                new NotificationDispatcher(&m_stores->transactions, &m_stores->outbox, m_clock, m_config.channels,
                                           NotificationDispatcher::Options(), m_watchdog.get());
            m_alerts = new AlertEngine(
                AlertStores{&m_stores->transactions, &m_stores->incidents, &m_stores->silences, &m_stores->outbox},
                m_clock, m_dispatcher, m_config.alerts, m_watchdog.get());
            QObject::connect(m_watchdog.get(), &Watchdog::transitioned, m_alerts, &AlertEngine::onTransition);
            QHash<QString, RestartManager::Policy> restarts = m_config.restarts;
            for (auto it = restarts.begin(); it != restarts.end(); ++it) {
                if (it->target.kind == RestartTarget::Kind::Process && it->process.logFile.isEmpty())
                    it->process.logFile = QFileInfo(m_config.databasePath)
                                              .absoluteDir()
                                              .filePath(QStringLiteral("logs/%1.log").arg(it.key()));
            }
            m_restarts = new RestartManager(*m_db, &m_stores->restarts, m_clock, m_alerts, restarts,
                                            m_config.restartOptions, m_watchdog.get());
            QObject::connect(m_watchdog.get(), &Watchdog::transitioned, m_restarts, &RestartManager::onTransition);
            RestartManager *manager = m_restarts;
            m_alerts->setRestartCheck([manager](const QString &agent) { return manager->willRestart(agent); });
            loaded = m_watchdog->load(error);
            if (loaded) {
                m_alerts->reconcile(m_watchdog->currentStates());
                m_restarts->startSupervised();
                // Restart targets set per agent (desktop app, `agents set`, the API) on top of the configuration's.
                const AgentQueries queries(*m_db);
                const QHash<qint64, AgentSettings> settings = queries.allSettings();
                for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
                    QString targetError;
                    if (!it->restartTarget.isEmpty() &&
                        !m_restarts->setTarget(queries.nameOf(it.key()), it->restartTarget, &targetError))
                        qCWarning(lcCore) << "restart target not applied:" << targetError;
                }
            }
        },
        Qt::BlockingQueuedConnection);
    if (!loaded) {
        stop(0);
        return false;
    }

    m_writer = std::make_unique<HeartbeatWriter>(*m_db, m_clock, *m_days, m_config.writer);
    m_writer->start();
    m_api = std::make_unique<ApiService>(*m_db, *m_writer, m_clock, *m_days, m_config.api, m_watchdog.get(), &m_prices);
    m_api->setAlerts(m_alerts);
    m_api->setRestarts(m_restarts);

    // Watch targets beat through the same path as the API: stored first, then judged.
    HeartbeatWriter *writer = m_writer.get();
    Watchdog *watchdog = m_watchdog.get();
    QMetaObject::invokeMethod(
        m_watchdog.get(),
        [this, writer, watchdog] {
            WatchTargets::Options o{m_config.restartOptions.dockerHost, m_config.restartOptions.systemd()};
            m_watches = new WatchTargets(
                m_config.watches, o, m_clock,
                [writer, watchdog](const Heartbeat &beat) {
                    writer->submit({beat}, [watchdog, beat](const QList<IngestOutcome> &outcomes) {
                        if (outcomes.first().kind == IngestOutcome::Kind::Stored)
                            watchdog->observe(outcomes.first().agentId, beat);
                    });
                },
                m_watchdog.get());
            m_watches->start();
            // Server-sent events for remote dashboards.
            m_events = new EventHub(writer, m_config.eventsKeepAliveMs, m_watchdog.get());
            QObject::connect(m_watchdog.get(), &Watchdog::transitioned, m_events, &EventHub::onTransition);
            QObject::connect(m_alerts, &AlertEngine::incidentChanged, m_events, &EventHub::onIncident);
        },
        Qt::BlockingQueuedConnection);
    m_api->setEvents(m_events);
    m_http = std::make_unique<HttpServer>(m_config.http, m_api.get());
    HttpServer *http = m_http.get();
    m_api->setMetricsSource([http](QByteArray *out) { http->metrics().render(out, http->openConnections()); });
    if (!m_http->listen(error)) {
        stop(0);
        return false;
    }
    return true;
}

void ServerInstance::stop(int timeoutMs)
{
    if (m_http)
        m_http->shutdown(timeoutMs);
    if (m_writer)
        m_writer->stop(); // commits what the last requests submitted
    if (m_watchdog) {
        Watchdog *w = m_watchdog.get();
        QThread *owner = QThread::currentThread();
        QMetaObject::invokeMethod(
            w,
            [this, w, owner] {
                w->flush();
                restartPool().waitForDone(15'000);                  // restarts and probes still running
                QThreadPool::globalInstance()->waitForDone(15'000); // deletions, mail
                delete m_watches;
                m_watches = nullptr;
                delete m_events; // ends the event streams
                m_events = nullptr;
                delete m_restarts; // stops the supervised processes
                delete m_alerts;   // made on this thread, so ended here
                delete m_dispatcher;
                m_restarts = nullptr;
                m_alerts = nullptr;
                m_dispatcher = nullptr;
                // Handed back, so it is destroyed on the thread that owns it below, not from a thread it
                // does not live in. Its timers stop first: Qt moves running timers with a posted event
                // that the owner never runs before it deletes the watchdog, and that event's list leaks.
                for (QTimer *timer : w->findChildren<QTimer *>())
                    timer->stop();
                w->moveToThread(owner);
            },
            Qt::BlockingQueuedConnection);
        m_watchdogThread->quit();
        m_watchdogThread->wait();
    }
    m_http.reset();
    m_api.reset();
    m_writer.reset();
    m_watchdog.reset();
    m_watchdogThread.reset();
    m_stores.reset();
    m_db.reset();
    m_lock.reset(); // unlocks
}

quint16 ServerInstance::port() const
{
    return m_http ? m_http->port() : 0;
}

} // namespace clev
