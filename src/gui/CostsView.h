// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "gui/MonitorSource.h"

#include <QHash>
#include <QTimeZone>
#include <QWidget>

class QChartView;
class QLabel;
class QTableWidget;

namespace clev {

class Clock;

// Cost per day for the last 30 days, stacked by agent (the five biggest spenders, the rest as
// "others"), with the period's total and top agents; exportable as CSV. Below, today against each
// budget and when the budget runs out at the current rate.
class CostsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostsView)

public:
    // Days and "today" come from `clock`, counted in the time zone of the source that answered.
    explicit CostsView(const Clock &clock, QWidget *parent = nullptr);
    // The last `days` days up to today in `zone` (the zone the source counts its days in).
    void setCosts(const QList<DailyCost> &costs, const QTimeZone &zone, int days);
    const QList<DailyCost> &costs() const { return m_costs; }
    // The series shown: agent (or "others") -> cost per day, in order.
    QList<QPair<QString, QList<double>>> series() const { return m_series; }
    bool exportCsv(const QString &path, QString *error) const;
    // Today's spending of the agents that have a daily budget, with the burn-rate forecast.
    void setBudgets(const QList<AgentRow> &rows);
    QTableWidget *budgetsTable() const { return m_budgets; }
    QChartView *chartView() const { return m_chartView; }

Q_SIGNALS:
    void exportRequested();

protected:
    // A new palette (the theme changed): the chart and the budget colours follow.
    void changeEvent(QEvent *event) override;

private:
    const Clock &m_clock;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QChartView *m_chartView;
    QLabel *m_summary;
    QLabel *m_budgetsCaption;
    QTableWidget *m_budgets;
    QList<DailyCost> m_costs;
    QList<QPair<QString, QList<double>>> m_series;
    // Today's spend per agent from the last cost query, and when it came: while fresh, the budget table
    // shows these figures, so it agrees with the 30-day header and chart to the cent.
    QHash<QString, double> m_today;
    qint64 m_todayAtMs = 0; // monotonic
    bool m_todayKnown = false;
    QList<AgentRow> m_rows;
};

} // namespace clev
