// SPDX-License-Identifier: MIT
#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>

// The closed sets of alerting as types: what an incident is about and which kind of channel carries its
// notifications. Each has one table of names (AlertKinds.cpp); the names are what the database, the API,
// the config files and the CLI use (docs/API.md, docs/CONFIG.md), so they never change.
namespace clev {

enum class IncidentKind { Dead, Error, Crash, Loop, Budget, ProjectBudget, RestartFailed, Flapping };
inline constexpr std::array<IncidentKind, 8> allIncidentKinds{
    IncidentKind::Dead,   IncidentKind::Error,         IncidentKind::Crash,         IncidentKind::Loop,
    IncidentKind::Budget, IncidentKind::ProjectBudget, IncidentKind::RestartFailed, IncidentKind::Flapping};

// "dead", "error", "crash", "loop", "budget", "project_budget", "restart_failed", "flapping".
QString incidentKindName(IncidentKind kind);
// Exactly one of those names, else nullopt (the caller says what it does with unknown text).
std::optional<IncidentKind> incidentKindFromName(QStringView name);
// The names of `kinds` (all by default), joined with ", " (for "use …" messages).
QString incidentKindNames(const QList<IncidentKind> &kinds = QList<IncidentKind>(allIncidentKinds.begin(),
                                                                                 allIncidentKinds.end()));
inline size_t qHash(IncidentKind kind, size_t seed = 0) noexcept
{
    return ::qHash(static_cast<int>(kind), seed);
}

// An incident's kind as it is stored with the incident and sent in the API: the kind's name, and for a
// project's budget the project after a colon ("project_budget:research"), so that two projects of one
// agent stay two incidents.
struct IncidentKey
{
    IncidentKind kind = IncidentKind::Dead;
    QString project; // ProjectBudget only

    QString name() const;
    // nullopt for text that is no kind (or a project budget without its project, or a project on any other kind).
    static std::optional<IncidentKey> fromName(QStringView text);

    friend bool operator==(const IncidentKey &a, const IncidentKey &b)
    {
        return a.kind == b.kind && a.project == b.project;
    }
    friend bool operator!=(const IncidentKey &a, const IncidentKey &b) { return !(a == b); }
};

enum class ChannelType { Slack, Discord, Webhook, PagerDuty, Email };
inline constexpr std::array<ChannelType, 5> allChannelTypes{
    ChannelType::Slack, ChannelType::Discord, ChannelType::Webhook, ChannelType::PagerDuty, ChannelType::Email};

// "slack", "discord", "webhook", "pagerduty", "email".
QString channelTypeName(ChannelType type);
// Exactly one of those names, else nullopt.
std::optional<ChannelType> channelTypeFromName(QStringView name);

} // namespace clev
