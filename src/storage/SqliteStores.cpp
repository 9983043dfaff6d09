// SPDX-License-Identifier: MIT
#include "storage/SqliteStores.h"

#include "core/Logging.h"
#include "storage/CauseColumns.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace clev {

namespace {

class SqliteTransaction final : public StoreTransaction
{
public:
    explicit SqliteTransaction(const Database &db)
        : m_tx(db)
    {
    }
    bool isOpen() const override { return m_tx.isOpen(); }
    bool commit() override { return m_tx.commit(); }
    QString error() const override { return m_tx.error(); }

private:
    WriteTransaction m_tx;
};

// A query that keeps the reason its prepare() failed (a missing table, a syntax error): exec() after a
// failed prepare() only says "Parameter count mismatch".
class Query : public QSqlQuery
{
public:
    explicit Query(const QSqlDatabase &db)
        : QSqlQuery(db)
    {
    }
    bool prepare(const QString &sql)
    {
        m_prepareError.clear();
        if (QSqlQuery::prepare(sql))
            return true;
        m_prepareError = lastError().text();
        if (m_prepareError.trimmed().isEmpty())
            m_prepareError = QStringLiteral("cannot prepare: ") + sql.left(80);
        return false;
    }
    bool exec() { return m_prepareError.isEmpty() && QSqlQuery::exec(); }
    bool exec(const QString &sql)
    {
        m_prepareError.clear();
        return QSqlQuery::exec(sql);
    }
    QString errorText() const
    {
        if (!m_prepareError.isEmpty())
            return m_prepareError;
        const QString text = lastError().text();
        return text.trimmed().isEmpty() ? QStringLiteral("the database gave no reason") : text;
    }

private:
    QString m_prepareError;
};

// Runs a prepared query; on failure sets `error` to the driver's reason.
bool run(Query &q, QString *error)
{
    if (q.exec())
        return true;
    if (error)
        *error = q.errorText();
    return false;
}

template <typename T> StoreResult<T> failed(const Query &q)
{
    return StoreResult<T>::failure(q.errorText());
}

// A stored incident kind; nullopt (with a warning) for one this version does not know (a newer version
// wrote it): that row is left out, never read as some other kind.
std::optional<IncidentKey> storedKind(const QString &text)
{
    auto key = IncidentKey::fromName(text);
    if (!key)
        qCWarning(lcStorage) << "an incident of unknown kind" << text << "is left out";
    return key;
}

} // namespace

std::unique_ptr<StoreTransaction> SqliteTransactions::begin() const
{
    return std::make_unique<SqliteTransaction>(m_db);
}

// --- incidents

StoreResult<QList<QPair<qint64, IncidentKind>>> SqliteIncidentStore::openErrorsAndDeaths() const
{
    Query q(m_db.connection());
    q.prepare(QStringLiteral("SELECT agent_id, kind FROM incidents WHERE resolved_at IS NULL AND kind IN (?, ?, ?)"));
    for (IncidentKind kind : {IncidentKind::Error, IncidentKind::Crash, IncidentKind::Dead})
        q.addBindValue(incidentKindName(kind));
    if (!q.exec())
        return failed<QList<QPair<qint64, IncidentKind>>>(q);
    QList<QPair<qint64, IncidentKind>> open;
    while (q.next()) {
        if (const auto kind = storedKind(q.value(1).toString()))
            open.append({q.value(0).toLongLong(), kind->kind});
    }
    return StoreResult<QList<QPair<qint64, IncidentKind>>>::of(open);
}

StoreResult<std::optional<OpenIncident>> SqliteIncidentStore::findOpen(qint64 agentId, const IncidentKey &kind) const
{
    Query q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, opened_at, summary, silenced_by FROM incidents WHERE agent_id = ? AND kind = "
                             "? AND resolved_at IS NULL"));
    q.addBindValue(agentId);
    q.addBindValue(kind.name());
    if (!q.exec())
        return failed<std::optional<OpenIncident>>(q);
    if (!q.next())
        return {};
    return StoreResult<std::optional<OpenIncident>>::of(
        OpenIncident{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), !q.value(3).isNull()});
}

