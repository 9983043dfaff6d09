// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentState.h"
#include "core/Heartbeat.h"

#include <QString>

#include <optional>

namespace clev {

// The watchdog's rules for one agent that the storage writer, the watchdog and its start-up judging
// share: each lives here once, as a pure function (tests/core/TestAgentRules.cpp holds their tables).
namespace AgentRules {

// The state a beat's status puts the agent in: ok -> healthy, warning -> warning, error -> error,
// shutdown -> stopped.
AgentState stateForBeatStatus(BeatStatus status);
// The status as the store keeps it (beatStatusName()); nullopt for anything else.
std::optional<BeatStatus> beatStatusFromName(const QString &name);

// When an agent that last beat at `lastBeatMs` becomes late and dead. A beat sent every `interval`
// arrives a little after it (the sender's own work, the network): late only once it is overdue by a
// tenth of the interval, at most 1 s, so punctual agents never blip. Dead once interval + grace passed.
struct Deadlines
{
    qint64 lateAtMs = 0;
    qint64 deadAtMs = 0;
};
Deadlines deadlinesAfter(qint64 lastBeatMs, qint64 intervalMs, qint64 graceMs);

// How late the agent is at `nowMs`: dead wins over late (a grace shorter than the slack makes it dead
// first).
enum class Lateness { OnTime, Late, Dead };
Lateness judge(qint64 lastBeatMs, qint64 intervalMs, qint64 graceMs, qint64 nowMs);
Lateness judge(const Deadlines &deadlines, qint64 nowMs);

} // namespace AgentRules
} // namespace clev
