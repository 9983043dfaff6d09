// SPDX-License-Identifier: MIT
#include "gui/DesktopApp.h"

#include "core/Clock.h"
#include "gui/AboutDialog.h"
#include "gui/ChannelDialogs.h"
#include "gui/ChannelStore.h"
#include "gui/KeyDialogs.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/RemoteDialog.h"
#include "gui/RemoteMonitor.h"
#include "gui/SettingsDialog.h"
#include "gui/Theme.h"
#include "gui/TrayController.h"
#include "secrets/CredentialStore.h"

#include <QApplication>
#include <QDesktopServices>
#include <QFileInfo>
#include <QInputDialog>
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
    // The theme first, so the window opens in it (System: the portal's answer may switch it a moment later).
    m_theme = std::make_unique<ThemeManager>();
    m_theme->setChoice(themeChoiceFromName(settings.theme));
    m_monitor = std::make_unique<LocalMonitor>(configFrom(settings, m_options.databasePath, m_options.port));
    m_window = std::make_unique<MainWindow>(m_monitor.get(), Clock::system());
    m_tray = std::make_unique<TrayController>(m_window.get(), m_monitor.get(), Clock::system());
    m_channels = std::make_unique<ChannelStore>(m_credentials.get(), m_monitor.get());

    QMenu *menu = m_window->menuBar()->addMenu(tr("&ClevAgent"));
    menu->addAction(tr("&Connect an agent…"), this, &DesktopApp::openConnect);
    menu->addAction(tr("API &keys…"), this, &DesktopApp::openKeys);
    menu->addAction(tr("Alert c&hannels…"), this, &DesktopApp::openChannels);
    menu->addSeparator();
    menu->addAction(tr("Add a &remote instance…"), this, &DesktopApp::openAddRemote);
    menu->addAction(tr("Remove a remote instance…"), this, &DesktopApp::openRemoveRemote);
    menu->addSeparator();
    QAction *settingsAction = menu->addAction(tr("&Settings…"), this, &DesktopApp::openSettings);
    settingsAction->setMenuRole(QAction::PreferencesRole);
    menu->addSeparator();
    QAction *quit = menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *docs =
        help->addAction(tr("&Documentation"), this, [] { QDesktopServices::openUrl(AboutDialog::documentationUrl()); });
    docs->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        ShortcutsDialog dialog(m_window.get(), m_window.get());
        dialog.exec();
    });
    help->addSeparator();
    QAction *about = help->addAction(tr("&About ClevAgent"), this, &DesktopApp::openAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);

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
    // The window and tray read the monitors: they go first.
    qDeleteAll(m_remotes);
    m_remotes.clear();
    m_tray.reset();
    m_window.reset();
    m_channels.reset();
    m_monitor.reset();
    m_theme.reset();
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
            loadRemotes();
        },
        Qt::QueuedConnection);
}

QList<RemoteMonitor *> DesktopApp::remotes() const
{
    return m_remotes;
}

namespace {

struct RemoteRow
{
    QString name;
    QString url;
    QString fingerprint;
};

QList<RemoteRow> readRemoteRows(QSettings &settings)
{
    QList<RemoteRow> rows;
    const int n = settings.beginReadArray(QStringLiteral("remotes"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        rows.append({settings.value(QStringLiteral("name")).toString(),
                     settings.value(QStringLiteral("url")).toString(),
                     settings.value(QStringLiteral("fingerprint")).toString()});
    }
    settings.endArray();
    return rows;
}

// The instances in the settings: name, address, pinned fingerprint (public) and the keychain reference
// of the read key; never the key.
void writeRemoteRows(QSettings &settings, const QList<RemoteRow> &rows)
{
    settings.remove(QStringLiteral("remotes"));
    settings.beginWriteArray(QStringLiteral("remotes"), static_cast<int>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), rows.at(i).name);
        settings.setValue(QStringLiteral("url"), rows.at(i).url);
        settings.setValue(QStringLiteral("fingerprint"), rows.at(i).fingerprint);
        settings.setValue(QStringLiteral("keyRef"),
                          CredentialStore::keyFor(CredentialStore::Kind::Remote, rows.at(i).name));
    }
    settings.endArray();
    settings.sync();
}

} // namespace

