// SPDX-License-Identifier: MIT
#pragma once

#include "core/ApiKey.h"
#include "engine/ServerInstance.h"
#include "gui/MonitorSource.h"

#include <QThread>

#include <atomic>
#include <memory>

namespace clev {

class Clock;

// The engine embedded in the desktop app: the listener, storage, watchdog, alerts and restarts on
// their own threads, and a snapshot thread that reads the agents at most four times a second, only
// when a commit or a transition says something changed. Nothing here runs on the GUI thread except
// the hand-over of finished snapshots.
class LocalMonitor final : public MonitorSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalMonitor)

public:
    LocalMonitor(ServerConfig config, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~LocalMonitor() override;

    void start() override;
    QString endpoint() const override;
    void requestAlerts(const IncidentFilter &filter) override;
    void acknowledge(qint64 incidentId) override;
    void requestDeliveries(qint64 incidentId) override;
    void requestDetail(qint64 agentId, const QString &name) override;
    void pause(qint64 agentId, const QString &name, qint64 untilMs) override;
    void resume(qint64 agentId) override;
    void requestCosts(int days) override;
    void requestHistory() override;
    void forget(qint64 agentId, const QString &name) override;
    void restart(qint64 agentId, const QString &name) override;
    void setSettings(qint64 agentId, const QString &name, const AgentSettings &settings) override;
    void silence(const QString &pattern, qint64 untilMs, const QString &comment) override;
    void requestSnapshot() override { m_changes.fetch_add(1); } // the next tick sends the list
    QTimeZone timeZone() const override { return m_config.timeZone; }
    bool isListening() const { return m_listening; }
    ServerInstance &server() { return *m_server; }
    // An ingest key made on the first run (shown once), or empty.
    QByteArray firstRunKey() const { return m_firstRunKey; }
    // Stops and starts the listener on another port (the database stays open).
    void rebind(quint16 port);
    // Restarts the engine with new settings (address, port, retention, defaults, time zone). The
    // channels set with setChannels() are kept.
    void reconfigure(const ServerConfig &config);
    const ServerConfig &config() const { return m_config; }

    // Alert channels, with their secrets resolved (the desktop reads them from the keychain).
    void setChannels(const QList<ChannelConfig> &channels);
    // Sends a test notification through `config` (saved or not); `done` runs on `context`'s thread with
    // "" or the receiver's exact error.
    void testChannel(const ChannelConfig &config, QObject *context, std::function<void(const QString &error)> done);

    // API keys of the embedded server: the list comes as keysReady(); a new key as keyCreated() (the
    // only time it is seen); revoking answers with actionDone().
    void requestKeys();
    void createKey(const QString &name, ApiKey::Scopes scopes);
    void revokeKey(const QByteArray &prefix);

Q_SIGNALS:
    void keysReady(const QList<clev::StoredKey> &keys);
    void keyCreated(const QByteArray &key, const clev::StoredKey &stored, const QString &error);

private:
    void takeSnapshot();
    void stopSnapshots(); // ends the snapshot thread; its worker and timer are deleted on it
    void applyRestartTarget(const QString &agent, const QString &target);
    // Runs `work` on the snapshot thread (its own database connection), off the GUI thread.
    template <typename F> void offGuiThread(F work);
    // Runs `work` on the thread of the engine object `owner` returns (a write where the data lives).
    template <typename F> void onOwnerThread(QObject *(LocalMonitor::*owner)() const, F work);
    QObject *alertsObject() const;
    QObject *watchdogObject() const;

    ServerConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<ServerInstance> m_server;
    std::unique_ptr<QThread> m_snapshotThread; // made anew by each start(): a finished QThread is not reused
    QObject *m_snapshotWorker = nullptr;
    std::atomic<quint64> m_changes{1};
    quint64 m_seenChanges = 0;
    qint64 m_seenCommits = -1;
    bool m_listening = false;
    QByteArray m_firstRunKey;
};

} // namespace clev
