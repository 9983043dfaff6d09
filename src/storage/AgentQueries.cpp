// SPDX-License-Identifier: MIT
#include "storage/AgentQueries.h"

#include "storage/CauseColumns.h"

#include "core/Logging.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace clev {

std::optional<AgentQueries::Page> AgentQueries::list(int limit, int offset, qint64 todayStartSecs, QString *error,
                                                     const QList<qint64> &ids) const
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
    // The ids as one JSON array: one bound value however many (older SQLite builds allow 999).
    const QString only = ids.isEmpty() ? QString() : QStringLiteral(" WHERE a.id IN (SELECT value FROM json_each(?))");
    q.prepare(
        QStringLiteral(
            "SELECT a.id, a.name, a.state, a.last_seen_at, a.interval_s, a.iteration_count, a.last_status,"
            " a.last_message, a.agent_type, a.model, a.beats, COALESCE(r.tokens_used, 0), COALESCE(r.cost_usd, 0),"
            " COALESCE(r.unpriced_beats, 0), a.looping, a.over_budget"
            " FROM agents a LEFT JOIN usage_rollups r"
            "  ON r.agent_id = a.id AND r.granularity = 86400 AND r.bucket_start = ?"
            "%1 ORDER BY a.name LIMIT ? OFFSET ?")
            .arg(only));
    q.addBindValue(todayStartSecs);
    if (!ids.isEmpty()) {
        QStringList list;
        list.reserve(ids.size());
        for (const qint64 id : ids)
            list.append(QString::number(id));
        q.addBindValue(QStringLiteral("[%1]").arg(list.join(u',')));
    }
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
    q.prepare(
        QStringLiteral("SELECT at, from_state, to_state, cause, cause_kind, cause_params FROM state_changes WHERE "
                       "agent_id = ? ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(agentId);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    CauseColumns::read(q.value(4), q.value(5))});
    return out;
}

QList<RestartRecord> AgentQueries::restarts(qint64 agentId, int limit, QString *error) const
{
    QList<RestartRecord> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT at, target, trigger, ok, context, error FROM restarts WHERE agent_id = ? ORDER BY "
                             "at DESC, id DESC LIMIT ?"));
    q.addBindValue(agentId);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt() != 0,
                    q.value(4).toString(), q.value(5).toString()});
    return out;
}

QList<DailyCost> AgentQueries::costs(int granularitySecs, qint64 fromDaySecs, QString *error) const
{
    QList<DailyCost> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT a.name, r.bucket_start, r.cost_usd, r.tokens_used FROM usage_rollups r JOIN "
                             "agents a ON a.id = r.agent_id"
                             " WHERE r.granularity = ? AND r.bucket_start >= ? ORDER BY r.bucket_start, a.name"));
    q.addBindValue(granularitySecs);
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

QList<DailyCost> AgentQueries::costs(int granularitySecs, qint64 fromSecs, int limit, int offset, int *total,
                                     QString *error) const
{
    QList<DailyCost> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT COUNT(DISTINCT agent_id) FROM usage_rollups WHERE granularity = ? AND bucket_start >= ?"));
    q.addBindValue(granularitySecs);
    q.addBindValue(fromSecs);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    *total = q.value(0).toInt();
    q.prepare(QStringLiteral("WITH page AS (SELECT a.id, a.name FROM agents a WHERE EXISTS (SELECT 1 FROM "
                             "usage_rollups r WHERE r.agent_id = a.id"
                             " AND r.granularity = ? AND r.bucket_start >= ?) ORDER BY a.name LIMIT ? OFFSET ?)"
                             " SELECT p.name, r.bucket_start, r.cost_usd, r.tokens_used FROM page p JOIN usage_rollups "
                             "r ON r.agent_id = p.id"
                             " WHERE r.granularity = ? AND r.bucket_start >= ? ORDER BY r.bucket_start, p.name"));
    q.addBindValue(granularitySecs);
    q.addBindValue(fromSecs);
    q.addBindValue(limit);
    q.addBindValue(offset);
    q.addBindValue(granularitySecs);
    q.addBindValue(fromSecs);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toDouble(), q.value(3).toLongLong()});
    if (q.lastError().isValid() && error)
        *error = q.lastError().text();
    return out;
}

