// SPDX-License-Identifier: MIT
#pragma once

#include "engine/AlertEngine.h"

#include <QAbstractTableModel>

namespace clev {

// The alert history as a table: newest first, as the engine returns it.
class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Opened, Agent, Kind, Status, Summary, Detail, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_incidents.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setIncidents(const QList<Incident> &incidents);
    // An alert kind in the user's language.
    static QString kindText(IncidentKind kind);
    const QList<Incident> &incidents() const { return m_incidents; }

private:
    QList<Incident> m_incidents;
};

} // namespace clev
