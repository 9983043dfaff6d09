// SPDX-License-Identifier: MIT
#include "engine/AgentRows.h"

namespace clev {

ApiWire::StatusAgent statusAgentOf(const AgentSummary &a, const std::optional<Watchdog::LiveView> &live)
{
    ApiWire::StatusAgent out;
    AgentRow &r = out.row;
    r.id = a.id;
    r.name = a.name;
    r.state = live ? live->state : agentStateFromName(a.state).value_or(AgentState::New);
    r.lastSeenMs = a.lastSeenAtMs;
    r.expectedIntervalSecs = live ? live->expectedIntervalMs / 1000.0 : 0;
    r.tokensToday = a.tokensToday;
    r.costTodayUsd = a.costTodayUsd;
    r.unpricedToday = a.unpricedToday;
    r.iterationCount = a.iterationCount;
    r.lastMessage = a.lastMessage;
    r.model = a.model;
    r.looping = a.looping;
    r.overBudget = a.overBudget;
    if (live) {
        r.dailyBudgetUsd = live->dailyBudgetUsd;
        r.budgetExhaustedAtMs = live->budgetExhaustedAtMs;
    }
    out.intervalSecs = a.intervalSecs;
    out.lastStatus = a.lastStatus;
    out.agentType = a.agentType;
    out.beats = a.beats;
    return out;
}

} // namespace clev
