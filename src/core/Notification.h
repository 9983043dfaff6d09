// SPDX-License-Identifier: MIT
#pragma once

#include "core/AlertKinds.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace clev {

// What the alert engine tells people, independent of the channel that carries it. Stored as JSON in the
// outbox; each channel renders it in its own format when it sends.
struct Notification
{
    enum class Action { Trigger, Update, Repeat, Resolve, Test };

    Action action = Action::Trigger;
    IncidentKind kind = IncidentKind::Dead; // not used by a test
    QString project;                        // ProjectBudget: the project whose budget it is
    QString agent;
    qint64 incidentId = 0;
    QString summary;     // one line: "Agent 'crawler' is dead"
    QString detail;      // why: "no beat for 2 min (expected every 60 s)"
    qint64 sinceMs = 0;  // when the incident opened
    qint64 atMs = 0;     // when this notification was made
    QString lastMessage; // the agent's last message or crash text
    QString actionTaken; // what ClevAgent did about it
    QString idempotencyKey;

    bool isResolve() const { return action == Action::Resolve; }
    QString actionName() const;
    // The kind as notices show it and the JSON carries it: "dead", "project_budget:research", "test".
    QString kindName() const;
    // "critical" for dead/crash, "error", "warning", or "info" for resolved and tests.
    QString severity() const;

    QJsonObject toJson() const;
    // nullopt when its kind is none this version knows.
    static std::optional<Notification> fromJson(const QJsonObject &o);
};

} // namespace clev
