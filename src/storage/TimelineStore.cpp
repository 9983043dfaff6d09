// SPDX-License-Identifier: MIT
#include "storage/TimelineStore.h"

#include "storage/CauseColumns.h"

#include "core/AgentRules.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace clev {

SqliteTimelineStore::SqliteTimelineStore(const Database &db)
    : m_db(db)
{
}

bool SqliteTimelineStore::loadAgents(qint64 dayStartSecs, std::vector<StoredAgentState> *agents, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT a.id, a.name, a.state, a.last_seen_at, a.interval_s, a.expected_interval_s, a.looping,"
                       " COALESCE(r.cost_usd, 0), a.last_message, a.paused_until, a.pause_comment, a.last_status,"
                       " (SELECT MAX(s.at) FROM state_changes s WHERE s.agent_id = a.id) FROM "
                       "agents a LEFT JOIN usage_rollups r"
                       " ON r.agent_id = a.id AND r.granularity = 86400 AND r.bucket_start = ?"));
    q.addBindValue(dayStartSecs);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        StoredAgentState a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.state = agentStateFromName(q.value(2).toString()).value_or(AgentState::New);
        a.lastBeatMs = q.value(3).toLongLong();
        if (!q.value(4).isNull())
            a.sentIntervalMs = qRound64(q.value(4).toDouble() * 1000);
        if (!q.value(5).isNull())
            a.expectedIntervalMs = qRound64(q.value(5).toDouble() * 1000);
        a.looping = q.value(6).toBool();
        a.costTodayUsd = q.value(7).toDouble();
        a.lastMessage = q.value(8).toString();
        a.pausedUntilMs = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
        a.pauseComment = q.value(10).toString();
        a.lastStatus = AgentRules::beatStatusFromName(q.value(11).toString()).value_or(BeatStatus::Ok);
        a.lastChangeAtMs = q.value(12).toLongLong();
        agents->push_back(std::move(a));
    }
    return true;
}

bool SqliteTimelineStore::append(const std::vector<StateTransition> &transitions, const std::vector<AgentFlags> &flags,
                                 QString *error)
{
    if (transitions.empty() && flags.empty())
        return true;
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    QString failed; // the first statement's error (a later prepare() clears the query's)
    const auto run = [&q, &failed] {
        if (!failed.isEmpty())
            return;
        if (!q.exec())
            failed = q.lastError().text().isEmpty() ? QStringLiteral("statement failed") : q.lastError().text();
    };
    if (!tx.isOpen())
        failed = tx.error().isEmpty() ? QStringLiteral("cannot begin a transaction") : tx.error();
    q.prepare(
        QStringLiteral("INSERT INTO state_changes(agent_id, at, from_state, to_state, cause, cause_kind, cause_params)"
                       " VALUES(?, ?, ?, ?, ?, ?, ?)"));
    for (const StateTransition &t : transitions) {
        q.addBindValue(t.agentId);
        q.addBindValue(t.atMs);
        q.addBindValue(agentStateName(t.from));
        q.addBindValue(agentStateName(t.to));
        q.addBindValue(t.cause);
        q.addBindValue(CauseColumns::kind(t.causeData));
        q.addBindValue(CauseColumns::params(t.causeData));
        run();
    }
    q.prepare(QStringLiteral(
        "UPDATE agents SET state = ?, looping = ?, over_budget = ?, expected_interval_s = ? WHERE id = ?"));
    for (const AgentFlags &f : flags) {
        q.addBindValue(agentStateName(f.state));
        q.addBindValue(f.looping ? 1 : 0);
        q.addBindValue(f.overBudget ? 1 : 0);
        q.addBindValue(f.expectedIntervalSecs);
        q.addBindValue(f.agentId);
        run();
    }
    q.prepare(QStringLiteral("UPDATE agents SET paused_until = ?, pause_comment = ? WHERE id = ?"));
    for (const AgentFlags &f : flags) {
        if (!f.pauseChanged)
            continue;
        q.addBindValue(f.pausedUntilMs > 0 ? QVariant(f.pausedUntilMs) : QVariant());
        q.addBindValue(f.pauseComment.isEmpty() ? QVariant() : QVariant(f.pauseComment));
        q.addBindValue(f.agentId);
        run();
    }
    q.finish();
    if (failed.isEmpty() && tx.commit())
        return true;
    *error = failed.isEmpty() ? tx.error() : failed;
    if (error->isEmpty())
        *error = QStringLiteral("cannot commit the timeline");
    return false;
}

} // namespace clev
