// SPDX-License-Identifier: MIT
#include "storage/HistoryQueries.h"

#include "storage/Database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace clev {

namespace {

constexpr qint64 DayMs = 86'400'000;

// What one agent's history is computed from.
struct Inputs
{
    qint64 createdAtMs = 0;
    AgentState current = AgentState::New;
    qint64 intervalMs = 0;
    qint64 graceMs = 0;
    std::optional<AgentState> before; // the state when the 30 days began
    QList<HistoryRules::BeatMark> beats;
    QList<HistoryRules::StateMark> changes;
};

bool fail(QSqlQuery &q, QString *error)
{
    *error = q.lastError().text();
    return false;
}

// The agents of the page (by id), their interval, grace and the state before `fromMs`.
bool readAgents(QSqlQuery &q, qint64 fromMs, int limit, int offset, QList<qint64> *order, QHash<qint64, Inputs> *in,
                QString *error)
{
    q.prepare(QStringLiteral(
        "SELECT a.id, a.created_at, a.state, COALESCE(s.interval_s, a.expected_interval_s, a.interval_s), s.grace_s,"
        " (SELECT c.to_state FROM state_changes c WHERE c.agent_id = a.id AND c.at < ?"
        "   ORDER BY c.at DESC, c.id DESC LIMIT 1)"
        " FROM agents a LEFT JOIN agent_settings s ON s.agent_id = a.id ORDER BY a.id LIMIT ? OFFSET ?"));
    q.addBindValue(fromMs);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return fail(q, error);
    while (q.next()) {
        Inputs i;
        const qint64 id = q.value(0).toLongLong();
        i.createdAtMs = q.value(1).toLongLong();
        i.current = agentStateFromName(q.value(2).toString()).value_or(AgentState::New);
        i.intervalMs = q.value(3).isNull() ? 0 : qRound64(q.value(3).toDouble() * 1000);
        i.graceMs = q.value(4).isNull() ? i.intervalMs : qRound64(q.value(4).toDouble() * 1000);
        if (!q.value(5).isNull())
            i.before = agentStateFromName(q.value(5).toString());
        order->append(id);
        in->insert(id, std::move(i));
    }
    return true;
}

// The last StripSlots + 1 beats of each agent from `firstId` to `lastId` (one range scan of the index per
// agent; a few more when beats share the time of the oldest). CROSS JOIN keeps the agents outside:
// SQLite would otherwise scan the beats and run the subquery for each of them (ten times slower).
bool readBeats(QSqlQuery &q, qint64 firstId, qint64 lastId, QHash<qint64, Inputs> *in, QString *error)
{
    q.prepare(
        QStringLiteral("SELECT a.id, h.received_at, (h.status = 'error') + 2 * (h.status = 'shutdown')"
                       " FROM agents a CROSS JOIN heartbeats h ON h.agent_id = a.id"
                       " AND h.occurred_at >= COALESCE((SELECT x.occurred_at FROM heartbeats x WHERE x.agent_id = a.id"
                       "   ORDER BY x.occurred_at DESC LIMIT 1 OFFSET ?), -9223372036854775807)"
                       " WHERE a.id BETWEEN ? AND ?"));
    q.addBindValue(HistoryRules::StripSlots);
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    if (!q.exec())
        return fail(q, error);
    while (q.next()) {
        auto it = in->find(q.value(0).toLongLong());
        if (it == in->end())
            continue;
        const int kind = q.value(2).toInt(); // 1 error, 2 shutdown: no text per beat
        it->beats.append({q.value(1).toLongLong(), kind == 1, kind == 2});
    }
    for (Inputs &i : *in)
        std::sort(i.beats.begin(), i.beats.end(), [](const auto &a, const auto &b) { return a.atMs < b.atMs; });
    return true;
}

bool readChanges(QSqlQuery &q, qint64 fromMs, qint64 firstId, qint64 lastId, QHash<qint64, Inputs> *in, QString *error)
{
    q.prepare(QStringLiteral("SELECT a.id, c.at, c.from_state, c.to_state FROM agents a JOIN state_changes c"
                             " ON c.agent_id = a.id AND c.at >= ? WHERE a.id BETWEEN ? AND ? AND c.from_state <> "
                             "c.to_state ORDER BY a.id, c.at, c.id"));
    q.addBindValue(fromMs);
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    if (!q.exec())
        return fail(q, error);
    while (q.next()) {
        auto it = in->find(q.value(0).toLongLong());
        const auto from = agentStateFromName(q.value(2).toString());
        const auto to = agentStateFromName(q.value(3).toString());
        if (it != in->end() && from && to)
            it->changes.append({q.value(1).toLongLong(), *from, *to});
    }
    return true;
}

bool readCosts(QSqlQuery &q, qint64 fromSecs, qint64 firstId, qint64 lastId, QHash<qint64, AgentHistory *> *out,
               QString *error)
{
    q.prepare(QStringLiteral("SELECT agent_id, bucket_start, cost_usd FROM usage_rollups"
                             " WHERE granularity = 3600 AND bucket_start >= ? AND agent_id BETWEEN ? AND ?"));
    q.addBindValue(fromSecs);
    q.addBindValue(firstId);
    q.addBindValue(lastId);
    if (!q.exec())
        return fail(q, error);
    while (q.next()) {
        AgentHistory *h = out->value(q.value(0).toLongLong());
        const qint64 hour = (q.value(1).toLongLong() - fromSecs) / 3600;
        if (h && hour >= 0 && hour < HistoryRules::CostHours)
            h->cost24h[hour] += static_cast<float>(q.value(2).toDouble());
    }
    return true;
}

AgentHistory historyOf(qint64 id, const Inputs &i, qint64 nowMs)
{
    AgentHistory h;
    h.agentId = id;
    const bool expecting = i.current != AgentState::Paused && i.current != AgentState::Stopped;
    h.strip = HistoryRules::strip(i.beats, i.intervalMs, i.graceMs, nowMs, expecting);
    h.uptime30d = HistoryRules::uptime(i.before, i.changes, i.current, i.createdAtMs, nowMs - 30 * DayMs, nowMs);
    h.uptime24h = HistoryRules::uptime(i.before, i.changes, i.current, i.createdAtMs, nowMs - DayMs, nowMs);
    h.cost24h = QList<float>(HistoryRules::CostHours, 0.0f);
    return h;
}

} // namespace

