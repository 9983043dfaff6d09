#include "gui/DesktopApp.h"

#include "core/Clock.h"
#include "gui/ChannelDialogs.h"
#include "gui/ChannelStore.h"
#include "gui/KeyDialogs.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/SettingsDialog.h"
#include "gui/TrayController.h"
#include "secrets/CredentialStore.h"

#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace clev {

namespace {

ServerConfig configFrom(const DesktopSettings &settings, const QString &databasePath, std::optional<quint16> port)
{
    ServerConfig config;
    config.databasePath = databasePath;
    settings.applyTo(&config);
    if (port)
        config.http.port = *port;
    return config;
}

} // namespace

DesktopApp::DesktopApp(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_credentials(std::make_unique<CredentialStore>(m_options.keychainTimeoutMs))
{
    QSettings qsettings;
    const DesktopSettings settings = DesktopSettings::load(qsettings);
    m_monitor = std::make_unique<LocalMonitor>(configFrom(settings, m_options.databasePath, m_options.port));
    m_window = std::make_unique<MainWindow>(m_monitor.get(), Clock::system());
    m_tray = std::make_unique<TrayController>(m_window.get(), m_monitor.get(), Clock::system());
    m_channels = std::make_unique<ChannelStore>(m_credentials.get(), m_monitor.get());

    QMenu *menu = m_window->menuBar()->addMenu(tr("&ClevAgent"));
    menu->addAction(tr("&Connect an agent…"), this, &DesktopApp::openConnect);
    menu->addAction(tr("API &keys…"), this, &DesktopApp::openKeys);
    menu->addAction(tr("Alert c&hannels…"), this, &DesktopApp::openChannels);
    menu->addSeparator();
    QAction *settingsAction = menu->addAction(tr("&Settings…"), this, &DesktopApp::openSettings);
    settingsAction->setMenuRole(QAction::PreferencesRole);
    menu->addSeparator();
    QAction *quit = menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    connect(m_window.get(), &MainWindow::portChosen, this, [this](quint16 port) {
        m_monitor->rebind(port);
        m_window->setFirstRunKey(m_monitor->firstRunKey());
        storeFirstRunKey();
    });
    connect(m_channels.get(), &ChannelStore::changed, this, [this] {
        if (!m_channels->problem().isEmpty())
            m_window->statusBar()->showMessage(m_channels->problem(), 15'000);
    });
}

DesktopApp::~DesktopApp()
{
    // The window and tray read the monitor: they go first.
    m_tray.reset();
    m_window.reset();
    m_channels.reset();
    m_monitor.reset();
}

void DesktopApp::start()
{
    m_window->show(); // first, so the window appears at once
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_monitor->start();
            m_window->setFirstRunKey(m_monitor->firstRunKey());
            storeFirstRunKey();
            m_channels->loadAndApply();
        },
        Qt::QueuedConnection);
}

void DesktopApp::storeFirstRunKey()
{
    const QByteArray key = m_monitor->firstRunKey();
    if (key.isEmpty())
        return;
    // A copy for "Connect an agent" later; without a keychain the key is shown now and only now.
    m_credentials->write(
        CredentialStore::keyFor(CredentialStore::Kind::ApiKey, QString::fromLatin1(ApiKey::lookupPrefix(key))),
        QString::fromLatin1(key), this, [](const CredentialStore::Result &) {});
}

void DesktopApp::openSettings()
{
    QSettings qsettings;
    SettingsDialog dialog(DesktopSettings::load(qsettings), m_window.get());
    if (dialog.exec() == QDialog::Accepted)
        applySettings(dialog.settings());
}

void DesktopApp::applySettings(const DesktopSettings &settings)
{
    QSettings qsettings;
    const DesktopSettings old = DesktopSettings::load(qsettings);
    DesktopSettings saved = settings;
    saved.channels = old.channels; // edited in their own dialog
    saved.save(qsettings);
    QString error;
    if (!saved.applyStartAtLogin(&error))
        QMessageBox::warning(m_window.get(), tr("Start at login"), error);
    const bool engineChanged = old.listenAddress != saved.listenAddress || old.port != saved.port ||
                               old.retentionDays != saved.retentionDays ||
                               old.defaultIntervalSecs != saved.defaultIntervalSecs ||
                               old.defaultGraceSecs != saved.defaultGraceSecs || old.timeZone != saved.timeZone;
    if (engineChanged) {
        // The listener rebinds now; the command line's --port no longer holds once the port was set here.
        m_options.port.reset();
        m_monitor->reconfigure(configFrom(saved, m_options.databasePath, std::nullopt));
        m_window->setFirstRunKey(m_monitor->firstRunKey());
    }
    if (old.language != saved.language)
        QMessageBox::information(m_window.get(), tr("Language"),
                                 tr("The new language is used from the next start of ClevAgent."));
}

void DesktopApp::openChannels()
{
    ChannelsDialog dialog(m_channels.get(), m_monitor.get(), m_window.get());
    dialog.exec();
}

void DesktopApp::openNewChannel()
{
    QStringList taken;
    for (const ChannelDefinition &d : m_channels->definitions())
        taken << d.name;
    ChannelEditDialog dialog(m_channels.get(), m_monitor.get(), taken, m_window.get());
    dialog.exec();
}

void DesktopApp::openKeys()
{
    ApiKeysDialog dialog(m_monitor.get(), m_credentials.get(), m_window.get());
    dialog.exec();
}

void DesktopApp::openConnect()
{
    ConnectAgentDialog dialog(m_monitor.get(), m_credentials.get(), m_window.get());
    dialog.exec();
}

} // namespace clev
