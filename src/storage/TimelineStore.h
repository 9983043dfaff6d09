// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/AgentState.h"
#include "core/Heartbeat.h"

#include <QString>

#include <optional>
#include <vector>

namespace clev {

class Database;

// What the watchdog kept of one agent when it last ran, with what the storage writer recorded of its
// last beat since.
struct StoredAgentState
{
    qint64 id = 0;
    QString name;
    AgentState state = AgentState::New;
    qint64 lastBeatMs = 0;                    // 0: never beat
    std::optional<qint64> sentIntervalMs;     // the last beat's `interval`
    std::optional<qint64> expectedIntervalMs; // the interval in force when the watchdog last stored it
    bool looping = false;
    double costTodayUsd = 0; // spent in the local day that starts at the `dayStartSecs` asked for
    QString lastMessage;
    BeatStatus lastStatus = BeatStatus::Ok;
    qint64 pausedUntilMs = 0; // 0: not paused; max() until resumed
    QString pauseComment;
    qint64 lastChangeAtMs = 0; // the newest stored state change, 0 when none
};

// The watchdog's flags of one agent, stored beside its timeline.
struct AgentFlags
{
    qint64 agentId = 0;
    AgentState state = AgentState::New;
    bool looping = false;
    bool overBudget = false;
    double expectedIntervalSecs = 0;
    bool pauseChanged = false; // the pause fields below are stored only then
    qint64 pausedUntilMs = 0;  // 0: not paused
    QString pauseComment;
};

// Where the watchdog keeps each agent's timeline of state changes and its state flags. The watchdog
// writes through it only (no SQL of its own), so another backend can implement it. Thread-safe: the
// implementation serialises its writers.
class TimelineStore
{
public:
    virtual ~TimelineStore() = default;
    // Every agent as stored. False (and `error`) when it cannot be read.
    virtual bool loadAgents(qint64 dayStartSecs, std::vector<StoredAgentState> *agents, QString *error) const = 0;
    // Appends the transitions to the timeline and stores the flags, all or nothing. False (and `error`)
    // when nothing was stored: the caller keeps them and tries again.
    virtual bool append(const std::vector<StateTransition> &transitions, const std::vector<AgentFlags> &flags,
                        QString *error) = 0;
};

// The timeline in the SQLite database (tables state_changes and agents).
class SqliteTimelineStore final : public TimelineStore
{
public:
    explicit SqliteTimelineStore(const Database &db);

    bool loadAgents(qint64 dayStartSecs, std::vector<StoredAgentState> *agents, QString *error) const override;
    bool append(const std::vector<StateTransition> &transitions, const std::vector<AgentFlags> &flags,
                QString *error) override;

private:
    const Database &m_db;
};

} // namespace clev
