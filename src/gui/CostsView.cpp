// SPDX-License-Identifier: MIT
#include "gui/CostsView.h"

#include "core/Clock.h"
#include "core/Csv.h"
#include "gui/Money.h"
#include "gui/Theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <map>

namespace clev {

namespace {
constexpr int TopAgents = 5;
}

CostsView::CostsView(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_chartView(new QChartView(this))
    , m_summary(new QLabel(this))
    , m_budgetsCaption(new QLabel(this))
    , m_budgets(new QTableWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_summary->setObjectName(QStringLiteral("costsSummaryLabel"));
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setObjectName(QStringLiteral("exportCostsButton"));
    top->addWidget(exportButton);
    layout->addLayout(top);
    m_chartView->setObjectName(QStringLiteral("costsChartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chartView);
    auto *budgetsBox = new QWidget(splitter);
    auto *budgetsLayout = new QVBoxLayout(budgetsBox);
    budgetsLayout->setContentsMargins(0, 0, 0, 0);
    m_budgetsCaption->setObjectName(QStringLiteral("budgetsCaptionLabel"));
    budgetsLayout->addWidget(m_budgetsCaption);
    m_budgets->setObjectName(QStringLiteral("budgetsTableWidget"));
    m_budgets->setColumnCount(5);
    m_budgets->setHorizontalHeaderLabels(
        {tr("Agent"), tr("Spent today"), tr("Daily budget"), tr("Used"), tr("Forecast")});
    m_budgets->horizontalHeader()->setStretchLastSection(true);
    m_budgets->verticalHeader()->hide();
    m_budgets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_budgets->setAlternatingRowColors(true);
    m_budgets->setWordWrap(false);
    budgetsLayout->addWidget(m_budgets);
    splitter->addWidget(budgetsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({520, 160});
    layout->addWidget(splitter, 1);
    m_chartView->setBackgroundBrush(palette().color(QPalette::Base));
    theme::styleChart(m_chartView->chart(), palette());
    setBudgets({});
    connect(exportButton, &QPushButton::clicked, this, &CostsView::exportRequested);
}

// Long function: the costs view is filled in one pass (days, totals, per-agent rows, the chart), so
// that the day boundaries computed once are used by every part.
void CostsView::setCosts(const QList<DailyCost> &costs, const QTimeZone &zone, int days)
{
    m_costs = costs;
    // Days as local dates, from the first to today.
    QList<QDate> dates;
    m_zone = zone;
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), zone).date();
    const QDate first = today.addDays(1 - days);
    for (int i = 0; i < days; ++i)
        dates.append(first.addDays(i));
    std::map<QString, double> totals;
    m_today.clear();
    const qint64 todaySecs = today.startOfDay(zone).toSecsSinceEpoch();
    for (const DailyCost &c : costs) {
        totals[c.agent] += c.costUsd;
        if (c.dayStartSecs >= todaySecs)
            m_today[c.agent] += c.costUsd;
    }
    m_todayAtMs = m_clock.monotonicMs();
    m_todayKnown = true;
    QList<QPair<double, QString>> ranked;
    for (const auto &[agent, total] : totals) {
        if (total > 0) // agents that spent nothing stay out of the chart
            ranked.append({total, agent});
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList top;
    for (int i = 0; i < std::min<qsizetype>(TopAgents, ranked.size()); ++i)
        top << ranked.at(i).second;

    m_series.clear();
    QHash<QString, QList<double>> perAgent;
    for (const QString &agent : top)
        perAgent.insert(agent, QList<double>(days, 0.0));
    QList<double> others(days, 0.0);
    bool anyOthers = false;
    for (const DailyCost &c : costs) {
        const int day = static_cast<int>(first.daysTo(QDateTime::fromSecsSinceEpoch(c.dayStartSecs, zone).date()));
        if (day < 0 || day >= days)
            continue;
        if (perAgent.contains(c.agent)) {
            perAgent[c.agent][day] += c.costUsd;
        } else {
            others[day] += c.costUsd;
            anyOthers = anyOthers || c.costUsd > 0;
        }
    }
    for (const QString &agent : top)
        m_series.append({agent, perAgent.value(agent)});
    if (anyOthers)
        m_series.append({tr("others"), others});

    auto *chart = new QChart;
    chart->setTitle(tr("Cost per day, last %n day(s)", nullptr, days));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *bars = new QStackedBarSeries;
    for (const auto &[name, values] : std::as_const(m_series)) {
        auto *set = new QBarSet(name);
        for (double v : values)
            set->append(v);
        bars->append(set);
    }
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    const QLocale locale;
    // Day numbers fit under thirty bars; the months go in the axis title.
    for (const QDate &d : dates)
        x->append(QString::number(d.day()));
    x->setTitleText(dates.first().month() == dates.last().month()
                        ? locale.toString(dates.last(), QStringLiteral("MMMM yyyy"))
                        : QStringLiteral("%1 – %2").arg(locale.toString(dates.first(), QStringLiteral("d MMMM")),
                                                        locale.toString(dates.last(), QStringLiteral("d MMMM yyyy"))));
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("$%.2f"));
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true); // "$1,50" in German, as in the tables
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    y->setMin(0);
    y->setTickCount(5);
    y->applyNiceNumbers(); // round steps, from the series' own maximum
    // Hovering a bar shows its value.
    connect(bars, &QStackedBarSeries::hovered, this, [this](bool status, int index, QBarSet *set) {
        m_chartView->setToolTip(status ? QStringLiteral("%1: %2").arg(set->label(), usd(set->at(index))) : QString());
    });
    theme::styleChart(chart, palette());
    auto *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;

    double total = 0;
    for (const auto &r : std::as_const(ranked))
        total += r.first;
    QStringList leaders;
    for (int i = 0; i < std::min<qsizetype>(3, ranked.size()); ++i)
        leaders << QStringLiteral("%1 (%2)").arg(ranked.at(i).second, usd(ranked.at(i).first, locale));
    m_summary->setText(costs.isEmpty() ? tr("No priced usage in this period yet.")
                                       : tr("<b>$%1</b> in %n day(s). Top: %2", nullptr, days)
                                             .arg(locale.toString(total, 'f', usdDecimals(total)),
                                                  leaders.join(QStringLiteral(", "))));
    setBudgets(m_rows); // today's figures from this same answer
}

void CostsView::setBudgets(const QList<AgentRow> &given)
{
    m_rows = given;
    QList<AgentRow> rows = given;
    if (m_todayKnown && m_clock.monotonicMs() - m_todayAtMs < 5000) {
        for (AgentRow &r : rows) {
            if (auto it = m_today.constFind(r.name); it != m_today.cend())
                r.costTodayUsd = *it;
        }
    }
    QList<const AgentRow *> budgeted;
    for (const AgentRow &r : std::as_const(rows)) {
        if (r.dailyBudgetUsd && *r.dailyBudgetUsd > 0)
            budgeted.append(&r);
    }
    // The closest to their budget first.
    std::sort(budgeted.begin(), budgeted.end(), [](const AgentRow *a, const AgentRow *b) {
        return a->costTodayUsd / *a->dailyBudgetUsd > b->costTodayUsd / *b->dailyBudgetUsd;
    });
    m_budgetsCaption->setText(
        budgeted.isEmpty()
            ? tr("<b>Today against budget</b> — no agent has a daily budget yet (set one in the agent's settings).")
            : tr("<b>Today against budget</b>"));
    m_budgets->setVisible(!budgeted.isEmpty());
    m_budgets->setRowCount(static_cast<int>(budgeted.size()));
    const QLocale locale;
    for (int i = 0; i < budgeted.size(); ++i) {
        const AgentRow &r = *budgeted.at(i);
        const double used = r.costTodayUsd / *r.dailyBudgetUsd * 100.0;
        QString forecast;
        if (r.costTodayUsd >= *r.dailyBudgetUsd)
            forecast = tr("over budget");
        else if (r.budgetExhaustedAtMs)
            forecast = tr("reaches the budget at %1 at the last hour's rate")
                           .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(*r.budgetExhaustedAtMs).time(),
                                                QLocale::ShortFormat));
        else
            forecast = tr("stays within budget today");
        const QStringList cells{r.name, usd(r.costTodayUsd, locale), usd(*r.dailyBudgetUsd, locale),
                                QStringLiteral("%1 %").arg(locale.toString(used, 'f', 0)), forecast};
        for (int c = 0; c < cells.size(); ++c) {
            QTableWidgetItem *item = m_budgets->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_budgets->setItem(i, c, item);
            }
            item->setText(cells.at(c));
            item->setTextAlignment(c >= 1 && c <= 3 ? Qt::AlignRight | Qt::AlignVCenter
                                                    : Qt::AlignLeft | Qt::AlignVCenter);
            item->setForeground(used >= 100  ? QBrush(theme::errorColour(palette()))
                                : used >= 80 ? QBrush(theme::warningColour(palette()))
                                             : QBrush());
        }
    }
    if (!budgeted.isEmpty() && m_budgets->columnWidth(0) < 40)
        m_budgets->resizeColumnsToContents();
}

void CostsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        theme::styleChart(m_chartView->chart(), palette());
        m_chartView->setBackgroundBrush(palette().color(QPalette::Base));
        setBudgets(m_rows); // the over-budget colours
    }
}

bool CostsView::exportCsv(const QString &path, QString *error) const
{
    QSaveFile f(path);
    QByteArray csv = Csv::row(
        {QStringLiteral("date"), QStringLiteral("agent"), QStringLiteral("cost_usd"), QStringLiteral("tokens")});
    for (const DailyCost &c : m_costs)
        csv += Csv::row({QDateTime::fromSecsSinceEpoch(c.dayStartSecs, m_zone).date().toString(Qt::ISODate),
                         Csv::field(c.agent), QString::number(c.costUsd, 'f', 6), QString::number(c.tokens)});
    if (!f.open(QIODevice::WriteOnly) || f.write(csv) < 0 || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace clev
