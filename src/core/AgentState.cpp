// SPDX-License-Identifier: MIT
#include "core/AgentState.h"

#include "core/AgentRules.h"

namespace clev {

QString agentStateName(AgentState state)
{
    switch (state) {
    case AgentState::New:
        return QStringLiteral("new");
    case AgentState::Healthy:
        return QStringLiteral("healthy");
    case AgentState::Warning:
        return QStringLiteral("warning");
    case AgentState::Error:
        return QStringLiteral("error");
    case AgentState::Late:
        return QStringLiteral("late");
    case AgentState::Dead:
        return QStringLiteral("dead");
    case AgentState::Stopped:
        return QStringLiteral("stopped");
    case AgentState::Paused:
        return QStringLiteral("paused");
    }
    return QStringLiteral("new");
}

std::optional<AgentState> agentStateFromName(const QString &name)
{
    for (AgentState s : allAgentStates) {
        if (agentStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

int agentStateSeverity(AgentState state)
{
    switch (state) {
    case AgentState::Dead:
        return 6;
    case AgentState::Error:
        return 5;
    case AgentState::Late:
        return 4;
    case AgentState::Warning:
        return 3;
    case AgentState::Healthy:
        return 2;
    case AgentState::Paused:
        return 1;
    case AgentState::Stopped:
        return 1;
    case AgentState::New:
        return 0;
    }
    return 0;
}

QString formatDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 120)
        return QStringLiteral("%1 s").arg(s);
    if (s < 7200)
        return QStringLiteral("%1 min").arg(s / 60);
    if (s < 2 * 86400)
        return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QStringLiteral("%1 days").arg(s / 86400);
}

namespace StateRules {

std::optional<Change> onBeat(AgentState current, BeatStatus status, const QString &message, qint64 silentForMs)
{
    const AgentState to = AgentRules::stateForBeatStatus(status);
    if (current == to)
        return std::nullopt;
    Cause cause;
    switch (status) {
    case BeatStatus::Ok:
        cause = Cause(CauseKind::BeatOk);
        break;
    case BeatStatus::Warning:
        cause = Cause(CauseKind::BeatWarning);
        break;
    case BeatStatus::Error:
        cause = Cause(CauseKind::BeatError);
        break;
    case BeatStatus::Shutdown:
        cause = Cause(CauseKind::Shutdown);
        break;
    }
    if (!message.isEmpty() && (status == BeatStatus::Warning || status == BeatStatus::Error))
        cause.params.insert(CauseParam::Message, message);
    if (current == AgentState::Dead || current == AgentState::Late)
        cause.params.insert(CauseParam::BackAfterMs, silentForMs);
    return Change{to, englishText(cause), cause};
}

bool expectsBeats(AgentState state)
{
    return state == AgentState::Healthy || state == AgentState::Warning || state == AgentState::Error ||
           state == AgentState::Late;
}

std::optional<Change> onLateDeadline(AgentState current, qint64 expectedEveryMs)
{
    if (current != AgentState::Healthy && current != AgentState::Warning && current != AgentState::Error)
        return std::nullopt;
    const Cause cause(CauseKind::Late, {{CauseParam::ExpectedMs, expectedEveryMs}});
    return Change{AgentState::Late, englishText(cause), cause};
}

std::optional<Change> onDeadDeadline(AgentState current, qint64 silentForMs)
{
    if (!expectsBeats(current))
        return std::nullopt;
    const Cause cause(CauseKind::Dead, {{CauseParam::SilentMs, silentForMs}});
    return Change{AgentState::Dead, englishText(cause), cause};
}

} // namespace StateRules
} // namespace clev
