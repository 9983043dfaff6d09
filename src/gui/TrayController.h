#pragma once

#include "core/AgentState.h"
#include "engine/Watchdog.h"

#include <QIcon>
#include <QObject>
#include <QSystemTrayIcon>

#include <memory>

class QMenu;

namespace clev {

class Clock;
class MainWindow;
class MonitorSource;

// The tray: an icon in the colour of the worst state, a notification when an agent dies, crashes, loops
// or crosses a budget (a click opens the window), and a menu to open, mute notifications for an hour, or
// quit. Notifications never take the focus.
class TrayController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayController)

public:
    TrayController(MainWindow *window, MonitorSource *source, const Clock &clock, QObject *parent = nullptr);
    ~TrayController() override;

    static QIcon iconFor(AgentState worst);
    bool isAvailable() const;
    bool muted() const;
    void muteFor(qint64 ms);
    QSystemTrayIcon &tray() { return m_tray; }

Q_SIGNALS:
    // Every notification the tray shows (or would show where there is no tray), for tests and logs.
    void notificationRequested(const QString &title, const QString &text);

private:
    void onTransition(const StateTransition &t);
    void refreshIcon();

    MainWindow *m_window;
    const Clock &m_clock;
    QSystemTrayIcon m_tray;
    std::unique_ptr<QMenu> m_menu;
    qint64 m_mutedUntilMs = 0;
    QString m_lastAgent; // the agent of the last notification: a click on it opens that agent
    AgentState m_shown = AgentState::New;
};

} // namespace clev