qint64 AgentQueries::idOf(const QString &name, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM agents WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        qCWarning(lcStorage) << "cannot look an agent up:" << q.lastError().text();
        if (error)
            *error = QStringLiteral("cannot read the agents: %1").arg(q.lastError().text());
        return 0;
    }
    if (!q.next()) {
        if (q.lastError().isValid()) { // a damaged page shows when the row is stepped to
            qCWarning(lcStorage) << "cannot look an agent up:" << q.lastError().text();
            if (error)
                *error = QStringLiteral("cannot read the agents: %1").arg(q.lastError().text());
        }
        return 0;
    }
    return q.value(0).toLongLong();
}

QString AgentQueries::nameOf(qint64 agentId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT name FROM agents WHERE id = ?"));
    q.addBindValue(agentId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString AgentQueries::containerOf(const QString &name, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT container_id FROM agents WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return QString();
    }
    return q.next() ? q.value(0).toString() : QString();
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

namespace {

QVariant optionalValue(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
}

std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

template <typename T> QVariant optionalInt(const std::optional<T> &v)
{
    return v ? QVariant(qint64(*v)) : QVariant();
}

const QString SettingsColumns =
    QStringLiteral("interval_s, grace_s, daily_budget_usd, tool_loop_repeats, iteration_cap, restart_target");

// The settings in columns `first`… of the row.
AgentSettings settingsAt(const QSqlQuery &q, int first)
{
    AgentSettings s;
    s.intervalSecs = optionalDouble(q.value(first));
    s.graceSecs = optionalDouble(q.value(first + 1));
    s.dailyBudgetUsd = optionalDouble(q.value(first + 2));
    if (!q.value(first + 3).isNull())
        s.toolLoopRepeats = q.value(first + 3).toInt();
    if (!q.value(first + 4).isNull())
        s.iterationCap = q.value(first + 4).toLongLong();
    s.restartTarget = q.value(first + 5).toString();
    return s;
}

} // namespace

QList<UsagePoint> AgentQueries::usage(qint64 agentId, int granularitySecs, qint64 fromSecs, QString *error) const
{
    QList<UsagePoint> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT bucket_start, cost_usd, tokens_used, beats, input_tokens, output_tokens,"
                             " cache_read_tokens, cache_write_tokens FROM usage_rollups"
                             " WHERE agent_id = ? AND granularity = ? AND bucket_start >= ? ORDER BY bucket_start"));
    q.addBindValue(agentId);
    q.addBindValue(granularitySecs);
    q.addBindValue(fromSecs);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        UsagePoint p;
        p.bucketStartSecs = q.value(0).toLongLong();
        p.costUsd = q.value(1).toDouble();
        p.tokens = q.value(2).toLongLong();
        p.beats = q.value(3).toLongLong();
        p.inputTokens = q.value(4).toLongLong();
        p.outputTokens = q.value(5).toLongLong();
        p.cacheReadTokens = q.value(6).toLongLong();
        p.cacheWriteTokens = q.value(7).toLongLong();
        out.append(p);
    }
    return out;
}

QList<ModelUsage> AgentQueries::modelUsage(qint64 agentId, int granularitySecs, qint64 fromSecs, QString *error) const
{
    QList<ModelUsage> out;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT model, SUM(beats), SUM(input_tokens), SUM(output_tokens), SUM(cache_read_tokens),"
                             " SUM(cache_write_tokens), SUM(cost_usd) FROM model_rollups"
                             " WHERE agent_id = ? AND granularity = ? AND bucket_start >= ?"
                             " GROUP BY model ORDER BY SUM(cost_usd) DESC, model"));
    q.addBindValue(agentId);
    q.addBindValue(granularitySecs);
    q.addBindValue(fromSecs);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        ModelUsage m;
        m.model = q.value(0).toString();
        m.beats = q.value(1).toLongLong();
        m.inputTokens = q.value(2).toLongLong();
        m.outputTokens = q.value(3).toLongLong();
        m.cacheReadTokens = q.value(4).toLongLong();
        m.cacheWriteTokens = q.value(5).toLongLong();
        m.costUsd = q.value(6).toDouble();
        out.append(m);
    }
    return out;
}

