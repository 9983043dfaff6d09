// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QChartView>

namespace clev {

// One agent's cost or tokens over a window (last hour in minutes, last day in hours, last 30 days in
// days) as a bar per bucket; tokens stack by kind (input, output, cache read, cache write). Empty
// buckets draw nothing. Hovering a bar shows its time and value. The chart follows the palette.
class UsageChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageChart)

public:
    enum class Metric { Cost, Tokens };
    explicit UsageChart(QWidget *parent = nullptr);

    // `count` buckets of `bucketSecs` from `fromSecs`.
    void setUsage(const QList<UsagePoint> &points, qint64 fromSecs, int bucketSecs, int count, Metric metric);
    // The values plotted, one per bucket: the bar's whole height (for tests).
    const QList<double> &values() const { return m_values; }
    // The value axis' ticks for values up to `top`: 0 and 4 or 5 more on round values (1, 2, 2.5, 5 × 10^k).
    static QList<double> niceTicks(double top);
    // A dollar amount on an axis: as few digits as it needs ("$3", "$0.25", "$0.004", "$12.5").
    static QString axisUsd(double value, const QLocale &locale);

protected:
    // A new palette (the theme changed): the chart's colours follow.
    void changeEvent(QEvent *event) override;

private:
    // The chart's colours from the palette (background, labels, grid; the bars without outline).
    void restyle();

    QList<double> m_values;
};

} // namespace clev
