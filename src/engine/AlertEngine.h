// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/AlertKinds.h"
#include "core/AlertRecords.h"
#include "core/FlapDamper.h"
#include "core/Notification.h"
#include "engine/Watchdog.h"

#include <QObject>

#include <QHash>
#include <QSet>
#include <QTimer>
#include <functional>

#include <memory>
#include <optional>

namespace clev {

class Clock;
class Database;
class IncidentStore;
class NotificationDispatcher;
class OutboxStore;
class SilenceStore;
class StoreTransaction;
class StoreTransactions;
struct SqliteStores;

// Where the alert engine keeps what it knows: incidents, silences and the notification outbox, written
// together in the transactions of `transactions` (all four on one database). Borrowed: they outlive it.
struct AlertStores
{
    const StoreTransactions *transactions = nullptr;
    IncidentStore *incidents = nullptr;
    SilenceStore *silences = nullptr;
    OutboxStore *outbox = nullptr;
};

// Turns the watchdog's timeline into incidents and notifications: opens an incident when an agent
// dies, reports an error or a crash, loops or spends its budget; closes it when the agent recovers;
// writes every notification to the outbox (in the same transaction as the incident), for the
// dispatcher to deliver. Silenced incidents are recorded without notifications. Lives on the engine
// thread.
class AlertEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertEngine)

public:
    struct Options
    {
        int repeatMinutes = 0;    // re-notify open, un-acked incidents this often; 0: never
        FlapDamper::Options flap; // an agent that keeps dying: one "flapping" notice, not one per flip
    };

    AlertEngine(AlertStores stores, const Clock &clock, NotificationDispatcher *dispatcher, Options options,
                QObject *parent = nullptr);
    // On the SQLite stores of `db` (made and owned here).
    AlertEngine(const Database &db, const Clock &clock, NotificationDispatcher *dispatcher, Options options,
                QObject *parent = nullptr);
    ~AlertEngine() override;

    void onTransition(const StateTransition &t);
    // At start-up, after the watchdog loaded: the incidents of deaths and errors follow each agent's state
    // (`current`: one entry per agent, `to` its state). A process killed after a state was stored but
    // before its incident was (or its resolution) leaves them apart; this opens or resolves what is
    // missing, and notifies as it would have. Returns how many incidents it opened or resolved, or -1 when
    // the store failed (logged).
    int reconcile(const std::vector<StateTransition> &current);
    // Tells whether an agent will be restarted when it dies (a configured target, or the container its
    // beats named): the incident then says so instead of "no automatic restart".
    void setRestartCheck(std::function<bool(const QString &agent)> check) { m_restartCheck = std::move(check); }
    // For other parts of the engine (restarts): opens an incident of `kind` for the agent unless one is
    // open (then returns false; false too when it could not be stored, which is logged); amend() adds an
    // update to the open one (false: the store failed, logged; true also when nothing is open to amend).
    bool raise(qint64 agentId, const QString &agent, IncidentKind kind, const Cause &summary, const Cause &detail,
               const QString &actionTaken, const QString &lastMessage = QString());
    bool amend(qint64 agentId, const QString &agent, IncidentKind kind, const QString &detail,
               const QString &actionTaken, const QString &tag);
    // Re-notifies open incidents whose repeat interval passed. A timer calls it every 30 s. False when the
    // store failed (logged).
    bool repeatDue();
    // Ends the flapping of agents that stayed up for the flap window (a timer calls it).
    void flapsDue();

    // *missing (when given) tells "no such unacknowledged incident" from a storage failure.
    bool acknowledge(qint64 incidentId, QString *error, bool *missing = nullptr);
    // Mutes notifications for agents matching `pattern` (a name, or a wildcard such as "batch-*") until
    // `untilMs`. Alerts are still recorded.
    qint64 addSilence(const QString &pattern, qint64 untilMs, const QString &comment, QString *error);

    using Filter = IncidentFilter;
    // On failure also logged, and `error` says why.
    QList<Incident> history(const Filter &filter, QString *error = nullptr) const;
    // How the incident's notifications went, channel by channel; nullopt when there is no such incident or
    // the store failed (then `error` says why, and it is logged).
    std::optional<QList<Delivery>> deliveries(qint64 incidentId, QString *error = nullptr) const;

Q_SIGNALS:
    // An incident was opened (resolved false) or resolved, once it is stored.
    void incidentChanged(qint64 incidentId, qint64 agentId, const QString &agent, const clev::IncidentKey &kind,
                         const QString &summary, bool resolved);

public:
    static QByteArray toCsv(const QList<Incident> &incidents);

private:
    QString noRestartOr(const QString &agent) const;
    std::function<bool(const QString &agent)> m_restartCheck;
    // True when a new incident was opened (false: one was open already, or it could not be stored).
    // `notify` false: recorded without a notification (a death while the agent flaps).
    bool open(const StateTransition &t, const IncidentKey &kind, const Cause &summary, const Cause &detail,
              const QString &actionTaken, bool notify = true);
    void onDeath(const StateTransition &t, const Cause &summary);
    // These return false when the store failed (logged); true when there was nothing to do.
    bool update(const StateTransition &t, const IncidentKey &kind, const Cause &summary, const Cause &detail,
                const QString &tag);
    bool resolve(const StateTransition &t, const IncidentKey &kind, const QString &detail);
    qint64 silenceFor(const QString &agent) const;
    // The open incident of (agent, kind); `ok` false when it could not be read (logged).
    std::optional<OpenIncident> openIncident(qint64 agentId, const IncidentKey &kind, bool *ok = nullptr) const;
    bool enqueue(const Notification &n);
    bool committed(StoreTransaction &tx, const char *what, qint64 incidentId) const;
    // The kind whose channels get the notices of `kind`.
    static IncidentKind routeOf(IncidentKind kind);
    // The notification that an incident opened.
    static Notification trigger(qint64 incidentId, const IncidentKey &kind, const QString &agent,
                                const QString &summary, const QString &detail, const QString &actionTaken,
                                qint64 sinceMs, qint64 nowMs);

    std::unique_ptr<SqliteStores> m_own; // when made on a Database
    AlertStores m_stores;
    const Clock &m_clock;
    NotificationDispatcher *m_dispatcher;
    const Options m_options;
    QTimer m_repeatTimer;
    QTimer m_flapTimer;
    FlapDamper m_flaps;
    QSet<qint64> m_damped;             // dead incidents recorded without a notification
    QHash<qint64, QString> m_flapping; // agent id -> name, while flapping
};

} // namespace clev
