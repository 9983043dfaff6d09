// clevagent-desktop: the dashboard with the engine inside. A composition root only.
#include "core/Clock.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/TrayController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>

using namespace clev;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("clevagent"));
    QApplication::setOrganizationName(QStringLiteral("ClevAgent"));
    QApplication::setApplicationDisplayName(QStringLiteral("ClevAgent"));
    QApplication::setApplicationVersion(QStringLiteral(CLEV_VERSION));
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ClevAgent Desktop: a local monitor for AI agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to receive heartbeats on (default 9475)."), QStringLiteral("port"),
                                  QStringLiteral("9475"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("SQLite database file."), QStringLiteral("path"),
                                      QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("clevagent.db")));
    const QCommandLineOption show(QStringLiteral("show"), QStringLiteral("The view to show: agents, alerts, costs or agent:NAME (also in a running instance)."),
                                  QStringLiteral("view"), QStringLiteral("agents"));
    parser.addOptions({port, database, show});
    parser.process(app);

    // One instance per user: a second launch asks the first to show itself, then leaves.
    const QString instanceName = QStringLiteral("clevagent-desktop-") + qEnvironmentVariable("USER", QStringLiteral("user"));
    {
        QLocalSocket probe;
        probe.connectToServer(instanceName);
        if (probe.waitForConnected(300)) {
            probe.write(parser.value(show).toUtf8() + '\n');
            probe.waitForBytesWritten(300);
            return 0;
        }
    }
    QLocalServer instance;
    QLocalServer::removeServer(instanceName);
    instance.listen(instanceName);

    ServerConfig config;
    config.databasePath = parser.value(database);
    config.http.port = static_cast<quint16>(parser.value(port).toUInt());
    LocalMonitor monitor(config);
    MainWindow window(&monitor, Clock::system());
    QObject::connect(&window, &MainWindow::portChosen, &monitor, [&](quint16 p) {
        monitor.rebind(p);
        window.setFirstRunKey(monitor.firstRunKey());
    });
    QObject::connect(&instance, &QLocalServer::newConnection, &window, [&] {
        QLocalSocket *other = instance.nextPendingConnection();
        QObject::connect(other, &QLocalSocket::readyRead, &window, [&, other] {
            const QString view = QString::fromUtf8(other->readLine().trimmed());
            if (view == u"alerts")
                window.showAlertsTab();
            else if (view == u"costs")
                window.showCostsTab();
            else if (view.startsWith(u"agent:"))
                window.selectAgent(view.mid(6));
            other->deleteLater();
        });
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    if (parser.value(show) == u"alerts")
        window.showAlertsTab();
    else if (parser.value(show) == u"costs")
        window.showCostsTab();

    // Closing the window keeps monitoring: in the tray, or where there is none in the status window.
    TrayController tray(&window, &monitor, Clock::system());

    window.show(); // first, so the window appears at once; the engine starts right after
    QTimer::singleShot(0, &monitor, [&] {
        monitor.start();
        window.setFirstRunKey(monitor.firstRunKey());
    });
    return QApplication::exec();
}
