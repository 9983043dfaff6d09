// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/AlertKinds.h"
#include "core/AlertRecords.h"
#include "storage/StoreResult.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace clev {

// The incidents: at most one open per (agent, kind). Writes take part in the caller's transaction
// (StoreTransactions::begin()); every failure comes back with its reason. The kinds are stored by their
// names (IncidentKey::name()); a stored row whose kind this version does not know is left out of what is
// read, with a warning.
class IncidentStore
{
public:
    virtual ~IncidentStore() = default;

    // (agent id, kind) of the open incidents of kind error, crash or dead.
    virtual StoreResult<QList<QPair<qint64, IncidentKind>>> openErrorsAndDeaths() const = 0;
    // The open incident of the agent and kind; an empty optional when none is open.
    virtual StoreResult<std::optional<OpenIncident>> findOpen(qint64 agentId, const IncidentKey &kind) const = 0;
    // Opens an incident (silenced by `silencedBy` when not 0): its id, or 0 when one of (agent, kind) was
    // open already.
    virtual StoreResult<qint64> open(qint64 agentId, const IncidentKey &kind, qint64 atMs, const Cause &summary,
                                     const Cause &detail, qint64 silencedBy) = 0;
    virtual bool setText(qint64 id, const Cause &summary, const Cause &detail, QString *error) = 0;
    virtual bool resolve(qint64 id, qint64 atMs, QString *error) = 0;
    // Counts one more notification, sent at `atMs`.
    virtual bool markNotified(qint64 id, qint64 atMs, QString *error) = 0;
    // Open, unacknowledged, unsilenced incidents last notified at or before `notifiedBeforeMs` (agent name,
    // summary, detail, opened and notifications filled in).
    virtual StoreResult<QList<Incident>> dueForRepeat(qint64 notifiedBeforeMs) const = 0;
    // Acknowledges an unacknowledged incident: false (ok) when there is none of that id.
    virtual StoreResult<bool> acknowledge(qint64 id, qint64 atMs) = 0;
    // Newest first. A filter on ProjectBudget lists the budget incidents of every project.
    virtual StoreResult<QList<Incident>> history(const IncidentFilter &filter) const = 0;
};

} // namespace clev
