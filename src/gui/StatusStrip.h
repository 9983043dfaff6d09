// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QFrame>
#include <QHash>

#include <array>
#include <optional>

class QLabel;
class QToolButton;

namespace clev {

// Status at a glance, over the agents table: how many agents are in each state — each count a button
// that filters the table to that state (click again to show all) —, the open incidents (a click shows
// them) and today's spend against the sum of the daily budgets.
class StatusStrip final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusStrip)

public:
    explicit StatusStrip(QWidget *parent = nullptr);

    // Counts and spend from the source's list. Cheap for many rows: one pass, and texts change only
    // when a figure does.
    void setRows(const QList<AgentRow> &rows);
    // -1: not known (yet).
    void setOpenIncidents(int count);
    int openIncidents() const { return m_open; }
    int count(AgentState state) const { return m_counts.at(static_cast<size_t>(state)); }
    QToolButton *button(AgentState state) const;
    // Shows `state` as the active filter (nullopt: none), without asking for it again.
    void setFilter(std::optional<AgentState> state);
    QString spendText() const;

Q_SIGNALS:
    // A state's button was clicked: filter to it, or (clicked again) show every state.
    void filterRequested(std::optional<clev::AgentState> state);
    void incidentsRequested();

private:
    void updateButton(AgentState state);

    std::array<int, 8> m_counts{};
    QHash<int, QToolButton *> m_buttons;
    QToolButton *m_incidents;
    QLabel *m_spend;
    std::optional<AgentState> m_filter;
    int m_open = -1;
    double m_spent = -1, m_budget = -1;
};

} // namespace clev
