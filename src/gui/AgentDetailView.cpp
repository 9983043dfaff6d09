// SPDX-License-Identifier: MIT
#include "gui/AgentDetailView.h"

#include "gui/CauseText.h"

#include "core/Clock.h"

#include "gui/AgentsModel.h"
#include "gui/Money.h"
#include "gui/TimelineBar.h"
#include "gui/UsageChart.h"
#include "ui_AgentDetailView.h"

#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QPlainTextEdit>

namespace clev {

namespace {
QString shortTime(qint64 ms, const QLocale &locale)
{
    return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QStringLiteral("d MMM HH:mm:ss"));
}

void fillRow(QTableWidget *table, int row, const QStringList &cells, const QList<int> &rightAligned = {})
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        item->setToolTip(cells.at(c));
        if (rightAligned.contains(c))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, c, item);
    }
}
} // namespace

// Long function: the detail's widgets set up once (combos, tables, the crash viewer, buttons, names).
AgentDetailView::AgentDetailView(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::AgentDetailView>())
{
    m_ui->setupUi(this);
    m_ui->rangeComboBox->addItem(tr("Last hour"));
    m_ui->rangeComboBox->addItem(tr("Last 24 hours"));
    m_ui->rangeComboBox->addItem(tr("Last 30 days"));
    m_ui->rangeComboBox->setCurrentIndex(1);
    m_ui->metricComboBox->addItem(tr("Cost"));
    m_ui->metricComboBox->addItem(tr("Tokens"));
    connect(m_ui->rangeComboBox, &QComboBox::currentIndexChanged, this, &AgentDetailView::showUsage);
    connect(m_ui->metricComboBox, &QComboBox::currentIndexChanged, this, &AgentDetailView::showUsage);

    QTableWidget *models = m_ui->modelsTableWidget;
    models->setColumnCount(6);
    models->setHorizontalHeaderLabels(
        {tr("Model"), tr("Cost"), tr("Input"), tr("Output"), tr("Cache read"), tr("Cache write")});
    models->verticalHeader()->hide();
    // The cost next to the model: it stays in sight when the token columns scroll.
    models->horizontalHeader()->setStretchLastSection(true);
    models->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_ui->usageBodyLayout->setStretch(0, 3);
    m_ui->usageBodyLayout->setStretch(1, 2);
    models->hide();

    QTableWidget *beats = m_ui->beatsTableWidget;
    beats->setColumnCount(5);
    beats->setHorizontalHeaderLabels({tr("Received"), tr("Status"), tr("Tokens"), tr("Cost"), tr("Message")});
    beats->horizontalHeader()->setStretchLastSection(true);
    beats->verticalHeader()->hide();
    beats->verticalHeader()->setDefaultSectionSize(beats->fontMetrics().height() + 6);
    QTableWidget *restarts = m_ui->restartsTableWidget;
    restarts->setColumnCount(4);
    restarts->setHorizontalHeaderLabels({tr("When"), tr("Through"), tr("Why"), tr("Result")});
    restarts->horizontalHeader()->setStretchLastSection(true);
    restarts->verticalHeader()->hide();
    QTableWidget *incidents = m_ui->incidentsTableWidget;
    incidents->setColumnCount(IncidentColumnCount);
    incidents->setHorizontalHeaderLabels(
        {tr("Opened"), tr("Kind"), tr("Resolved"), tr("Duration"), tr("Acknowledged"), tr("Summary")});
    incidents->horizontalHeader()->setStretchLastSection(true);
    incidents->verticalHeader()->hide();
    connect(incidents, &QTableWidget::currentCellChanged, this, &AgentDetailView::showIncidentDetail);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QPlainTextEdit *incidentText = m_ui->incidentDetailTextEdit;
    incidentText->setFont(fixed);
    incidentText->setMaximumHeight(incidentText->fontMetrics().height() * 9);
    incidentText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(m_ui->copyIncidentButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->incidentDetailTextEdit->toPlainText()); });
    m_ui->copyIncidentButton->setEnabled(false);

    // A crash: its traceback, readable and copyable, under the facts (shown while the crash is open).
    m_crashText = new QPlainTextEdit(this);
    m_crashText->setObjectName(QStringLiteral("crashTextEdit"));
    m_crashText->setReadOnly(true);
    m_crashText->setFont(fixed);
    m_crashText->setMaximumHeight(m_crashText->fontMetrics().height() * 9);
    m_crashText->setToolTip(tr("The crash report's traceback (select to copy)"));
    m_crashText->hide();
    m_ui->agentDetailLayout->insertWidget(1, m_crashText);

    connect(m_ui->pause1hButton, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(3600'000); });
    connect(m_ui->pause4hButton, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(4 * 3600'000); });
    connect(m_ui->pause8hButton, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(8 * 3600'000); });
    connect(m_ui->pauseIndefinitelyButton, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(0); });
    connect(m_ui->resumeButton, &QPushButton::clicked, this, &AgentDetailView::resumeRequested);
    connect(m_ui->restartButton, &QPushButton::clicked, this, &AgentDetailView::restartRequested);
    connect(m_ui->agentSettingsButton, &QPushButton::clicked, this, &AgentDetailView::settingsRequested);
    connect(m_ui->forgetButton, &QPushButton::clicked, this, &AgentDetailView::forgetRequested);

    // Names for screen readers where no text or label gives one.
    const QList<QPair<QWidget *, QString>> names{
        {m_ui->rangeComboBox, tr("Time range")},
        {m_ui->metricComboBox, tr("Cost or tokens")},
        {m_ui->timelineListWidget, tr("Timeline")},
        {m_ui->beatsTableWidget, tr("Recent beats")},
        {m_ui->restartsTableWidget, tr("Restarts")},
        {m_ui->incidentsTableWidget, tr("The agent's alerts")},
        {m_ui->incidentDetailTextEdit, tr("Incident detail")},
        {m_ui->modelsTableWidget, tr("Usage by model")},
        {m_crashText, tr("Crash report")},
        {m_ui->usageChart, tr("Usage chart")},
    };
    for (const auto &[widget, name] : names)
        widget->setAccessibleName(name);
    clear();
}

AgentDetailView::~AgentDetailView() = default;

void AgentDetailView::setClock(const Clock *clock)
{
    m_clock = clock;
}

QList<QWidget *> AgentDetailView::actionButtons() const
{
    return {m_ui->pause1hButton, m_ui->pause4hButton,       m_ui->pause8hButton, m_ui->pauseIndefinitelyButton,
            m_ui->restartButton, m_ui->agentSettingsButton, m_ui->forgetButton};
}

QWidget *AgentDetailView::resumeButton() const
{
    return m_ui->resumeButton;
}

void AgentDetailView::clear()
{
    m_agentId = 0;
    m_state = AgentState::New;
    m_detail = AgentDetail();
    setEnabled(false);
    setTitle(tr("Agent"));
    m_ui->agentDetailLabel->clear();
    m_ui->timelineListWidget->clear();
    m_ui->timelineBar->clear();
    m_ui->beatsTableWidget->setRowCount(0);
    m_ui->restartsTableWidget->setRowCount(0);
    m_ui->detailTabWidget->setTabText(m_ui->detailTabWidget->indexOf(m_ui->restartsTab), tr("Restarts"));
    m_ui->incidentsTableWidget->setRowCount(0);
    m_ui->incidentDetailTextEdit->clear();
    m_ui->detailTabWidget->setTabText(m_ui->detailTabWidget->indexOf(m_ui->agentAlertsTab), tr("Alerts"));
    m_crashText->clear();
    m_crashText->hide();
    showUsage(); // empty series
}

bool AgentDetailView::showRow(const AgentsModel &model, int sourceRow)
{
    const AgentRow &a = model.row(sourceRow);
    const bool another = a.id != m_agentId;
    if (another) {
        clear();
        m_agentId = a.id;
    }
    m_state = a.state;
    setEnabled(true);
    setTitle(a.name);
    QStringList facts{tr("State: %1").arg(model.index(sourceRow, AgentsModel::State).data().toString()),
                      tr("Last seen: %1").arg(model.index(sourceRow, AgentsModel::LastSeen).data().toString())};
    if (a.expectedIntervalSecs > 0)
        facts << tr("Expected every %1 s").arg(a.expectedIntervalSecs);
    if (!a.model.isEmpty())
        facts << tr("Model: %1").arg(a.model);
    facts << tr("Today: %1 tokens, %2")
                 .arg(model.index(sourceRow, AgentsModel::Tokens).data().toString(),
                      model.index(sourceRow, AgentsModel::Cost).data().toString());
    m_ui->agentDetailLabel->setText(facts.join(QStringLiteral("   ·   ")) +
                                    (a.lastMessage.isEmpty() ? QString() : QStringLiteral("\n") + a.lastMessage));
    return another;
}

void AgentDetailView::setDetail(const AgentDetail &detail)
{
    if (detail.agentId != m_agentId || m_agentId == 0)
        return;
    m_detail = detail;
    showTimeline();
    showBeats();
    showRestarts();
    showIncidents();
    showUsage();
}

void AgentDetailView::showTimeline()
{
    const QLocale locale;
    m_ui->timelineListWidget->clear();
    for (const TimelineEntry &e : std::as_const(m_detail.timeline)) {
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat);
        const auto state = [](const QString &name) {
            const auto s = agentStateFromName(name);
            return s ? AgentsModel::stateText(*s) : name;
        };
        const QString change =
            e.from == e.to ? QStringLiteral("·") : QStringLiteral("%1 → %2").arg(state(e.from), state(e.to));
        m_ui->timelineListWidget->addItem(QStringLiteral("%1   %2   %3").arg(when, change, TimelineBar::causeText(e)));
    }
    const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    m_ui->timelineBar->setTimeline(m_detail.timeline, m_state, now);
}

void AgentDetailView::showBeats()
{
    const QLocale locale;
    QTableWidget *beats = m_ui->beatsTableWidget;
    beats->setRowCount(static_cast<int>(m_detail.beats.size()));
    for (int r = 0; r < m_detail.beats.size(); ++r) {
        const BeatRecord &b = m_detail.beats.at(r);
        fillRow(beats, r,
                {shortTime(b.receivedAtMs, locale), b.status, locale.toString(b.tokens),
                 b.costUsd ? usd(*b.costUsd, locale) : QStringLiteral("–"), b.message},
                {2, 3});
    }
    beats->resizeColumnsToContents();
}

void AgentDetailView::showRestarts()
{
    const QLocale locale;
    QTableWidget *restarts = m_ui->restartsTableWidget;
    restarts->setRowCount(static_cast<int>(m_detail.restarts.size()));
    for (int r = 0; r < m_detail.restarts.size(); ++r) {
        const RestartRecord &x = m_detail.restarts.at(r);
        const QString result =
            x.ok ? (x.context.isEmpty() ? tr("restarted") : tr("restarted; before: %1").arg(x.context))
                 : tr("failed: %1").arg(x.error);
        fillRow(restarts, r, {shortTime(x.atMs, locale), x.target, x.trigger, result});
    }
    restarts->resizeColumnsToContents();
    m_ui->detailTabWidget->setTabText(m_ui->detailTabWidget->indexOf(m_ui->restartsTab),
                                      m_detail.restarts.isEmpty() ? tr("Restarts")
                                                                  : tr("Restarts (%1)").arg(m_detail.restarts.size()));
}

void AgentDetailView::showIncidents()
{
    const QLocale locale;
    QTableWidget *table = m_ui->incidentsTableWidget;
    const qint64 selected = table->currentRow() >= 0 && table->currentRow() < table->rowCount()
                                ? table->item(table->currentRow(), Opened)->data(Qt::UserRole).toLongLong()
                                : 0;
    const QSignalBlocker block(table);
    table->setRowCount(static_cast<int>(m_detail.incidents.size()));
    const qint64 now = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    int current = -1;
    for (int r = 0; r < m_detail.incidents.size(); ++r) {
        const Incident &i = m_detail.incidents.at(r);
        const qint64 end = i.resolvedAtMs ? i.resolvedAtMs : now;
        fillRow(table, r,
                {shortTime(i.openedAtMs, locale), IncidentKey{i.kind, i.project}.name(),
                 i.resolvedAtMs ? shortTime(i.resolvedAtMs, locale) : tr("open"),
                 TimelineBar::durationText(end - i.openedAtMs), i.ackedAtMs ? shortTime(i.ackedAtMs, locale) : tr("no"),
                 CauseText::render(i.summaryData, i.summary)},
                {Duration});
        table->item(r, Opened)->setData(Qt::UserRole, i.id);
        if (i.id == selected)
            current = r;
    }
    table->resizeColumnsToContents();
    table->setCurrentCell(current, 0);
    m_ui->detailTabWidget->setTabText(m_ui->detailTabWidget->indexOf(m_ui->agentAlertsTab),
                                      m_detail.incidents.isEmpty() ? tr("Alerts")
                                                                   : tr("Alerts (%1)").arg(m_detail.incidents.size()));
    showIncidentDetail();
    // An open crash: what it said, traceback and all (the incident's detail holds it).
    QString crash;
    for (const Incident &i : std::as_const(m_detail.incidents)) {
        if (i.kind == IncidentKind::Crash && !i.resolvedAtMs) {
            crash = CauseText::render(i.detailData, i.detail);
            break;
        }
    }
    m_crashText->setPlainText(crash);
    m_crashText->setVisible(!crash.isEmpty());
}

void AgentDetailView::showIncidentDetail()
{
    const int row = m_ui->incidentsTableWidget->currentRow();
    const QString text =
        row >= 0 && row < m_detail.incidents.size()
            ? CauseText::render(m_detail.incidents.at(row).detailData, m_detail.incidents.at(row).detail)
            : QString();
    m_ui->incidentDetailTextEdit->setPlainText(text);
    m_ui->copyIncidentButton->setEnabled(!text.isEmpty());
}

void AgentDetailView::showUsage()
{
    const auto metric =
        m_ui->metricComboBox->currentIndex() == 1 ? UsageChart::Metric::Tokens : UsageChart::Metric::Cost;
    const AgentDetail &d = m_detail;
    switch (m_ui->rangeComboBox->currentIndex()) {
    case 0:
        m_ui->usageChart->setUsage(d.hour, d.hourFromSecs, 60, 60, metric);
        break;
    case 2:
        m_ui->usageChart->setUsage(d.month, d.monthFromSecs, 86400, 30, metric);
        break;
    default:
        m_ui->usageChart->setUsage(d.day, d.dayFromSecs, 3600, 24, metric);
        break;
    }
    double total = 0;
    for (double v : m_ui->usageChart->values())
        total += v;
    const QLocale locale;
    QString summary = metric == UsageChart::Metric::Cost
                          ? tr("total $%1").arg(locale.toString(total, 'f', usdDecimals(total)))
                          : tr("total %1 tokens").arg(locale.toString(qint64(total)));
    if (d.costPerIterationUsd)
        summary += QStringLiteral("   ·   ") + tr("%1 per iteration (24 h)").arg(usd(*d.costPerIterationUsd, locale));
    m_ui->usageSummaryLabel->setText(summary);
    showModels(m_ui->rangeComboBox->currentIndex() == 2 ? d.monthModels : d.dayModels);
}

void AgentDetailView::showModels(const QList<ModelUsage> &models)
{
    const QLocale locale;
    QTableWidget *table = m_ui->modelsTableWidget;
    table->setRowCount(static_cast<int>(models.size()));
    for (int r = 0; r < models.size(); ++r) {
        const ModelUsage &m = models.at(r);
        fillRow(table, r,
                {m.model.isEmpty() ? tr("(not named)") : m.model, usd(m.costUsd, locale),
                 locale.toString(m.inputTokens), locale.toString(m.outputTokens), locale.toString(m.cacheReadTokens),
                 locale.toString(m.cacheWriteTokens)},
                {1, 2, 3, 4, 5});
    }
    table->resizeColumnsToContents();
    table->setToolTip(m_ui->rangeComboBox->currentIndex() == 2 ? tr("Usage by model over the last 30 days")
                                                               : tr("Usage by model over the last 24 hours"));
    table->setVisible(!models.isEmpty());
}

void AgentDetailView::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_ui->timelineBar->update();
}

} // namespace clev
