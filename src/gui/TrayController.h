// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentState.h"
#include "core/FlapDamper.h"
#include "engine/Watchdog.h"
#include "gui/DesktopNotifier.h"

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QTimer>

#include <memory>

class QAction;
class QMenu;

namespace clev {

class Clock;
class MainWindow;
class MonitorSource;
class StatusWindow;

// The tray: an icon in the colour of the worst state, a notification when an agent dies, crashes, loops,
// crosses a budget or comes back (a click opens that agent; where the desktop's notification server
// shows buttons, "Open" and "Mute 1 h"), and a menu that lists the agents in trouble in every source
// (a click opens one, as Nagstamon's does) and can open the window, mute all notifications for an
// hour, mute one agent, turn the sound on or off, or quit. Notifications never take the focus. Where the
// desktop has no tray, a small always-on-top status window does the same, and the app says so once.
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
    // Mutes one agent's notifications for `ms`.
    void muteAgentFor(const QString &agent, qint64 ms);
    bool agentMuted(const QString &agent) const;
    bool soundEnabled() const;
    void setSoundEnabled(bool on);
    // A further source (a remote instance): its notifications are prefixed with `label`.
    void addSource(MonitorSource *source, const QString &label);
    // The status window shown where there is no tray (null where there is one).
    StatusWindow *statusWindow() const { return m_status; }
    QSystemTrayIcon &tray() { return m_tray; }
    QMenu *menu() const { return m_menu.get(); }
    // The menu's entries for the agents in trouble, filled anew (the menu does it when it opens).
    QList<QAction *> problemActions();
    DesktopNotifier &notifier() { return m_notifier; }

Q_SIGNALS:
    // Every notification the tray shows (or would show where there is no tray), for tests and logs.
    void notificationRequested(const QString &title, const QString &text);

private:
    void onTransition(const StateTransition &t, MonitorSource *source, const QString &label);
    void refreshIcon();
    void fillAgentMenu();
    void fillProblems();
    void openWindow(const QString &agent = QString());

    MainWindow *m_window;
    const Clock &m_clock;
    QSystemTrayIcon m_tray;
    std::unique_ptr<QMenu> m_menu;
    QMenu *m_agentMenu = nullptr;
    QAction *m_soundAction = nullptr;
    QAction *m_problemsTitle = nullptr; // the problem entries follow it
    QAction *m_problemsEnd = nullptr;   // and come before this separator
    QList<QAction *> m_problemActions;
    DesktopNotifier m_notifier;
    StatusWindow *m_status = nullptr;
    qint64 m_mutedUntilMs = 0;
    QHash<QString, qint64> m_agentMutedUntilMs;
    QString m_lastAgent;                  // the agent of the last notification: a click on it opens that agent
    QPointer<MonitorSource> m_lastSource; // in the source it belongs to
    FlapDamper m_flaps;                   // an agent that keeps dying: one notice, not one per flip
    QTimer m_flapTimer;
    AgentState m_shown = AgentState::New;
};

} // namespace clev
