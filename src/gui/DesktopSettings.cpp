// SPDX-License-Identifier: MIT
#include "gui/DesktopSettings.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace clev {

QString ChannelDefinition::secretKey() const
{
    return QStringLiteral("channel/") + name;
}

QString ChannelSecrets::toJson() const
{
    QJsonObject o;
    if (!url.isEmpty())
        o.insert(QStringLiteral("url"), url);
    if (!secret.isEmpty())
        o.insert(QStringLiteral("secret"), secret);
    if (!password.isEmpty())
        o.insert(QStringLiteral("password"), password);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

ChannelSecrets ChannelSecrets::fromJson(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    return {o.value(QStringLiteral("url")).toString(), o.value(QStringLiteral("secret")).toString(),
            o.value(QStringLiteral("password")).toString()};
}

DesktopSettings DesktopSettings::load(QSettings &s)
{
    DesktopSettings d;
    d.listenAddress = s.value(QStringLiteral("listener/address"), d.listenAddress).toString();
    d.port = s.value(QStringLiteral("listener/port"), d.port).toInt();
    d.retentionDays = s.value(QStringLiteral("storage/retentionDays"), d.retentionDays).toInt();
    d.defaultIntervalSecs = s.value(QStringLiteral("watchdog/defaultIntervalSecs"), d.defaultIntervalSecs).toDouble();
    d.defaultGraceSecs = s.value(QStringLiteral("watchdog/defaultGraceSecs"), d.defaultGraceSecs).toDouble();
    d.startAtLogin = s.value(QStringLiteral("general/startAtLogin"), d.startAtLogin).toBool();
    d.sound = s.value(QStringLiteral("notifications/sound"), d.sound).toBool();
    d.notifyKinds = incidentKindsFromNames(
        s.value(QStringLiteral("notifications/kinds"), incidentKindNameList(d.notifyKinds)).toStringList());
    d.language = s.value(QStringLiteral("general/language")).toString();
    d.timeZone = s.value(QStringLiteral("general/timeZone")).toString();
    d.theme = s.value(QStringLiteral("general/theme"), d.theme).toString();
    const int n = s.beginReadArray(QStringLiteral("channels"));
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        ChannelDefinition c;
        c.name = s.value(QStringLiteral("name")).toString();
        // A type or a kind this version does not know (a newer one wrote it): the channel is left out
        // rather than sent to in another way or for other kinds.
        const QString type = s.value(QStringLiteral("type")).toString();
        const QStringList kinds = s.value(QStringLiteral("kinds")).toStringList();
        const auto knownType = channelTypeFromName(type);
        c.kinds = incidentKindsFromNames(kinds);
        if (!knownType || c.kinds.size() != kinds.size()) {
            qCWarning(lcGui) << "the alert channel" << c.name
                             << "has a type or alert kinds this version does not know:" << type << kinds;
            continue;
        }
        c.type = *knownType;
        c.smtpHost = s.value(QStringLiteral("smtpHost")).toString();
        c.smtpPort = s.value(QStringLiteral("smtpPort"), 587).toInt();
        c.tls = s.value(QStringLiteral("tls"), QStringLiteral("starttls")).toString();
        c.user = s.value(QStringLiteral("user")).toString();
        c.from = s.value(QStringLiteral("from")).toString();
        c.to = s.value(QStringLiteral("to")).toStringList();
        if (!c.name.isEmpty())
            d.channels.append(c);
    }
    s.endArray();
    return d;
}

void DesktopSettings::save(QSettings &s) const
{
    s.setValue(QStringLiteral("listener/address"), listenAddress);
    s.setValue(QStringLiteral("listener/port"), port);
    s.setValue(QStringLiteral("storage/retentionDays"), retentionDays);
    s.setValue(QStringLiteral("watchdog/defaultIntervalSecs"), defaultIntervalSecs);
    s.setValue(QStringLiteral("watchdog/defaultGraceSecs"), defaultGraceSecs);
    s.setValue(QStringLiteral("general/startAtLogin"), startAtLogin);
    s.setValue(QStringLiteral("notifications/sound"), sound);
    s.setValue(QStringLiteral("notifications/kinds"), incidentKindNameList(notifyKinds));
    s.setValue(QStringLiteral("general/language"), language);
    s.setValue(QStringLiteral("general/timeZone"), timeZone);
    s.setValue(QStringLiteral("general/theme"), theme);
    s.remove(QStringLiteral("channels"));
    s.beginWriteArray(QStringLiteral("channels"), static_cast<int>(channels.size()));
    for (int i = 0; i < channels.size(); ++i) {
        const ChannelDefinition &c = channels.at(i);
        s.setArrayIndex(i);
        s.setValue(QStringLiteral("name"), c.name);
        s.setValue(QStringLiteral("type"), channelTypeName(c.type));
        s.setValue(QStringLiteral("kinds"), incidentKindNameList(c.kinds));
        s.setValue(QStringLiteral("secretRef"), c.secretKey()); // a reference, never the secret
        if (c.type == ChannelType::Email) {
            s.setValue(QStringLiteral("smtpHost"), c.smtpHost);
            s.setValue(QStringLiteral("smtpPort"), c.smtpPort);
            s.setValue(QStringLiteral("tls"), c.tls);
            s.setValue(QStringLiteral("user"), c.user);
            s.setValue(QStringLiteral("from"), c.from);
            s.setValue(QStringLiteral("to"), c.to);
        }
    }
    s.endArray();
    s.sync();
}

