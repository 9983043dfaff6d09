// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentState.h"
#include "core/AlertKinds.h"
#include "core/Cause.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// The plain values about agents that cross the layers: storage reads them, the engine makes them, the
// API sends them, the remote client decodes them and the views show them. No behaviour beyond comparing.
namespace clev {

// One line of an agent's timeline.
struct TimelineEntry
{
    qint64 atMs = 0;
    QString from;
    QString to;
    QString cause;   // in English (englishText(causeData) when it has a kind)
    Cause causeData; // kind None for rows stored before causes had kinds
};

// One restart attempt of an agent (restarts table): when, through what, why, and how it went.
struct RestartRecord
{
    qint64 atMs = 0;
    QString target;  // docker:auto, docker:NAME, systemd:UNIT, process…
    QString trigger; // "died: …", "crashed: …", "asked by a person"
    bool ok = false;
    QString context; // what the target said: "container exited, exit 137, OOMKilled; last log lines: …"
    QString error;   // why it failed, when it did
};

// One agent's usage on one day (from the day rollups).
struct DailyCost
{
    QString agent;
    qint64 dayStartSecs = 0;
    double costUsd = 0;
    qint64 tokens = 0;
};

// One bucket of an agent's usage (from the minute, hour or day rollups).
struct UsagePoint
{
    qint64 bucketStartSecs = 0;
    double costUsd = 0;
    qint64 tokens = 0;
    qint64 beats = 0;
    // The tokens by kind (their sum may be below `tokens` when a beat reported only a total).
    qint64 inputTokens = 0, outputTokens = 0, cacheReadTokens = 0, cacheWriteTokens = 0;
};

// One model's usage over a window (from the model rollups): tokens by kind and cost.
struct ModelUsage
{
    QString model; // empty: beats that named no model
    qint64 beats = 0;
    qint64 inputTokens = 0, outputTokens = 0, cacheReadTokens = 0, cacheWriteTokens = 0;
    double costUsd = 0;
    bool operator==(const ModelUsage &o) const
    {
        return model == o.model && beats == o.beats && inputTokens == o.inputTokens && outputTokens == o.outputTokens &&
               cacheReadTokens == o.cacheReadTokens && cacheWriteTokens == o.cacheWriteTokens && costUsd == o.costUsd;
    }
};

// One stored heartbeat, as the agent's detail lists it.
struct BeatRecord
{
    qint64 receivedAtMs = 0;
    QString status;
    QString message;
    qint64 tokens = 0;
    std::optional<double> costUsd;
    QString model;
};

// What was set for one agent by hand; unset fields follow the defaults.
struct AgentSettings
{
    std::optional<double> intervalSecs;
    std::optional<double> graceSecs;
    std::optional<double> dailyBudgetUsd;
    std::optional<int> toolLoopRepeats; // the same tool call this many times in a row is a loop
    std::optional<qint64> iterationCap; // iteration_count above this is a loop
    QString restartTarget;              // docker:NAME, systemd:UNIT, systemd-user:UNIT; empty: none
    bool isEmpty() const
    {
        return !intervalSecs && !graceSecs && !dailyBudgetUsd && !toolLoopRepeats && !iterationCap &&
               restartTarget.isEmpty();
    }
    bool operator==(const AgentSettings &o) const
    {
        return intervalSecs == o.intervalSecs && graceSecs == o.graceSecs && dailyBudgetUsd == o.dailyBudgetUsd &&
               toolLoopRepeats == o.toolLoopRepeats && iterationCap == o.iterationCap &&
               restartTarget == o.restartTarget;
    }
    bool operator!=(const AgentSettings &o) const { return !(*this == o); }
};

// A stored incident: one open per (agent, kind) at most.
struct Incident
{
    qint64 id = 0;
    qint64 agentId = 0;
    QString agent;
    IncidentKind kind = IncidentKind::Dead;
    QString project; // ProjectBudget: the project whose budget it is
    qint64 openedAtMs = 0;
    qint64 resolvedAtMs = 0;
    qint64 ackedAtMs = 0;
    QString summary; // in English
    QString detail;
    int notifications = 0;
    qint64 silencedBy = 0;
    Cause summaryData; // summary and detail as data; kind None for rows stored before they had kinds
    Cause detailData;
};

// One stored line of an agent's timeline: a change of state, or an event that leaves the state as it is
// (a loop found or ended, a budget threshold crossed).
struct StateTransition
{
    enum class Event { State, LoopStarted, LoopEnded, Budget };
    qint64 agentId = 0;
    QString agent;
    AgentState from = AgentState::New;
    AgentState to = AgentState::New;
    QString cause; // in English: englishText(causeData), or text from elsewhere when that has no kind
    qint64 atMs = 0;
    Event event = Event::State;
    int budgetPercent = 0;
    bool budgetFirstOfDay = false; // the day's first threshold (a new budget period)
    QString project;               // for a project's budget event: whose budget it is
    QString lastMessage;           // the beat's message, when a beat caused it
    QString traceback;             // a crash report's traceback (custom_data.traceback), when one came
    Cause causeData;               // the cause as data
};

// One row of the status listing: the agent and its usage for the current local day.
struct AgentSummary
{
    qint64 id = 0;
    QString name;
    QString state;
    qint64 lastSeenAtMs = 0;
    std::optional<double> intervalSecs;
    std::optional<qint64> iterationCount;
    QString lastStatus;
    QString lastMessage;
    QString agentType;
    QString model;
    qint64 beats = 0;
    qint64 tokensToday = 0;
    double costTodayUsd = 0;
    qint64 unpricedToday = 0;
    bool looping = false;
    bool overBudget = false;
};

// One agent as the views show it.
struct AgentRow
{
    qint64 id = 0;
    QString name;
    AgentState state = AgentState::New;
    qint64 lastSeenMs = 0;
    double expectedIntervalSecs = 0;
    qint64 tokensToday = 0;
    double costTodayUsd = 0;
    qint64 unpricedToday = 0;
    std::optional<qint64> iterationCount;
    QString lastMessage;
    QString model;
    bool looping = false;
    bool overBudget = false;
    std::optional<double> dailyBudgetUsd;
    std::optional<qint64> budgetExhaustedAtMs; // the burn-rate forecast, when before the day ends
};

// Everything the detail panel shows of one agent, read in one go off the GUI thread.
struct AgentDetail
{
    qint64 agentId = 0;
    QList<TimelineEntry> timeline; // newest first
    QList<BeatRecord> beats;       // newest first
    QList<Incident> incidents;     // newest first
    QList<RestartRecord> restarts; // newest first
    AgentSettings settings;        // set by hand
    // Usage in the last hour (minute buckets), day (hour buckets) and 30 days (day buckets), oldest first,
    // each with the start of its window.
    QList<UsagePoint> hour, day, month;
    qint64 hourFromSecs = 0, dayFromSecs = 0, monthFromSecs = 0;
    // Usage by model over the last 24 hours and the last 30 days (hour and day model rollups), the
    // costliest first.
    QList<ModelUsage> dayModels, monthModels;
    // The last 24 hours' cost per iteration, when the beats reported iteration_count and it advanced:
    // cost of those beats / (highest - lowest iteration_count).
    std::optional<double> costPerIterationUsd;
};

} // namespace clev

Q_DECLARE_METATYPE(clev::StateTransition)
Q_DECLARE_METATYPE(clev::AgentRow)
Q_DECLARE_METATYPE(clev::Incident)
Q_DECLARE_METATYPE(clev::AgentDetail)
Q_DECLARE_METATYPE(clev::DailyCost)