StoreResult<qint64> SqliteIncidentStore::open(qint64 agentId, const IncidentKey &kind, qint64 atMs,
                                              const Cause &summary, const Cause &detail, qint64 silencedBy)
{
    Query q(m_db.connection());
    q.prepare(
        QStringLiteral("INSERT INTO incidents(agent_id, kind, opened_at, summary, detail, summary_kind, "
                       "summary_params, detail_kind, detail_params, silenced_by) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT(agent_id, kind) WHERE resolved_at IS NULL DO NOTHING"));
    q.addBindValue(agentId);
    q.addBindValue(kind.name());
    q.addBindValue(atMs);
    q.addBindValue(englishText(summary));
    q.addBindValue(englishText(detail));
    q.addBindValue(CauseColumns::kind(summary));
    q.addBindValue(CauseColumns::params(summary));
    q.addBindValue(CauseColumns::kind(detail));
    q.addBindValue(CauseColumns::params(detail));
    q.addBindValue(silencedBy > 0 ? QVariant(silencedBy) : QVariant());
    if (!q.exec())
        return failed<qint64>(q);
    if (q.numRowsAffected() == 0)
        return StoreResult<qint64>::of(0); // already open: one incident per (agent, kind)
    return StoreResult<qint64>::of(q.lastInsertId().toLongLong());
}

bool SqliteIncidentStore::setText(qint64 id, const Cause &summary, const Cause &detail, QString *error)
{
    Query u(m_db.connection());
    u.prepare(QStringLiteral("UPDATE incidents SET summary = ?, detail = ?, summary_kind = ?, summary_params = ?, "
                             "detail_kind = ?, detail_params = ? WHERE id = ?"));
    u.addBindValue(englishText(summary));
    u.addBindValue(englishText(detail));
    u.addBindValue(CauseColumns::kind(summary));
    u.addBindValue(CauseColumns::params(summary));
    u.addBindValue(CauseColumns::kind(detail));
    u.addBindValue(CauseColumns::params(detail));
    u.addBindValue(id);
    return run(u, error);
}

bool SqliteIncidentStore::resolve(qint64 id, qint64 atMs, QString *error)
{
    Query u(m_db.connection());
    u.prepare(QStringLiteral("UPDATE incidents SET resolved_at = ? WHERE id = ?"));
    u.addBindValue(atMs);
    u.addBindValue(id);
    return run(u, error);
}

bool SqliteIncidentStore::markNotified(qint64 id, qint64 atMs, QString *error)
{
    Query u(m_db.connection());
    u.prepare(QStringLiteral("UPDATE incidents SET notified_at = ?, notifications = notifications + 1 WHERE id = ?"));
    u.addBindValue(atMs);
    u.addBindValue(id);
    return run(u, error);
}

StoreResult<QList<Incident>> SqliteIncidentStore::dueForRepeat(qint64 notifiedBeforeMs) const
{
    Query q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT i.id, i.kind, a.name, i.summary, i.detail, i.opened_at, i.notifications FROM incidents i"
                       " JOIN agents a ON a.id = i.agent_id WHERE i.resolved_at IS NULL AND i.acked_at IS NULL"
                       " AND i.silenced_by IS NULL AND i.notified_at <= ?"));
    q.addBindValue(notifiedBeforeMs);
    if (!q.exec())
        return failed<QList<Incident>>(q);
    QList<Incident> due;
    while (q.next()) {
        const auto kind = storedKind(q.value(1).toString());
        if (!kind)
            continue;
        Incident i;
        i.id = q.value(0).toLongLong();
        i.kind = kind->kind;
        i.project = kind->project;
        i.agent = q.value(2).toString();
        i.summary = q.value(3).toString();
        i.detail = q.value(4).toString();
        i.openedAtMs = q.value(5).toLongLong();
        i.notifications = q.value(6).toInt();
        due.append(i);
    }
    return StoreResult<QList<Incident>>::of(due);
}

