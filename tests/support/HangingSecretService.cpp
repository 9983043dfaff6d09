// SPDX-License-Identifier: MIT
// A Secret Service that never answers: it owns org.freedesktop.secrets on the session bus and takes
// every call without replying, as a keychain stuck behind an unlock prompt nobody sees does. Prints
// "ready" once it owns the name. Test support only.
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QList>

#include <cstdio>

class Silent final : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        QDBusMessage kept = message;
        kept.setDelayedReply(true); // and never reply
        m_kept.append(kept);
        return true;
    }

private:
    QList<QDBusMessage> m_kept;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    Silent silent;
    if (!bus.isConnected() || !bus.registerVirtualObject(QStringLiteral("/"), &silent, QDBusConnection::SubPath) ||
        !bus.registerService(QStringLiteral("org.freedesktop.secrets"))) {
        std::fprintf(stderr, "cannot own org.freedesktop.secrets: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}
