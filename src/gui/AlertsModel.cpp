// SPDX-License-Identifier: MIT
#include "gui/AlertsModel.h"

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
    case Opened: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(i.openedAtMs), QLocale::ShortFormat);
    case Agent: return i.agent;
    case Kind: return kindText(i.kind);
    case Status:
        if (i.resolvedAtMs)
            return tr("resolved");
        if (i.ackedAtMs)
            return tr("acknowledged");
        return i.silencedBy ? tr("open (silenced)") : tr("open");
    case Summary: return i.summary;
    case Detail: return role == Qt::ToolTipRole ? i.detail : i.detail.simplified().left(200);
    }
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Opened: return tr("Opened");
    case Agent: return tr("Agent");
    case Kind: return tr("Kind");
    case Status: return tr("Status");
    case Summary: return tr("Summary");
    case Detail: return tr("Detail");
    }
    return {};
}

void AlertsModel::setIncidents(const QList<Incident> &incidents)
{
    beginResetModel();
    m_incidents = incidents;
    endResetModel();
}

QString AlertsModel::kindText(const QString &kind)
{
    const QString base = kind.section(u':', 0, 0); // "project_budget:research"
    if (base == u"dead")
        return tr("dead");
    if (base == u"error")
        return tr("error");
    if (base == u"crash")
        return tr("crash");
    if (base == u"loop")
        return tr("loop");
    if (base == u"budget")
        return tr("budget");
    if (base == u"project_budget")
        return tr("project budget");
    if (base == u"restart_failed")
        return tr("restart failed");
    return kind;
}

} // namespace clev