StoreResult<bool> SqliteIncidentStore::acknowledge(qint64 id, qint64 atMs)
{
    Query q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE incidents SET acked_at = ? WHERE id = ? AND acked_at IS NULL"));
    q.addBindValue(atMs);
    q.addBindValue(id);
    if (!q.exec())
        return failed<bool>(q);
    return StoreResult<bool>::of(q.numRowsAffected() > 0);
}

StoreResult<QList<Incident>> SqliteIncidentStore::history(const IncidentFilter &f) const
{
    QString sql = QStringLiteral(
        "SELECT i.id, i.agent_id, a.name, i.kind, i.opened_at, COALESCE(i.resolved_at, 0), COALESCE(i.acked_at, 0),"
        " i.summary, i.detail, i.notifications, COALESCE(i.silenced_by, 0), i.summary_kind, i.summary_params,"
        " i.detail_kind, i.detail_params FROM incidents i JOIN agents a ON a.id = i.agent_id WHERE i.opened_at >= ? "
        "AND i.opened_at < ?");
    // A name, or a wildcard such as "batch-*" (SQLite GLOB: * and ?).
    const bool wildcard = f.agent.contains(u'*') || f.agent.contains(u'?');
    if (!f.agent.isEmpty())
        sql += wildcard ? QStringLiteral(" AND a.name GLOB ?") : QStringLiteral(" AND a.name = ?");
    if (f.kind) // a project's budget is stored with the project: "project_budget:research"
        sql += *f.kind == IncidentKind::ProjectBudget ? QStringLiteral(" AND i.kind GLOB ?")
                                                      : QStringLiteral(" AND i.kind = ?");
    if (f.open == 1)
        sql += QStringLiteral(" AND i.resolved_at IS NULL");
    else if (f.open == 0)
        sql += QStringLiteral(" AND i.resolved_at IS NOT NULL");
    sql += QStringLiteral(" ORDER BY i.opened_at DESC, i.id DESC LIMIT ? OFFSET ?");
    Query q(m_db.connection());
    q.prepare(sql);
    q.addBindValue(f.fromMs);
    q.addBindValue(f.toMs);
    if (!f.agent.isEmpty())
        q.addBindValue(f.agent);
    if (f.kind)
        q.addBindValue(*f.kind == IncidentKind::ProjectBudget ? incidentKindName(*f.kind) + QStringLiteral(":*")
                                                              : incidentKindName(*f.kind));
    q.addBindValue(f.limit);
    q.addBindValue(f.offset);
    if (!q.exec())
        return failed<QList<Incident>>(q);
    QList<Incident> out;
    while (q.next()) {
        const auto kind = storedKind(q.value(3).toString());
        if (!kind)
            continue;
        Incident i;
        i.id = q.value(0).toLongLong();
        i.agentId = q.value(1).toLongLong();
        i.agent = q.value(2).toString();
        i.kind = kind->kind;
        i.project = kind->project;
        i.openedAtMs = q.value(4).toLongLong();
        i.resolvedAtMs = q.value(5).toLongLong();
        i.ackedAtMs = q.value(6).toLongLong();
        i.summary = q.value(7).toString();
        i.detail = q.value(8).toString();
        i.notifications = q.value(9).toInt();
        i.silencedBy = q.value(10).toLongLong();
        i.summaryData = CauseColumns::read(q.value(11), q.value(12));
        i.detailData = CauseColumns::read(q.value(13), q.value(14));
        out.append(i);
    }
    return StoreResult<QList<Incident>>::of(out);
}

// --- outbox

bool SqliteOutboxStore::add(const QList<OutboxEntry> &entries, QString *error)
{
    if (entries.isEmpty())
        return true;
    Query q(m_db.connection());
    q.prepare(
        QStringLiteral("INSERT INTO outbox(incident_id, channel, payload, idempotency_key, created_at, next_attempt_at)"
                       " VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING"));
    for (const OutboxEntry &e : entries) {
        q.addBindValue(e.incidentId);
        q.addBindValue(e.channel);
        q.addBindValue(QString::fromUtf8(e.payload));
        q.addBindValue(e.idempotencyKey);
        q.addBindValue(e.createdAtMs);
        q.addBindValue(e.nextAttemptAtMs);
        if (!run(q, error))
            return false;
    }
    return true;
}

