// SPDX-License-Identifier: MIT
// clevagent-desktop: the dashboard with the engine inside. A composition root only.
#include "gui/DesktopApp.h"
#include "gui/MainWindow.h"
#include "gui/Translations.h"
#include "gui/TrayController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCursor>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

using namespace clev;

namespace {

struct Cli
{
    QCommandLineOption port{QStringLiteral("port"),
                            QStringLiteral("Port to receive heartbeats on (default: Settings, else 9475)."),
                            QStringLiteral("port")};
    QCommandLineOption database{QStringLiteral("database"), QStringLiteral("SQLite database file."),
                                QStringLiteral("path"),
                                QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                    .filePath(QStringLiteral("clevagent.db"))};
    QCommandLineOption show{
        QStringLiteral("show"),
        QStringLiteral(
            "The view to show: agents, alerts, costs, all-sources, agent:NAME, tray-menu, or a dialog: "
            "settings, channels, add-channel, keys, connect, add-remote, about (also in a running instance)."),
        QStringLiteral("view"), QStringLiteral("agents")};
};

void nameTheApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("clevagent"));
    QCoreApplication::setOrganizationName(QStringLiteral("ClevAgent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLEV_VERSION));
}

void describe(QCommandLineParser &parser, const Cli &cli)
{
    parser.setApplicationDescription(QStringLiteral("ClevAgent Desktop: a local monitor for AI agents."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({cli.port, cli.database, cli.show});
}

// --help and --version only print: they must work without a display (a QApplication would abort there).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-?" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

} // namespace

// Long function: the desktop's start in order (single instance, command line, translations, theme,
// window, engine), each step a few lines.
int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication core(argc, argv);
        nameTheApplication();
        const Cli cli;
        QCommandLineParser parser;
        describe(parser, cli);
        parser.process(core); // prints, then exits
        return 0;
    }
    QApplication app(argc, argv);
    nameTheApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("ClevAgent"));
    // The installed desktop entry's name: Wayland compositors and docks find the icon by it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.clevagent.Desktop"));
    QApplication::setQuitOnLastWindowClosed(false);

    // The language chosen in Settings, else the system's; Qt's own strings too.
    Translations translations;
    translations.install(QSettings().value(QStringLiteral("general/language")).toString());

    const Cli cli;
    const QCommandLineOption &port = cli.port;
    const QCommandLineOption &database = cli.database;
    const QCommandLineOption &show = cli.show;
    QCommandLineParser parser;
    describe(parser, cli);
    parser.process(app);

    // One instance per user: a second launch asks the first to show itself, then leaves.
    const QString instanceName =
        QStringLiteral("clevagent-desktop-") + qEnvironmentVariable("USER", QStringLiteral("user"));
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

    DesktopApp::Options options;
    options.databasePath = parser.value(database);
    if (parser.isSet(port))
        options.port = static_cast<quint16>(parser.value(port).toUInt());
    DesktopApp desktop(options);
    MainWindow &window = desktop.window();
    // A view or dialog by name, from --show here or from a second launch.
    const auto showView = [&](const QString &view) {
        const QHash<QString, void (DesktopApp::*)()> dialogs{
            {QStringLiteral("settings"), &DesktopApp::openSettings},
            {QStringLiteral("channels"), &DesktopApp::openChannels},
            {QStringLiteral("add-channel"), &DesktopApp::openNewChannel},
            {QStringLiteral("keys"), &DesktopApp::openKeys},
            {QStringLiteral("connect"), &DesktopApp::openConnect},
            {QStringLiteral("about"), &DesktopApp::openAbout},
            {QStringLiteral("add-remote"), &DesktopApp::openAddRemote}};
        if (view == u"alerts")
            window.showAlertsTab();
        else if (view == u"all-sources")
            window.showAllSources();
        else if (view == u"tray-menu") // the tray's menu where the pointer is (as a right click on the icon)
            desktop.tray().menu()->popup(QCursor::pos());
        else if (view == u"costs")
            window.showCostsTab();
        else if (dialogs.contains(view))
            QMetaObject::invokeMethod(&desktop, dialogs.value(view),
                                      Qt::QueuedConnection); // after the event that asked
        else if (view.startsWith(u"agent:"))
            window.showAgentAnywhere(view.mid(6)); // in whichever source lists it
    };
    QObject::connect(&instance, &QLocalServer::newConnection, &window, [&] {
        QLocalSocket *other = instance.nextPendingConnection();
        QObject::connect(other, &QLocalSocket::readyRead, &window, [&, other] {
            showView(QString::fromUtf8(other->readLine().trimmed()));
            other->deleteLater();
        });
        window.showNormal();
        window.raise();
        window.activateWindow();
    });

    // Closing the window keeps monitoring: in the tray, or where there is none in the status window.
    desktop.start();
    showView(parser.value(show));
    return QApplication::exec();
}
