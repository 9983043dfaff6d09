// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace clev {

class Database;

// Read-only queries over agents, run on the calling thread's connection (WAL: readers never block the
// writer).
class AgentQueries
{
public:
    explicit AgentQueries(const Database &db)
        : m_db(db)
    {
    }

    struct Page
    {
        QList<AgentSummary> agents;
        qint64 total = 0;
    };
    // Agents ordered by name; `todayStartSecs` selects the day rollup.
    // `ids`: only these agents (unknown ids are left out); `total` still counts all agents.
    std::optional<Page> list(int limit, int offset, qint64 todayStartSecs, QString *error,
                             const QList<qint64> &ids = {}) const;
    // Number of agents per state, for /metrics.
    std::optional<QList<QPair<QString, qint64>>> countByState(QString *error) const;
    // Whether an agent of this name exists (strict mode).
    bool exists(const QString &name) const;
    // The id of the agent of this name, or 0: none, or the database failed (then `error` says why, and
    // it is logged).
    qint64 idOf(const QString &name, QString *error = nullptr) const;
    // The name of the agent with this id, or empty.
    QString nameOf(qint64 agentId) const;
    // The container the agent's beats named last (container_id); "" when none, or on a read error
    // (then `error` says why).
    QString containerOf(const QString &name, QString *error = nullptr) const;
    // The agent's timeline, newest first (state changes, loop and budget events, restarts).
    QList<TimelineEntry> timeline(qint64 agentId, int limit, QString *error = nullptr) const;
    // The agent's restart attempts, newest first.
    QList<RestartRecord> restarts(qint64 agentId, int limit, QString *error = nullptr) const;
    // Cost and tokens per agent per day from `fromDaySecs` on (day rollups only: cheap at any volume).
    QList<DailyCost> dailyCosts(qint64 fromDaySecs, QString *error = nullptr) const
    {
        return costs(86400, fromDaySecs, error);
    }
    // The same in buckets of `granularitySecs` (3600 or 86400); `dayStartSecs` holds each bucket's start.
    QList<DailyCost> costs(int granularitySecs, qint64 fromSecs, QString *error = nullptr) const;
    // One page of that, by agent name: the buckets of `limit` agents from `offset` on, and `total` agents
    // with usage in the range.
    QList<DailyCost> costs(int granularitySecs, qint64 fromSecs, int limit, int offset, int *total,
                           QString *error = nullptr) const;
    // The agent's usage in buckets of `granularitySecs` (60, 3600 or 86400) from `fromSecs` on, oldest first.
    QList<UsagePoint> usage(qint64 agentId, int granularitySecs, qint64 fromSecs, QString *error = nullptr) const;
    // The agent's usage by model from `fromSecs` on (model rollups of `granularitySecs`, 3600 or 86400),
    // summed per model, the costliest first.
    QList<ModelUsage> modelUsage(qint64 agentId, int granularitySecs, qint64 fromSecs, QString *error = nullptr) const;
    // Cost per iteration of the raw beats that occurred from `fromMs` on and reported iteration_count: their
    // cost / (highest - lowest iteration_count); nullopt when the count did not advance.
    std::optional<double> costPerIteration(qint64 agentId, qint64 fromMs, QString *error = nullptr) const;
    // The agent's last `limit` heartbeats, newest first.
    QList<BeatRecord> recentBeats(qint64 agentId, int limit, QString *error = nullptr) const;
    // What was set for the agent by hand (empty when nothing was).
    // No row: the defaults. A failed read sets *error (when given) and answers the defaults.
    AgentSettings settings(qint64 agentId, QString *error = nullptr) const;
    // Every agent's settings, for the watchdog at start-up.
    QHash<qint64, AgentSettings> allSettings(QString *error = nullptr) const;
    // Stores (or, when empty, removes) the agent's settings.
    bool setSettings(qint64 agentId, const AgentSettings &settings, qint64 nowMs, QString *error);
    // Registers an agent ahead of its first beat (strict mode). Returns false if it already existed.
    bool add(const QString &name, qint64 nowMs, QString *error);

private:
    const Database &m_db;
};

} // namespace clev
