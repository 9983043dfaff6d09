// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "gui/AgentDetailView.h"
#include "gui/AgentsModel.h"
#include "gui/Theme.h"
#include "gui/TimelineBar.h"
#include "gui/UsageChart.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QClipboard>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace clev;

namespace {

constexpr qint64 HourMs = 3'600'000;

QColor axisLabelColour(QChart *chart)
{
    const auto axes = chart->axes();
    return axes.isEmpty() ? QColor() : axes.first()->labelsBrush().color();
}

QStringList headers(QTableWidget *table)
{
    QStringList out;
    for (int c = 0; c < table->columnCount(); ++c)
        out << table->horizontalHeaderItem(c)->text();
    return out;
}

} // namespace

class TestDetailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One Gantt row of the last 24 hours: a span per state, the point under a time has the state's
    // colour (the table's), the tooltip names state, from–to, duration and cause.
    void timelineBar_spans_hitTest_andTooltip()
    {
        const qint64 now = ManualClock().nowMs();
        // Newest first, as the detail holds it; a loop event keeps the state and begins no span.
        const QList<TimelineEntry> timeline{
            {now - 30 * 60'000, QStringLiteral("healthy"), QStringLiteral("healthy"), QStringLiteral("loop started")},
            {now - HourMs, QStringLiteral("dead"), QStringLiteral("healthy"), QStringLiteral("beat again")},
            {now - 2 * HourMs, QStringLiteral("late"), QStringLiteral("dead"), QStringLiteral("no beat for 5 min")},
            {now - 3 * HourMs, QStringLiteral("healthy"), QStringLiteral("late"), QStringLiteral("no beat for 90 s")},
            {now - 30 * HourMs, QStringLiteral("new"), QStringLiteral("healthy"), QStringLiteral("first beat")},
        };
        TimelineBar bar;
        bar.resize(480, bar.sizeHint().height());
        bar.setTimeline(timeline, AgentState::Healthy, now);
        QCOMPARE(bar.fromMs(), now - 24 * HourMs);
        const QList<TimelineBar::Span> spans = bar.spans();
        QCOMPARE(spans.size(), 4);
        QCOMPARE(spans.at(0).fromMs, now - 24 * HourMs); // began before the window
        QCOMPARE(spans.at(0).state, AgentState::Healthy);
        QCOMPARE(spans.at(0).cause, QStringLiteral("first beat"));
        QCOMPARE(spans.at(1).state, AgentState::Late);
        QCOMPARE(spans.at(2).state, AgentState::Dead);
        QCOMPARE(spans.at(2).fromMs, now - 2 * HourMs);
        QCOMPARE(spans.at(2).toMs, now - HourMs);
        QCOMPARE(spans.at(3).state, AgentState::Healthy);
        QCOMPARE(spans.at(3).toMs, now);

        const QPalette light = bar.palette();
        const qint64 deadAt = now - 90 * 60'000;
        QCOMPARE(bar.spanAt(deadAt)->state, AgentState::Dead);
        QCOMPARE(bar.colourAt(deadAt), AgentsModel::colour(AgentState::Dead, light));
        // What is painted at that point of the widget is that colour.
        const int x = bar.xAt(deadAt);
        QCOMPARE(bar.spanAt(bar.timeAt(x))->state, AgentState::Dead);
        const QImage image = bar.grab().toImage();
        QCOMPARE(image.pixelColor(x, 10).rgb(), AgentsModel::colour(AgentState::Dead, light).rgb());
        QCOMPARE(image.pixelColor(bar.xAt(now - 150 * 60'000), 10).rgb(),
                 AgentsModel::colour(AgentState::Late, light).rgb());
        const QString tip = bar.toolTipAt(deadAt);
        QVERIFY2(tip.contains(AgentsModel::stateText(AgentState::Dead)), qPrintable(tip));
        QVERIFY2(tip.contains(u"1 h 00 min"), qPrintable(tip));
        QVERIFY2(tip.contains(u"no beat for 5 min"), qPrintable(tip));
        QVERIFY(bar.toolTipAt(now - 25 * HourMs).isEmpty()); // outside the window

        // A dark palette: the colours follow the table's for it.
        bar.setPalette(theme::darkPalette());
        QCOMPARE(bar.colourAt(deadAt), AgentsModel::colour(AgentState::Dead, theme::darkPalette()));
        QVERIFY(bar.colourAt(now - 10 * 60'000) != AgentsModel::colour(AgentState::Healthy, light));

        // No change at all in the timeline: the current state throughout; an agent that began an hour ago
        // has nothing before its first beat.
        bar.setTimeline({}, AgentState::Paused, now);
        QCOMPARE(bar.spans().size(), 1);
        QCOMPARE(bar.spans().first().state, AgentState::Paused);
        bar.setTimeline({{now - HourMs, QStringLiteral("new"), QStringLiteral("healthy"), QStringLiteral("first")}},
                        AgentState::Healthy, now);
        QCOMPARE(bar.spans().size(), 1);
        QCOMPARE(bar.spans().first().state, AgentState::Healthy);
        QCOMPARE(bar.spans().first().fromMs, now - HourMs);
        QVERIFY(bar.toolTipAt(now - 2 * HourMs).isEmpty());
    }

    void durations_read_likePeople_say_them()
    {
        QCOMPARE(TimelineBar::durationText(45'000), QStringLiteral("45 s"));
        QCOMPARE(TimelineBar::durationText(12 * 60'000), QStringLiteral("12 min"));
        QCOMPARE(TimelineBar::durationText(3 * HourMs + 5 * 60'000), QStringLiteral("3 h 05 min"));
        QCOMPARE(TimelineBar::durationText(52 * HourMs), QStringLiteral("2 d 4 h"));
    }

    // The cost axis says "$3", "$0.25", "$0.004": as many digits as the value needs.
    void costAxis_labels()
    {
        const QLocale c = QLocale::c();
        QCOMPARE(UsageChart::axisUsd(3, c), QStringLiteral("$3"));
        QCOMPARE(UsageChart::axisUsd(0.25, c), QStringLiteral("$0.25"));
        QCOMPARE(UsageChart::axisUsd(0.2, c), QStringLiteral("$0.2"));
        QCOMPARE(UsageChart::axisUsd(0.004, c), QStringLiteral("$0.004"));
        QCOMPARE(UsageChart::axisUsd(12.5, c), QStringLiteral("$12.5"));
        QCOMPARE(UsageChart::axisUsd(0, c), QStringLiteral("$0"));
        QCOMPARE(UsageChart::axisUsd(1.25, c), QStringLiteral("$1.25"));
        QCOMPARE(UsageChart::niceTicks(0.9), (QList<double>{0, 0.25, 0.5, 0.75, 1.0}));
        QCOMPARE(UsageChart::niceTicks(3), (QList<double>{0, 1, 2, 3}));
        QCOMPARE(UsageChart::niceTicks(0), (QList<double>{0, 0.25, 0.5, 0.75, 1.0}));
    }

    // Bars per bucket; empty buckets draw nothing; tokens stack by kind; the axis labels on the chart;
    // a dark palette makes a dark chart with light labels.
    void usageChart_bars_axis_andDarkPalette()
    {
        QLocale::setDefault(QLocale::c());
        const qint64 from = ManualClock().nowMs() / 1000 - 23 * 3600;
        UsageChart chart;
        chart.resize(500, 240);
        UsagePoint p;
        p.bucketStartSecs = from + 5 * 3600;
        p.costUsd = 0.75;
        p.tokens = 1000;
        p.inputTokens = 600;
        p.outputTokens = 100;
        p.cacheReadTokens = 250;
        p.cacheWriteTokens = 50;
        chart.setUsage({p}, from, 3600, 24, UsageChart::Metric::Cost);
        QCOMPARE(chart.values().size(), 24);
        QCOMPARE(chart.values().at(5), 0.75);
        auto *series = qobject_cast<QAbstractBarSeries *>(chart.chart()->series().first());
        QVERIFY(series);
        QCOMPARE(series->count(), 1);
        QCOMPARE(series->barSets().first()->pen().style(), Qt::NoPen); // no outline where a bucket is empty
        auto *y = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
        QVERIFY(y);
        QCOMPARE(y->categoriesLabels(), (QStringList{"$0", "$0.2", "$0.4", "$0.6", "$0.8"}));

        chart.setUsage({p}, from, 3600, 24, UsageChart::Metric::Tokens);
        series = qobject_cast<QAbstractBarSeries *>(chart.chart()->series().first());
        QCOMPARE(series->count(), 4); // input, output, cache read, cache write
        QCOMPARE(series->barSets().at(2)->at(5), 250.0);
        QVERIFY(chart.chart()->legend()->isVisible());

        const QPalette light = chart.palette();
        QCOMPARE(chart.chart()->backgroundBrush().color(), light.color(QPalette::Base));
        const QPalette dark = theme::darkPalette();
        chart.setPalette(dark);
        QCOMPARE(chart.chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        QVERIFY(chart.chart()->backgroundBrush().color() != light.color(QPalette::Base));
        QCOMPARE(axisLabelColour(chart.chart()), dark.color(QPalette::Text));
        QCOMPARE(chart.chart()->legend()->labelColor(), dark.color(QPalette::Text));
        for (QBarSet *set : series->barSets())
            QCOMPARE(set->pen().style(), Qt::NoPen); // the dark theme's outline is taken off again
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // The detail view: incidents with opened, resolved (or open), duration, acknowledged; a selected
    // incident's detail readable and copyable; usage by model; its charts follow a dark palette.
    void detailView_incidents_models_andPalette()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ManualClock clock;
        AgentsModel model(clock);
        AgentRow row;
        row.id = 7;
        row.name = QStringLiteral("crashy");
        row.state = AgentState::Error;
        row.lastSeenMs = clock.nowMs();
        model.applySnapshot({row});
        AgentDetailView view;
        view.setClock(&clock);
        view.resize(900, 600);
        QVERIFY(view.showRow(model, 0));
        QVERIFY(!view.showRow(model, 0)); // the same agent again
        QCOMPARE(view.title(), QStringLiteral("crashy"));

        AgentDetail d;
        d.agentId = 7;
        Incident open{1,
                      7,
                      row.name,
                      IncidentKind::Crash,
                      QString(),
                      clock.nowMs() - 2 * HourMs,
                      0,
                      0,
                      QStringLiteral("crashed: ZeroDivisionError"),
                      QStringLiteral("Traceback (most recent call last):\n  File \"a.py\", line 1\nZeroDivisionError"),
                      1,
                      0};
        Incident done{2,
                      7,
                      row.name,
                      IncidentKind::Dead,
                      QString(),
                      clock.nowMs() - 5 * HourMs,
                      clock.nowMs() - 4 * HourMs - 30 * 60'000,
                      clock.nowMs() - 4 * HourMs - 45 * 60'000,
                      QStringLiteral("dead"),
                      QStringLiteral("no beat"),
                      1,
                      0};
        d.incidents = {open, done};
        d.dayModels = {{QStringLiteral("gpt-a"), 3, 1000, 200, 3000, 50, 1.5}, {QString(), 1, 5, 0, 0, 0, 0.01}};
        d.costPerIterationUsd = 0.05;
        view.setDetail(d);

        auto *incidents = view.findChild<QTableWidget *>(QStringLiteral("incidentsTableWidget"));
        QCOMPARE(headers(incidents),
                 (QStringList{"Opened", "Kind", "Resolved", "Duration", "Acknowledged", "Summary"}));
        QCOMPARE(incidents->rowCount(), 2);
        QCOMPARE(incidents->item(0, AgentDetailView::Kind)->text(), QStringLiteral("crash"));
        QCOMPARE(incidents->item(0, AgentDetailView::Resolved)->text(), QStringLiteral("open"));
        QCOMPARE(incidents->item(0, AgentDetailView::Duration)->text(), QStringLiteral("2 h 00 min"));
        QCOMPARE(incidents->item(0, AgentDetailView::Acknowledged)->text(), QStringLiteral("no"));
        QCOMPARE(incidents->item(1, AgentDetailView::Duration)->text(), QStringLiteral("30 min"));
        QVERIFY(incidents->item(1, AgentDetailView::Resolved)->text() != u"open");
        QVERIFY(incidents->item(1, AgentDetailView::Acknowledged)->text() != u"no");
        auto *crash = view.findChild<QPlainTextEdit *>(QStringLiteral("crashTextEdit"));
        QVERIFY(!crash->isHidden()); // the open crash under the facts
        QVERIFY(crash->toPlainText().contains(u"ZeroDivisionError"));

        incidents->setCurrentCell(0, 0);
        auto *text = view.findChild<QPlainTextEdit *>(QStringLiteral("incidentDetailTextEdit"));
        QVERIFY(text->isReadOnly());
        QCOMPARE(text->font(), QFontDatabase::systemFont(QFontDatabase::FixedFont)); // monospace
        QCOMPARE(text->toPlainText(), open.detail);
        auto *copy = view.findChild<QPushButton *>(QStringLiteral("copyIncidentButton"));
        QVERIFY(copy->isEnabled());
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), open.detail);
        incidents->setCurrentCell(1, 0);
        QCOMPARE(text->toPlainText(), QStringLiteral("no beat"));
        // A new answer keeps the incident selected.
        view.setDetail(d);
        QCOMPARE(incidents->currentRow(), 1);

        auto *models = view.findChild<QTableWidget *>(QStringLiteral("modelsTableWidget"));
        QCOMPARE(headers(models), (QStringList{"Model", "Cost", "Input", "Output", "Cache read", "Cache write"}));
        QCOMPARE(models->rowCount(), 2);
        QCOMPARE(models->item(0, 0)->text(), QStringLiteral("gpt-a"));
        QCOMPARE(models->item(0, 4)->text(), QStringLiteral("3,000"));
        QCOMPARE(models->item(0, 1)->text(), QStringLiteral("$1.50"));
        QCOMPARE(models->item(1, 0)->text(), QStringLiteral("(not named)"));
        QVERIFY(
            view.findChild<QLabel *>(QStringLiteral("usageSummaryLabel"))->text().contains(u"$0.050 per iteration"));

        auto *usage = view.findChild<UsageChart *>(QStringLiteral("usageChart"));
        const QColor lightBackground = usage->chart()->backgroundBrush().color();
        const QColor lightLabels = axisLabelColour(usage->chart());
        const QPalette dark = theme::darkPalette();
        view.setPalette(dark);
        QCOMPARE(usage->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(axisLabelColour(usage->chart()), dark.color(QPalette::Text));
        QVERIFY(usage->chart()->backgroundBrush().color() != lightBackground);
        QVERIFY(axisLabelColour(usage->chart()) != lightLabels);

        view.clear();
        QCOMPARE(incidents->rowCount(), 0);
        QVERIFY(crash->isHidden());
    }
};

QTEST_MAIN(TestDetailView)
#include "TestDetailView.moc"
