// SPDX-License-Identifier: MIT
// Long file: the main window's views (agents, detail, alerts, costs, sources) and their actions share the
// window's selection and source; the models, charts, strip and dialogs live in their own files.
#include "gui/MainWindow.h"

#include "core/Clock.h"

#include "gui/AgentDetailView.h"
#include "gui/AgentSettingsDialog.h"
#include "gui/CauseText.h"
#include "gui/CombinedSource.h"
#include "gui/CostsView.h"
#include "gui/HistoryDelegates.h"
#include "gui/Money.h"
#include "gui/MonitorSource.h"
#include "gui/StateBadgeDelegate.h"
#include "gui/StatusStrip.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QChartView>
#include <QClipboard>
#include <QDate>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace clev {

namespace {
// Read-only, monospaced, selectable text of a few lines: tracebacks and alert details.
QPlainTextEdit *monospaceViewer(QWidget *parent, const QString &name, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMaximumHeight(edit->fontMetrics().height() * lines);
    return edit;
}
} // namespace

QList<QWidget *> MainWindow::actionButtons() const
{
    // What a read-only source may not do.
    return QList<QWidget *>{m_ui->ackButton, m_ui->silenceButton} + m_ui->agentDetailGroupBox->actionButtons();
}

// Long function: the window's wiring (actions, views, sources, shortcuts) in one place; it is the next
// thing to split, by view.
MainWindow::MainWindow(MonitorSource *source, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_source(source)
    , m_clock(clock)
    , m_model(clock)
{
    m_ui->setupUi(this);
    m_filter.setSourceModel(&m_model);
    m_ui->agentsTableView->setModel(&m_filter);
    m_ui->agentsTableView->viewport()->installEventFilter(this);
    m_ui->agentsTableView->setItemDelegateForColumn(AgentsModel::State, new StateBadgeDelegate(this));
    m_model.setPalette(m_ui->agentsTableView->palette());
    m_ui->agentsTableView->sortByColumn(AgentsModel::State, Qt::DescendingOrder); // the worst first
    m_ui->agentsTableView->verticalHeader()->hide();
    // Columns are sized to their contents once, from the rows in sight; re-measuring all rows on every
    // update would cost more than the update itself with thousands of agents.
    m_ui->agentsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->agentsTableView->horizontalHeader()->setResizeContentsPrecision(100);
    m_ui->agentsTableView->setItemDelegateForColumn(AgentsModel::Beats, new BeatStripDelegate(this));
    m_ui->agentsTableView->setItemDelegateForColumn(AgentsModel::CostTrend, new CostSparklineDelegate(this));
    m_historyTimer.setSingleShot(true);
    connect(&m_historyTimer, &QTimer::timeout, this, [this] {
        m_source->requestHistory();
        m_historyTimer.start(60'000);
    });

    m_ui->stateComboBox->addItem(tr("All states"), -1);
    for (AgentState s : {AgentState::Dead, AgentState::Late, AgentState::Error, AgentState::Warning,
                         AgentState::Healthy, AgentState::Paused, AgentState::Stopped, AgentState::New})
        m_ui->stateComboBox->addItem(AgentsModel::stateIcon(s), AgentsModel::stateText(s), static_cast<int>(s));
    m_ui->snippetTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->agentsTableView->verticalHeader()->setDefaultSectionSize(m_ui->agentsTableView->fontMetrics().height() + 8);
    connect(m_ui->filterLineEdit, &QLineEdit::textChanged, &m_filter, &AgentFilterModel::setText);
    // Status at a glance over the table: each state's count filters the table (the state box follows).
    m_strip = new StatusStrip(m_ui->agentsTab);
    m_ui->agentsLayout->insertWidget(0, m_strip);
    connect(m_ui->stateComboBox, &QComboBox::currentIndexChanged, this, [this] {
        const int v = m_ui->stateComboBox->currentData().toInt();
        const auto state = v < 0 ? std::nullopt : std::optional<AgentState>(static_cast<AgentState>(v));
        m_filter.setState(state);
        m_strip->setFilter(state);
    });
    connect(m_strip, &StatusStrip::filterRequested, this, [this](std::optional<AgentState> state) {
        m_ui->stateComboBox->setCurrentIndex(
            std::max(0, m_ui->stateComboBox->findData(state ? static_cast<int>(*state) : -1)));
    });
    connect(m_strip, &StatusStrip::incidentsRequested, this, [this] {
        m_ui->openOnlyCheckBox->setChecked(true);
        showAlertsTab();
        refreshAlerts();
    });
    m_incidentsTimer.setSingleShot(true);
    m_incidentsTimer.setInterval(1000);
    connect(&m_incidentsTimer, &QTimer::timeout, this, &MainWindow::requestOpenIncidents);
    connect(m_ui->copyKeyButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->keyLineEdit->text()); });
    connect(m_ui->copySnippetButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(snippet()); });
    connect(m_ui->usePortButton, &QPushButton::clicked, this,
            [this] { Q_EMIT portChosen(static_cast<quint16>(m_ui->portSpinBox->value())); });

    // Alerts: the history with filters, acknowledgement and CSV export.
    m_ui->alertsTableView->setModel(&m_alerts);
    m_ui->alertsTableView->verticalHeader()->hide();
    m_ui->alertsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->kindComboBox->addItem(tr("All kinds"), QVariant());
    for (IncidentKind kind : {IncidentKind::Dead, IncidentKind::Error, IncidentKind::Crash, IncidentKind::Loop,
                              IncidentKind::Budget, IncidentKind::RestartFailed})
        m_ui->kindComboBox->addItem(AlertsModel::kindText(kind), static_cast<int>(kind));
    m_ui->periodComboBox->addItem(tr("Any time"), 0);
    m_ui->periodComboBox->addItem(tr("Last 24 hours"), 1);
    m_ui->periodComboBox->addItem(tr("Last 7 days"), 7);
    m_ui->periodComboBox->addItem(tr("Last 30 days"), 30);
    connect(m_ui->kindComboBox, &QComboBox::currentIndexChanged, this, &MainWindow::refreshAlerts);
    connect(m_ui->periodComboBox, &QComboBox::currentIndexChanged, this, &MainWindow::refreshAlerts);
    connect(m_ui->alertAgentLineEdit, &QLineEdit::textChanged, this, &MainWindow::refreshAlerts);
    connect(m_ui->silenceButton, &QPushButton::clicked, this, &MainWindow::silenceSelectedAlert);
    connect(m_ui->openOnlyCheckBox, &QCheckBox::toggled, this, &MainWindow::refreshAlerts);
    connect(m_ui->mainTabWidget, &QTabWidget::currentChanged, this, [this] {
        if (m_ui->mainTabWidget->currentWidget() == m_ui->alertsTab)
            refreshAlerts();
    });
    connect(m_ui->ackButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_ui->alertsTableView->currentIndex();
        if (current.isValid())
            m_source->acknowledge(m_alerts.data(current, Qt::UserRole).toLongLong());
    });
    connect(m_ui->exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export alerts"), QStringLiteral("clevagent-alerts.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportAlerts(path, &error))
            QMessageBox::warning(this, tr("Export alerts"), error);
    });
    m_ui->alertsTableView->setWordWrap(false);
    m_ui->agentsTableView->setWordWrap(false);
    m_ui->alertsTableView->verticalHeader()->setDefaultSectionSize(m_ui->alertsTableView->fontMetrics().height() + 8);

    // Agent detail: what it is doing, its timeline, and pausing its alerts (AgentDetailView).
    AgentDetailView *detailView = m_ui->agentDetailGroupBox;
    detailView->setClock(&m_clock);
    // No agent selected: a placeholder says what to do instead of an empty pane.
    m_detailPlaceholder =
        new QLabel(tr("Select an agent to see its timeline, incidents and costs"), m_ui->agentsSplitter);
    m_detailPlaceholder->setObjectName(QStringLiteral("detailPlaceholderLabel"));
    m_detailPlaceholder->setAlignment(Qt::AlignCenter);
    m_detailPlaceholder->setWordWrap(true);
    m_detailPlaceholder->setForegroundRole(QPalette::PlaceholderText);
    m_detailPlaceholder->setFrameShape(QFrame::StyledPanel);
    m_ui->agentsSplitter->addWidget(m_detailPlaceholder);
    m_ui->agentsSplitter->setStretchFactor(0, 3);
    m_ui->agentsSplitter->setStretchFactor(1, 2);
    m_ui->agentsSplitter->setStretchFactor(2, 2);
    setDetailShown(false);
    connect(m_ui->agentsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showDetail);
    // "Last seen" ticks in the table every second: the detail says the same, for remote agents too.
    connect(&m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_detailAgent)
            showDetail();
    });
    connect(detailView, &AgentDetailView::pauseRequested, this, &MainWindow::pauseSelected);
    connect(detailView, &AgentDetailView::resumeRequested, this, [this] {
        if (m_detailAgent)
            m_source->resume(m_detailAgent);
    });
    connect(detailView, &AgentDetailView::settingsRequested, this, &MainWindow::editSelectedSettings);
    connect(detailView, &AgentDetailView::forgetRequested, this, [this] { forgetSelected(); });
    connect(detailView, &AgentDetailView::restartRequested, this, [this] {
        if (const AgentRow *row = m_model.find(m_detailAgent))
            m_source->restart(row->id, row->name);
    });

    // The selected alert's whole detail (a traceback too), below the history.
    m_alertDetailText = monospaceViewer(m_ui->alertsTab, QStringLiteral("alertDetailTextEdit"), 8);
    m_alertDetailText->setPlaceholderText(tr("Select an alert to read its whole detail."));
    // Beside it, how its notifications went, channel by channel.
    m_deliveriesView = new QTableView(m_ui->alertsTab);
    m_deliveriesView->setObjectName(QStringLiteral("deliveriesTableView"));
    m_deliveriesView->setModel(&m_deliveries);
    m_deliveriesView->verticalHeader()->hide();
    m_deliveriesView->horizontalHeader()->setStretchLastSection(true);
    m_deliveriesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_deliveriesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_deliveriesView->setWordWrap(false);
    m_deliveriesLabel = new QLabel(m_ui->alertsTab);
    m_deliveriesLabel->setObjectName(QStringLiteral("deliveriesLabel"));
    m_deliveriesLabel->setWordWrap(true);
    auto *deliveries = new QWidget(m_ui->alertsTab);
    auto *deliveriesBox = new QVBoxLayout(deliveries);
    deliveriesBox->setContentsMargins(0, 0, 0, 0);
    deliveriesBox->addWidget(m_deliveriesLabel);
    deliveriesBox->addWidget(m_deliveriesView);
    deliveriesBox->addStretch();
    auto *below = new QSplitter(Qt::Horizontal, m_ui->alertsTab);
    below->setObjectName(QStringLiteral("alertBelowSplitter"));
    below->addWidget(m_alertDetailText);
    below->addWidget(deliveries);
    below->setStretchFactor(0, 1);
    below->setStretchFactor(1, 1);
    if (auto *box = qobject_cast<QBoxLayout *>(m_ui->alertsTab->layout()))
        box->addWidget(below);
    m_alerts.setClock(&m_clock);
    showDeliveriesOf(0);
    connect(m_ui->alertsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const bool valid = current.isValid() && current.row() < m_alerts.incidents().size();
                m_alertDetailText->setPlainText(
                    valid ? CauseText::render(m_alerts.incidents().at(current.row()).detailData,
                                              m_alerts.incidents().at(current.row()).detail)
                          : QString());
                showDeliveriesOf(valid ? m_alerts.incidents().at(current.row()).id : 0);
            });

    m_costsTimer.setSingleShot(true);
    connect(&m_costsTimer, &QTimer::timeout, this, &MainWindow::requestCostsSoon);

    // Costs: 30 days stacked by agent.
    m_costsView = new CostsView(m_clock, this);
    m_ui->mainTabWidget->addTab(m_costsView, tr("Costs"));
    connect(m_ui->mainTabWidget, &QTabWidget::currentChanged, this, [this] {
        if (m_ui->mainTabWidget->currentWidget() == m_costsView) {
            m_costsRequestedMs = m_clock.monotonicMs();
            m_source->requestCosts(30);
        }
    });
    connect(m_costsView, &CostsView::exportRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export costs"), QStringLiteral("clevagent-costs.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !m_costsView->exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export costs"), error);
    });

    // Names for screen readers where no text or label gives one.
    const QList<QPair<QWidget *, QString>> names{
        {m_ui->sourcesListWidget, tr("Sources")},
        {m_ui->portSpinBox, tr("Port")},
        {m_ui->endpointLineEdit, tr("Endpoint")},
        {m_ui->keyLineEdit, tr("API key")},
        {m_ui->snippetTextEdit, tr("Snippet")},
        {m_ui->filterLineEdit, tr("Filter agents by name or message")},
        {m_ui->stateComboBox, tr("Filter agents by state")},
        {m_ui->agentsTableView, tr("Agents")},
        {m_ui->alertAgentLineEdit, tr("Filter alerts by agent")},
        {m_ui->kindComboBox, tr("Filter alerts by kind")},
        {m_ui->periodComboBox, tr("Filter alerts by period")},
        {m_ui->alertsTableView, tr("Alert history")},
        {m_alertDetailText, tr("Alert detail")},
        {m_deliveriesView, tr("The alert's notifications")},
        {m_costsView->budgetsTable(), tr("Today against budget")},
        {m_costsView->chartView(), tr("Costs chart")},
    };
    for (const auto &[widget, name] : names)
        widget->setAccessibleName(name);

    // Keyboard shortcuts (Help → Keyboard shortcuts lists them).
    const auto shortcut = [this](const QString &name, const QString &text, const QKeySequence &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QStringLiteral("findAgentAction"), tr("Find an agent"), QKeySequence::Find, [this] {
        m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
        m_ui->mainTabWidget->setCurrentWidget(m_ui->agentsTab);
        m_ui->filterLineEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->filterLineEdit->selectAll();
    });
    shortcut(QStringLiteral("showAgentsAction"), tr("Show the agents"), QKeySequence(Qt::CTRL | Qt::Key_1), [this] {
        m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
        m_ui->mainTabWidget->setCurrentWidget(m_ui->agentsTab);
    });
    shortcut(QStringLiteral("showAlertsAction"), tr("Show the alerts"), QKeySequence(Qt::CTRL | Qt::Key_2),
             [this] { showAlertsTab(); });
    shortcut(QStringLiteral("showCostsAction"), tr("Show the costs"), QKeySequence(Qt::CTRL | Qt::Key_3),
             [this] { showCostsTab(); });

    attachSource(source);
    m_sources.append({source, tr("This computer")});
    m_combined = new CombinedSource(this);
    m_combined->addSource(source, QString());
    connect(source, &MonitorSource::snapshot, this,
            [this, source](const QList<AgentRow> &rows) { countSource(source, rows); });
    connect(m_ui->sourcesListWidget, &QListWidget::currentRowChanged, this, [this](int row) {
        // With more than one source, "All sources" comes first.
        MonitorSource *chosen = sourceAtRow(row);
        if (chosen && chosen != m_source)
            showSource(chosen);
    });
    updateSources();
    m_ui->listenerFrame->hide();
    updateFirstRun();
    updateTitle();
    for (QWidget *w : actionButtons())
        w->setProperty("clevToolTip", w->toolTip()); // the tooltip it has while enabled
    applyCapabilities();
}

