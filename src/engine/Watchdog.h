// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/AgentState.h"
#include "core/BudgetTracker.h"
#include "core/LoopDetector.h"
#include "engine/DeadlineQueue.h"
#include "engine/IntervalPolicy.h"
#include "storage/AgentQueries.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace clev {

class Clock;
class Database;
class DayBuckets;
class TimelineStore;
struct AgentFlags;
struct StoredAgentState;

// A group of agents with a daily budget of its own (agents are members by name or wildcard).
struct ProjectPolicy
{
    QString name;
    QStringList agents; // names or wildcards such as "research-*"
    double dailyBudgetUsd = 0;
};

// The watchdog: knows every agent's state, expects its next beat, and notices when it does not come.
// Its parts: the interval policy (IntervalPolicy: which interval and grace are in force), the deadline
// queue (DeadlineQueue, one timer armed for the earliest; nothing scans all agents) and the state rules
// (core: StateRules, AgentRules). Its timeline is kept in a TimelineStore. Beats are observed from the
// storage writer thread after their commit (thread-safe); deadlines fire on the watchdog's own thread,
// and `transitioned` is emitted there only, whichever thread caused the change. All time comes from the
// injected clock: tests advance a ManualClock and call poll().
//
// Files: Watchdog.cpp (beats and deadlines), WatchdogControl.cpp (pause, settings, views),
// WatchdogStore.cpp (load and flush through the TimelineStore).
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
    // (the time of the transition is the true deadline). Call once, on the watchdog's thread, before
    // beats are observed: the transitions it finds are emitted before it returns.
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
    // Writes the transitions and flags not stored yet (the timer does it too, within 200 ms). Thread-safe;
    // it only stores: the signals are emitted on the watchdog's thread (queued, if need be).
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
    // Every agent's state now, as a transition to it (from = to): its last beat's time, cause and message.
    std::vector<StateTransition> currentStates() const;
    // Drops everything the watchdog knows of the agent (after its rows were deleted). Thread-safe.
    void forget(qint64 agentId, const QString &name);

Q_SIGNALS:
    // Emitted on the watchdog's thread for every change of state, as soon as it is known there (a change
    // made on another thread, by a beat or a pause, is emitted by a queued call); it is stored within
    // 200 ms.
    void transitioned(const clev::StateTransition &transition);

