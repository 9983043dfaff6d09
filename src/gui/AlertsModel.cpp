// SPDX-License-Identifier: MIT
#include "gui/AlertsModel.h"

#include "gui/CauseText.h"

#include <QDateTime>
#include <QLocale>

namespace clev {

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_incidents.size())
        return {};
    const Incident &i = m_incidents.at(index.row());
    if (role == Qt::UserRole)
        return i.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Opened:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(i.openedAtMs), QLocale::ShortFormat);
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
    case Summary:
        return CauseText::render(i.summaryData, i.summary);
    case Detail: {
        const QString detail = CauseText::render(i.detailData, i.detail);
        return role == Qt::ToolTipRole ? detail : detail.simplified().left(200);
    }
    }
    return {};
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

} // namespace clev
