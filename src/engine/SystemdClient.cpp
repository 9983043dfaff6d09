// SPDX-License-Identifier: MIT
// systemd control over D-Bus (org.freedesktop.systemd1): restart a unit and wait for its job, read a
// unit's state; the last log lines from journalctl, since journald has no D-Bus API.
#include "engine/RestartExecutors.h"

#include "core/Logging.h"

#include <QAtomicInteger>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

namespace clev {

namespace {
const char *const SystemdService = "org.freedesktop.systemd1";
const char *const ManagerPath = "/org/freedesktop/systemd1";
const char *const ManagerInterface = "org.freedesktop.systemd1.Manager";
const char *const PropertiesInterface = "org.freedesktop.DBus.Properties";

QString seconds(int ms)
{
    return QString::number(ms / 1000.0);
}

// A private bus connection for one client call, named uniquely and closed after it. QDBusConnection is
// thread-safe, but the shared default connections would mix this pool thread's signal matches and
// subscriptions with those of every other user of the bus in the process; a connection of its own
// keeps them apart and ends systemd's subscription (Subscribe) with the call.
class ManagerBus
{
    Q_DISABLE_COPY_MOVE(ManagerBus)

public:
    ManagerBus(bool user, const SystemdClient::Options &options, QString manager)
        : m_manager(std::move(manager))
        , m_name(QStringLiteral("clev-systemd-%1").arg(s_next.fetchAndAddRelaxed(1)))
        , m_bus(open(user, options))
    {
    }
    ~ManagerBus() { QDBusConnection::disconnectFromBus(m_name); }

    QDBusConnection &connection() { return m_bus; }
    bool connected(QString *error) const
    {
        if (!m_addressError.isEmpty())
            *error = QStringLiteral("cannot reach %1: %2").arg(m_manager, m_addressError);
        else if (!m_bus.isConnected())
            *error = QStringLiteral("cannot reach %1 over D-Bus: %2").arg(m_manager, m_bus.lastError().message());
        return m_addressError.isEmpty() && m_bus.isConnected();
    }

    // One method call of the manager's, bounded by `timeoutMs`. `what` completes "could not …" and
    // "did not answer … within" in the error.
    bool call(const QString &path, const char *iface, const char *method, const QVariantList &args, int timeoutMs,
              const QString &what, QDBusMessage *reply, QString *error, bool *timedOut = nullptr)
    {
        QDBusMessage m = QDBusMessage::createMethodCall(QLatin1String(SystemdService), path, QLatin1String(iface),
                                                        QLatin1String(method));
        m.setArguments(args);
        QElapsedTimer elapsed;
        elapsed.start();
        *reply = m_bus.call(m, QDBus::Block, timeoutMs);
        if (reply->type() == QDBusMessage::ReplyMessage)
            return true;
        // libdbus says NoReply both when its timeout passed and when the peer vanished mid-call.
        const bool late = (reply->errorName() == u"org.freedesktop.DBus.Error.NoReply" ||
                           reply->errorName() == u"org.freedesktop.DBus.Error.Timeout") &&
                          elapsed.elapsed() >= timeoutMs - 50;
        if (timedOut)
            *timedOut = late;
        *error = late ? QStringLiteral("%1 did not answer within %2 s (%3)").arg(m_manager, seconds(timeoutMs), what)
                      : QStringLiteral("%1 could not %2: %3: %4")
                            .arg(m_manager, what, reply->errorName(), reply->errorMessage());
        return false;
    }

private:
    QDBusConnection open(bool user, const SystemdClient::Options &options)
    {
        QString address = user ? options.userBusAddress : options.systemBusAddress;
        if (user && address.isEmpty()) {
            // The user manager's bus: the session's, else the user bus systemd starts in the runtime folder
            // (a service running as that user has no session but has that folder).
            address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
            const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
            if (address.isEmpty() && !runtime.isEmpty() && QFileInfo::exists(runtime + QStringLiteral("/bus")))
                address = QStringLiteral("unix:path=") + runtime + QStringLiteral("/bus");
            if (address.isEmpty()) {
                m_addressError = QStringLiteral(
                    "no session bus (DBUS_SESSION_BUS_ADDRESS is not set and there is no $XDG_RUNTIME_DIR/bus; "
                    "the user manager runs for a logged-in user, or one with lingering enabled)");
                return QDBusConnection(m_name);
            }
        }
        return address.isEmpty() ? QDBusConnection::connectToBus(QDBusConnection::SystemBus, m_name)
                                 : QDBusConnection::connectToBus(address, m_name);
    }

    static QAtomicInteger<quint64> s_next;
    QString m_manager;
    QString m_addressError;
    QString m_name;
    QDBusConnection m_bus;
};
QAtomicInteger<quint64> ManagerBus::s_next{1};

QVariantMap properties(const QDBusMessage &reply)
{
    return qdbus_cast<QVariantMap>(reply.arguments().value(0));
}
} // namespace

// The manager's JobRemoved signals, received on the calling pool thread while it waits in an event loop.
class SystemdJobWatch final : public QObject
{
    Q_OBJECT

public:
    QString awaited;
    QHash<QString, QString> results; // job path -> "done", "failed", "timeout", "canceled", …
    QEventLoop loop;

public Q_SLOTS:
    void removed(uint, const QDBusObjectPath &job, const QString &, const QString &result)
    {
        results.insert(job.path(), result);
        if (job.path() == awaited)
            loop.quit();
    }
};

QString SystemdClient::managerName() const
{
    return m_user ? QStringLiteral("the systemd user manager") : QStringLiteral("systemd");
}

// journald has no D-Bus API (its journal is files read through sd-journal): the last lines still come
// from running `journalctl`, bounded in time like every other call here.
bool SystemdClient::run(const QString &program, const QStringList &args, QByteArray *out, QString *error, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000)) {
        *error = QStringLiteral("cannot run %1: %2").arg(program, p.errorString());
        return false;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        *error = QStringLiteral("%1 did not finish within %2 s").arg(program, seconds(timeoutMs));
        return false;
    }
    *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QByteArray err = p.readAllStandardError().trimmed();
        *error = QStringLiteral("%1 %2 failed (exit %3)%4")
                     .arg(program, args.join(u' '))
                     .arg(p.exitCode())
                     .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + QString::fromUtf8(err.left(300)));
        return false;
    }
    return true;
}

