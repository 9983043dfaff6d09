// SPDX-License-Identifier: MIT
#include "gui/UsageChart.h"

#include "gui/Money.h"
#include "gui/Theme.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QLocale>
#include <QStackedBarSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace clev {

UsageChart::UsageChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    restyle();
}

QList<double> UsageChart::niceTicks(double top)
{
    if (!(top > 0))
        top = 1;
    const double raw = top / 4;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * power;
        if (step >= raw)
            break;
    }
    QList<double> ticks;
    for (int i = 0; i <= 6; ++i) {
        ticks << step * i;
        if (step * i >= top * 0.999)
            break;
    }
    return ticks;
}

QString UsageChart::axisUsd(double value, const QLocale &locale)
{
    const double a = std::abs(value);
    if (a < 1e-9)
        return QStringLiteral("$0");
    // Three significant digits at most, trailing zeros dropped.
    const int decimals = a >= 1 ? 2 : std::min(8, int(std::ceil(-std::log10(a))) + 2);
    QString text = locale.toString(value, 'f', decimals);
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return QStringLiteral("$") + text;
}

// Long function: one chart built whole (sets, axes, labels, tooltips); it reads best in one piece.
void UsageChart::setUsage(const QList<UsagePoint> &points, qint64 fromSecs, int bucketSecs, int count, Metric metric)
{
    m_values = QList<double>(count, 0.0);
    // The kinds of tokens stacked (tokens reported only as a total are "other").
    QList<QList<double>> kinds(5, QList<double>(count, 0.0));
    for (const UsagePoint &p : points) {
        // Day buckets start at local midnight: a day is the bucket its start falls in (23 or 25 h days too).
        const qint64 i = bucketSecs == 86400 ? std::llround(double(p.bucketStartSecs - fromSecs) / 86400.0)
                                             : (p.bucketStartSecs - fromSecs) / bucketSecs;
        if (i < 0 || i >= count)
            continue;
        m_values[i] += metric == Metric::Cost ? p.costUsd : double(p.tokens);
        const qint64 known = p.inputTokens + p.outputTokens + p.cacheReadTokens + p.cacheWriteTokens;
        kinds[0][i] += double(p.inputTokens);
        kinds[1][i] += double(p.outputTokens);
        kinds[2][i] += double(p.cacheReadTokens);
        kinds[3][i] += double(p.cacheWriteTokens);
        kinds[4][i] += double(std::max<qint64>(0, p.tokens - known));
    }

    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.8);
    const auto addSet = [series](const QString &label, const QList<double> &values) {
        auto *set = new QBarSet(label);
        set->append(values);
        set->setPen(Qt::NoPen); // an empty bucket draws nothing
        series->append(set);
    };
    if (metric == Metric::Cost) {
        addSet(tr("Cost"), m_values);
    } else {
        const QStringList names{tr("Input"), tr("Output"), tr("Cache read"), tr("Cache write"), tr("Other")};
        for (int k = 0; k < names.size(); ++k) {
            if (std::any_of(kinds.at(k).cbegin(), kinds.at(k).cend(), [](double v) { return v > 0; }))
                addSet(names.at(k), kinds.at(k));
        }
        if (series->count() == 0)
            addSet(tr("Tokens"), m_values);
    }
    chart->addSeries(series);
    chart->legend()->setVisible(series->count() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);

    const QLocale locale;
    const auto bucketTime = [fromSecs, bucketSecs](int i) {
        return QDateTime::fromSecsSinceEpoch(fromSecs + qint64(i) * bucketSecs);
    };
    // Time labels on round buckets: every 10 minutes, 4 hours or 5 days.
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, count - 0.5);
    x->setGridLineVisible(false);
    const int every = bucketSecs == 60 ? 10 : bucketSecs == 3600 ? 4 : 5;
    for (int i = 0; i < count; ++i) {
        const QDateTime t = bucketTime(i);
        const int unit = bucketSecs == 60 ? t.time().minute() : bucketSecs == 3600 ? t.time().hour() : t.date().day();
        if (unit % every == 0 || (bucketSecs == 86400 && i == 0))
            x->append(locale.toString(t, bucketSecs == 86400 ? QStringLiteral("d MMM") : QStringLiteral("HH:mm")), i);
    }
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);

    double top = 0;
    for (double v : std::as_const(m_values))
        top = std::max(top, v);
    const QList<double> ticks = niceTicks(top);
    auto *y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->setRange(0, ticks.last());
    for (double t : ticks)
        y->append(metric == Metric::Cost ? axisUsd(t, locale) : locale.toString(qint64(std::llround(t))), t);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);

    connect(series, &QStackedBarSeries::hovered, this,
            [this, metric, bucketSecs, bucketTime](bool state, int index, QBarSet *set) {
                if (!state || index < 0 || index >= m_values.size()) {
                    QToolTip::hideText();
                    return;
                }
                const QLocale here;
                const QDateTime when = bucketTime(index);
                const QString time = bucketSecs == 86400 ? here.toString(when.date(), QLocale::ShortFormat)
                                                         : here.toString(when, QLocale::ShortFormat);
                QString value = metric == Metric::Cost ? usd(m_values.at(index), here)
                                                       : tr("%1 tokens").arg(here.toString(qint64(m_values.at(index))));
                if (metric == Metric::Tokens && set && set->count() > index)
                    value += QStringLiteral(" (%1: %2)").arg(set->label(), here.toString(qint64(set->at(index))));
                QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2").arg(time, value), this);
            });
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    restyle();
}

void UsageChart::restyle()
{
    theme::styleChart(chart(), palette());
    setBackgroundBrush(palette().color(QPalette::Base));
    // The chart's theme gives the bars an outline: an empty bucket would show it as a line.
    const auto series = chart()->series();
    for (QAbstractSeries *s : series) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            const auto sets = bars->barSets();
            for (QBarSet *set : sets)
                set->setPen(Qt::NoPen);
        }
    }
}

void UsageChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && chart())
        restyle();
}

} // namespace clev