MainWindow::~MainWindow() = default;

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Rows must not jump under the pointer when states change: while it is over the table the order
    // holds (new agents are added at the end); leaving sorts again. The selection follows its row either way.
    if (watched == m_ui->agentsTableView->viewport()) {
        if (event->type() == QEvent::Enter)
            m_filter.setDynamicSortFilter(false);
        else if (event->type() == QEvent::Leave || event->type() == QEvent::Hide)
            m_filter.setDynamicSortFilter(true);
        else if (event->type() == QEvent::Resize)
            fitColumns();
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // Below 1100 px the sidebar gives its width to the table: icons only, names in the tooltips.
    const bool compact = width() < 1100;
    if (compact != m_compactSidebar) {
        m_compactSidebar = compact;
        updateSources();
    }
}

void MainWindow::fitColumns()
{
    // No horizontal scrollbar on a small screen: the columns a glance needs least give way first, and come
    // back as soon as there is room again; the last message stretches into what is left.
    QTableView *table = m_ui->agentsTableView;
    static constexpr AgentsModel::Column yieldOrder[] = {AgentsModel::Iteration, AgentsModel::Interval,
                                                         AgentsModel::CostTrend, AgentsModel::Tokens,
                                                         AgentsModel::Uptime};
    for (const AgentsModel::Column c : yieldOrder)
        table->setColumnHidden(c, false);
    const int room = table->viewport()->width();
    const int minMessage = table->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 8;
    const auto used = [table] {
        int sum = 0;
        for (int c = 0; c < AgentsModel::Message; ++c)
            sum += table->isColumnHidden(c) ? 0 : table->columnWidth(c);
        return sum;
    };
    for (const AgentsModel::Column c : yieldOrder) {
        if (used() + minMessage <= room)
            break;
        table->setColumnHidden(c, true);
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_model.setPalette(palette());
        m_alerts.setPalette(palette());
        m_deliveries.setPalette(palette());
    }
}

