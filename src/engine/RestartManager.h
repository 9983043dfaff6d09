// SPDX-License-Identifier: MIT
#pragma once

#include "core/RestartGuard.h"
#include "engine/RestartExecutors.h"
#include "engine/Watchdog.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace clev {

class AlertEngine;
class Clock;
class Database;
class RestartStore;

// Restarts agents that die, through the target the user configured for each (nothing else is ever
// restarted): the Docker Engine API, systemd, or a process the app supervises. Every attempt goes
// through the agent's RestartGuard, is stored (restarts table, timeline) and is reported on the open
// incident with what the target said ("exit 137, OOMKilled; last log lines: …"); when the guard gives
// up, a restart_failed incident asks for a person. Lives on the engine thread.
class RestartManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestartManager)

public:
    struct Policy
    {
        RestartTarget target;
        RestartGuard::Options guard;
        ProcessSupervisor::Spec process; // for process targets
        int stopTimeoutSecs = 10;
    };
    struct Options
    {
        // An agent with no restart target configured whose beats name its container (container_id)
        // gets that container restarted through Docker when it dies or crashes: the SDK's promise.
        // Only `restart` is ever asked of the engine, only for that container, never after a clean
        // shutdown, and within `containerGuard`. Off with "restart_containers": false.
        bool containersFromBeats = true;
        RestartGuard::Options containerGuard;
        QString dockerHost; // default: DOCKER_HOST, else the local socket
        // systemd's manager over D-Bus: the buses (empty: the system bus, the session bus) and the bounds.
        QString systemBusAddress;
        QString userBusAddress;
        QString journalctl = QStringLiteral("journalctl"); // journald has no D-Bus API
        int systemdTimeoutMs = 30'000;                     // each call
        int systemdRestartTimeoutMs = 120'000;             // a restart job to end
        int logLines = 20;
        SystemdClient::Options systemd() const
        {
            return {systemBusAddress, userBusAddress, journalctl, systemdTimeoutMs, systemdRestartTimeoutMs};
        }
    };

    // Attempts are kept in `store` (borrowed: it outlives the manager); `db` answers who the agents are.
    RestartManager(const Database &db, RestartStore *store, const Clock &clock, AlertEngine *alerts,
                   const QHash<QString, Policy> &policies, Options options, QObject *parent = nullptr);
    // With the SQLite restart store of `db` (made and owned here).
    RestartManager(const Database &db, const Clock &clock, AlertEngine *alerts, const QHash<QString, Policy> &policies,
                   Options options, QObject *parent = nullptr);
    ~RestartManager() override;

    // Starts the commands of supervised agents.
    void startSupervised();
    void onTransition(const StateTransition &t);
    // Whether the agent would be restarted if it died now (a configured target, or its container).
    bool willRestart(const QString &agent) const;
    // A person asks to try again after the guard gave up.
    bool reset(const QString &agent);
    // Sets the restart target of one agent ("docker:NAME", "docker:auto", "systemd:UNIT", "systemd-user:UNIT"),
    // or clears it (empty), from the desktop's per-agent settings. Processes are supervised only from the
    // configuration file. False with a reason when the target is not valid.
    bool setTarget(const QString &agent, const QString &target, QString *error);
    // A person asks for a restart now (the guard starts afresh). False when nothing is configured.
    bool restartNow(const QString &agent, QString *error);
    // Stops a supervised process on request; it is not restarted until asked.
    bool stop(const QString &agent, QString *error);
    ProcessSupervisor &supervisor() { return m_supervisor; }
    int attemptsInFlight() const;

Q_SIGNALS:
    void attemptFinished(const QString &agent, bool ok, const QString &text);

private:
    struct Agent
    {
        Policy policy;
        RestartGuard guard;
        qint64 agentId = 0;
        bool needed = false;
        bool inFlight = false;
        QTimer *retry = nullptr;
    };
    void attempt(const QString &agent, const Cause &trigger, const RestartContext &known);
    void finish(const QString &agent, const Cause &trigger, bool ok, const RestartContext &context,
                const QString &error);
    qint64 agentIdFor(const QString &agent);
    // The container the agent's own beats named last ("" when none, or restarting containers is off).
    QString containerFromBeats(const QString &agent) const;
    // The container_id of the agent's last beats, whether or not restarting containers by default is on
    // (a configured "docker:auto" uses it too).
    QString storedContainer(const QString &agent) const;
    // Takes on the agent with its container from its beats as target; false when there is none.
    bool adoptContainer(const QString &agent);
    void onProcessExited(const QString &agent, const RestartContext &context);

    const Database &m_db;
    std::unique_ptr<RestartStore> m_own; // when made without a store
    RestartStore *m_store;
    const Clock &m_clock;
    AlertEngine *m_alerts;
    const Options m_options;
    QHash<QString, Agent> m_agents;
    ProcessSupervisor m_supervisor;
};

} // namespace clev