private:
    using DeadlineKind = DeadlineQueue::Kind;
    struct Agent
    {
        qint64 id = 0;
        QString name;
        AgentState state = AgentState::New;
        qint64 lastBeatMs = 0;
        quint64 generation = 0;
        Rhythm rhythm;
        QString lastMessage; // the last message a beat carried
        BeatStatus lastStatus = BeatStatus::Ok;
        // When its last crash report happened (the beat's own time), 0 when none: the process is gone,
        // so no late or dead follows it, and a beat the process sent before it cannot undo it.
        qint64 crashedAtMs = 0;
        // When its last crash or shutdown report happened (the beat's own time), 0 when a beat overturned
        // it: a regular beat just after it (Heartbeat::LastWordWindowMs) leaves it standing.
        qint64 lastWordAtMs = 0;
        QList<int> projects;      // indexes into m_options.projects
        qint64 pausedUntilMs = 0; // > 0 while paused; max() for "until resumed"
        QString pauseComment;
        bool pauseDirty = false;
        bool looping = false;
        bool loopSignalled = false; // the looping state the timeline last reported
        Cause loopReason;
        bool flagsDirty = false;
        LoopDetector loop;
        BudgetTracker budget;
        AgentSettings settings; // set by hand
    };
    // The causes of what AgentRules::judge() finds, for applyLateness().
    struct LatenessCauses
    {
        Cause dead;
        Cause late;
        std::optional<AgentState> onTime; // the state an agent on time takes; nullopt: it keeps its own
        Cause onTimeCause;
        bool atDeadline = false; // the change happened at the deadline (judged late), not now
    };

    Agent &agentFor(qint64 id, const QString &name);
    qint64 intervalMs(const Agent &a) const;
    AgentRules::Deadlines deadlines(const Agent &a) const;
    void applyBudget(Agent &a);
    void applyLoop(Agent &a);
    // After the interval or grace changed: the next deadline from the last beat (late or dead at once if
    // it passed).
    void reschedule(Agent &a, qint64 nowMs);
    // The one place silence is judged (start-up, end of a pause, new interval): dead; late with its death
    // queued; or on time with its lateness queued.
    AgentRules::Lateness applyLateness(Agent &a, qint64 nowMs, const LatenessCauses &causes);
    void change(Agent &a, AgentState to, const Cause &cause, qint64 atMs,
                StateTransition::Event event = StateTransition::Event::State, int percent = 0,
                const QString &message = QString(), const QString &project = QString());
    void schedule(const Agent &a, DeadlineKind kind, qint64 dueMs);
    bool isCurrent(const DeadlineQueue::Deadline &d) const;
    // The parts of observe() (m_mutex held). `beforeCrash`: the beat came from before the last word.
    bool takeLastWord(Agent &a, const Heartbeat &beat);
    void observeLoop(Agent &a, const Heartbeat &beat, bool paused, qint64 nowMs, LoopDetector::Verdict *loop);
    const ProjectPolicy *observeCost(Agent &a, const Heartbeat &beat, bool paused, qint64 nowMs);
    Verdict verdictFor(const Agent &a, const LoopDetector::Verdict &loop, const ProjectPolicy *overProject) const;
    void applyDeadline(const DeadlineQueue::Deadline &d);
    // A budget threshold crossed: a timeline event that leaves the state as it is.
    void budgetEvent(Agent &a, const BudgetTracker::Crossing &c, qint64 atMs, const QString &project);
    void rearm();
    void requestRearm();
    // Emits the transitions not signalled yet: on the watchdog's thread at once, from another queued.
    void deliver();
    void emitPending();
    void waitForBacklog();
    // Ends a pause (or judges an agent at start-up): the state its last beat and the clock say.
    void judge(Agent &a, qint64 nowMs, const Cause &why);
    // Puts settings in force for one agent (m_mutex held).
    void applySettings(Agent &a, const AgentSettings &settings);
    // load()'s part for one stored agent (m_mutex held); true when its silence was judged now.
    bool restore(const StoredAgentState &stored, const AgentSettings &settings, qint64 nowMs, int *reconciled);
    void seedProjectBudgets(qint64 nowMs);
    // flush()'s parts: what is not stored yet (taken), and put back when storing failed.
    void takeUnsaved(std::vector<StateTransition> *transitions, std::vector<AgentFlags> *flags);
    void keepUnsaved(std::vector<StateTransition> transitions, const std::vector<AgentFlags> &flags);

    const Database &m_db;
    const Clock &m_clock;
    const DayBuckets &m_days;
    const Options m_options;
    const IntervalPolicy m_intervals;
    std::unique_ptr<TimelineStore> m_store;

    mutable std::mutex m_mutex;
    std::mutex m_flushMutex;
    QHash<qint64, Agent> m_agents;
    std::vector<BudgetTracker> m_projectBudgets; // one per m_options.projects entry
    DeadlineQueue m_deadlines;
    std::vector<StateTransition> m_unsaved;
    std::vector<StateTransition> m_unsignalled;
    // Transitions whose receivers (alerts, restarts, events) have not run yet. observe() waits while
    // there are more than MaxBacklog (at most 2 s per beat), which slows ingest down to what the alerts
    // can take.
    static constexpr qint64 MaxBacklog = 5000;
    std::atomic<qint64> m_backlog{0};
    std::mutex m_backlogMutex;
    std::condition_variable m_backlogDrained;
    qint64 m_armedForMs = std::numeric_limits<qint64>::max();
    bool m_rearmPosted = false;

    QTimer m_timer;
    QTimer m_flushTimer;
    QTimer m_settingsTimer;
};

} // namespace clev
