// SPDX-License-Identifier: MIT
#include "gui/UsageChart.h"

#include "gui/Money.h"
#include "gui/Theme.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace clev {

UsageChart::UsageChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    setBackgroundBrush(palette().color(QPalette::Base));
    theme::styleChart(chart(), palette());
}

void UsageChart::setUsage(const QList<UsagePoint> &points, qint64 fromSecs, int bucketSecs, int count, Metric metric)
{
    m_values = QList<double>(count, 0.0);
    for (const UsagePoint &p : points) {
        // Day buckets start at local midnight: a day is the bucket its start falls in (23 or 25 h days too).
        const qint64 i = bucketSecs == 86400 ? std::llround(double(p.bucketStartSecs - fromSecs) / 86400.0)
                                             : (p.bucketStartSecs - fromSecs) / bucketSecs;
        if (i >= 0 && i < count)
            m_values[i] += metric == Metric::Cost ? p.costUsd : double(p.tokens);
    }

    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *line = new QLineSeries;
    line->setPointsVisible(true);
    double top = 0;
    for (int i = 0; i < count; ++i) {
        line->append(double(fromSecs + qint64(i) * bucketSecs) * 1000.0, m_values.at(i));
        top = std::max(top, m_values.at(i));
    }
    chart->addSeries(line);
    auto *x = new QDateTimeAxis;
    x->setFormat(bucketSecs == 86400 ? QStringLiteral("d MMM") : QStringLiteral("HH:mm"));
    // The whole window on the axis, so the ticks fall on round times: every 10 minutes, 4 hours or 5 days.
    x->setTickCount(7);
    x->setRange(QDateTime::fromSecsSinceEpoch(fromSecs),
                QDateTime::fromSecsSinceEpoch(fromSecs + qint64(count) * bucketSecs));
    chart->addAxis(x, Qt::AlignBottom);
    line->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(metric == Metric::Cost ? QStringLiteral("$%.%1f").arg(usdDecimals(top > 0 ? top / 4 : 1))
                                             : QStringLiteral("%.0f"));
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true); // "$0,150" in German, as in the tables
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->setTickCount(5);
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(y);
    connect(line, &QLineSeries::hovered, this, [this, metric, bucketSecs](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        const QLocale locale;
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(qint64(point.x()));
        const QString time = bucketSecs == 86400 ? locale.toString(when.date(), QLocale::ShortFormat)
                                                 : locale.toString(when, QLocale::ShortFormat);
        const QString value =
            metric == Metric::Cost ? usd(point.y(), locale) : tr("%1 tokens").arg(locale.toString(qint64(point.y())));
        QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2").arg(time, value), this);
    });
    theme::styleChart(chart, palette());
    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

void UsageChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && chart()) {
        theme::styleChart(chart(), palette());
        setBackgroundBrush(palette().color(QPalette::Base));
    }
}

} // namespace clev