void MainWindow::showDeliveriesOf(qint64 incidentId)
{
    m_deliveries.clear();
    m_deliveriesLabel->setText(incidentId ? tr("Reading how its notifications went…")
                                          : tr("Select an alert to see how its notifications went."));
    m_deliveriesView->setVisible(incidentId != 0);
    m_deliveriesFor = incidentId;
    if (incidentId && m_source)
        m_source->requestDeliveries(incidentId);
}

void MainWindow::onDeliveries(qint64 incidentId, const QList<Delivery> &deliveries, const QString &error)
{
    if (incidentId != m_deliveriesFor)
        return; // an answer for an alert no longer selected
    m_deliveries.setDeliveries(incidentId, deliveries);
    m_deliveriesView->resizeColumnsToContents();
    m_deliveriesView->setVisible(!deliveries.isEmpty()); // an empty table says less than the line above it
    if (!error.isEmpty())
        m_deliveriesLabel->setText(tr("Cannot read its notifications: %1").arg(error));
    else if (deliveries.isEmpty())
        m_deliveriesLabel->setText(
            tr("No channel was notified: none takes this kind of alert, or it was silenced or recorded only."));
    else
        m_deliveriesLabel->setText(tr("Notifications: %n channel(s)", nullptr, static_cast<int>(deliveries.size())));
}

