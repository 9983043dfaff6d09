// SPDX-License-Identifier: MIT
#include "engine/LocalQueries.h"

#include "storage/AgentQueries.h"
#include "storage/HistoryQueries.h"
#include "storage/KeyStore.h"

namespace clev {

std::optional<QList<AgentSummary>> LocalQueries::agents(qint64 todayStartSecs, QString *error) const
{
    const auto page = AgentQueries(m_db).list(1'000'000, 0, todayStartSecs, error);
    if (!page)
        return std::nullopt;
    return page->agents;
}

QList<TimelineEntry> LocalQueries::timeline(qint64 agentId, int limit) const
{
    return AgentQueries(m_db).timeline(agentId, limit);
}

QList<BeatRecord> LocalQueries::recentBeats(qint64 agentId, int limit) const
{
    return AgentQueries(m_db).recentBeats(agentId, limit);
}

QList<RestartRecord> LocalQueries::restarts(qint64 agentId, int limit) const
{
    return AgentQueries(m_db).restarts(agentId, limit);
}

AgentSettings LocalQueries::settings(qint64 agentId) const
{
    return AgentQueries(m_db).settings(agentId);
}

QList<UsagePoint> LocalQueries::usage(qint64 agentId, int granularitySecs, qint64 fromSecs) const
{
    return AgentQueries(m_db).usage(agentId, granularitySecs, fromSecs);
}

QList<ModelUsage> LocalQueries::modelUsage(qint64 agentId, int granularitySecs, qint64 fromSecs) const
{
    return AgentQueries(m_db).modelUsage(agentId, granularitySecs, fromSecs);
}

std::optional<double> LocalQueries::costPerIteration(qint64 agentId, qint64 fromMs) const
{
    return AgentQueries(m_db).costPerIteration(agentId, fromMs);
}

QList<DailyCost> LocalQueries::dailyCosts(qint64 fromDaySecs) const
{
    return AgentQueries(m_db).dailyCosts(fromDaySecs);
}

std::optional<QList<AgentHistory>> LocalQueries::history(qint64 nowMs, QString *error) const
{
    auto page = HistoryQueries(m_db).history(nowMs, error);
    if (!page)
        return std::nullopt;
    return std::move(page->agents);
}

QList<StoredKey> LocalQueries::keys(QString *error) const
{
    return KeyStore(m_db).list(error);
}

std::optional<CreatedKey> LocalQueries::createKey(const QString &name, ApiKey::Scopes scopes, qint64 nowMs,
                                                  QString *error) const
{
    return KeyStore(m_db).create(name, scopes, 0, nowMs, error);
}

int LocalQueries::revokeKey(const QString &prefix, qint64 nowMs, QString *error) const
{
    return KeyStore(m_db).revoke(prefix, nowMs, error);
}

} // namespace clev
