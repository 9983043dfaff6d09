#include "gui/TrayController.h"

#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/MainWindow.h"
#include "gui/MonitorSource.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>

namespace clev {

QIcon TrayController::iconFor(AgentState worst)
{
    // Drawn, not loaded: crisp at every size and device pixel ratio, and the same on light and dark
    // panels (a white ring around the state's colour).
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal ring = std::max(1.0, size / 12.0);
        p.setPen(QPen(QColor(255, 255, 255, 230), ring));
        p.setBrush(worst == AgentState::New ? QColor(0x2e, 0xb6, 0x7d) : AgentsModel::colour(worst));
        p.drawEllipse(QRectF(ring, ring, size - 2 * ring, size - 2 * ring));
        icon.addPixmap(pixmap);
    }
    return icon;
}

TrayController::TrayController(MainWindow *window, MonitorSource *source, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_clock(clock)
    , m_menu(std::make_unique<QMenu>())
{
    m_menu->addAction(tr("Open ClevAgent"), window, [window] {
        window->showNormal();
        window->raise();
    });
    m_menu->addAction(tr("Pause notifications for 1 hour"), this, [this] { muteFor(3600'000); });
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_tray.setContextMenu(m_menu.get());
    m_tray.setToolTip(tr("ClevAgent"));
    m_tray.setIcon(iconFor(AgentState::New));
    window->setWindowIcon(iconFor(AgentState::New));
    connect(&m_tray, &QSystemTrayIcon::activated, window, [window](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            window->showNormal();
            window->raise();
        }
    });
    connect(&m_tray, &QSystemTrayIcon::messageClicked, window, [this, window] {
        window->showNormal();
        window->raise();
        window->selectAgent(m_lastAgent);
    });
    connect(source, &MonitorSource::transitioned, this, &TrayController::onTransition);
    connect(source, &MonitorSource::snapshot, this, &TrayController::refreshIcon, Qt::QueuedConnection);
    if (isAvailable())
        m_tray.show();
}

TrayController::~TrayController() = default;

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

void TrayController::refreshIcon()
{
    const AgentState worst = m_window->model().worstState();
    if (worst == m_shown)
        return;
    m_shown = worst;
    const QIcon icon = iconFor(worst);
    m_tray.setIcon(icon);
    m_window->setWindowIcon(icon);
    m_tray.setToolTip(tr("ClevAgent — %1").arg(m_window->windowTitle()));
}

void TrayController::onTransition(const StateTransition &t)
{
    QString title;
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Warning;
    using Event = StateTransition::Event;
    if (t.event == Event::State && t.to == AgentState::Dead) {
        title = tr("%1 is dead").arg(t.agent);
        icon = QSystemTrayIcon::Critical;
    } else if (t.event == Event::State && t.to == AgentState::Error && t.lastMessage.startsWith(u"CRASH:")) {
        title = tr("%1 crashed").arg(t.agent);
        icon = QSystemTrayIcon::Critical;
    } else if (t.event == Event::LoopStarted) {
        title = tr("%1 is looping").arg(t.agent);
    } else if (t.event == Event::Budget) {
        title = t.project.isEmpty() ? tr("%1 used %2 % of its budget").arg(t.agent).arg(t.budgetPercent)
                                    : tr("Project %1 used %2 % of its budget").arg(t.project).arg(t.budgetPercent);
    } else {
        return;
    }
    if (muted())
        return;
    m_lastAgent = t.agent;
    Q_EMIT notificationRequested(title, t.cause);
    if (isAvailable())
        m_tray.showMessage(title, t.cause, icon, 10'000);
}

} // namespace clev