StoreResult<QList<OutboxEntry>> SqliteOutboxStore::due(qint64 nowMs, qint64 limit) const
{
    Query q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT id, channel, payload, attempts FROM outbox"
                       " WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?"));
    q.addBindValue(nowMs);
    q.addBindValue(limit);
    if (!q.exec())
        return failed<QList<OutboxEntry>>(q);
    QList<OutboxEntry> rows;
    while (q.next()) {
        OutboxEntry e;
        e.id = q.value(0).toLongLong();
        e.channel = q.value(1).toString();
        e.payload = q.value(2).toByteArray();
        e.attempts = q.value(3).toInt();
        rows.append(e);
    }
    return StoreResult<QList<OutboxEntry>>::of(rows);
}

StoreResult<QList<QPair<qint64, qint64>>> SqliteOutboxStore::pending(int limit) const
{
    Query q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, next_attempt_at FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL "
                               "ORDER BY next_attempt_at LIMIT %1")
                    .arg(limit)))
        return failed<QList<QPair<qint64, qint64>>>(q);
    QList<QPair<qint64, qint64>> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return StoreResult<QList<QPair<qint64, qint64>>>::of(rows);
}

StoreResult<QString> SqliteOutboxStore::channelOf(qint64 id) const
{
    Query c(m_db.connection());
    c.prepare(QStringLiteral("SELECT channel FROM outbox WHERE id = ?"));
    c.addBindValue(id);
    if (!c.exec())
        return failed<QString>(c);
    return StoreResult<QString>::of(c.next() ? c.value(0).toString() : QString());
}

StoreResult<std::optional<QList<Delivery>>> SqliteOutboxStore::forIncident(qint64 incidentId) const
{
    // The incident joined with its rows: no row at all means no such incident, one with a NULL channel an
    // incident that notified nobody.
    Query q(m_db.connection());
    q.prepare(QStringLiteral("SELECT o.channel, o.created_at, o.sent_at, o.failed_at, o.next_attempt_at, o.attempts,"
                             " o.last_error FROM incidents i LEFT JOIN outbox o ON o.incident_id = i.id"
                             " WHERE i.id = ? ORDER BY o.id"));
    q.addBindValue(incidentId);
    if (!q.exec())
        return failed<std::optional<QList<Delivery>>>(q);
    std::optional<QList<Delivery>> out;
    while (q.next()) {
        if (!out)
            out.emplace();
        if (q.value(0).isNull())
            continue;
        Delivery d;
        d.channel = q.value(0).toString();
        d.createdAtMs = q.value(1).toLongLong();
        d.sentAtMs = q.value(2).toLongLong();
        d.failedAtMs = q.value(3).toLongLong();
        d.nextAttemptAtMs = q.value(4).toLongLong();
        d.attempts = q.value(5).toInt();
        d.lastError = q.value(6).toString();
        out->append(d);
    }
    if (q.lastError().isValid())
        return failed<std::optional<QList<Delivery>>>(q);
    return StoreResult<std::optional<QList<Delivery>>>::of(out);
}

bool SqliteOutboxStore::markSent(qint64 id, qint64 atMs, int attempts, QString *error)
{
    Query q(m_db.connection());
    if (attempts < 0) {
        q.prepare(QStringLiteral("UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ?"));
        q.addBindValue(atMs);
        q.addBindValue(id);
    } else {
        q.prepare(QStringLiteral("UPDATE outbox SET sent_at = ?, attempts = ?, last_error = NULL WHERE id = ?"));
        q.addBindValue(atMs);
        q.addBindValue(attempts);
        q.addBindValue(id);
    }
    return run(q, error);
}

