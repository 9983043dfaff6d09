// SPDX-License-Identifier: MIT
#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace clev {

class MonitorSource;

// Notifications with buttons, through the desktop's notification server (the freedesktop.org
// Notifications D-Bus interface that GNOME Shell, KDE Plasma, XFCE, dunst and mako implement). Qt's
// QSystemTrayIcon::showMessage() has no actions; here each notice offers "Open" (shows the agent) and
// "Mute 1 h" (mutes that agent). Where no server runs, or it has no "actions" capability, isReady() stays
// false and the tray shows its plain message instead.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    explicit DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    // Asks the server for its capabilities (asynchronously); ready() follows when it supports actions.
    void start();
    bool isReady() const { return m_ready; }
    enum class Urgency { Low = 0, Normal = 1, Critical = 2 };
    // Shows a notice about `agent` of `source`; false when no server with actions is known (the caller
    // then shows it another way).
    bool notify(const QString &title, const QString &text, Urgency urgency, const QString &agent,
                MonitorSource *source);

Q_SIGNALS:
    void ready();
    void openRequested(const QString &agent, clev::MonitorSource *source);
    void muteRequested(const QString &agent);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    struct Target
    {
        QString agent;
        QPointer<MonitorSource> source;
    };
    QDBusConnection m_bus;
    bool m_ready = false;
    QHash<uint, Target> m_shown; // notices on screen, by the server's id
};

} // namespace clev
