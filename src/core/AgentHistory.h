// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentState.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace clev {

// One slot of an agent's heartbeat strip.
enum class BeatSlot : char {
    None = 0,   // before the agent's first beat
    OnTime = 1, // a beat within the interval (and its slack)
    Late = 2,   // a beat after the late deadline
    Missed = 3, // no beat where one was due (the agent was dead in between)
    Error = 4,  // a beat with status error
};

// An agent's recent history, as the agents table shows it: computed from the stored beats, timeline
// and hourly rollups (HistoryQueries), never per snapshot.
struct AgentHistory
{
    qint64 agentId = 0;
    QByteArray strip;      // one BeatSlot per byte, oldest first (HistoryRules::StripSlots long)
    double uptime24h = -1; // percent of the counted time the agent was up; -1: unknown
    double uptime30d = -1;
    QList<float> cost24h; // hourly cost in USD, the 24 hours up to now, oldest first
    bool operator==(const AgentHistory &o) const
    {
        return agentId == o.agentId && strip == o.strip && uptime24h == o.uptime24h && uptime30d == o.uptime30d &&
               cost24h == o.cost24h;
    }
};

// The pure rules that turn stored beats and state changes into a strip and an uptime
// (tests/core/TestHistoryRules.cpp holds their tables).
namespace HistoryRules {

constexpr int StripSlots = 30;
constexpr int CostHours = 24;

struct BeatMark
{
    qint64 atMs = 0; // when it was received (what the watchdog judges lateness by)
    bool error = false;
    bool shutdown = false; // a "shutdown" beat: no beat is due after it
};

// The last `slots` slots of the beats (oldest first). Each gap between two beats is judged with the
// watchdog's deadlines (AgentRules::deadlinesAfter): before the late deadline the beat is on time,
// before the dead deadline it is late, past it the agent was dead: floor(gap / interval) - 1 slots (at
// least one) are missed and the beat that ended it is late. An error beat is an error slot whatever
// its timing. After the last beat, when `expecting` (the agent is not paused or stopped) and it is now
// past the dead deadline, floor((now - last) / interval) slots are missed. intervalMs <= 0: unknown,
// every beat is on time (or error). Slots before the first beat are None.
QByteArray strip(const QList<BeatMark> &beatsOldestFirst, qint64 intervalMs, qint64 graceMs, qint64 nowMs,
                 bool expecting, int slots = StripSlots);
int count(const QByteArray &strip, BeatSlot slot);

// Whether time in `state` counts as up (healthy, warning, late), down (dead, error) or not at all
// (new, paused, stopped: the agent was not expected to run).
enum class Uptime { Up, Down, Excluded };
Uptime uptimeOf(AgentState state);

struct StateMark
{
    qint64 atMs = 0;
    AgentState from = AgentState::New;
    AgentState to = AgentState::New;
};
// The percentage of the counted time in [fromMs, nowMs] the agent was up, or -1 when no time counted.
// Time before `sinceMs` (the first beat) does not count. `before`: the state before the first of
// `changes` (oldest first; changes before fromMs only set the state); nullopt: the first change's
// `from`, or `current` when there is none.
double uptime(std::optional<AgentState> before, const QList<StateMark> &changes, AgentState current, qint64 sinceMs,
              qint64 fromMs, qint64 nowMs);

// The strip on the wire: one character per slot, '.' none, 'o' on time, 'l' late, 'm' missed, 'e' error.
QString stripText(const QByteArray &strip);
QByteArray stripFromText(const QString &text);

} // namespace HistoryRules
} // namespace clev

Q_DECLARE_METATYPE(clev::AgentHistory)