std::optional<HistoryQueries::Page> HistoryQueries::history(qint64 nowMs, QString *error, int limit, int offset) const
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery q(db);
    q.setForwardOnly(true);          // no cache of the rows read (hundreds of thousands of beats)
    q.exec(QStringLiteral("BEGIN")); // one read transaction: every part from the same moment
    const auto rollback = [&db] {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return std::nullopt;
    };
    Page page;
    if (!q.exec(QStringLiteral("SELECT count(*) FROM agents")) || !q.next()) {
        fail(q, error);
        return rollback();
    }
    page.total = q.value(0).toLongLong();
    const qint64 fromMs = nowMs - 30 * DayMs;
    QList<qint64> order;
    QHash<qint64, Inputs> in;
    if (!readAgents(q, fromMs, limit, offset, &order, &in, error))
        return rollback();
    if (!order.isEmpty()) {
        const qint64 firstId = order.first(), lastId = order.last();
        if (!readBeats(q, firstId, lastId, &in, error) || !readChanges(q, fromMs, firstId, lastId, &in, error))
            return rollback();
        page.agents.reserve(order.size());
        QHash<qint64, AgentHistory *> byId;
        byId.reserve(order.size());
        for (const qint64 id : std::as_const(order))
            page.agents.append(historyOf(id, in.value(id), nowMs));
        for (AgentHistory &h : page.agents)
            byId.insert(h.agentId, &h);
        const qint64 fromSecs = (nowMs / 1000 / 3600 - (HistoryRules::CostHours - 1)) * 3600;
        if (!readCosts(q, fromSecs, firstId, lastId, &byId, error))
            return rollback();
    }
    q.finish();
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
    return page;
}

} // namespace clev
