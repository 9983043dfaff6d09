// SPDX-License-Identifier: MIT
#include "core/AgentRules.h"

#include <algorithm>

namespace clev::AgentRules {

AgentState stateForBeatStatus(BeatStatus status)
{
    switch (status) {
    case BeatStatus::Ok:
        return AgentState::Healthy;
    case BeatStatus::Warning:
        return AgentState::Warning;
    case BeatStatus::Error:
        return AgentState::Error;
    case BeatStatus::Shutdown:
        return AgentState::Stopped;
    }
    return AgentState::Healthy;
}

std::optional<BeatStatus> beatStatusFromName(const QString &name)
{
    for (BeatStatus s : {BeatStatus::Ok, BeatStatus::Warning, BeatStatus::Error, BeatStatus::Shutdown}) {
        if (beatStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

Deadlines deadlinesAfter(qint64 lastBeatMs, qint64 intervalMs, qint64 graceMs)
{
    return Deadlines{lastBeatMs + intervalMs + std::min<qint64>(1000, intervalMs / 10),
                     lastBeatMs + intervalMs + graceMs};
}

Lateness judge(const Deadlines &deadlines, qint64 nowMs)
{
    if (nowMs >= deadlines.deadAtMs)
        return Lateness::Dead;
    if (nowMs >= deadlines.lateAtMs)
        return Lateness::Late;
    return Lateness::OnTime;
}

Lateness judge(qint64 lastBeatMs, qint64 intervalMs, qint64 graceMs, qint64 nowMs)
{
    return judge(deadlinesAfter(lastBeatMs, intervalMs, graceMs), nowMs);
}

} // namespace clev::AgentRules
