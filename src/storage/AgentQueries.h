#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace clev {

class Database;

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

// One line of an agent's timeline.
struct TimelineEntry
{
    qint64 atMs = 0;
    QString from;
    QString to;
    QString cause;
};

// One agent's usage on one day (from the day rollups).
struct DailyCost
{
    QString agent;
    qint64 dayStartSecs = 0;
    double costUsd = 0;
    qint64 tokens = 0;
};

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
    std::optional<Page> list(int limit, int offset, qint64 todayStartSecs, QString *error) const;
    // Number of agents per state, for /metrics.
    std::optional<QList<QPair<QString, qint64>>> countByState(QString *error) const;
    // Whether an agent of this name exists (strict mode).
    bool exists(const QString &name) const;
    // The id of the agent of this name, or 0.
    qint64 idOf(const QString &name) const;
    // The agent's timeline, newest first (state changes, loop and budget events, restarts).
    QList<TimelineEntry> timeline(qint64 agentId, int limit, QString *error = nullptr) const;
    // Cost and tokens per agent per day from `fromDaySecs` on (day rollups only: cheap at any volume).
    QList<DailyCost> dailyCosts(qint64 fromDaySecs, QString *error = nullptr) const;
    // Registers an agent ahead of its first beat (strict mode). Returns false if it already existed.
    bool add(const QString &name, qint64 nowMs, QString *error);

private:
    const Database &m_db;
};

} // namespace clev
