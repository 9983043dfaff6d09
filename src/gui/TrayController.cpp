// SPDX-License-Identifier: MIT
#include "gui/TrayController.h"

#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/CauseText.h"
#include "gui/DesktopSettings.h"
#include "gui/MainWindow.h"
#include "gui/MonitorSource.h"
#include "gui/StatusWindow.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

namespace clev {

QIcon TrayController::iconFor(AgentState worst)
{
    // The state's SVG (resources/icons): crisp at every size and pixel ratio, a light ring around the
    // state's colour so it reads on light and dark panels. No agents yet: the application icon.
    return worst == AgentState::New ? QIcon(QStringLiteral(":/clevagent/icons/clevagent.svg"))
                                    : AgentsModel::stateIcon(worst);
}

TrayController::TrayController(MainWindow *window, MonitorSource *source, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_clock(clock)
    , m_menu(std::make_unique<QMenu>())
    , m_notifier(QDBusConnection::sessionBus())
{
    m_menu->addAction(tr("Open ClevAgent"), this, [this] { openWindow(); });
    m_problemsTitle = m_menu->addSection(tr("Agents in trouble"));
    m_problemsEnd = m_menu->addSeparator();
    connect(m_menu.get(), &QMenu::aboutToShow, this, &TrayController::fillProblems);
    m_menu->addAction(QIcon(QStringLiteral(":/clevagent/icons/mute.svg")), tr("Pause notifications for 1 hour"), this,
                      [this] { muteFor(3600'000); });
    m_agentMenu = m_menu->addMenu(tr("Mute an agent for 1 hour"));
    connect(m_agentMenu, &QMenu::aboutToShow, this, &TrayController::fillAgentMenu);
    m_soundAction = m_menu->addAction(tr("Sound on notifications"));
    m_soundAction->setCheckable(true);
    m_soundAction->setChecked(soundEnabled());
    connect(m_soundAction, &QAction::toggled, this, &TrayController::setSoundEnabled);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_tray.setContextMenu(m_menu.get());
    m_tray.setToolTip(tr("ClevAgent"));
    m_tray.setIcon(iconFor(AgentState::New));
    window->setWindowIcon(iconFor(AgentState::New));
    connect(&m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            openWindow();
    });
    connect(&m_tray, &QSystemTrayIcon::messageClicked, this, [this] { openWindow(m_lastAgent); });
    // Icon and tooltip sum up every source, whenever any of them changes.
    connect(window, &MainWindow::summaryChanged, this, &TrayController::refreshIcon);
    connect(window, &MainWindow::summaryChanged, this, &TrayController::fillProblems);
    fillProblems();
    // Buttons in notifications, where the desktop's notification server has them.
    connect(&m_notifier, &DesktopNotifier::openRequested, this, [this](const QString &agent, MonitorSource *origin) {
        m_lastSource = origin;
        m_lastAgent = agent;
        openWindow(agent);
    });
    connect(&m_notifier, &DesktopNotifier::muteRequested, this,
            [this](const QString &agent) { muteAgentFor(agent, 3600'000); });
    m_notifier.start();
    m_flapTimer.setInterval(30'000);
    connect(&m_flapTimer, &QTimer::timeout, this, [this] { m_flaps.settled(m_clock.nowMs()); });
    m_flapTimer.start();
    addSource(source, QString());
    if (isAvailable()) {
        m_tray.show();
        return;
    }
    // No tray to live in: the status window offers the same, and the app says so once.
    m_status = new StatusWindow;
    m_status->setAttribute(Qt::WA_DeleteOnClose, false);
    connect(m_status, &StatusWindow::openRequested, this, [this] { openWindow(m_lastAgent); });
    connect(m_status, &StatusWindow::muteRequested, this, [this] { muteFor(3600'000); });
    connect(m_status, &StatusWindow::quitRequested, qApp, &QApplication::quit);
    m_status->show();
    QSettings settings;
    if (!settings.value(QStringLiteral("notices/noTrayShown")).toBool()) {
        settings.setValue(QStringLiteral("notices/noTrayShown"), true);
        auto *notice = new QMessageBox(
            QMessageBox::Information, tr("No system tray"),
            tr("This desktop has no system tray. ClevAgent shows a small status window that stays on top "
               "instead: it tells you when an agent dies, and closing the main window keeps monitoring there."),
            QMessageBox::Ok, window);
        notice->setObjectName(QStringLiteral("noTrayNotice"));
        notice->setAttribute(Qt::WA_DeleteOnClose);
        notice->setModal(false);
        notice->show();
    }
}

TrayController::~TrayController()
{
    delete m_status;
}

void TrayController::openWindow(const QString &agent)
{
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow(); // asked for by the user: here taking the focus is right
    if (!agent.isEmpty())
        m_window->showAgent(m_lastSource, agent); // switches to its source first
}

QList<QAction *> TrayController::problemActions()
{
    fillProblems();
    return m_problemActions;
}

void TrayController::fillProblems()
{
    constexpr int Shown = 10;
    for (QAction *a : std::as_const(m_problemActions))
        delete a;
    m_problemActions.clear();
    const QList<MainWindow::Problem> problems = m_window->problems(Shown + 1);
    const qint64 now = m_clock.nowMs();
    for (int i = 0; i < std::min<int>(Shown, static_cast<int>(problems.size())); ++i) {
        const MainWindow::Problem &p = problems.at(i);
        QString what = AgentsModel::stateText(p.row.state);
        if (p.row.looping)
            what += tr(", looping");
        if (p.row.overBudget)
            what += tr(", over budget");
        QString text = p.row.lastSeenMs > 0
                           ? tr("%1 — %2, seen %3").arg(p.row.name, what, AgentsModel::ago(now - p.row.lastSeenMs))
                           : tr("%1 — %2").arg(p.row.name, what);
        if (!p.sourceLabel.isEmpty())
            text = QStringLiteral("%1: %2").arg(p.sourceLabel, text);
        auto *action = new QAction(AgentsModel::stateIcon(p.row.state), text, m_menu.get());
        const QString name = p.row.name;
        QPointer<MonitorSource> source = p.source;
        connect(action, &QAction::triggered, this, [this, name, source] {
            m_lastSource = source;
            openWindow(name);
        });
        m_menu->insertAction(m_problemsEnd, action);
        m_problemActions.append(action);
    }
    if (problems.size() > Shown) {
        auto *more = new QAction(tr("More in the window…"), m_menu.get());
        connect(more, &QAction::triggered, this, [this] { openWindow(); });
        m_menu->insertAction(m_problemsEnd, more);
        m_problemActions.append(more);
    }
    if (problems.isEmpty()) {
        auto *none = new QAction(tr("All agents are fine"), m_menu.get());
        none->setEnabled(false);
        m_menu->insertAction(m_problemsEnd, none);
        m_problemActions.append(none);
    }
}

void TrayController::fillAgentMenu()
{
    // The agents worth muting: those in trouble now, and the last one notified about.
    m_agentMenu->clear();
    QStringList names;
    if (!m_lastAgent.isEmpty())
        names << m_lastAgent;
    for (const AgentRow &r : m_window->model().rows()) {
        if (names.size() >= 15)
            break;
        if ((agentStateSeverity(r.state) >= agentStateSeverity(AgentState::Warning) || r.looping || r.overBudget) &&
            !names.contains(r.name))
            names << r.name;
    }
    if (names.isEmpty()) {
        m_agentMenu->addAction(tr("(no agent in trouble)"))->setEnabled(false);
        return;
    }
    for (const QString &name : std::as_const(names)) {
        QAction *a = m_agentMenu->addAction(name, this, [this, name] { muteAgentFor(name, 3600'000); });
        a->setCheckable(true);
        a->setChecked(agentMuted(name));
    }
}

void TrayController::muteAgentFor(const QString &agent, qint64 ms)
{
    m_agentMutedUntilMs.insert(agent, m_clock.nowMs() + ms);
}

bool TrayController::agentMuted(const QString &agent) const
{
    return m_clock.nowMs() < m_agentMutedUntilMs.value(agent, 0);
}

bool TrayController::soundEnabled() const
{
    return QSettings().value(QStringLiteral("notifications/sound"), false).toBool();
}

void TrayController::setSoundEnabled(bool on)
{
    QSettings().setValue(QStringLiteral("notifications/sound"), on);
    if (m_soundAction->isChecked() != on)
        m_soundAction->setChecked(on);
}

bool TrayController::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

bool TrayController::muted() const
{
    return m_clock.nowMs() < m_mutedUntilMs;
}

void TrayController::muteFor(qint64 ms)
{
    m_mutedUntilMs = m_clock.nowMs() + ms;
}

void TrayController::addSource(MonitorSource *source, const QString &label)
{
    // Every source's notifications; the window sums up their states (summaryChanged).
    connect(source, &MonitorSource::transitioned, this,
            [this, source, label](const StateTransition &t) { onTransition(t, source, label); });
}

void TrayController::refreshIcon()
{
    const AgentState worst = m_window->worstState();
    const QString summary = m_window->summaryText();
    if (m_status)
        m_status->setState(worst, summary);
    m_tray.setToolTip(tr("ClevAgent — %1").arg(summary));
    if (worst == m_shown)
        return;
    m_shown = worst;
    const QIcon icon = iconFor(worst);
    m_tray.setIcon(icon);
    m_window->setWindowIcon(icon);
}

void TrayController::onTransition(const StateTransition &t, MonitorSource *origin, const QString &source)
{
    QString title;
    IncidentKind kind = IncidentKind::Dead;
    QString text = CauseText::render(t.causeData, t.cause);
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Warning;
    using Event = StateTransition::Event;
    const QString flapKey = source + QChar(0x1f) + t.agent;
    if (t.event == Event::State && t.to == AgentState::Dead) {
        kind = IncidentKind::Dead;
        icon = QSystemTrayIcon::Critical;
        switch (m_flaps.onDeath(flapKey, m_clock.nowMs())) {
        case FlapDamper::Death::Notify:
            title = tr("%1 is dead").arg(t.agent);
            break;
        case FlapDamper::Death::StartsFlapping:
            title = tr("%1 is flapping").arg(t.agent);
            text = tr("It died %n times within %1 and came back each time; it is dead now. Its deaths and recoveries "
                      "are not notified one by one until it stays up.",
                      nullptr, m_flaps.options().count)
                       .arg(formatDuration(m_flaps.options().windowMs));
            break;
        case FlapDamper::Death::Damped:
            return;
        }
    } else if (t.event == Event::State && t.from == AgentState::Dead && t.to != AgentState::Paused) {
        if (m_flaps.isFlapping(flapKey))
            return;
        title = tr("%1 is back").arg(t.agent); // the recovery notice
        kind = IncidentKind::Dead;
        icon = QSystemTrayIcon::Information;
    } else if (t.event == Event::State && t.to == AgentState::Error && Heartbeat::isCrashMessage(t.lastMessage)) {
        title = tr("%1 crashed").arg(t.agent);
        kind = IncidentKind::Crash;
        icon = QSystemTrayIcon::Critical;
    } else if (t.event == Event::LoopStarted) {
        title = tr("%1 is looping").arg(t.agent);
        kind = IncidentKind::Loop;
    } else if (t.event == Event::Budget) {
        kind = IncidentKind::Budget;
        title = t.project.isEmpty() ? tr("%1 used %2 % of its budget").arg(t.agent).arg(t.budgetPercent)
                                    : tr("Project %1 used %2 % of its budget").arg(t.project).arg(t.budgetPercent);
    } else {
        return;
    }
    // The kinds chosen in Settings (all four by default).
    const QList<IncidentKind> wanted = incidentKindsFromNames(
        QSettings()
            .value(QStringLiteral("notifications/kinds"), incidentKindNameList(DesktopSettings().notifyKinds))
            .toStringList());
    if (muted() || agentMuted(t.agent) || !wanted.contains(kind))
        return;
    m_lastAgent = t.agent;
    m_lastSource = origin;
    if (!source.isEmpty())
        title = QStringLiteral("%1: %2").arg(source, title); // which instance
    Q_EMIT notificationRequested(title, text);
    if (soundEnabled())
        QApplication::beep();
    const auto urgency = icon == QSystemTrayIcon::Critical      ? DesktopNotifier::Urgency::Critical
                         : icon == QSystemTrayIcon::Information ? DesktopNotifier::Urgency::Low
                                                                : DesktopNotifier::Urgency::Normal;
    // With Open and Mute 1 h buttons where the desktop's notification server has them, else the tray's.
    if (!m_notifier.notify(title, text, urgency, t.agent, origin) && isAvailable())
        m_tray.showMessage(title, text, icon, 10'000);
    if (m_status) {
        m_status->showNotification(title, text);
        QApplication::alert(m_status); // flashes in the task bar where it can; never takes the focus
    }
}

} // namespace clev
