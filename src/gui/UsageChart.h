// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QChartView>

namespace clev {

// One agent's cost or tokens over a window (last hour in minutes, last day in hours, last 30 days in
// days) as a line with a point per bucket; buckets without beats count as zero. Hovering a point shows
// its time and value.
class UsageChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageChart)

public:
    enum class Metric { Cost, Tokens };
    explicit UsageChart(QWidget *parent = nullptr);

    // `count` buckets of `bucketSecs` from `fromSecs`.
    void setUsage(const QList<UsagePoint> &points, qint64 fromSecs, int bucketSecs, int count, Metric metric);
    // The values plotted, one per bucket (for tests).
    const QList<double> &values() const { return m_values; }

protected:
    // A new palette (the theme changed): the chart's colours follow.
    void changeEvent(QEvent *event) override;

private:
    QList<double> m_values;
};

} // namespace clev
