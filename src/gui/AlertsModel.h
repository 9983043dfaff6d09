// SPDX-License-Identifier: MIT
#pragma once

#include "engine/AlertEngine.h"

#include <QAbstractTableModel>
#include <QPalette>

namespace clev {

class Clock;

// The alert history as a table: newest first, as the engine returns it. Open alerts are drawn in the dead
// state's colour, acknowledged ones in the warning colour and resolved ones in the healthy colour, each with
// its state icon; an open alert's duration counts up to now.
class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Opened, Agent, Kind, Status, Resolved, Duration, Acknowledged, Summary, Detail, ColumnCount };
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
    // A span of time in the user's language ("45 s", "12 min", "3 h 20 min", "4 days").
    static QString durationText(qint64 ms);
    // The clock open alerts' durations count to (none: the system's).
    void setClock(const Clock *clock) { m_clock = clock; }
    // The palette the status colours are for (the view's).
    void setPalette(const QPalette &palette);
    const QList<Incident> &incidents() const { return m_incidents; }

private:
    qint64 nowMs() const;
    QVariant display(const Incident &i, int column, int role) const;

    QList<Incident> m_incidents;
    const Clock *m_clock = nullptr;
    QPalette m_palette;
};

// How the selected alert's notifications went: one row per channel (channel, result, queued, sent or
// given up, attempts, the last error or the next attempt).
class DeliveriesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Channel, Result, Queued, Finished, Attempts, Error, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setDeliveries(qint64 incidentId, const QList<Delivery> &rows);
    void clear();
    qint64 incidentId() const { return m_incidentId; }
    const QList<Delivery> &deliveries() const { return m_rows; }
    void setPalette(const QPalette &palette) { m_palette = palette; }

private:
    QList<Delivery> m_rows;
    qint64 m_incidentId = 0;
    QPalette m_palette;
};

} // namespace clev
