// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentHistory.h"
#include "core/AgentRecords.h"
#include "core/AgentState.h"
#include "core/AlertRecords.h"
#include "core/ApiKey.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QTimeZone>

#include <optional>

namespace clev {

// What every view reads: snapshots of the agents and a stream of state changes. A local engine
// (LocalMonitor) and a remote clevagent-server connection (RemoteMonitor) implement it, so the views do not
// know which they watch and never touch SQL or sockets.
class MonitorSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~MonitorSource() override = default;
    virtual void start() = 0;
    // The address agents send to, e.g. http://127.0.0.1:9475.
    virtual QString endpoint() const = 0;
    // Asks for the alert history; the answer comes as alertsReady() (the query runs off the GUI thread).
    virtual void requestAlerts(const clev::IncidentFilter &filter) = 0;
    virtual void acknowledge(qint64 incidentId) = 0;
    // Asks how an incident's notifications went; the answer comes as deliveriesReady().
    virtual void requestDeliveries(qint64 incidentId) = 0;
    // Asks for the agent's detail; the answer comes as detailReady().
    virtual void requestDetail(qint64 agentId, const QString &name) = 0;
    // untilMs 0: until resumed
    virtual void pause(qint64 agentId, const QString &name, qint64 untilMs) = 0;
    virtual void resume(qint64 agentId) = 0;
    // Cost per agent per day for the last `days` days (including today).
    virtual void requestCosts(int days) = 0;
    // Deletes the agent and all it stored; it comes back as new if it beats again.
    virtual void forget(qint64 agentId, const QString &name) = 0;
    // Restarts the agent now through its restart target (configured, or the container its beats
    // name); the outcome comes as actionDone and in the detail's restarts.
    virtual void restart(qint64 agentId, const QString &name) = 0;
    // Interval, grace and daily budget for one agent (unset: the defaults).
    virtual void setSettings(qint64 agentId, const QString &name, const clev::AgentSettings &settings) = 0;
    // Mutes notifications for agents matching `pattern` (name or wildcard) until `untilMs`.
    virtual void silence(const QString &pattern, qint64 untilMs, const QString &comment) = 0;
    // Asks for the current list again (a view that starts showing this source).
    virtual void requestSnapshot() {}
    // Asks for every agent's history (heartbeat strip, uptime, hourly cost of the last 24 h); the answer
    // comes as historyReady() (computed off the GUI thread, or read from the server).
    virtual void requestHistory() {}
    // A clevagent-server elsewhere (some actions are then the server's own business).
    virtual bool isRemote() const { return false; }
    // Whether actions (acknowledge, silence, pause, settings, forget) are allowed: a remote instance
    // watched with a read key only reads. Known once the source answered; capabilitiesChanged() then.
    virtual bool canAct() const { return true; }
    // The time zone the source counts its days in ("today", daily budgets, cost per day): the local
    // engine's setting, or the remote server's `time_zone` once it answered.
    virtual QTimeZone timeZone() const { return QTimeZone::systemTimeZone(); }

Q_SIGNALS:
    // The whole list, at most four times a second, only when something changed.
    void snapshot(const QList<clev::AgentRow> &rows);
    void transitioned(const clev::StateTransition &transition);
    // Listening, or why not (e.g. the port is taken).
    void listenerChanged(bool listening, const QString &message);
    void alertsReady(const QList<clev::Incident> &incidents);
    // `error` is empty when the list could be read.
    void deliveriesReady(qint64 incidentId, const QList<clev::Delivery> &deliveries, const QString &error);
    void detailReady(const clev::AgentDetail &detail);
    void costsReady(const QList<clev::DailyCost> &costs);
    // Every agent's history (answer to requestHistory()).
    void historyReady(const QList<clev::AgentHistory> &history);
    // Something about one agent changed that no state transition tells (a restart attempt finished):
    // a view showing it reads it again.
    void agentChanged(const QString &agent);
    // An action finished; `error` is empty on success.
    void actionDone(const QString &what, const QString &error);
    // Incidents were opened or resolved (the alerts views read the history again).
    void alertsChanged();
    // A remote source connected, or lost its connection (then `message` says since when and why).
    void connectionChanged(bool connected, const QString &message);
    // canAct() changed.
    void capabilitiesChanged();
};

} // namespace clev

Q_DECLARE_METATYPE(clev::StoredKey)