void DesktopApp::loadRemotes()
{
    QSettings settings;
    for (const RemoteRow &row : readRemoteRows(settings)) {
        const RemoteEndpoint e{row.name, QUrl(row.url), QString(), row.fingerprint.toLatin1()};
        // The read key comes from the keychain; without it the instance cannot be watched, and the app says so.
        m_credentials->read(CredentialStore::keyFor(CredentialStore::Kind::Remote, e.name), this,
                            [this, e](const CredentialStore::Result &r) {
                                if (!r.ok) {
                                    m_window->statusBar()->showMessage(
                                        tr("Cannot watch %1: its key cannot be read from the keychain (%2)")
                                            .arg(e.name, r.notFound ? tr("not there") : r.error),
                                        15'000);
                                    return;
                                }
                                RemoteEndpoint withKey = e;
                                withKey.key = r.value;
                                connectRemote(withKey);
                            });
    }
}

void DesktopApp::connectRemote(const RemoteEndpoint &endpoint)
{
    auto *remote = new RemoteMonitor(endpoint, Clock::system());
    m_remotes.append(remote);
    m_window->addSource(remote, endpoint.name);
    m_tray->addSource(remote, endpoint.name);
    remote->start();
}

void DesktopApp::addRemote(const RemoteEndpoint &endpoint, std::function<void(const QString &)> done)
{
    m_credentials->write(
        CredentialStore::keyFor(CredentialStore::Kind::Remote, endpoint.name), endpoint.key, this,
        [this, endpoint, done](const CredentialStore::Result &r) {
            if (!r.ok) {
                done(tr("Nothing was added: %1").arg(r.error));
                return;
            }
            QSettings settings;
            QList<RemoteRow> rows = readRemoteRows(settings);
            rows.append({endpoint.name, endpoint.url.toString(), QString::fromLatin1(endpoint.pinnedFingerprint)});
            writeRemoteRows(settings, rows);
            connectRemote(endpoint);
            done(QString());
        });
}

void DesktopApp::removeRemote(const QString &name)
{
    for (RemoteMonitor *r : std::as_const(m_remotes)) {
        if (r->name() == name) {
            m_remotes.removeOne(r);
            delete r; // the window and the tray let go of it
            break;
        }
    }
    QSettings settings;
    QList<RemoteRow> rows = readRemoteRows(settings);
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&name](const RemoteRow &row) { return row.name == name; }),
               rows.end());
    writeRemoteRows(settings, rows);
    m_credentials->remove(CredentialStore::keyFor(CredentialStore::Kind::Remote, name), this,
                          [](const CredentialStore::Result &) {});
}

void DesktopApp::openAddRemote()
{
    QStringList taken;
    for (const RemoteMonitor *r : std::as_const(m_remotes))
        taken << r->name();
    RemoteDialog dialog(taken, m_window.get());
    if (dialog.exec() != QDialog::Accepted)
        return;
    addRemote(dialog.endpoint(), [this](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(m_window.get(), tr("Add a remote instance"), error);
    });
}

void DesktopApp::openRemoveRemote()
{
    QStringList names;
    for (const RemoteMonitor *r : std::as_const(m_remotes))
        names << r->name();
    if (names.isEmpty()) {
        QMessageBox::information(m_window.get(), tr("Remove a remote instance"), tr("There is no remote instance."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getItem(m_window.get(), tr("Remove a remote instance"), tr("Stop watching:"),
                                               names, 0, false, &ok);
    if (ok)
        removeRemote(name);
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
    if (old.theme != saved.theme)
        m_theme->setChoice(themeChoiceFromName(saved.theme)); // live: every view follows the palette
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

void DesktopApp::openAbout()
{
    AboutDialog dialog(dataFolder(), m_window.get());
    dialog.exec();
}

QString DesktopApp::dataFolder() const
{
    return QFileInfo(m_options.databasePath).absolutePath();
}

void DesktopApp::openConnect()
{
    ConnectAgentDialog dialog(m_monitor.get(), m_credentials.get(), m_window.get());
    dialog.exec();
}

} // namespace clev
