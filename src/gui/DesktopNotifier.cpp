// SPDX-License-Identifier: MIT
#include "gui/DesktopNotifier.h"

#include "gui/MonitorSource.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace clev {

namespace {
const QLatin1String Service("org.freedesktop.Notifications");
const QLatin1String Path("/org/freedesktop/Notifications");
const QLatin1String Interface("org.freedesktop.Notifications");
constexpr int CallTimeoutMs = 5000; // a server that hangs must not keep calls open
} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
}

void DesktopNotifier::start()
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
    const QDBusMessage call =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, CallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        if (reply.isError() || !reply.value().contains(QStringLiteral("actions")))
            return; // no server, or one that cannot show buttons: the tray's messages do
        m_ready = true;
        Q_EMIT ready();
    });
}

bool DesktopNotifier::notify(const QString &title, const QString &text, Urgency urgency, const QString &agent,
                             MonitorSource *source)
{
    if (!m_ready)
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    // Actions come in pairs: the key the server sends back, and the button's label.
    const QStringList actions{QStringLiteral("default"), tr("Open"),    QStringLiteral("open"), tr("Open"),
                              QStringLiteral("mute"),    tr("Mute 1 h")};
    const QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(static_cast<uchar>(urgency))},
                            {QStringLiteral("desktop-entry"), QStringLiteral("io.clevagent.Desktop")},
                            {QStringLiteral("category"), QStringLiteral("device.error")}};
    call << QStringLiteral("ClevAgent") << uint(0) << QStringLiteral("clevagent") << title << text << actions << hints
         << int(urgency == Urgency::Critical ? 0 : 10'000); // a death stays until seen
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, CallTimeoutMs), this);
    Target target{agent, source};
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, target](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (!reply.isError())
            m_shown.insert(reply.value(), target);
    });
    return true;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend())
        return; // another application's notice
    const Target target = *it;
    if (action == u"mute")
        Q_EMIT muteRequested(target.agent);
    else if (action == u"open" || action == u"default")
        Q_EMIT openRequested(target.agent, target.source.data());
}

void DesktopNotifier::onClosed(uint id, uint)
{
    m_shown.remove(id);
}

} // namespace clev
