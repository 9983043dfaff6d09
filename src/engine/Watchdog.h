// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/AgentState.h"
#include "core/BudgetTracker.h"
#include "core/LoopDetector.h"
#include "storage/AgentQueries.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <mutex>
#include <optional>
#include <queue>
#include <vector>

namespace clev {

class Clock;
class Database;
class DayBuckets;

// What the watchdog may be told about one agent (clevagent-server's config file, later the desktop's
// per-agent settings). Unset fields fall back to the defaults.
struct AgentPolicy
{
    std::optional<double> intervalSecs;
    std::optional<double> graceSecs;
    std::optional<double> dailyBudgetUsd;
};

// A group of agents with a daily budget of its own (agents are members by name or wildcard).
struct ProjectPolicy
{
    QString name;
    QStringList agents; // names or wildcards such as "research-*"
    double dailyBudgetUsd = 0;
};

// The watchdog: knows every agent's state, expects its next beat, and notices when it does not come.
// Deadlines sit in one priority queue with a single timer armed for the earliest; nothing scans all
// agents. Beats are observed from the storage writer thread after their commit (thread-safe); deadlines
// fire on the watchdog's own thread. All time comes from the injected clock: tests advance a
// ManualClock and call poll().
class Watchdog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Watchdog)

public:
    struct Options
    {
        qint64 defaultIntervalMs = 60'000;
        AgentPolicy defaults;
        QHash<QString, AgentPolicy> agents;
        LoopDetector::Options loop;
        QList<ProjectPolicy> projects;
        int learnFromGaps = 3; // beats spacing learned after this many gaps (median of the first five)
    };

    Watchdog(const Database &db, const Clock &clock, const DayBuckets &days, Options options,
             QObject *parent = nullptr);
    ~Watchdog() override;

    // Reads every agent from the store and judges those whose deadline passed while nothing watched
    // (the time of the transition is the true deadline). Call once, before beats are observed.
    bool load(QString *error);

    struct Verdict
    {
        AgentState state = AgentState::Healthy;
        QString warning; // "loop_detected" or "cost_exceeded", for the SDK
        QString reason;
    };
    // A committed beat of agent `agentId`. Thread-safe.
    Verdict observe(qint64 agentId, const Heartbeat &beat);

    std::optional<AgentState> stateOf(qint64 agentId) const;
    // Expected interval now in force for the agent, in ms.
    std::optional<qint64> expectedIntervalOf(qint64 agentId) const;
    std::optional<qint64> forecastExhaustionOf(qint64 agentId) const;
    // Applies every deadline that is due by the clock now. The timer calls it; tests may too.
    void poll();
    // Writes the transitions and flags not stored yet (the timer does it too, within 200 ms).
    void flush();
    qint64 nextDeadlineMs() const;
    int agentCount() const;

    // Mutes an agent until `untilMs` (0: until resumed): its state shows `paused`, it is not judged
    // late or dead, and nothing is alerted. Beats still count. When the pause ends the agent is judged
    // from its last beat. Thread-safe; false when the agent is unknown.
    bool pause(qint64 agentId, const QString &name, qint64 untilMs, const QString &comment);
    bool resume(qint64 agentId);

    // Stores what the user set for one agent (interval, grace, daily budget; unset fields follow the
    // defaults) and applies it at once: the next deadline is computed from the last beat with the new
    // interval and grace. Set values win over the beat's `interval`, the config file and the learned
    // spacing. Thread-safe.
    bool setSettings(qint64 agentId, const QString &name, const AgentSettings &settings, QString *error);
    // Applies the settings stored by another process (`clevagent-server agents set` while the server
    // runs): what differs from the settings in force is applied as setSettings() would. A timer calls it
    // every 3 s once load() ran. Returns how many agents changed.
    int reloadSettings();
    // What the watchdog knows of one agent now, read under one lock (the status list reads it for
    // every agent).
    struct LiveView
    {
        AgentState state = AgentState::New;
        qint64 expectedIntervalMs = 0;
        std::optional<double> dailyBudgetUsd;
        std::optional<qint64> budgetExhaustedAtMs; // the burn-rate forecast, when it has a budget
    };
    std::optional<LiveView> viewOf(qint64 agentId) const;
    // Drops everything the watchdog knows of the agent (after its rows were deleted). Thread-safe.
    void forget(qint64 agentId, const QString &name);

