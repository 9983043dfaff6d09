#include "gui/MainWindow.h"

#include "gui/CostsView.h"
#include "gui/MonitorSource.h"
#include "ui_MainWindow.h"

#include <QClipboard>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>

namespace clev {

MainWindow::MainWindow(MonitorSource *source, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_source(source)
    , m_model(clock)
{
    m_ui->setupUi(this);
    m_filter.setSourceModel(&m_model);
    m_ui->agentsTableView->setModel(&m_filter);
    m_ui->agentsTableView->sortByColumn(AgentsModel::State, Qt::DescendingOrder); // the worst first
    m_ui->agentsTableView->verticalHeader()->hide();
    // Columns are sized to their contents once, from the rows in sight; re-measuring all rows on every
    // update would cost more than the update itself with thousands of agents.
    m_ui->agentsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->agentsTableView->horizontalHeader()->setResizeContentsPrecision(100);

    m_ui->stateComboBox->addItem(tr("All states"), -1);
    for (AgentState s : {AgentState::Dead, AgentState::Late, AgentState::Error, AgentState::Warning, AgentState::Healthy,
                         AgentState::Paused, AgentState::Stopped, AgentState::New})
        m_ui->stateComboBox->addItem(agentStateName(s), static_cast<int>(s));
    m_ui->snippetTextEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->agentsTableView->verticalHeader()->setDefaultSectionSize(m_ui->agentsTableView->fontMetrics().height() + 8);
    connect(m_ui->filterLineEdit, &QLineEdit::textChanged, &m_filter, &AgentFilterModel::setText);
    connect(m_ui->stateComboBox, &QComboBox::currentIndexChanged, this, [this] {
        const int v = m_ui->stateComboBox->currentData().toInt();
        m_filter.setState(v < 0 ? std::nullopt : std::optional<AgentState>(static_cast<AgentState>(v)));
    });
    connect(m_ui->copyKeyButton, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_ui->keyLineEdit->text()); });
    connect(m_ui->copySnippetButton, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(snippet()); });
    connect(m_ui->usePortButton, &QPushButton::clicked, this, [this] { Q_EMIT portChosen(static_cast<quint16>(m_ui->portSpinBox->value())); });

    // Alerts: the history with filters, acknowledgement and CSV export.
    m_ui->alertsTableView->setModel(&m_alerts);
    m_ui->alertsTableView->verticalHeader()->hide();
    m_ui->alertsTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->kindComboBox->addItem(tr("All kinds"), QString());
    for (const char *kind : {"dead", "error", "crash", "loop", "budget", "restart_failed"})
        m_ui->kindComboBox->addItem(QLatin1String(kind), QLatin1String(kind));
    connect(m_ui->kindComboBox, &QComboBox::currentIndexChanged, this, &MainWindow::refreshAlerts);
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
        const QString path = QFileDialog::getSaveFileName(this, tr("Export alerts"), QStringLiteral("clevagent-alerts.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportAlerts(path, &error))
            QMessageBox::warning(this, tr("Export alerts"), error);
    });
    m_ui->alertsTableView->setWordWrap(false);
    m_ui->agentsTableView->setWordWrap(false);
    m_ui->alertsTableView->verticalHeader()->setDefaultSectionSize(m_ui->alertsTableView->fontMetrics().height() + 8);
    connect(source, &MonitorSource::alertsReady, this, [this](const QList<Incident> &incidents) {
        m_alerts.setIncidents(incidents);
        m_ui->alertsTableView->resizeColumnsToContents(); // a history page is small: measure it all
    });
    connect(source, &MonitorSource::actionDone, this, [this](const QString &what, const QString &error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Done: %1").arg(what) : tr("Could not %1: %2").arg(what, error), 8000);
        refreshAlerts();
    });
    connect(source, &MonitorSource::transitioned, this, [this] {
        if (m_ui->mainTabWidget->currentWidget() == m_ui->alertsTab)
            refreshAlerts();
    });

    // Agent detail: what it is doing, its timeline, and pausing its alerts.
    m_ui->agentDetailGroupBox->setEnabled(false);
    m_ui->agentsSplitter->setStretchFactor(0, 3);
    m_ui->agentsSplitter->setStretchFactor(1, 2);
    connect(m_ui->agentsTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showDetail);
    connect(m_ui->pause1hButton, &QPushButton::clicked, this, [this] { pauseSelected(3600'000); });
    connect(m_ui->pause4hButton, &QPushButton::clicked, this, [this] { pauseSelected(4 * 3600'000); });
    connect(m_ui->pause8hButton, &QPushButton::clicked, this, [this] { pauseSelected(8 * 3600'000); });
    connect(m_ui->pauseIndefinitelyButton, &QPushButton::clicked, this, [this] { pauseSelected(0); });
    connect(m_ui->resumeButton, &QPushButton::clicked, this, [this] {
        if (m_detailAgent)
            m_source->resume(m_detailAgent);
    });
    connect(source, &MonitorSource::timelineReady, this, [this](qint64 agentId, const QList<TimelineEntry> &entries) {
        if (agentId != m_detailAgent)
            return;
        m_ui->timelineListWidget->clear();
        const QLocale locale;
        for (const TimelineEntry &e : entries) {
            const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat);
            const QString change = e.from == e.to ? QStringLiteral("·") : QStringLiteral("%1 → %2").arg(e.from, e.to);
            m_ui->timelineListWidget->addItem(QStringLiteral("%1   %2   %3").arg(when, change, e.cause));
        }
    });
    connect(source, &MonitorSource::transitioned, this, [this](const StateTransition &t) {
        if (t.agentId == m_detailAgent)
            m_source->requestTimeline(m_detailAgent);
    });

    // Costs: 30 days stacked by agent.
    m_costsView = new CostsView(this);
    m_ui->mainTabWidget->addTab(m_costsView, tr("Costs"));
    connect(m_ui->mainTabWidget, &QTabWidget::currentChanged, this, [this] {
        if (m_ui->mainTabWidget->currentWidget() == m_costsView)
            m_source->requestCosts(30);
    });
    connect(source, &MonitorSource::costsReady, this, [this](const QList<DailyCost> &costs) {
        m_costsView->setCosts(costs, QDate::currentDate().addDays(-29).startOfDay().toSecsSinceEpoch(), 30);
    });
    connect(m_costsView, &CostsView::exportRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export costs"), QStringLiteral("clevagent-costs.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !m_costsView->exportCsv(path, &error))
            QMessageBox::warning(this, tr("Export costs"), error);
    });

    connect(source, &MonitorSource::snapshot, this, &MainWindow::onSnapshot);
    connect(source, &MonitorSource::listenerChanged, this, &MainWindow::onListenerChanged);
    m_ui->listenerFrame->hide();
    updateFirstRun();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::showDetail()
{
    const QModelIndex current = m_ui->agentsTableView->currentIndex();
    if (!current.isValid()) {
        m_detailAgent = 0;
        m_ui->agentDetailGroupBox->setEnabled(false);
        return;
    }
    const QModelIndex source = m_filter.mapToSource(current);
    const AgentRow &a = m_model.row(source.row());
    const bool another = a.id != m_detailAgent;
    m_detailAgent = a.id;
    m_ui->agentDetailGroupBox->setEnabled(true);
    m_ui->agentDetailGroupBox->setTitle(a.name);
    QStringList facts{tr("State: %1").arg(m_model.index(source.row(), AgentsModel::State).data().toString().mid(2)),
                      tr("Last seen: %1").arg(m_model.index(source.row(), AgentsModel::LastSeen).data().toString())};
    if (a.expectedIntervalSecs > 0)
        facts << tr("Expected every %1 s").arg(a.expectedIntervalSecs);
    if (!a.model.isEmpty())
        facts << tr("Model: %1").arg(a.model);
    facts << tr("Today: %1 tokens, %2").arg(m_model.index(source.row(), AgentsModel::Tokens).data().toString(),
                                             m_model.index(source.row(), AgentsModel::Cost).data().toString());
    m_ui->agentDetailLabel->setText(facts.join(QStringLiteral("   ·   ")) + (a.lastMessage.isEmpty() ? QString() : QStringLiteral("\n") + a.lastMessage));
    m_ui->resumeButton->setEnabled(a.state == AgentState::Paused);
    if (another)
        m_source->requestTimeline(a.id); // later changes arrive with the transitions
}

void MainWindow::pauseSelected(qint64 forMs)
{
    if (!m_detailAgent)
        return;
    const AgentRow *row = m_model.find(m_detailAgent);
    m_source->pause(m_detailAgent, row ? row->name : QString(), forMs > 0 ? QDateTime::currentMSecsSinceEpoch() + forMs : 0);
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
    AlertEngine::Filter f;
    f.kind = m_ui->kindComboBox->currentData().toString();
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
    return QStringLiteral("import os, clevagent\n"
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
    m_ui->endpointLineEdit->setText(m_source->endpoint());
    m_ui->keyLineEdit->setText(m_key.isEmpty() ? tr("(create one with: clevagent-server keys create --scope ingest)") : QString::fromLatin1(m_key));
    m_ui->copyKeyButton->setEnabled(!m_key.isEmpty());
    m_ui->snippetTextEdit->setPlainText(snippet());
    m_ui->pagesStackedWidget->setCurrentWidget(m_model.rowCount() == 0 ? m_ui->firstRunPage : m_ui->agentsPage);
}

void MainWindow::onSnapshot(const QList<AgentRow> &rows)
{
    const bool first = m_model.rowCount() == 0;
    m_model.applySnapshot(rows);
    if (first && m_model.rowCount() > 0)
        m_ui->agentsTableView->resizeColumnsToContents();
    if (m_detailAgent)
        showDetail(); // its facts may have changed
    if (m_model.rowCount() > 0 && m_ui->pagesStackedWidget->currentWidget() != m_ui->agentsPage)
        m_ui->pagesStackedWidget->setCurrentWidget(m_ui->agentsPage);
    updateTitle();
}

void MainWindow::onListenerChanged(bool listening, const QString &message)
{
    m_ui->listenerFrame->setVisible(!listening);
    m_ui->listenerLabel->setText(tr("<b>Heartbeats are not received.</b> %1<br>Choose another port:").arg(message.toHtmlEscaped()));
    statusBar()->showMessage(listening ? message : tr("Not listening"));
    updateFirstRun();
}

void MainWindow::updateTitle()
{
    const int total = m_model.rowCount();
    if (total == 0) {
        setWindowTitle(tr("ClevAgent"));
        return;
    }
    const int dead = m_model.countIn(AgentState::Dead);
    const int late = m_model.countIn(AgentState::Late);
    QString title = tr("ClevAgent — %n agent(s)", nullptr, total);
    if (dead > 0)
        title += tr(", %n dead", nullptr, dead);
    if (late > 0)
        title += tr(", %n late", nullptr, late);
    setWindowTitle(title);
}

} // namespace clev
