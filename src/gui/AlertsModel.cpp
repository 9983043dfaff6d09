// SPDX-License-Identifier: MIT
#include "gui/AlertsModel.h"

#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/CauseText.h"
#include "gui/Theme.h"

#include <QDateTime>
#include <QIcon>
#include <QLocale>

namespace clev {

namespace {
// A time in the user's short format; empty for none.
QString when(qint64 ms)
{
    return ms ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat) : QString();
}
} // namespace

qint64 AlertsModel::nowMs() const
{
    return m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

void AlertsModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_incidents.isEmpty())
        Q_EMIT dataChanged(index(0, Status), index(rowCount() - 1, Status), {Qt::ForegroundRole});
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_incidents.size())
        return {};
    const Incident &i = m_incidents.at(index.row());
    if (role == Qt::UserRole)
        return i.id;
    // Open: the dead state's colour; acknowledged: the warning colour; resolved: the healthy colour.
    const AgentState look = i.resolvedAtMs ? AgentState::Healthy : i.ackedAtMs ? AgentState::Warning : AgentState::Dead;
    if (index.column() == Status && role == Qt::ForegroundRole)
        return theme::stateColour(look, m_palette);
    if (index.column() == Status && role == Qt::DecorationRole)
        return AgentsModel::stateIcon(look);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return display(i, index.column(), role);
}

QVariant AlertsModel::display(const Incident &i, int column, int role) const
{
    switch (column) {
    case Opened:
        return when(i.openedAtMs);
    case Agent:
        return i.agent;
    case Kind:
        return kindText(i.kind);
    case Status:
        if (i.resolvedAtMs)
            return tr("resolved");
        if (i.ackedAtMs)
            return tr("acknowledged");
        return i.silencedBy ? tr("open (silenced)") : tr("open");
    case Resolved:
        return i.resolvedAtMs ? when(i.resolvedAtMs) : QStringLiteral("—"); // open: the Status says so
    case Duration:
        if (i.resolvedAtMs)
            return durationText(i.resolvedAtMs - i.openedAtMs);
        return role == Qt::ToolTipRole ? tr("Open for %1 so far").arg(durationText(nowMs() - i.openedAtMs))
                                       : tr("%1 so far").arg(durationText(nowMs() - i.openedAtMs));
    case Acknowledged:
        return when(i.ackedAtMs);
    case Summary:
        return CauseText::render(i.summaryData, i.summary);
    case Detail: {
        const QString detail = CauseText::render(i.detailData, i.detail);
        return role == Qt::ToolTipRole ? detail : detail.simplified().left(200);
    }
    }
    return {};
}

QString AlertsModel::durationText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 120)
        return tr("%n s", nullptr, static_cast<int>(s));
    if (s < 7200)
        return tr("%n min", nullptr, static_cast<int>(s / 60));
    if (s < 2 * 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%n days", nullptr, static_cast<int>(s / 86400));
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Opened:
        return tr("Opened");
    case Agent:
        return tr("Agent");
    case Kind:
        return tr("Kind");
    case Status:
        return tr("Status");
    case Resolved:
        return tr("Resolved");
    case Duration:
        return tr("Duration");
    case Acknowledged:
        return tr("Acknowledged");
    case Summary:
        return tr("Summary");
    case Detail:
        return tr("Detail");
    }
    return {};
}

void AlertsModel::setIncidents(const QList<Incident> &incidents)
{
    beginResetModel();
    m_incidents = incidents;
    endResetModel();
}

QString AlertsModel::kindText(IncidentKind kind)
{
    switch (kind) {
    case IncidentKind::Dead:
        return tr("dead");
    case IncidentKind::Error:
        return tr("error");
    case IncidentKind::Crash:
        return tr("crash");
    case IncidentKind::Loop:
        return tr("loop");
    case IncidentKind::Budget:
        return tr("budget");
    case IncidentKind::ProjectBudget:
        return tr("project budget");
    case IncidentKind::RestartFailed:
        return tr("restart failed");
    case IncidentKind::Flapping:
        return tr("flapping");
    }
    return incidentKindName(kind);
}

QVariant DeliveriesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Delivery &d = m_rows.at(index.row());
    const AgentState look = d.sentAtMs ? AgentState::Healthy : d.failedAtMs ? AgentState::Dead : AgentState::Late;
    if (index.column() == Result && role == Qt::ForegroundRole)
        return theme::stateColour(look, m_palette);
    if (index.column() == Result && role == Qt::DecorationRole)
        return AgentsModel::stateIcon(look);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Channel:
        return d.channel;
    case Result:
        return d.sentAtMs ? tr("sent") : d.failedAtMs ? tr("failed") : tr("pending");
    case Queued:
        return when(d.createdAtMs);
    case Finished:
        return when(d.sentAtMs ? d.sentAtMs : d.failedAtMs);
    case Attempts:
        return d.attempts;
    case Error:
        if (!d.sentAtMs && !d.failedAtMs && d.nextAttemptAtMs)
            return d.lastError.isEmpty() ? tr("next attempt %1").arg(when(d.nextAttemptAtMs))
                                         : tr("%1; next attempt %2").arg(d.lastError, when(d.nextAttemptAtMs));
        return d.lastError;
    }
    return {};
}

QVariant DeliveriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Channel:
        return tr("Channel");
    case Result:
        return tr("Result");
    case Queued:
        return tr("Queued");
    case Finished:
        return tr("Sent or given up");
    case Attempts:
        return tr("Attempts");
    case Error:
        return tr("Error");
    }
    return {};
}

void DeliveriesModel::setDeliveries(qint64 incidentId, const QList<Delivery> &rows)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_rows = rows;
    endResetModel();
}

void DeliveriesModel::clear()
{
    setDeliveries(0, {});
}

} // namespace clev
