// SPDX-License-Identifier: MIT
#include "core/Notification.h"

namespace clev {

QString Notification::actionName() const
{
    switch (action) {
    case Action::Trigger:
        return QStringLiteral("trigger");
    case Action::Update:
        return QStringLiteral("update");
    case Action::Repeat:
        return QStringLiteral("repeat");
    case Action::Resolve:
        return QStringLiteral("resolve");
    case Action::Test:
        return QStringLiteral("test");
    }
    return QStringLiteral("trigger");
}

QString Notification::kindName() const
{
    return action == Action::Test ? QStringLiteral("test") : IncidentKey{kind, project}.name();
}

QString Notification::severity() const
{
    if (action == Action::Resolve || action == Action::Test)
        return QStringLiteral("info");
    switch (kind) {
    case IncidentKind::Dead:
    case IncidentKind::Crash:
    case IncidentKind::RestartFailed:
        return QStringLiteral("critical");
    case IncidentKind::Error:
        return QStringLiteral("error");
    case IncidentKind::Loop:
    case IncidentKind::Budget:
    case IncidentKind::ProjectBudget:
    case IncidentKind::Flapping:
        return QStringLiteral("warning");
    }
    return QStringLiteral("warning");
}

QJsonObject Notification::toJson() const
{
    return QJsonObject{{QStringLiteral("action"), actionName()},
                       {QStringLiteral("kind"), kindName()},
                       {QStringLiteral("agent"), agent},
                       {QStringLiteral("incident_id"), incidentId},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("detail"), detail},
                       {QStringLiteral("since"), sinceMs},
                       {QStringLiteral("at"), atMs},
                       {QStringLiteral("last_message"), lastMessage},
                       {QStringLiteral("action_taken"), actionTaken},
                       {QStringLiteral("idempotency_key"), idempotencyKey}};
}

std::optional<Notification> Notification::fromJson(const QJsonObject &o)
{
    Notification n;
    const QString action = o.value(QLatin1String("action")).toString();
    n.action = action == u"resolve"  ? Action::Resolve
               : action == u"update" ? Action::Update
               : action == u"repeat" ? Action::Repeat
               : action == u"test"   ? Action::Test
                                     : Action::Trigger;
    if (n.action != Action::Test) {
        const auto key = IncidentKey::fromName(o.value(QLatin1String("kind")).toString());
        if (!key)
            return std::nullopt;
        n.kind = key->kind;
        n.project = key->project;
    }
    n.agent = o.value(QLatin1String("agent")).toString();
    n.incidentId = o.value(QLatin1String("incident_id")).toInteger();
    n.summary = o.value(QLatin1String("summary")).toString();
    n.detail = o.value(QLatin1String("detail")).toString();
    n.sinceMs = o.value(QLatin1String("since")).toInteger();
    n.atMs = o.value(QLatin1String("at")).toInteger();
    n.lastMessage = o.value(QLatin1String("last_message")).toString();
    n.actionTaken = o.value(QLatin1String("action_taken")).toString();
    n.idempotencyKey = o.value(QLatin1String("idempotency_key")).toString();
    return n;
}

} // namespace clev
