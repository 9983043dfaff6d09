// SPDX-License-Identifier: MIT
#pragma once

#include "core/AlertRecords.h"
#include "storage/StoreResult.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace clev {

// The notification outbox: what is to be delivered through which channel, and how each delivery went.
// Writes take part in the caller's transaction; every failure comes back with its reason.
class OutboxStore
{
public:
    virtual ~OutboxStore() = default;

    // Queues notifications (a key queued already is left as it is); stops at the first that fails.
    virtual bool add(const QList<OutboxEntry> &entries, QString *error) = 0;
    // Pending rows due at `nowMs`, oldest first, at most `limit` (id, incident, channel, payload, attempts).
    virtual StoreResult<QList<OutboxEntry>> due(qint64 nowMs, qint64 limit) const = 0;
    // (id, next attempt) of pending rows, soonest first, at most `limit`.
    virtual StoreResult<QList<QPair<qint64, qint64>>> pending(int limit) const = 0;
    // The channel of a row ("" when there is no such row).
    virtual StoreResult<QString> channelOf(qint64 id) const = 0;
    // The deliveries of one incident, in the order they were queued; nullopt when there is no such incident.
    virtual StoreResult<std::optional<QList<Delivery>>> forIncident(qint64 incidentId) const = 0;
    // Delivered: with the number of attempts it took, or (attempts < 0) only the mark of a delivery whose
    // first mark could not be stored.
    virtual bool markSent(qint64 id, qint64 atMs, int attempts, QString *error) = 0;
    // Given up: with the number of attempts, or (attempts < 0) without counting one (its channel is gone).
    virtual bool markFailed(qint64 id, qint64 atMs, int attempts, const QString &lastError, QString *error) = 0;
    virtual bool scheduleRetry(qint64 id, int attempts, qint64 nextAttemptAtMs, const QString &lastError,
                               QString *error) = 0;
};

} // namespace clev