bool SqliteOutboxStore::markFailed(qint64 id, qint64 atMs, int attempts, const QString &lastError, QString *error)
{
    Query q(m_db.connection());
    if (attempts < 0) {
        q.prepare(QStringLiteral("UPDATE outbox SET failed_at = ?, last_error = ? WHERE id = ?"));
        q.addBindValue(atMs);
        q.addBindValue(lastError);
        q.addBindValue(id);
    } else {
        q.prepare(QStringLiteral("UPDATE outbox SET failed_at = ?, attempts = ?, last_error = ? WHERE id = ?"));
        q.addBindValue(atMs);
        q.addBindValue(attempts);
        q.addBindValue(lastError);
        q.addBindValue(id);
    }
    return run(q, error);
}

bool SqliteOutboxStore::scheduleRetry(qint64 id, int attempts, qint64 nextAttemptAtMs, const QString &lastError,
                                      QString *error)
{
    Query q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?"));
    q.addBindValue(attempts);
    q.addBindValue(nextAttemptAtMs);
    q.addBindValue(lastError);
    q.addBindValue(id);
    return run(q, error);
}

// --- silences

StoreResult<QList<Silence>> SqliteSilenceStore::active(qint64 nowMs, Order order) const
{
    Query q(m_db.connection());
    q.prepare(order == Order::ById
                  ? QStringLiteral("SELECT id, pattern, until_at, comment FROM silences WHERE until_at > ? ORDER BY id")
                  : QStringLiteral(
                        "SELECT id, pattern, until_at, comment FROM silences WHERE until_at > ? ORDER BY until_at"));
    q.addBindValue(nowMs);
    if (!q.exec())
        return failed<QList<Silence>>(q);
    QList<Silence> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString()});
    return StoreResult<QList<Silence>>::of(out);
}

StoreResult<qint64> SqliteSilenceStore::add(const QString &pattern, qint64 untilMs, const QString &comment,
                                            qint64 createdAtMs)
{
    Query q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO silences(pattern, until_at, comment, created_at) VALUES(?, ?, ?, ?)"));
    q.addBindValue(pattern);
    q.addBindValue(untilMs);
    q.addBindValue(comment);
    q.addBindValue(createdAtMs);
    if (!q.exec())
        return failed<qint64>(q);
    return StoreResult<qint64>::of(q.lastInsertId().toLongLong());
}

// --- restarts

bool SqliteRestartStore::record(const RestartAttempt &a, QString *error)
{
    WriteTransaction tx(m_db);
    QStringList problems;
    if (!tx.isOpen())
        problems << QStringLiteral("the transaction: ") + tx.error();
    Query q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO restarts(agent_id, at, target, trigger, ok, context, error) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(a.agentId);
    q.addBindValue(a.atMs);
    q.addBindValue(a.target);
    q.addBindValue(a.trigger);
    q.addBindValue(a.ok ? 1 : 0);
    q.addBindValue(a.context.isNull() ? QStringLiteral("") : a.context); // a null QString would bind NULL
    q.addBindValue(a.error.isEmpty() ? QVariant() : QVariant(a.error));
    if (tx.isOpen() && !q.exec()) // as before the stores: no attempt row outside a transaction
        problems << QStringLiteral("the attempt: ") + q.errorText();
    // The agent's timeline gets the attempt too, its state unchanged.
    q.prepare(QStringLiteral("INSERT INTO state_changes(agent_id, at, from_state, to_state, cause, cause_kind, "
                             "cause_params) SELECT id, ?, state, state, ?, ?, ? FROM agents WHERE id = ?"));
    q.addBindValue(a.atMs);
    q.addBindValue(a.timelineCause);
    q.addBindValue(CauseColumns::kind(a.timelineCauseData));
    q.addBindValue(CauseColumns::params(a.timelineCauseData));
    q.addBindValue(a.agentId);
    if (!q.exec())
        problems << QStringLiteral("the timeline line: ") + q.errorText();
    q.finish();
    if (tx.isOpen() && !tx.commit())
        problems << QStringLiteral("the commit: ") + tx.error();
    if (problems.isEmpty())
        return true;
    if (error)
        *error = problems.join(QStringLiteral("; "));
    return false;
}

} // namespace clev
