// SPDX-License-Identifier: MIT
#pragma once

#include "core/Cause.h"
#include "core/Heartbeat.h"

#include <QString>

#include <array>
#include <optional>

namespace clev {

// The watchdog's view of an agent (see docs/WATCHDOG.md for the full table).
// Its names (agentStateName()) are the stored agents.state and timeline values and the API's "state".
enum class AgentState { New, Healthy, Warning, Error, Late, Dead, Stopped, Paused };
inline constexpr std::array<AgentState, 8> allAgentStates{AgentState::New,     AgentState::Healthy, AgentState::Warning,
                                                          AgentState::Error,   AgentState::Late,    AgentState::Dead,
                                                          AgentState::Stopped, AgentState::Paused};

QString agentStateName(AgentState state);
std::optional<AgentState> agentStateFromName(const QString &name);
// Worse states sort higher: for the "worst state" summary of a dashboard.
int agentStateSeverity(AgentState state);

// The pure transition rules. Each returns the new state and a human cause, or nullopt when the event
// does not change the state.
namespace StateRules {

struct Change
{
    AgentState to;
    QString cause; // englishText(causeData)
    Cause causeData;
};

// A heartbeat arrived. `silentForMs` is the time since the previous beat (for the recovery text).
std::optional<Change> onBeat(AgentState current, BeatStatus status, const QString &message, qint64 silentForMs);
// The agent's expected beat did not come (late) or its grace ran out too (dead).
std::optional<Change> onLateDeadline(AgentState current, qint64 expectedEveryMs);
std::optional<Change> onDeadDeadline(AgentState current, qint64 silentForMs);
// Only these states wait for a next beat.
bool expectsBeats(AgentState state);

} // namespace StateRules

QString formatDuration(qint64 ms);

} // namespace clev
