// SPDX-License-Identifier: MIT
#pragma once

#include "gui/MonitorSource.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPalette>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace clev {

class Clock;

// The agents table: one row per agent, updated in place from snapshots (rows keep their identity, so
// selections survive), with "last seen" ages that move on every second.
class AgentsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsModel)

public:
    enum Column {
        State,
        Name,
        LastSeen,
        Beats,  // the heartbeat strip (HistoryDelegates)
        Uptime, // over 24 h; 30 days in the tooltip
        Interval,
        Tokens,
        Cost,
        CostTrend, // hourly cost over 24 h (a sparkline)
        Iteration,
        Message,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        StateRole,
        IdRole,
        StripRole,     // QByteArray: one BeatSlot per byte, oldest first (empty: no history yet)
        CostSeriesRole // QList<float>: hourly cost, oldest first (empty: no history yet)
    };

    explicit AgentsModel(const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void applySnapshot(const QList<AgentRow> &rows);
    // Every agent's history (strip, uptime, hourly cost), kept apart from the rows: it comes about once
    // a minute, snapshots four times a second.
    void applyHistory(const QList<AgentHistory> &history);
    const AgentHistory *history(qint64 id) const
    {
        auto it = m_history.constFind(id);
        return it == m_history.cend() ? nullptr : &*it;
    }
    const AgentRow &row(int r) const { return m_rows.at(r); }
    const QList<AgentRow> &rows() const { return m_rows; }
    const AgentRow *find(qint64 id) const
    {
        auto it = m_rowOf.constFind(id);
        return it == m_rowOf.cend() ? nullptr : &m_rows.at(*it);
    }
    // The worst state of all agents (for the window title and the tray).
    AgentState worstState() const;
    int countIn(AgentState state) const;
    // Refreshes the "last seen" column (a timer does it every second).
    void tick();

    static QString ago(qint64 ms);
    // The state's text colour on `palette` (lighter tones on a dark palette).
    static QColor colour(AgentState state, const QPalette &palette);
    // The palette the state colours are for (the view's); a change repaints the state column.
    void setPalette(const QPalette &palette);
    static QIcon stateIcon(AgentState state);
    // The state's name in the user's language.
    static QString stateText(AgentState state);

private:
    QVariant historyData(const AgentRow &a, int column, int role) const;

    const Clock &m_clock;
    QList<AgentRow> m_rows;
    QHash<qint64, int> m_rowOf;
    QHash<qint64, AgentHistory> m_history;
    QTimer m_tick;
    QPalette m_palette;
};

// Filtering by text (name or last message) and by state, and sorting by the model's sort values.
class AgentFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AgentFilterModel(QObject *parent = nullptr);
    void setText(const QString &text);
    // nullopt: every state
    void setState(std::optional<AgentState> state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<AgentState> m_state;
};

} // namespace clev
