#include "storage/AgentQueries.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace clev {

std::optional<AgentQueries::Page> AgentQueries::list(int limit, int offset, qint64 todayStartSecs,
                                                     QString *error) const
{
    QSqlDatabase db = m_db.connection();
    // Both reads in one read transaction, so `total` and the page agree.
    QSqlQuery q(db);
    q.exec(QStringLiteral("BEGIN"));
    Page page;
    if (!q.exec(QStringLiteral("SELECT count(*) FROM agents")) || !q.next()) {
        *error = q.lastError().text();
        q.exec(QStringLiteral("ROLLBACK"));
        return std::nullopt;
    }
    page.total = q.value(0).toLongLong();
    q.prepare(QStringLiteral(
        "SELECT a.id, a.name, a.state, a.last_seen_at, a.interval_s, a.iteration_count, a.last_status,"
        " a.last_message, a.agent_type, a.model, a.beats, COALESCE(r.tokens_used, 0), COALESCE(r.cost_usd, 0),"
        " COALESCE(r.unpriced_beats, 0), a.looping, a.over_budget"
        " FROM agents a LEFT JOIN usage_rollups r"
        "  ON r.agent_id = a.id AND r.granularity = 86400 AND r.bucket_start = ?"
        " ORDER BY a.name LIMIT ? OFFSET ?"));
    q.addBindValue(todayStartSecs);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        *error = q.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return std::nullopt;
    }
    while (q.next()) {
        AgentSummary a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.state = q.value(2).toString();
        a.lastSeenAtMs = q.value(3).toLongLong();
        if (!q.value(4).isNull())
            a.intervalSecs = q.value(4).toDouble();
        if (!q.value(5).isNull())
            a.iterationCount = q.value(5).toLongLong();
        a.lastStatus = q.value(6).toString();
        a.lastMessage = q.value(7).toString();
        a.agentType = q.value(8).toString();
        a.model = q.value(9).toString();
        a.beats = q.value(10).toLongLong();
        a.tokensToday = q.value(11).toLongLong();
        a.costTodayUsd = q.value(12).toDouble();
        a.unpricedToday = q.value(13).toLongLong();
        a.looping = q.value(14).toBool();
        a.overBudget = q.value(15).toBool();
        page.agents.append(a);
    }
    q.finish();
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
    return page;
}

std::optional<QList<QPair<QString, qint64>>> AgentQueries::countByState(QString *error) const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT state, count(*) FROM agents GROUP BY state ORDER BY state"))) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    QList<QPair<QString, qint64>> counts;
    while (q.next())
        counts.append({q.value(0).toString(), q.value(1).toLongLong()});
    return counts;
}

bool AgentQueries::exists(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM agents WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

QList<TimelineEntry> AgentQueries::timeline(qint64 agentId, int limit, QString *error) const
{
    QList<TimelineEntry> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT at, from_state, to_state, cause FROM state_changes WHERE agent_id = ? ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(agentId);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return out;
}

QList<DailyCost> AgentQueries::dailyCosts(qint64 fromDaySecs, QString *error) const
{
    QList<DailyCost> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT a.name, r.bucket_start, r.cost_usd, r.tokens_used FROM usage_rollups r JOIN agents a ON a.id = r.agent_id"
                             " WHERE r.granularity = 86400 AND r.bucket_start >= ? ORDER BY r.bucket_start, a.name"));
    q.addBindValue(fromDaySecs);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toDouble(), q.value(3).toLongLong()});
    return out;
}

qint64 AgentQueries::idOf(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM agents WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool AgentQueries::add(const QString &name, qint64 nowMs, QString *error)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO agents(name, created_at) VALUES(?, ?) ON CONFLICT(name) DO NOTHING"));
    q.addBindValue(name);
    q.addBindValue(nowMs);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    const bool added = q.numRowsAffected() > 0;
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return added;
}

} // namespace clev
