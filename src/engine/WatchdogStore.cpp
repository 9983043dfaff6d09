// SPDX-License-Identifier: MIT
// The watchdog's memory across runs: load() reads every agent through the TimelineStore and judges
// what happened while nothing watched; flush() stores the timeline and flags. No SQL here.
#include "engine/Watchdog.h"

#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "core/Logging.h"
#include "storage/TimelineStore.h"

#include <QDateTime>

#include <algorithm>

namespace clev {

bool Watchdog::restore(const StoredAgentState &stored, const AgentSettings &settings, qint64 nowMs, int *reconciled)
{
    Agent &a = agentFor(stored.id, stored.name);
    a.settings = settings;
    applyBudget(a);
    applyLoop(a);
    a.state = stored.state;
    a.lastBeatMs = stored.lastBeatMs;
    if (stored.sentIntervalMs)
        a.rhythm.sentIntervalMs = stored.sentIntervalMs;
    else if (stored.expectedIntervalMs)
        a.rhythm.learnedIntervalMs = *stored.expectedIntervalMs;
    a.looping = stored.looping;
    a.lastMessage = stored.lastMessage;
    a.budget.seed(m_days.dayStartSecs(nowMs), stored.costTodayUsd);
    a.lastStatus = stored.lastStatus;
    if (a.state == AgentState::Paused) {
        const qint64 until = stored.pausedUntilMs;
        if (until > nowMs) {
            a.pausedUntilMs = until;
            a.pauseComment = stored.pauseComment;
            if (until != std::numeric_limits<qint64>::max())
                schedule(a, DeadlineKind::PauseEnd, until);
        } else {
            judge(a, until > 0 ? until : nowMs, Cause(CauseKind::PauseEndedUnwatched));
        }
        return false;
    }
    const bool crashed = a.lastStatus == BeatStatus::Error && Heartbeat::isCrashMessage(a.lastMessage);
    if (crashed)
        a.crashedAtMs = a.lastBeatMs; // crashed: not found dead at start-up either
    if (crashed || a.lastStatus == BeatStatus::Shutdown)
        a.lastWordAtMs = a.lastBeatMs;
    // The state the last stored beat implies, when its consequences were not stored (the process was
    // killed between the beat's commit and the watchdog's): a stored change newer than the beat means it
    // was applied. The transition goes to the alerts like any other, so the incident a lost change would
    // have opened (or resolved) is opened (or resolved) now.
    if (a.lastBeatMs > 0 && a.lastBeatMs > stored.lastChangeAtMs) {
        if (auto c = StateRules::onBeat(a.state, a.lastStatus, a.lastMessage, 0)) {
            change(a, c->to, c->causeData.with(CauseParam::FromStoredBeat, true), a.lastBeatMs,
                   StateTransition::Event::State, 0, a.lastMessage);
            ++*reconciled;
        }
    }
    if (!StateRules::expectsBeats(a.state) || a.lastBeatMs <= 0 || a.crashedAtMs > 0)
        return false;
    // Judged late or dead at the true deadline, not at the restart.
    const AgentState before = a.state;
    applyLateness(a, nowMs,
                  LatenessCauses{Cause(CauseKind::DeadAtStartup, {{CauseParam::LastBeatMs, a.lastBeatMs},
                                                                  {CauseParam::SilentMs, nowMs - a.lastBeatMs}}),
                                 Cause(CauseKind::LateAtStartup, {{CauseParam::LastBeatMs, a.lastBeatMs}}),
                                 std::nullopt, Cause(), true});
    return a.state != before;
}

void Watchdog::seedProjectBudgets(qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    std::vector<double> spent(m_projectBudgets.size(), 0.0);
    for (const Agent &a : std::as_const(m_agents)) {
        for (int i : a.projects)
            spent[static_cast<size_t>(i)] += a.budget.spentToday();
    }
    for (size_t i = 0; i < m_projectBudgets.size(); ++i)
        m_projectBudgets[i].seed(m_days.dayStartSecs(nowMs), spent[i]);
}

bool Watchdog::load(QString *error)
{
    const qint64 now = m_clock.nowMs();
    std::vector<StoredAgentState> stored;
    if (!m_store->loadAgents(m_days.dayStartSecs(now), &stored, error))
        return false;
    QString settingsError;
    const QHash<qint64, AgentSettings> settings = AgentQueries(m_db).allSettings(&settingsError);
    if (!settingsError.isEmpty()) {
        *error = settingsError;
        return false;
    }
    int judged = 0;
    int reconciled = 0;
    {
        std::lock_guard lock(m_mutex);
        for (const StoredAgentState &s : stored) {
            if (restore(s, settings.value(s.id), now, &reconciled))
                ++judged;
        }
    }
    seedProjectBudgets(now);
    if (judged > 0)
        qCInfo(lcWatchdog) << judged << "agents went silent while nothing watched them";
    if (reconciled > 0)
        qCInfo(lcWatchdog) << reconciled
                           << "agents' last stored beats had not been applied (the server stopped before); applied now";
    // Signalled before load() returns (it runs on the watchdog's thread): the caller reconciles the
    // alerts with the states right after.
    deliver();
    flush();
    rearm();
    m_settingsTimer.start();
    return true;
}

void Watchdog::takeUnsaved(std::vector<StateTransition> *transitions, std::vector<AgentFlags> *flags)
{
    std::lock_guard lock(m_mutex);
    transitions->swap(m_unsaved);
    for (Agent &a : m_agents) {
        if (!a.flagsDirty && !a.pauseDirty)
            continue;
        a.flagsDirty = false;
        flags->push_back(AgentFlags{a.id, a.state, a.looping, a.budget.overBudget(), intervalMs(a) / 1000.0,
                                    a.pauseDirty, a.pausedUntilMs, a.pauseComment});
        a.pauseDirty = false;
    }
}

void Watchdog::keepUnsaved(std::vector<StateTransition> transitions, const std::vector<AgentFlags> &flags)
{
    std::lock_guard lock(m_mutex);
    // Not those of an agent forgotten meanwhile: their rows are gone, so they could never be stored.
    transitions.erase(std::remove_if(transitions.begin(), transitions.end(),
                                     [this](const StateTransition &t) { return !m_agents.contains(t.agentId); }),
                      transitions.end());
    m_unsaved.insert(m_unsaved.begin(), transitions.begin(), transitions.end());
    for (const AgentFlags &f : flags) {
        if (auto it = m_agents.find(f.agentId); it != m_agents.end()) {
            it->flagsDirty = true;
            it->pauseDirty = it->pauseDirty || f.pauseChanged; // the pause fields too, or a restart forgets the pause
        }
    }
}

void Watchdog::flush()
{
    // Other threads flush too (before reading the timeline): one flush at a time, so an older batch
    // never commits after a newer one. It stores only; the signals leave from the watchdog's thread.
    std::lock_guard flushing(m_flushMutex);
    std::vector<StateTransition> unsaved;
    std::vector<AgentFlags> flags;
    takeUnsaved(&unsaved, &flags);
    if (unsaved.empty() && flags.empty())
        return;
    QString error;
    if (m_store->append(unsaved, flags, &error))
        return;
    qCWarning(lcWatchdog) << "cannot store the timeline now, will retry:" << error;
    keepUnsaved(std::move(unsaved), flags);
    // The timer belongs to the watchdog's thread, whichever thread flushed.
    QMetaObject::invokeMethod(
        this, [this] { m_flushTimer.start(1000); }, Qt::QueuedConnection);
}

} // namespace clev
