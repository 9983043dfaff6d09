// SPDX-License-Identifier: MIT
#pragma once

#include "engine/Channels.h"
#include "engine/ServerInstance.h"

#include <QStringList>

class QSettings;

namespace clev {

// One alert channel as the desktop keeps it: everything but its secrets. The webhook URL (Slack and
// Discord URLs are secrets themselves), the signing secret or routing key and the SMTP password live in
// the keychain under "channel/<name>"; the settings file holds only that reference.
struct ChannelDefinition
{
    QString name;
    ChannelType type = ChannelType::Slack;
    QList<IncidentKind> kinds; // empty: all
    QString smtpHost;
    int smtpPort = 587;
    QString tls = QStringLiteral("starttls");
    QString user;
    QString from;
    QStringList to;

    QString secretKey() const; // the keychain key
};

// What the keychain holds for one channel, as one JSON value.
struct ChannelSecrets
{
    QString url;
    QString secret;   // signing secret or routing key
    QString password; // SMTP
    QString toJson() const;
    static ChannelSecrets fromJson(const QString &json);
};

// The desktop app's settings (QSettings: ~/.config/ClevAgent/clevagent.conf on Linux). No secret is
// ever written here.
struct DesktopSettings
{
    QString listenAddress = QStringLiteral("127.0.0.1");
    int port = 9475;
    int retentionDays = 30;
    double defaultIntervalSecs = 60;
    double defaultGraceSecs = 0; // 0: one more interval
    bool startAtLogin = false;
    bool sound = false;
    QList<IncidentKind> notifyKinds{IncidentKind::Dead, IncidentKind::Crash, IncidentKind::Loop, IncidentKind::Budget};
    QString language;                         // empty: the system's
    QString timeZone;                         // empty: the system's
    QString theme = QStringLiteral("system"); // "system", "light" or "dark" (themeChoiceFromName)
    QList<ChannelDefinition> channels;

    static DesktopSettings load(QSettings &settings);
    void save(QSettings &settings) const;
    // Onto the engine's configuration (channels excepted: their secrets come from the keychain).
    void applyTo(ServerConfig *config) const;
    // Writes or removes the XDG autostart entry; false with `error` when it cannot.
    bool applyStartAtLogin(QString *error) const;
    // ~/.config/autostart/io.clevagent.Desktop.desktop: named like the installed desktop entry, so
    // desktops treat it as that application started at login.
    static QString autostartPath();
    // The installed desktop entry (…/applications/io.clevagent.Desktop.desktop in the XDG data
    // folders), or "" when the app runs from a build folder.
    static QString installedDesktopEntry();
    // The autostart entry's text: the installed desktop entry (name, icon, translations) started at
    // login, running this very program when it is not the one on PATH (a build run from a folder).
    static QByteArray autostartEntry();
};

// A channel with its secrets, ready for the engine.
ChannelConfig toChannelConfig(const ChannelDefinition &d, const ChannelSecrets &s);

// Incident kinds as the settings file keeps them: by name. A name this version does not know is left
// out (with a warning), never read as another kind.
QList<IncidentKind> incidentKindsFromNames(const QStringList &names);
QStringList incidentKindNameList(const QList<IncidentKind> &kinds);

} // namespace clev
