// SPDX-License-Identifier: MIT
#pragma once

#include "core/AlertRecords.h"
#include "storage/StoreResult.h"

#include <QList>
#include <QString>

namespace clev {

// Silences: patterns of agents whose notifications are muted for a while.
class SilenceStore
{
public:
    virtual ~SilenceStore() = default;

    enum class Order { ById, ByEnd };
    // The silences still in force at `nowMs`: by id (the first match mutes), or soonest ending first.
    virtual StoreResult<QList<Silence>> active(qint64 nowMs, Order order) const = 0;
    // Stores a silence made at `createdAtMs`: its id.
    virtual StoreResult<qint64> add(const QString &pattern, qint64 untilMs, const QString &comment,
                                    qint64 createdAtMs) = 0;
};

} // namespace clev
