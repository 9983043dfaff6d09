// SPDX-License-Identifier: MIT
#pragma once

#include "core/PriceTable.h"
#include "engine/AlertEngine.h"
#include "engine/ApiService.h"
#include "engine/Channels.h"
#include "engine/EventHub.h"
#include "engine/NotificationDispatcher.h"
#include "engine/RestartManager.h"
#include "engine/WatchTargets.h"
#include "engine/Watchdog.h"
#include "server/HttpServer.h"
#include "storage/HeartbeatWriter.h"

#include <QThread>
#include <QTimeZone>

#include <memory>

class QLockFile;

namespace clev {

class Clock;
class Database;
class DayBuckets;
struct SqliteStores;

// Everything clevagent-server runs (and the desktop app embeds): the database, the writer thread, the
// API and the HTTP listener, started and stopped in the right order.
struct ServerConfig
{
    HttpServer::Options http;
    QString databasePath;
    int busyTimeoutMs = 5000;
    bool durableFull = false; // --durability full
    HeartbeatWriter::Options writer;
    ApiService::Options api;
    Watchdog::Options watchdog;
    AlertEngine::Options alerts;
    QList<ChannelConfig> channels;
    QHash<QString, RestartManager::Policy> restarts; // by agent name: only these are ever restarted
    RestartManager::Options restartOptions;
    QList<WatchSpec> watches;       // agents probed from outside (no SDK)
    QString pricesPath;             // optional user override of the bundled price table
    int eventsKeepAliveMs = 15'000; // a comment on idle event streams this often
    QTimeZone timeZone = QTimeZone::systemTimeZone();
};

class ServerInstance
{
public:
    explicit ServerInstance(ServerConfig config, const Clock *clock = nullptr);
    ~ServerInstance();
    ServerInstance(const ServerInstance &) = delete;
    ServerInstance &operator=(const ServerInstance &) = delete;

    // Opens the database, starts the writer and listens. On failure returns false with a clear message
    // and leaves nothing running.
    bool start(QString *error);
    // Stops accepting, lets in-flight requests finish and commit (up to `timeoutMs`), then stops.
    void stop(int timeoutMs = 10'000);

    quint16 port() const;
    const ServerConfig &config() const { return m_config; }
    Database &database() { return *m_db; }
    HeartbeatWriter &writer() { return *m_writer; }
    ApiService &api() { return *m_api; }
    HttpServer &http() { return *m_http; }
    Watchdog &watchdog() { return *m_watchdog; }
    // These two live on the watchdog's thread: call them there (QMetaObject::invokeMethod).
    AlertEngine &alerts() { return *m_alerts; }
    NotificationDispatcher &dispatcher() { return *m_dispatcher; }
    RestartManager &restarts() { return *m_restarts; }
    WatchTargets &watches() { return *m_watches; }
    EventHub &events() { return *m_events; }
    const PriceTable &prices() const { return m_prices; }

private:
    bool lockDatabase(QString *error);

    ServerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<DayBuckets> m_days;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqliteStores> m_stores; // incidents, outbox, silences, restarts: lent to the engine's parts
    std::unique_ptr<HeartbeatWriter> m_writer;
    PriceTable m_prices;
    std::unique_ptr<QThread> m_watchdogThread;
    std::unique_ptr<Watchdog> m_watchdog;
    NotificationDispatcher *m_dispatcher = nullptr; // children of the watchdog, on its thread
    AlertEngine *m_alerts = nullptr;
    RestartManager *m_restarts = nullptr;
    WatchTargets *m_watches = nullptr;
    EventHub *m_events = nullptr;
    std::unique_ptr<ApiService> m_api;
    std::unique_ptr<HttpServer> m_http;
    // Held while serving: one server per database file, or two would alert twice.
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace clev
