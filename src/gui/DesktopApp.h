// SPDX-License-Identifier: MIT
#pragma once

#include "gui/DesktopSettings.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace clev {

class ChannelStore;
class CredentialStore;
class LocalMonitor;
class MainWindow;
class ThemeManager;
class RemoteMonitor;
struct RemoteEndpoint;
class TrayController;

// The desktop app put together: the embedded engine, the window, the tray, the keychain, the alert
// channels, the menu with the dialogs (connect an agent, API keys, alert channels, settings), and
// applying changed settings live.
class DesktopApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopApp)

public:
    struct Options
    {
        QString databasePath;
        std::optional<quint16> port; // from the command line: wins over the settings
        int keychainTimeoutMs = 5000;
    };
    explicit DesktopApp(Options options, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Shows the window at once, then starts the engine and reads the channels' secrets.
    void start();

    MainWindow &window() { return *m_window; }
    ThemeManager &theme() { return *m_theme; }
    LocalMonitor &monitor() { return *m_monitor; }
    TrayController &tray() { return *m_tray; }
    CredentialStore &credentials() { return *m_credentials; }
    ChannelStore &channels() { return *m_channels; }

    void openSettings();
    void openChannels();
    // The channel form for a new channel, over the list.
    void openNewChannel();
    void openKeys();
    void openConnect();
    void openAbout();
    // Where the database (and with it the app's data) lives.
    QString dataFolder() const;
    void openAddRemote();
    void openRemoveRemote();
    // Stores the read key in the keychain first, then the instance in the settings, and connects.
    // `done` gets "" or why nothing was added.
    void addRemote(const RemoteEndpoint &endpoint, std::function<void(const QString &error)> done);
    void removeRemote(const QString &name);
    QList<RemoteMonitor *> remotes() const;
    // Saves the settings and applies what changed (the listener is rebound live).
    void applySettings(const DesktopSettings &settings);

private:
    void storeFirstRunKey();
    void loadRemotes();
    void connectRemote(const RemoteEndpoint &endpoint);

    Options m_options;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ThemeManager> m_theme;
    std::unique_ptr<LocalMonitor> m_monitor;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayController> m_tray;
    std::unique_ptr<ChannelStore> m_channels;
    QList<RemoteMonitor *> m_remotes;
};

} // namespace clev