MonitorSource *MainWindow::sourceAtRow(int row) const
{
    if (m_sources.size() > 1) {
        if (row == 0)
            return m_combined;
        --row;
    }
    return row >= 0 && row < m_sources.size() ? m_sources.at(row).first : nullptr;
}

MonitorSource *MainWindow::allSources() const
{
    return m_combined;
}

void MainWindow::showAllSources()
{
    showSource(m_combined);
}

void MainWindow::addSource(MonitorSource *source, const QString &label)
{
    m_sources.append({source, label});
    m_combined->addSource(source, label);
    // The sidebar names the source's state; the tray and this list follow every source, the views one.
    connect(source, &MonitorSource::connectionChanged, this, [this, source](bool connected, const QString &message) {
        if (connected)
            m_sourceProblems.remove(source);
        else
            m_sourceProblems.insert(source, message);
        updateSources();
        Q_EMIT summaryChanged(); // the tray's tooltip says which source is disconnected
    });
    connect(source, &QObject::destroyed, this, [this, source] { removeSource(source); });
    connect(source, &MonitorSource::snapshot, this,
            [this, source](const QList<AgentRow> &rows) { countSource(source, rows); });
    updateSources();
}

void MainWindow::countSource(MonitorSource *source, const QList<AgentRow> &rows)
{
    m_lists.insert(source, rows);
    Counts c;
    c.total = static_cast<int>(rows.size());
    for (const AgentRow &r : rows) {
        c.dead += r.state == AgentState::Dead;
        c.late += r.state == AgentState::Late;
        c.error += r.state == AgentState::Error;
        if (agentStateSeverity(r.state) > agentStateSeverity(c.worst))
            c.worst = r.state;
    }
    if (auto it = m_counts.constFind(source); it != m_counts.cend() && *it == c)
        return; // most lists change usage and messages, not the counts: nothing to redraw
    m_counts.insert(source, c);
    updateSources();
    updateTitle();
    Q_EMIT summaryChanged();
}

QString MainWindow::countsText(MonitorSource *source) const
{
    const Counts c = m_counts.value(source);
    QString text = tr("%n agent(s)", nullptr, c.total);
    if (c.dead > 0)
        text += tr(", %n dead", nullptr, c.dead);
    if (c.late > 0)
        text += tr(", %n late", nullptr, c.late);
    if (c.error > 0)
        text += tr(", %n with errors", nullptr, c.error);
    return text;
}

QList<MainWindow::Problem> MainWindow::problems(int max) const
{
    QList<Problem> out;
    for (const auto &[source, label] : m_sources) {
        for (const AgentRow &r : m_lists.value(source)) {
            if (agentStateSeverity(r.state) >= agentStateSeverity(AgentState::Warning) || r.looping || r.overBudget)
                out.append({source, source->isRemote() ? label : QString(), r});
        }
    }
    // Worst first; then the longest silent (the oldest last beat); then by name, so the menu keeps its order.
    std::stable_sort(out.begin(), out.end(), [](const Problem &a, const Problem &b) {
        const int sa = agentStateSeverity(a.row.state), sb = agentStateSeverity(b.row.state);
        if (sa != sb)
            return sa > sb;
        if (a.row.lastSeenMs != b.row.lastSeenMs)
            return a.row.lastSeenMs < b.row.lastSeenMs;
        return a.row.name < b.row.name;
    });
    if (out.size() > max)
        out.resize(max);
    return out;
}

