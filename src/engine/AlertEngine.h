// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/FlapDamper.h"
#include "core/Notification.h"
#include "engine/Watchdog.h"

#include <QObject>

#include <functional>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <optional>

namespace clev {

class Clock;
class Database;
class NotificationDispatcher;

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
        int repeatMinutes = 0; // re-notify open, un-acked incidents this often; 0: never
        FlapDamper::Options flap; // an agent that keeps dying: one "flapping" notice, not one per flip
    };

    AlertEngine(const Database &db, const Clock &clock, NotificationDispatcher *dispatcher, Options options,
                QObject *parent = nullptr);

    void onTransition(const StateTransition &t);
    // Every kind of incident there is (dead, error, crash, loop, budget, project_budget, restart_failed,
    // flapping): what /api/v1/alerts?kind= accepts.
    static const QStringList &kinds();
    // Tells whether an agent will be restarted when it dies (a configured target, or the container its
    // beats named): the incident then says so instead of "no automatic restart".
    void setRestartCheck(std::function<bool(const QString &agent)> check) { m_restartCheck = std::move(check); }
    // For other parts of the engine (restarts): opens an incident of `kind` for the agent unless one is
    // open (then returns false); amend() adds an update to the open one.
    bool raise(qint64 agentId, const QString &agent, const QString &kind, const QString &summary, const QString &detail,
               const QString &actionTaken, const QString &lastMessage = QString());
    void amend(qint64 agentId, const QString &agent, const QString &kind, const QString &detail, const QString &actionTaken,
               const QString &tag);
    // Re-notifies open incidents whose repeat interval passed. A timer calls it every 30 s.
    void repeatDue();
    // Ends the flapping of agents that stayed up for the flap window (a timer calls it).
    void flapsDue();

    bool acknowledge(qint64 incidentId, QString *error);
    // Mutes notifications for agents matching `pattern` (a name, or a wildcard such as "batch-*") until
    // `untilMs`. Alerts are still recorded.
    qint64 addSilence(const QString &pattern, qint64 untilMs, const QString &comment, QString *error);

    struct Filter
    {
        QString agent; // a name, or a wildcard with * and ?
        QString kind;
        int open = -1; // -1 all, 1 open only, 0 resolved only
        qint64 fromMs = 0;
        qint64 toMs = std::numeric_limits<qint64>::max();
        int limit = 100;
        int offset = 0;
    };
    QList<Incident> history(const Filter &filter, QString *error = nullptr) const;

Q_SIGNALS:
    // An incident was opened (resolved false) or resolved, once it is stored.
    void incidentChanged(qint64 incidentId, qint64 agentId, const QString &agent, const QString &kind, const QString &summary, bool resolved);

public:
    static QByteArray toCsv(const QList<Incident> &incidents);

private:
    QString noRestartOr(const QString &agent) const;
    std::function<bool(const QString &agent)> m_restartCheck;
    // True when a new incident was opened (false: one was open already, or it could not be stored).
    // `notify` false: recorded without a notification (a death while the agent flaps).
    bool open(const StateTransition &t, const QString &kind, const QString &summary, const QString &detail,
              const QString &actionTaken, bool notify = true);
    void onDeath(const StateTransition &t, const QString &summary);
    void update(const StateTransition &t, const QString &kind, const QString &summary, const QString &detail, const QString &tag);
    void resolve(const StateTransition &t, const QString &kind, const QString &detail);
    qint64 silenceFor(const QString &agent) const;
    struct OpenIncident
    {
        qint64 id;
        qint64 openedAtMs;
        QString summary;
        bool silenced;
    };
    std::optional<OpenIncident> openIncident(qint64 agentId, const QString &kind) const;
    bool enqueue(const Notification &n, const QString &kind);
    static QString routeOf(const QString &kind);
    // The notification that an incident opened.
    static Notification trigger(qint64 incidentId, const QString &kind, const QString &agent, const QString &summary,
                                const QString &detail, const QString &actionTaken, qint64 sinceMs, qint64 nowMs);

    const Database &m_db;
    const Clock &m_clock;
    NotificationDispatcher *m_dispatcher;
    const Options m_options;
    QTimer m_repeatTimer;
    QTimer m_flapTimer;
    FlapDamper m_flaps;
    QSet<qint64> m_damped;           // dead incidents recorded without a notification
    QHash<qint64, QString> m_flapping; // agent id -> name, while flapping
};

} // namespace clev
