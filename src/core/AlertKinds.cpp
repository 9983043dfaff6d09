// SPDX-License-Identifier: MIT
#include "core/AlertKinds.h"

#include <QStringList>

namespace clev {

QString incidentKindName(IncidentKind kind)
{
    switch (kind) {
    case IncidentKind::Dead:
        return QStringLiteral("dead");
    case IncidentKind::Error:
        return QStringLiteral("error");
    case IncidentKind::Crash:
        return QStringLiteral("crash");
    case IncidentKind::Loop:
        return QStringLiteral("loop");
    case IncidentKind::Budget:
        return QStringLiteral("budget");
    case IncidentKind::ProjectBudget:
        return QStringLiteral("project_budget");
    case IncidentKind::RestartFailed:
        return QStringLiteral("restart_failed");
    case IncidentKind::Flapping:
        return QStringLiteral("flapping");
    }
    return QString();
}

std::optional<IncidentKind> incidentKindFromName(QStringView name)
{
    for (IncidentKind kind : allIncidentKinds) {
        if (incidentKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString incidentKindNames(const QList<IncidentKind> &kinds)
{
    QStringList names;
    for (IncidentKind kind : kinds)
        names << incidentKindName(kind);
    return names.join(QStringLiteral(", "));
}

QString IncidentKey::name() const
{
    if (kind == IncidentKind::ProjectBudget)
        return incidentKindName(kind) + u':' + project;
    return incidentKindName(kind);
}

std::optional<IncidentKey> IncidentKey::fromName(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    const auto kind = incidentKindFromName(colon < 0 ? text : text.left(colon));
    if (!kind)
        return std::nullopt;
    const bool project = *kind == IncidentKind::ProjectBudget;
    if (project != (colon >= 0) || (project && colon + 1 == text.size()))
        return std::nullopt;
    return IncidentKey{*kind, project ? text.mid(colon + 1).toString() : QString()};
}

QString channelTypeName(ChannelType type)
{
    switch (type) {
    case ChannelType::Slack:
        return QStringLiteral("slack");
    case ChannelType::Discord:
        return QStringLiteral("discord");
    case ChannelType::Webhook:
        return QStringLiteral("webhook");
    case ChannelType::PagerDuty:
        return QStringLiteral("pagerduty");
    case ChannelType::Email:
        return QStringLiteral("email");
    }
    return QString();
}

std::optional<ChannelType> channelTypeFromName(QStringView name)
{
    for (ChannelType type : allChannelTypes) {
        if (channelTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

} // namespace clev