AgentState MainWindow::worstState() const
{
    AgentState worst = AgentState::New;
    for (const auto &[source, label] : m_sources) {
        const AgentState s = m_counts.value(source).worst;
        if (agentStateSeverity(s) > agentStateSeverity(worst))
            worst = s;
    }
    return worst;
}

QString MainWindow::summaryText() const
{
    if (m_sources.size() == 1)
        return countsText(m_sources.first().first);
    QStringList lines;
    for (const auto &[source, label] : m_sources)
        lines << (m_sourceProblems.contains(source) ? tr("%1: disconnected").arg(label)
                                                    : QStringLiteral("%1: %2").arg(label, countsText(source)));
    return lines.join(u'\n');
}

void MainWindow::removeSource(MonitorSource *source)
{
    if (m_sources.isEmpty() || m_sources.first().first == source)
        return; // this computer stays
    m_sources.erase(
        std::remove_if(m_sources.begin(), m_sources.end(), [source](const auto &s) { return s.first == source; }),
        m_sources.end());
    m_combined->removeSource(source);
    if (m_source == m_combined && m_sources.size() < 2)
        showSource(m_sources.first().first); // "All sources" went with the second source
    m_sourceProblems.remove(source);
    m_counts.remove(source);
    m_lists.remove(source);
    if (m_source == source)
        showSource(m_sources.first().first);
    updateSources();
    updateTitle();
    Q_EMIT summaryChanged();
}

void MainWindow::updateSources()
{
    QListWidget *list = m_ui->sourcesListWidget;
    const QSignalBlocker block(list);
    list->clear();
    // Its worst agent's state, like the tray; a lost connection shows as such.
    const auto addItem = [this, list](const AgentState state, const QString &text, const QString &tip,
                                      MonitorSource *source) {
        auto *item = new QListWidgetItem(AgentsModel::stateIcon(state), m_compactSidebar ? QString() : text, list);
        item->setToolTip(m_compactSidebar ? QStringLiteral("%1\n%2").arg(text, tip) : tip);
        item->setData(Qt::AccessibleTextRole, text);
        if (source == m_source)
            list->setCurrentItem(item);
    };
    if (m_sources.size() > 1) {
        const AgentState worst = worstState();
        addItem(worst == AgentState::New ? AgentState::Healthy : worst, tr("All sources"), summaryText(), m_combined);
    }
    for (const auto &[source, label] : std::as_const(m_sources)) {
        const bool problem = m_sourceProblems.contains(source);
        const Counts c = m_counts.value(source);
        const AgentState icon = problem ? AgentState::Dead : c.worst == AgentState::New ? AgentState::Healthy : c.worst;
        const QString text = problem      ? tr("%1 (disconnected)").arg(label)
                             : c.dead > 0 ? tr("%1 (%n dead)", nullptr, c.dead).arg(label)
                                          : label;
        addItem(icon, text,
                problem ? m_sourceProblems.value(source)
                        : QStringLiteral("%1\n%2").arg(source->endpoint(), countsText(source)),
                source);
    }
    list->setVisible(m_sources.size() > 1);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    if (m_compactSidebar) { // icons only: the window is narrow
        const int width = list->iconSize().width() + 2 * list->frameWidth() + 16;
        list->setMinimumWidth(width);
        list->setMaximumWidth(width);
        return;
    }
    // Wide enough for the longest entry ("(1 dead)" grows it, longer in some languages), within reason.
    int widest = 0;
    for (int i = 0; i < list->count(); ++i)
        widest = std::max(
            widest, list->fontMetrics().horizontalAdvance(list->item(i)->data(Qt::AccessibleTextRole).toString()));
    const int width = std::min(widest + list->iconSize().width() + 40, 360);
    list->setMinimumWidth(width);
    list->setMaximumWidth(std::max(width, 190));
}

void MainWindow::clearDetail()
{
    m_detailAgent = 0;
    m_ui->agentDetailGroupBox->clear();
    setDetailShown(false);
}

void MainWindow::showSource(MonitorSource *source)
{
    if (source == m_source)
        return;
    attachSource(source);
    clearDetail();
    m_model.applySnapshot({});
    m_strip->setRows({});
    m_strip->setOpenIncidents(-1);
    m_alerts.setIncidents({});
    const QString problem = m_sourceProblems.value(source);
    m_ui->listenerFrame->setVisible(!problem.isEmpty());
    m_ui->listenerLabel->setText(problem.toHtmlEscaped());
    m_ui->portSpinBox->setVisible(false);
    m_ui->usePortButton->setVisible(false);
    if (!source->isRemote()) {
        m_ui->listenerFrame->hide();
        m_ui->portSpinBox->setVisible(source != m_combined);
        m_ui->usePortButton->setVisible(source != m_combined);
    }
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
    statusBar()->showMessage(source == m_combined ? tr("Showing the agents of every source")
                             : source->isRemote()
                                 ? (problem.isEmpty() ? tr("Watching %1").arg(source->endpoint()) : problem)
                                 : m_listenerMessage);
    source->requestSnapshot();
    if (m_ui->mainTabWidget->currentWidget() == m_ui->alertsTab)
        refreshAlerts();
    else if (m_ui->mainTabWidget->currentWidget() == m_costsView)
        source->requestCosts(30);
    updateSources();
    updateTitle();
    applyCapabilities();
}

