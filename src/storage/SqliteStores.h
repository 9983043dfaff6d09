// SPDX-License-Identifier: MIT
#pragma once

#include "storage/IncidentStore.h"
#include "storage/OutboxStore.h"
#include "storage/RestartStore.h"
#include "storage/SilenceStore.h"
#include "storage/StoreResult.h"

namespace clev {

class Database;

// The SQLite implementations of the store interfaces, on the calling thread's connection of one
// Database. Transactions are WriteTransactions (nested ones are savepoints).
class SqliteTransactions final : public StoreTransactions
{
public:
    explicit SqliteTransactions(const Database &db)
        : m_db(db)
    {
    }
    std::unique_ptr<StoreTransaction> begin() const override;

private:
    const Database &m_db;
};

class SqliteIncidentStore final : public IncidentStore
{
public:
    explicit SqliteIncidentStore(const Database &db)
        : m_db(db)
    {
    }
    StoreResult<QList<QPair<qint64, IncidentKind>>> openErrorsAndDeaths() const override;
    StoreResult<std::optional<OpenIncident>> findOpen(qint64 agentId, const IncidentKey &kind) const override;
    StoreResult<qint64> open(qint64 agentId, const IncidentKey &kind, qint64 atMs, const Cause &summary,
                             const Cause &detail, qint64 silencedBy) override;
    bool setText(qint64 id, const Cause &summary, const Cause &detail, QString *error) override;
    bool resolve(qint64 id, qint64 atMs, QString *error) override;
    bool markNotified(qint64 id, qint64 atMs, QString *error) override;
    StoreResult<QList<Incident>> dueForRepeat(qint64 notifiedBeforeMs) const override;
    StoreResult<bool> acknowledge(qint64 id, qint64 atMs) override;
    StoreResult<QList<Incident>> history(const IncidentFilter &filter) const override;

private:
    const Database &m_db;
};

class SqliteOutboxStore final : public OutboxStore
{
public:
    explicit SqliteOutboxStore(const Database &db)
        : m_db(db)
    {
    }
    bool add(const QList<OutboxEntry> &entries, QString *error) override;
    StoreResult<QList<OutboxEntry>> due(qint64 nowMs, qint64 limit) const override;
    StoreResult<QList<QPair<qint64, qint64>>> pending(int limit) const override;
    StoreResult<QString> channelOf(qint64 id) const override;
    StoreResult<std::optional<QList<Delivery>>> forIncident(qint64 incidentId) const override;
    bool markSent(qint64 id, qint64 atMs, int attempts, QString *error) override;
    bool markFailed(qint64 id, qint64 atMs, int attempts, const QString &lastError, QString *error) override;
    bool scheduleRetry(qint64 id, int attempts, qint64 nextAttemptAtMs, const QString &lastError,
                       QString *error) override;

private:
    const Database &m_db;
};

class SqliteSilenceStore final : public SilenceStore
{
public:
    explicit SqliteSilenceStore(const Database &db)
        : m_db(db)
    {
    }
    StoreResult<QList<Silence>> active(qint64 nowMs, Order order) const override;
    StoreResult<qint64> add(const QString &pattern, qint64 untilMs, const QString &comment,
                            qint64 createdAtMs) override;

private:
    const Database &m_db;
};

class SqliteRestartStore final : public RestartStore
{
public:
    explicit SqliteRestartStore(const Database &db)
        : m_db(db)
    {
    }
    bool record(const RestartAttempt &attempt, QString *error) override;

private:
    const Database &m_db;
};

// All of them on one database, for the engine to borrow.
struct SqliteStores
{
    explicit SqliteStores(const Database &db)
        : transactions(db)
        , incidents(db)
        , outbox(db)
        , silences(db)
        , restarts(db)
    {
    }
    SqliteTransactions transactions;
    SqliteIncidentStore incidents;
    SqliteOutboxStore outbox;
    SqliteSilenceStore silences;
    SqliteRestartStore restarts;
};

} // namespace clev