void DesktopSettings::applyTo(ServerConfig *config) const
{
    config->http.address = QHostAddress(listenAddress);
    if (config->http.address.isNull())
        config->http.address = QHostAddress::LocalHost;
    config->http.port = static_cast<quint16>(port);
    config->writer.rawRetentionDays = retentionDays;
    config->watchdog.defaults.intervalSecs = defaultIntervalSecs;
    config->watchdog.defaults.graceSecs = defaultGraceSecs > 0 ? std::optional<double>(defaultGraceSecs) : std::nullopt;
    const QTimeZone zone = timeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(timeZone.toUtf8());
    config->timeZone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

QString DesktopSettings::autostartPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart/io.clevagent.Desktop.desktop"));
}

QString DesktopSettings::installedDesktopEntry()
{
    return QStandardPaths::locate(QStandardPaths::ApplicationsLocation, QStringLiteral("io.clevagent.Desktop.desktop"));
}

QByteArray DesktopSettings::autostartEntry()
{
    const QString self = QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath();
    const QString onPath =
        QFileInfo(QStandardPaths::findExecutable(QStringLiteral("clevagent-desktop"))).canonicalFilePath();
    // Exec quoting per the Desktop Entry spec: the path in double quotes, with " ` $ \ escaped.
    QString quoted = self;
    for (const QChar c : {u'\\', u'"', u'`', u'$'})
        quoted.replace(c, QString(u'\\') + c);
    const QByteArray exec = "Exec=\"" + quoted.toUtf8() + "\"";

    QFile installed(installedDesktopEntry());
    QByteArray entry;
    if (!installed.fileName().isEmpty() && installed.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = installed.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("X-GNOME-Autostart-enabled=") || (line.isEmpty() && entry.endsWith("\n\n")))
                continue;
            // The installed program is on PATH as the entry says; any other build runs itself.
            entry += (line.startsWith("Exec=") && self != onPath) ? exec : line;
            entry += '\n';
        }
        while (entry.endsWith("\n\n"))
            entry.chop(1);
    } else {
        entry = "[Desktop Entry]\nType=Application\nName=ClevAgent\nComment=Monitor for AI "
                "agents\nIcon=io.clevagent.Desktop\n" +
                exec + '\n';
    }
    return entry + "X-GNOME-Autostart-enabled=true\n";
}

bool DesktopSettings::applyStartAtLogin(QString *error) const
{
    const QString path = autostartPath();
    // Before 0.1.0 the entry was called clevagent-desktop.desktop: it goes either way.
    const QString older = QFileInfo(path).absoluteDir().filePath(QStringLiteral("clevagent-desktop.desktop"));
    if (QFile::exists(older))
        QFile::remove(older);
    if (!startAtLogin) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = QCoreApplication::translate("DesktopSettings", "Cannot remove %1").arg(path);
            return false;
        }
        return true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(autostartEntry()) < 0 || !f.commit()) {
        *error = QCoreApplication::translate("DesktopSettings", "Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

ChannelConfig toChannelConfig(const ChannelDefinition &d, const ChannelSecrets &s)
{
    ChannelConfig c;
    c.name = d.name;
    c.type = d.type;
    c.kinds = d.kinds;
    c.url = s.url;
    c.secret = s.secret;
    if (d.type == ChannelType::Email) {
        c.smtpUrl = QStringLiteral("%1://%2:%3")
                        .arg(d.tls == u"tls" ? QStringLiteral("smtps") : QStringLiteral("smtp"), d.smtpHost)
                        .arg(d.smtpPort);
        c.tls = d.tls;
        c.user = d.user;
        c.password = s.password;
        c.from = d.from;
        c.to = d.to;
    }
    return c;
}

QList<IncidentKind> incidentKindsFromNames(const QStringList &names)
{
    QList<IncidentKind> kinds;
    for (const QString &name : names) {
        if (const auto kind = incidentKindFromName(name))
            kinds << *kind;
        else
            qCWarning(lcGui) << "an alert kind this version does not know is left out:" << name;
    }
    return kinds;
}

QStringList incidentKindNameList(const QList<IncidentKind> &kinds)
{
    QStringList names;
    for (IncidentKind kind : kinds)
        names << incidentKindName(kind);
    return names;
}

} // namespace clev