void MainWindow::applyCapabilities()
{
    const bool can = m_source->canAct();
    const QString why =
        can ? QString()
            : tr("The key for %1 is read-only: acknowledging, silencing, pausing and settings need an admin key "
                 "(clevagent-server keys create --scope admin).")
                  .arg(m_source->endpoint());
    for (QWidget *w : actionButtons()) {
        w->setEnabled(can);
        // A disabled button still shows its tooltip: here, why it is disabled.
        w->setToolTip(can ? w->property("clevToolTip").toString() : why);
    }
    const AgentRow *row = m_model.find(m_detailAgent);
    QWidget *resume = m_ui->agentDetailGroupBox->resumeButton();
    resume->setEnabled(can && row && row->state == AgentState::Paused);
    resume->setToolTip(why);
}

void MainWindow::onConnectionChanged(bool connected, const QString &message)
{
    // Only a remote source says this; its banner has no port to choose.
    m_ui->portSpinBox->setVisible(false);
    m_ui->usePortButton->setVisible(false);
    m_ui->listenerFrame->setVisible(!connected);
    m_ui->listenerLabel->setText(QStringLiteral("<b>%1</b>").arg(message.toHtmlEscaped()));
    statusBar()->showMessage(message, connected ? 5000 : 0);
}

void MainWindow::attachSource(MonitorSource *source)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_source = source;
    m_sourceConnections << connect(source, &MonitorSource::connectionChanged, this, &MainWindow::onConnectionChanged);
    m_sourceConnections << connect(source, &MonitorSource::alertsChanged, this, [this] {
        if (m_deliveriesFor)
            m_source->requestDeliveries(m_deliveriesFor); // a pending notification may have gone out since
        if (m_ui->mainTabWidget->currentWidget() == m_ui->alertsTab)
            refreshAlerts();
        if (!m_incidentsTimer.isActive())
            m_incidentsTimer.start();
    });
    m_sourceConnections << connect(source, &MonitorSource::deliveriesReady, this, &MainWindow::onDeliveries);
    m_sourceConnections << connect(source, &MonitorSource::alertsReady, this, [this](const QList<Incident> &incidents) {
        if (m_openCountsPending > 0) { // the status strip's question, not the history's
            --m_openCountsPending;
            m_strip->setOpenIncidents(static_cast<int>(std::count_if(
                incidents.cbegin(), incidents.cend(), [](const Incident &i) { return i.resolvedAtMs == 0; })));
            return;
        }
        if (m_ui->openOnlyCheckBox->isChecked() && m_ui->kindComboBox->currentIndex() == 0 &&
            m_ui->periodComboBox->currentIndex() == 0 && m_ui->alertAgentLineEdit->text().trimmed().isEmpty())
            m_strip->setOpenIncidents(static_cast<int>(incidents.size())); // every open one: the count too
        m_alerts.setIncidents(incidents);
        m_ui->alertsTableView->resizeColumnsToContents(); // a history page is small: measure it all
    });
    m_sourceConnections << connect(
        source, &MonitorSource::actionDone, this, [this](const QString &what, const QString &error) {
            statusBar()->showMessage(
                error.isEmpty() ? tr("Done: %1").arg(what) : tr("Could not %1: %2").arg(what, error), 8000);
            refreshAlerts();
        });
    m_sourceConnections << connect(source, &MonitorSource::transitioned, this, [this] {
        if (m_ui->mainTabWidget->currentWidget() == m_ui->alertsTab)
            refreshAlerts();
    });
    m_sourceConnections << connect(source, &MonitorSource::detailReady, m_ui->agentDetailGroupBox,
                                   &AgentDetailView::setDetail);
    m_sourceConnections << connect(source, &MonitorSource::transitioned, this, [this](const StateTransition &t) {
        if (t.agentId == m_detailAgent)
            m_source->requestDetail(m_detailAgent, t.agent);
    });
    m_sourceConnections << connect(source, &MonitorSource::agentChanged, this, [this](const QString &agent) {
        const AgentRow *row = m_model.find(m_detailAgent);
        if (row && row->name == agent)
            m_source->requestDetail(row->id, row->name);
    });
    m_sourceConnections << connect(source, &MonitorSource::costsReady, this, [this](const QList<DailyCost> &costs) {
        m_costsView->setCosts(costs, m_source->timeZone(), 30);
    });
    m_sourceConnections << connect(source, &MonitorSource::snapshot, this, &MainWindow::onSnapshot);
    m_sourceConnections << connect(source, &MonitorSource::historyReady, &m_model, &AgentsModel::applyHistory);
    m_sourceConnections << connect(source, &MonitorSource::transitioned, this, [this] {
        if (!m_historyTimer.isActive() ||
            m_historyTimer.remainingTime() > 3000) // a strip changes with its agent's state; bursts read once
            m_historyTimer.start(3000);
    });
    m_model.applyHistory({}); // the source before's is not this one's
    m_historyTimer.start(0);
    m_sourceConnections << connect(source, &MonitorSource::capabilitiesChanged, this, &MainWindow::applyCapabilities);
    m_sourceConnections << connect(source, &MonitorSource::listenerChanged, this, &MainWindow::onListenerChanged);
    m_openCountsPending = 0; // answers of the source before are not this one's
    m_incidentsTimer.start();
}

void MainWindow::requestOpenIncidents()
{
    // While the history is shown, its own answers would be mistaken for this one: ask when it is not.
    if (m_ui->mainTabWidget->currentWidget() == m_ui->alertsTab)
        return;
    AlertEngine::Filter f;
    f.open = 1;
    f.limit = 1000;
    ++m_openCountsPending;
    m_source->requestAlerts(f);
}

