// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentHistory.h"

#include <QList>
#include <QString>

#include <optional>

namespace clev {

class Database;

// The agents table's history (heartbeat strip, uptime over 24 h and 30 days, hourly cost over 24 h),
// for every agent in one read transaction of four indexed queries, whatever the number of agents: the
// last 31 beats of each agent (heartbeats_agent_time), the timeline of the last 30 days and the state
// before it (state_changes_agent_time), the hour rollups of the last 24 hours (usage_rollups_age).
// The rules are core's HistoryRules; the interval is the one the watchdog last expected
// (agents.expected_interval_s, or the one set by hand), the grace the one set by hand, else the interval
// (the built-in default: a grace from the configuration file is not stored).
class HistoryQueries
{
public:
    explicit HistoryQueries(const Database &db)
        : m_db(db)
    {
    }

    struct Page
    {
        QList<AgentHistory> agents; // by agent id
        qint64 total = 0;           // all agents
    };
    // The history at `nowMs` of `limit` agents by id from `offset` on (limit < 0: all); nullopt when the
    // store cannot be read (then `error` says why).
    std::optional<Page> history(qint64 nowMs, QString *error, int limit = -1, int offset = 0) const;

private:
    const Database &m_db;
};

} // namespace clev