std::optional<double> AgentQueries::costPerIteration(qint64 agentId, qint64 fromMs, QString *error) const
{
    QSqlQuery q(m_db.connection());
    // The (agent_id, occurred_at) index serves it.
    q.prepare(
        QStringLiteral("SELECT SUM(COALESCE(cost_usd, 0)), MAX(iteration_count) - MIN(iteration_count)"
                       " FROM heartbeats WHERE agent_id = ? AND occurred_at >= ? AND iteration_count IS NOT NULL"));
    q.addBindValue(agentId);
    q.addBindValue(fromMs);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    const qint64 iterations = q.value(1).toLongLong();
    if (q.value(1).isNull() || iterations <= 0)
        return std::nullopt;
    return q.value(0).toDouble() / double(iterations);
}

QList<BeatRecord> AgentQueries::recentBeats(qint64 agentId, int limit, QString *error) const
{
    QList<BeatRecord> out;
    QSqlQuery q(m_db.connection());
    // Newest first by arrival: the (agent_id, occurred_at) index serves it.
    q.prepare(QStringLiteral("SELECT received_at, status, message, tokens_used, cost_usd, model FROM heartbeats"
                             " WHERE agent_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?"));
    q.addBindValue(agentId);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                    optionalDouble(q.value(4)), q.value(5).toString()});
    return out;
}

AgentSettings AgentQueries::settings(qint64 agentId, QString *error) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM agent_settings WHERE agent_id = ?").arg(SettingsColumns));
    q.addBindValue(agentId);
    if (!q.exec()) {
        qCWarning(lcStorage) << "cannot read the settings of agent" << agentId << ":" << q.lastError().text();
        if (error)
            *error = q.lastError().text();
        return {};
    }
    if (!q.next())
        return {};
    return settingsAt(q, 0);
}

QHash<qint64, AgentSettings> AgentQueries::allSettings(QString *error) const
{
    QHash<qint64, AgentSettings> out;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT agent_id, %1 FROM agent_settings").arg(SettingsColumns))) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toLongLong(),
                   settingsAt(q, 1)); // every column (the loop thresholds were lost at start-up)
    return out;
}

bool AgentQueries::setSettings(qint64 agentId, const AgentSettings &settings, qint64 nowMs, QString *error)
{
    WriteTransaction tx(m_db);
    if (!tx.isOpen()) {
        *error = tx.error();
        return false;
    }
    QSqlQuery q(m_db.connection());
    if (settings.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM agent_settings WHERE agent_id = ?"));
        q.addBindValue(agentId);
    } else {
        q.prepare(
            QStringLiteral(
                "INSERT INTO agent_settings(agent_id, %1, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(agent_id) DO UPDATE SET interval_s = excluded.interval_s, grace_s = excluded.grace_s,"
                " daily_budget_usd = excluded.daily_budget_usd, tool_loop_repeats = excluded.tool_loop_repeats,"
                " iteration_cap = excluded.iteration_cap, restart_target = excluded.restart_target,"
                " updated_at = excluded.updated_at")
                .arg(SettingsColumns));
        q.addBindValue(agentId);
        q.addBindValue(optionalValue(settings.intervalSecs));
        q.addBindValue(optionalValue(settings.graceSecs));
        q.addBindValue(optionalValue(settings.dailyBudgetUsd));
        q.addBindValue(optionalInt(settings.toolLoopRepeats));
        q.addBindValue(optionalInt(settings.iterationCap));
        q.addBindValue(settings.restartTarget.isEmpty() ? QVariant() : QVariant(settings.restartTarget));
        q.addBindValue(nowMs);
    }
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    q.finish();
    if (!tx.commit()) {
        *error = tx.error();
        return false;
    }
    return true;
}

} // namespace clev
