// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentHistory.h"
#include "core/AgentRecords.h"
#include "core/ApiKey.h"

#include <QList>
#include <QString>

#include <optional>

namespace clev {

class Database;

// What the desktop's embedded engine reads for its views, and its API key administration, on the
// calling thread's connection: the widgets reach the store only through this (and MonitorSource), never
// through storage classes. Each call answers exactly as the storage query it forwards to.
class LocalQueries
{
public:
    explicit LocalQueries(const Database &db)
        : m_db(db)
    {
    }

    // Every agent, by name, with its usage of the day that starts at `todayStartSecs`.
    std::optional<QList<AgentSummary>> agents(qint64 todayStartSecs, QString *error) const;
    QList<TimelineEntry> timeline(qint64 agentId, int limit) const;
    QList<BeatRecord> recentBeats(qint64 agentId, int limit) const;
    QList<RestartRecord> restarts(qint64 agentId, int limit) const;
    AgentSettings settings(qint64 agentId) const;
    QList<UsagePoint> usage(qint64 agentId, int granularitySecs, qint64 fromSecs) const;
    QList<ModelUsage> modelUsage(qint64 agentId, int granularitySecs, qint64 fromSecs) const;
    std::optional<double> costPerIteration(qint64 agentId, qint64 fromMs) const;
    QList<DailyCost> dailyCosts(qint64 fromDaySecs) const;
    // Every agent's strip, uptimes and hourly cost at `nowMs` (HistoryQueries).
    std::optional<QList<AgentHistory>> history(qint64 nowMs, QString *error) const;

    QList<StoredKey> keys(QString *error = nullptr) const;
    std::optional<CreatedKey> createKey(const QString &name, ApiKey::Scopes scopes, qint64 nowMs, QString *error) const;
    // Revokes by lookup prefix: how many keys were revoked.
    int revokeKey(const QString &prefix, qint64 nowMs, QString *error) const;

private:
    const Database &m_db;
};

} // namespace clev