bool SystemdClient::state(const QString &unit, RestartContext *context, QString *error)
{
    ManagerBus bus(m_user, m_options, managerName());
    if (!bus.connected(error))
        return false;
    const QString what = QStringLiteral("read the state of %1").arg(unit);
    const int timeout = m_options.callTimeoutMs;
    QDBusMessage reply;
    // LoadUnit, not GetUnit: like `systemctl show`, it answers for a unit that is not loaded right now
    // (an inactive one systemd let go of) instead of saying NoSuchUnit.
    if (!bus.call(QLatin1String(ManagerPath), ManagerInterface, "LoadUnit", {unit}, timeout, what, &reply, error))
        return false;
    const QString path = reply.arguments().value(0).value<QDBusObjectPath>().path();
    if (!bus.call(path, PropertiesInterface, "GetAll", {QStringLiteral("org.freedesktop.systemd1.Unit")}, timeout, what,
                  &reply, error))
        return false;
    const QVariantMap unitProperties = properties(reply);
    // Result, ExecMainStatus, NRestarts belong to services; another kind of unit has none of them.
    QVariantMap service;
    QString serviceError;
    bool timedOut = false;
    if (bus.call(path, PropertiesInterface, "GetAll", {QStringLiteral("org.freedesktop.systemd1.Service")}, timeout,
                 what, &reply, &serviceError, &timedOut))
        service = properties(reply);
    else if (timedOut) {
        *error = serviceError;
        return false;
    }
    const QString active = unitProperties.value(QStringLiteral("ActiveState")).toString();
    context->running = active == u"active";
    QStringList parts{
        QStringLiteral("unit %1/%2").arg(active, unitProperties.value(QStringLiteral("SubState")).toString())};
    const QString result = service.value(QStringLiteral("Result")).toString();
    if (!result.isEmpty() && result != u"success")
        parts << QStringLiteral("result %1").arg(result);
    if (service.contains(QStringLiteral("ExecMainStatus")))
        parts << QStringLiteral("exit %1").arg(service.value(QStringLiteral("ExecMainStatus")).toInt());
    context->summary = parts.join(QStringLiteral(", "));
    return true;
}

QStringList SystemdClient::journal(const QString &unit, int lines, QString *error)
{
    QStringList args;
    if (m_user)
        args << QStringLiteral("--user");
    args << QStringLiteral("-u") << unit << QStringLiteral("-n") << QString::number(lines)
         << QStringLiteral("--no-pager") << QStringLiteral("-o") << QStringLiteral("cat");
    QByteArray out;
    if (!run(m_options.journalctl, args, &out, error, m_options.callTimeoutMs))
        return {};
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

bool SystemdClient::restart(const QString &unit, QString *error)
{
    ManagerBus bus(m_user, m_options, managerName());
    if (!bus.connected(error))
        return false;
    const QString what = QStringLiteral("restart %1").arg(unit);
    const int timeout = m_options.callTimeoutMs;
    SystemdJobWatch watch; // after the bus: gone before its connection closes
    bus.connection().connect(QLatin1String(SystemdService), QLatin1String(ManagerPath), QLatin1String(ManagerInterface),
                             QStringLiteral("JobRemoved"), &watch,
                             SLOT(removed(uint, QDBusObjectPath, QString, QString)));
    // The manager sends JobRemoved only while some client is subscribed.
    QDBusMessage reply;
    QString subscribeError;
    bool timedOut = false;
    const bool subscribed = bus.call(QLatin1String(ManagerPath), ManagerInterface, "Subscribe", {}, timeout, what,
                                     &reply, &subscribeError, &timedOut);
    if (timedOut) {
        *error = subscribeError;
        return false;
    }
    if (!bus.call(QLatin1String(ManagerPath), ManagerInterface, "RestartUnit", {unit, QStringLiteral("replace")},
                  timeout, what, &reply, error))
        return false;
    if (!subscribed) {
        qCWarning(lcRestart) << "restart of" << unit << "asked, but its end cannot be followed:" << subscribeError;
        return true;
    }
    // Like `systemctl restart`: the job is queued now; it is done when the unit has stopped and started.
    watch.awaited = reply.arguments().value(0).value<QDBusObjectPath>().path();
    if (!watch.results.contains(watch.awaited)) {
        QTimer::singleShot(m_options.restartTimeoutMs, &watch.loop, &QEventLoop::quit);
        watch.loop.exec();
    }
    const auto result = watch.results.constFind(watch.awaited);
    if (result == watch.results.cend()) {
        *error = QStringLiteral("%1 did not finish restarting %2 within %3 s")
                     .arg(managerName(), unit, seconds(m_options.restartTimeoutMs));
        return false;
    }
    if (*result != u"done") {
        *error = QStringLiteral("%1 could not restart %2: the job ended with result '%3' (see the unit's log)")
                     .arg(managerName(), unit, *result);
        return false;
    }
    return true;
}

} // namespace clev

#include "SystemdClient.moc"