void MainWindow::setDetailShown(bool shown)
{
    m_ui->agentDetailGroupBox->setVisible(shown);
    m_detailPlaceholder->setVisible(!shown);
}

void MainWindow::showDetail()
{
    const QModelIndex current = m_ui->agentsTableView->currentIndex();
    if (!current.isValid()) {
        if (m_detailAgent)
            clearDetail(); // nothing selected: no stale facts of the agent before
        return;
    }
    const QModelIndex source = m_filter.mapToSource(current);
    const AgentRow &a = m_model.row(source.row());
    const bool another = m_ui->agentDetailGroupBox->showRow(m_model, source.row());
    m_detailAgent = a.id;
    setDetailShown(true);
    m_ui->agentDetailGroupBox->resumeButton()->setEnabled(m_source->canAct() && a.state == AgentState::Paused);
    if (another) {
        m_detailRequestedMs = m_clock.monotonicMs();
        m_source->requestDetail(a.id, a.name); // later changes arrive with the transitions
    }
}

const AgentDetail &MainWindow::detail() const
{
    return m_ui->agentDetailGroupBox->detail();
}

void MainWindow::editSelectedSettings()
{
    const AgentRow *row = m_model.find(m_detailAgent);
    if (!row)
        return;
    // Copies: snapshots keep arriving while the dialog is open and may move the rows.
    const qint64 id = row->id;
    const QString name = row->name;
    MonitorSource *source = m_source;
    AgentSettingsDialog dialog(name, detail().settings, row->expectedIntervalSecs, this);
    if (dialog.exec() == QDialog::Accepted && source == m_source)
        m_source->setSettings(id, name, dialog.settings());
}