Q_SIGNALS:
    // Emitted on the watchdog's thread for every change of state, as soon as it is known (it is stored
    // within 200 ms).
    void transitioned(const clev::StateTransition &transition);

private:
    enum class DeadlineKind { Late, Dead, PauseEnd };
    struct Deadline
    {
        qint64 dueMs;
        qint64 agentId;
        quint64 generation;
        DeadlineKind kind;
        bool operator>(const Deadline &o) const { return dueMs > o.dueMs; }
    };
    struct Agent
    {
        qint64 id = 0;
        QString name;
        AgentState state = AgentState::New;
        qint64 lastBeatMs = 0;
        quint64 generation = 0;
        std::optional<qint64> sentIntervalMs; // from the beat's `interval`
        std::vector<qint64> gaps;             // the first spacings, for learning
        qint64 learnedIntervalMs = 0;
        QString lastMessage; // the last message a beat carried
        BeatStatus lastStatus = BeatStatus::Ok;
        // When its last crash report happened (the beat's own time), 0 when none: the process is gone,
        // so no late or dead follows it, and a beat the process sent before it cannot undo it.
        qint64 crashedAtMs = 0;
        QList<int> projects;      // indexes into m_options.projects
        qint64 pausedUntilMs = 0; // > 0 while paused; max() for "until resumed"
        QString pauseComment;
        bool pauseDirty = false;
        bool looping = false;
        bool loopSignalled = false; // the looping state the timeline last reported
        QString loopReason;
        bool flagsDirty = false;
        LoopDetector loop;
        BudgetTracker budget;
        AgentSettings settings; // set by hand
    };

    Agent &agentFor(qint64 id, const QString &name);
    qint64 intervalMs(const Agent &a) const;
    qint64 graceMs(const Agent &a) const;
    // When the agent is late (its beat overdue by a little slack) and dead (interval + grace).
    qint64 lateAtMs(const Agent &a) const;
    qint64 deadAtMs(const Agent &a) const;
    const AgentPolicy *policyFor(const QString &name) const;
    void applyBudget(Agent &a);
    void applyLoop(Agent &a);
    // After the interval or grace changed: the next deadline from the last beat (late or dead at once if
    // it passed).
    void reschedule(Agent &a, qint64 nowMs);
    void change(Agent &a, AgentState to, const QString &cause, qint64 atMs,
                StateTransition::Event event = StateTransition::Event::State, int percent = 0,
                const QString &message = QString(), const QString &project = QString());
    void schedule(const Agent &a, DeadlineKind kind, qint64 dueMs);
    // A budget threshold crossed: a timeline event that leaves the state as it is.
    void budgetEvent(Agent &a, const BudgetTracker::Crossing &c, qint64 atMs, const QString &project);
    void rearm();
    void requestRearm();
    void emitPending();
    // Ends a pause (or judges an agent at start-up): the state its last beat and the clock say.
    void judge(Agent &a, qint64 nowMs, const QString &why);
    // Puts settings in force for one agent (m_mutex held).
    void applySettings(Agent &a, const AgentSettings &settings);

    const Database &m_db;
    const Clock &m_clock;
    const DayBuckets &m_days;
    const Options m_options;

    mutable std::mutex m_mutex;
    std::mutex m_flushMutex;
    QHash<qint64, Agent> m_agents;
    std::vector<BudgetTracker> m_projectBudgets; // one per m_options.projects entry
    std::priority_queue<Deadline, std::vector<Deadline>, std::greater<Deadline>> m_deadlines;
    std::vector<StateTransition> m_unsaved;
    std::vector<StateTransition> m_unsignalled;
    qint64 m_armedForMs = std::numeric_limits<qint64>::max();
    bool m_rearmPosted = false;

    QTimer m_timer;
    QTimer m_flushTimer;
    QTimer m_settingsTimer;
};

} // namespace clev
