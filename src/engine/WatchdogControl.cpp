// SPDX-License-Identifier: MIT
// The watchdog's controls and views: pause and resume, settings set by hand, what it knows now, and the
// judging of an agent's silence (start-up, end of a pause, new interval) that they share.
#include "engine/Watchdog.h"

#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "core/Logging.h"

#include <QDateTime>

#include <algorithm>

namespace clev {

AgentRules::Lateness Watchdog::applyLateness(Agent &a, qint64 nowMs, const LatenessCauses &causes)
{
    const AgentRules::Deadlines d = deadlines(a);
    const AgentRules::Lateness lateness = AgentRules::judge(d, nowMs);
    switch (lateness) {
    case AgentRules::Lateness::Dead:
        change(a, AgentState::Dead, causes.dead, causes.atDeadline ? d.deadAtMs : nowMs);
        break;
    case AgentRules::Lateness::Late:
        if (a.state != AgentState::Late)
            change(a, AgentState::Late, causes.late, causes.atDeadline ? d.lateAtMs : nowMs);
        schedule(a, DeadlineKind::Dead, d.deadAtMs);
        break;
    case AgentRules::Lateness::OnTime:
        if (causes.onTime && a.state != *causes.onTime)
            change(a, *causes.onTime, causes.onTimeCause, nowMs);
        schedule(a, DeadlineKind::Late, d.lateAtMs);
        break;
    }
    return lateness;
}

void Watchdog::judge(Agent &a, qint64 nowMs, const Cause &why)
{
    a.pausedUntilMs = 0;
    a.pauseComment.clear();
    a.pauseDirty = true;
    ++a.generation;
    if (a.lastBeatMs <= 0) {
        change(a, AgentState::New, why, nowMs);
        return;
    }
    const AgentState byBeat = AgentRules::stateForBeatStatus(a.lastStatus);
    if (byBeat == AgentState::Stopped || a.crashedAtMs > 0) {
        change(a, byBeat, why, nowMs);
        return;
    }
    const Cause silent = why.with(CauseParam::ThenSilentMs, nowMs - a.lastBeatMs);
    applyLateness(a, nowMs, LatenessCauses{silent, silent, byBeat, why, false});
}

bool Watchdog::pause(qint64 agentId, const QString &name, qint64 untilMs, const QString &comment)
{
    {
        std::lock_guard lock(m_mutex);
        auto it = m_agents.find(agentId);
        if (it == m_agents.end() && name.isEmpty())
            return false;
        // An agent registered but never seen (strict mode) can be paused too.
        Agent &a = it == m_agents.end() ? agentFor(agentId, name) : *it;
        const qint64 now = m_clock.nowMs();
        a.pausedUntilMs = untilMs > 0 ? untilMs : std::numeric_limits<qint64>::max();
        a.pauseComment = comment;
        a.pauseDirty = true;
        ++a.generation; // no late or dead while paused
        Cause cause(CauseKind::Paused);
        if (untilMs > 0)
            cause.params.insert(CauseParam::UntilMs, untilMs);
        if (!comment.isEmpty())
            cause.params.insert(CauseParam::Comment, comment);
        change(a, AgentState::Paused, cause, now);
        if (untilMs > 0)
            schedule(a, DeadlineKind::PauseEnd, untilMs);
        requestRearm();
    }
    return true;
}

bool Watchdog::setSettings(qint64 agentId, const QString &name, const AgentSettings &settings, QString *error)
{
    if (!AgentQueries(m_db).setSettings(agentId, settings, m_clock.nowMs(), error))
        return false;
    std::lock_guard lock(m_mutex);
    auto it = m_agents.find(agentId);
    if (it == m_agents.end() && name.isEmpty())
        return true; // stored; applied when the agent is loaded
    Agent &a = it == m_agents.end() ? agentFor(agentId, name) : *it;
    applySettings(a, settings);
    return true;
}

void Watchdog::applySettings(Agent &a, const AgentSettings &settings)
{
    const bool loopChanged =
        a.settings.toolLoopRepeats != settings.toolLoopRepeats || a.settings.iterationCap != settings.iterationCap;
    a.settings = settings;
    applyBudget(a);
    if (loopChanged)
        applyLoop(a);    // a fresh detector with the new thresholds
    a.flagsDirty = true; // the expected interval, and perhaps the over-budget flag
    reschedule(a, m_clock.nowMs());
    requestRearm();
}

int Watchdog::reloadSettings()
{
    QString error;
    const QHash<qint64, AgentSettings> stored = AgentQueries(m_db).allSettings(&error);
    if (!error.isEmpty())
        return 0; // the database is busy or gone: the next round tries again
    int changed = 0;
    std::lock_guard lock(m_mutex);
    for (Agent &a : m_agents) {
        const AgentSettings s = stored.value(a.id);
        if (s == a.settings)
            continue;
        qCInfo(lcWatchdog) << "applying the stored settings of agent" << a.name;
        applySettings(a, s);
        ++changed;
    }
    return changed;
}

void Watchdog::reschedule(Agent &a, qint64 nowMs)
{
    if (a.state == AgentState::Paused || !StateRules::expectsBeats(a.state) || a.lastBeatMs <= 0 || a.crashedAtMs > 0)
        return;
    ++a.generation; // the old deadlines are void
    const Cause why(CauseKind::IntervalChanged, {{CauseParam::ThenSilentMs, nowMs - a.lastBeatMs}});
    LatenessCauses causes{why, why, std::nullopt, Cause(), false};
    if (a.state == AgentState::Late) { // back in time: what its last beat said
        causes.onTime = AgentRules::stateForBeatStatus(a.lastStatus);
        causes.onTimeCause = Cause(CauseKind::IntervalChangedDueLater);
    }
    applyLateness(a, nowMs, causes);
}

std::optional<Watchdog::LiveView> Watchdog::viewOf(qint64 agentId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.constFind(agentId);
    if (it == m_agents.cend())
        return std::nullopt;
    LiveView v;
    v.state = it->state;
    v.expectedIntervalMs = intervalMs(*it);
    v.dailyBudgetUsd = it->budget.budget();
    if (v.dailyBudgetUsd)
        v.budgetExhaustedAtMs = it->budget.forecastExhaustionMs(m_clock.nowMs(), m_days);
    return v;
}

std::vector<StateTransition> Watchdog::currentStates() const
{
    std::lock_guard lock(m_mutex);
    std::vector<StateTransition> out;
    out.reserve(static_cast<size_t>(m_agents.size()));
    for (const Agent &a : m_agents) {
        StateTransition t;
        t.agentId = a.id;
        t.agent = a.name;
        t.from = t.to = a.state;
        t.atMs = a.lastBeatMs > 0 ? a.lastBeatMs : m_clock.nowMs();
        t.lastMessage = a.lastMessage;
        t.causeData = Cause(CauseKind::CurrentState, {{CauseParam::State, agentStateName(a.state)}});
        if (!a.lastMessage.isEmpty())
            t.causeData.params.insert(CauseParam::Message, a.lastMessage);
        t.cause = englishText(t.causeData);
        out.push_back(std::move(t));
    }
    return out;
}

void Watchdog::forget(qint64 agentId, const QString &name)
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.find(agentId);
    if (it == m_agents.end() || it->name != name)
        return;         // gone already, or the id went to a new agent meanwhile
    m_agents.erase(it); // its deadlines are skipped when they come up
    const auto ofAgent = [agentId](const StateTransition &t) { return t.agentId == agentId; };
    m_unsaved.erase(std::remove_if(m_unsaved.begin(), m_unsaved.end(), ofAgent), m_unsaved.end());
    const auto kept = std::remove_if(m_unsignalled.begin(), m_unsignalled.end(), ofAgent);
    m_backlog.fetch_sub(static_cast<qint64>(m_unsignalled.end() - kept));
    m_unsignalled.erase(kept, m_unsignalled.end());
}

bool Watchdog::resume(qint64 agentId)
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.find(agentId);
    if (it == m_agents.end() || it->state != AgentState::Paused)
        return false;
    judge(*it, m_clock.nowMs(), Cause(CauseKind::Resumed));
    requestRearm();
    return true;
}

} // namespace clev
