// SPDX-License-Identifier: MIT
#pragma once

#include "core/AlertKinds.h"
#include "core/Cause.h"

#include <QByteArray>
#include <QString>

#include <limits>
#include <optional>

// The plain values of alerting that cross the layers: the engine makes and reads them, the stores keep
// them, the API and the views filter by them. No behaviour.
namespace clev {

// Which incidents a history lists.
struct IncidentFilter
{
    QString agent;                    // a name, or a wildcard with * and ?
    std::optional<IncidentKind> kind; // any when empty
    int open = -1;                    // -1 all, 1 open only, 0 resolved only
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max();
    int limit = 100;
    int offset = 0;
};

// The open incident of one agent and kind, as the alert engine needs it to update or resolve it.
struct OpenIncident
{
    qint64 id = 0;
    qint64 openedAtMs = 0;
    QString summary;
    bool silenced = false;
};

// A silence: notifications for agents matching `pattern` are muted until `untilMs` (still recorded).
struct Silence
{
    qint64 id = 0;
    QString pattern; // a name, or a wildcard such as "batch-*"
    qint64 untilMs = 0;
    QString comment;
};

// One notification to one channel, as queued in the outbox for the dispatcher.
struct OutboxEntry
{
    qint64 id = 0; // 0 until stored
    qint64 incidentId = 0;
    QString channel;
    QByteArray payload; // the notification's JSON
    QString idempotencyKey;
    qint64 createdAtMs = 0;
    qint64 nextAttemptAtMs = 0;
    int attempts = 0;
};

// How one notification of an incident went to one channel (the outbox row), as the alerts view shows it.
struct Delivery
{
    QString channel;
    qint64 createdAtMs = 0;
    qint64 sentAtMs = 0;        // 0: not delivered (yet)
    qint64 failedAtMs = 0;      // 0: not given up
    qint64 nextAttemptAtMs = 0; // while pending
    int attempts = 0;
    QString lastError;
    bool operator==(const Delivery &o) const
    {
        return channel == o.channel && createdAtMs == o.createdAtMs && sentAtMs == o.sentAtMs &&
               failedAtMs == o.failedAtMs && nextAttemptAtMs == o.nextAttemptAtMs && attempts == o.attempts &&
               lastError == o.lastError;
    }
};

// One restart attempt to store with the agent's timeline line about it.
struct RestartAttempt
{
    qint64 agentId = 0;
    qint64 atMs = 0;
    QString target;
    QString trigger;
    bool ok = false;
    QString context;       // stored as "" when empty, never NULL
    QString error;         // stored as NULL when empty
    QString timelineCause; // the cause of the timeline line ("restart: …")
    Cause timelineCauseData;
};

} // namespace clev