void MainWindow::forgetSelected(bool confirmed)
{
    const AgentRow *row = m_model.find(m_detailAgent);
    if (!row)
        return;
    const QString name = row->name;
    const qint64 id = row->id;
    if (!confirmed &&
        QMessageBox::question(this, tr("Forget %1?").arg(name),
                              tr("Delete %1 with its heartbeats, usage, timeline, alerts and settings? "
                                 "If it beats again it comes back as a new agent.")
                                  .arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_source->forget(id, name);
}

void MainWindow::silenceSelectedAlert()
{
    const QModelIndex current = m_ui->alertsTableView->currentIndex();
    QString pattern =
        current.isValid() ? m_alerts.incidents().at(current.row()).agent : m_ui->alertAgentLineEdit->text().trimmed();
    if (pattern.isEmpty()) {
        statusBar()->showMessage(
            tr("Select an alert, or type an agent name or pattern (such as batch-*) in the agent filter."), 8000);
        return;
    }
    const QList<QPair<QString, qint64>> choices{{tr("1 hour"), 3600},
                                                {tr("4 hours"), 4 * 3600},
                                                {tr("8 hours"), 8 * 3600},
                                                {tr("24 hours"), 86400},
                                                {tr("7 days"), 7 * 86400}};
    QStringList labels;
    for (const auto &c : choices)
        labels << c.first;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Silence %1").arg(pattern),
        tr("Mute notifications for %1 (alerts are still recorded) for:").arg(pattern), labels, 0, false, &ok);
    if (!ok)
        return;
    const qint64 secs = choices.at(labels.indexOf(chosen)).second;
    m_source->silence(pattern, m_clock.nowMs() + secs * 1000, tr("silenced from the desktop app"));
}

void MainWindow::pauseSelected(qint64 forMs)
{
    if (!m_detailAgent)
        return;
    const AgentRow *row = m_model.find(m_detailAgent);
    m_source->pause(m_detailAgent, row ? row->name : QString(), forMs > 0 ? m_clock.nowMs() + forMs : 0);
}

void MainWindow::showAgent(MonitorSource *source, const QString &name)
{
    if (source && source != m_source &&
        std::any_of(m_sources.cbegin(), m_sources.cend(), [source](const auto &s) { return s.first == source; }))
        showSource(source);
    if (!selectAgent(name))
        m_pendingAgent = name; // its list is on the way
}

void MainWindow::showAgentAnywhere(const QString &name)
{
    const auto lists = [this, &name](MonitorSource *source) {
        const QList<AgentRow> rows = m_lists.value(source);
        return std::any_of(rows.cbegin(), rows.cend(), [&name](const AgentRow &r) { return r.name == name; });
    };
    MonitorSource *where = m_source;
    if (!lists(m_source)) {
        for (const auto &[source, label] : std::as_const(m_sources)) {
            if (lists(source)) {
                where = source;
                break;
            }
        }
    }
    showAgent(where, name);
}

bool MainWindow::selectAgent(const QString &name)
{
    for (int r = 0; r < m_filter.rowCount(); ++r) {
        const QModelIndex index = m_filter.index(r, AgentsModel::Name);
        if (index.data().toString() == name) {
            m_ui->mainTabWidget->setCurrentWidget(m_ui->agentsTab);
            m_ui->agentsTableView->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void MainWindow::refreshAlerts()
{
    IncidentFilter f;
    if (const QVariant kind = m_ui->kindComboBox->currentData(); kind.isValid())
        f.kind = static_cast<IncidentKind>(kind.toInt());
    f.agent = m_ui->alertAgentLineEdit->text().trimmed();
    if (const int days = m_ui->periodComboBox->currentData().toInt(); days > 0)
        f.fromMs = m_clock.nowMs() - qint64(days) * 86'400'000;
    f.open = m_ui->openOnlyCheckBox->isChecked() ? 1 : -1;
    f.limit = 1000;
    m_source->requestAlerts(f);
}

void MainWindow::showCostsTab()
{
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
    m_ui->mainTabWidget->setCurrentWidget(m_costsView);
}

void MainWindow::showAlertsTab()
{
    m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
    m_ui->mainTabWidget->setCurrentWidget(m_ui->alertsTab);
}

bool MainWindow::exportAlerts(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(AlertEngine::toCsv(m_alerts.incidents())) < 0 || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QString MainWindow::snippet() const
{
    return QStringLiteral(
               "import os, clevagent\n"
               "clevagent.init(api_key=os.environ[\"CLEVAGENT_API_KEY\"], agent=\"my-agent\",\n"
               "               endpoint=\"%1\")\n\n"
               "# or from a shell:\n"
               "export CLEVAGENT_API_KEY=%2\n"
               "curl -X POST %1/api/v1/heartbeat -H \"X-API-Key: $CLEVAGENT_API_KEY\" -d '{\"agent\":\"my-agent\"}'\n")
        .arg(m_source->endpoint(), m_key.isEmpty() ? QStringLiteral("cv_…") : QString::fromLatin1(m_key));
}

void MainWindow::setFirstRunKey(const QByteArray &key)
{
    m_key = key;
    updateFirstRun();
}

void MainWindow::updateFirstRun()
{
    if (m_source->isRemote()) {
        m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
        return;
    }
    m_ui->endpointLineEdit->setText(m_source->endpoint());
    m_ui->keyLineEdit->setText(m_key.isEmpty() ? tr("(create one with: clevagent-server keys create --scope ingest)")
                                               : QString::fromLatin1(m_key));
    m_ui->copyKeyButton->setEnabled(!m_key.isEmpty());
    m_ui->snippetTextEdit->setPlainText(snippet());
    m_ui->pagesStackedWidget->setCurrentWidget(m_model.rowCount() == 0 ? m_ui->firstRunPage : m_ui->agentsPage);
}

void MainWindow::onSnapshot(const QList<AgentRow> &rows)
{
    const bool first = m_model.rowCount() == 0;
    m_model.applySnapshot(rows);
    m_strip->setRows(m_model.rows());
    if (first && m_model.rowCount() > 0) {
        m_historyTimer.start(0); // the first agents: their history now
        QTableView *table = m_ui->agentsTableView;
        table->resizeColumnsToContents();
        // Room for the longest state text with its icon, whatever the first rows held.
        const int state = table->fontMetrics().horizontalAdvance(tr("warning") + tr(", looping")) +
                          table->style()->pixelMetric(QStyle::PM_SmallIconSize) + 36; // the badge's padding
        table->setColumnWidth(AgentsModel::State, std::max(table->columnWidth(AgentsModel::State), state));
        table->setColumnWidth(AgentsModel::Name,
                              std::max(table->columnWidth(AgentsModel::Name),
                                       table->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 12));
        fitColumns();
    }
    if (m_detailAgent && !m_model.find(m_detailAgent)) // forgotten
        clearDetail();
    if (m_detailAgent) {
        showDetail(); // its facts may have changed
        // Its charts and beats, every few seconds while it is shown.
        const qint64 now = m_clock.monotonicMs();
        if (now - m_detailRequestedMs > 3000) {
            m_detailRequestedMs = now;
            if (const AgentRow *row = m_model.find(m_detailAgent))
                m_source->requestDetail(row->id, row->name);
        }
    }
    if (!m_pendingAgent.isEmpty() && selectAgent(m_pendingAgent))
        m_pendingAgent.clear();
    m_costsView->setBudgets(m_model.rows());
    requestCostsSoon(); // the Costs tab follows the spending live
    if (m_model.rowCount() > 0 && m_ui->pagesStackedWidget->currentWidget() != m_ui->agentsPage)
        m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
    updateTitle();
}

void MainWindow::onListenerChanged(bool listening, const QString &message)
{
    m_ui->listenerFrame->setVisible(!listening);
    m_ui->listenerLabel->setText(
        tr("<b>Heartbeats are not received.</b> %1<br>Choose another port:").arg(message.toHtmlEscaped()));
    m_listenerMessage = listening ? message : tr("Not listening");
    statusBar()->showMessage(m_listenerMessage);
    updateFirstRun();
}

void MainWindow::requestCostsSoon()
{
    if (m_ui->mainTabWidget->currentWidget() != m_costsView)
        return;
    const qint64 now = m_clock.monotonicMs();
    if (now - m_costsRequestedMs < 2000) {
        // Asked for lately: once more when the 2 s are over, so the last change is never left out.
        if (!m_costsTimer.isActive())
            m_costsTimer.start(static_cast<int>(2000 - (now - m_costsRequestedMs)));
        return;
    }
    m_costsRequestedMs = now;
    m_source->requestCosts(30);
}

void MainWindow::updateTitle()
{
    // Every source summed up. Qt appends the application's display name ("— ClevAgent").
    int total = 0, dead = 0, late = 0;
    for (const auto &[source, label] : std::as_const(m_sources)) {
        const Counts c = m_counts.value(source);
        total += c.total;
        dead += c.dead;
        late += c.late;
    }
    if (total == 0) {
        setWindowTitle(QString());
        return;
    }
    QString title = tr("%n agent(s)", nullptr, total);
    if (dead > 0)
        title += tr(", %n dead", nullptr, dead);
    if (late > 0)
        title += tr(", %n late", nullptr, late);
    setWindowTitle(title);
}

} // namespace clev
