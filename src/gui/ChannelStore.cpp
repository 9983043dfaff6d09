// SPDX-License-Identifier: MIT
#include "gui/ChannelStore.h"

#include "gui/LocalMonitor.h"
#include "secrets/CredentialStore.h"

#include <QPointer>
#include <QSettings>

#include <memory>

namespace clev {

ChannelStore::ChannelStore(CredentialStore *credentials, LocalMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_monitor(monitor)
{
}

QList<ChannelDefinition> ChannelStore::definitions() const
{
    QSettings settings;
    return DesktopSettings::load(settings).channels;
}

void ChannelStore::loadAndApply()
{
    const QList<ChannelDefinition> all = definitions();
    m_active.clear();
    m_problem.clear();
    if (all.isEmpty()) {
        apply();
        return;
    }
    auto pending = std::make_shared<int>(static_cast<int>(all.size()));
    for (const ChannelDefinition &d : all) {
        m_credentials->read(d.secretKey(), this, [this, d, pending](const CredentialStore::Result &r) {
            if (r.ok)
                m_active.insert(d.name, toChannelConfig(d, ChannelSecrets::fromJson(r.value)));
            else if (r.notFound)
                m_problem =
                    tr("The secrets of channel '%1' are not in the keychain: edit the channel to enter them again.")
                        .arg(d.name);
            else
                m_problem = tr("Alert channels are off: %1").arg(r.error);
            if (--*pending == 0)
                apply();
        });
    }
}

void ChannelStore::apply()
{
    m_monitor->setChannels(m_active.values());
    Q_EMIT changed();
}

void ChannelStore::readSecrets(const QString &name, QObject *context,
                               std::function<void(const ChannelSecrets &, const QString &)> done)
{
    ChannelDefinition d;
    d.name = name;
    m_credentials->read(d.secretKey(), context, [done](const CredentialStore::Result &r) {
        if (r.ok)
            done(ChannelSecrets::fromJson(r.value), QString());
        else
            done(ChannelSecrets(), r.notFound ? QString() : r.error);
    });
}

void ChannelStore::save(const ChannelDefinition &definition, const ChannelSecrets &secrets, const QString &previousName,
                        QObject *context, std::function<void(const QString &)> done)
{
    QPointer<QObject> guard(context);
    m_credentials->write(definition.secretKey(), secrets.toJson(), this, [=](const CredentialStore::Result &r) {
        if (!r.ok) {
            if (guard)
                done(tr("Nothing was saved: %1").arg(r.error));
            return;
        }
        QSettings settings;
        DesktopSettings s = DesktopSettings::load(settings);
        bool replaced = false;
        for (ChannelDefinition &c : s.channels) {
            if (c.name == (previousName.isEmpty() ? definition.name : previousName)) {
                c = definition;
                replaced = true;
            }
        }
        if (!replaced)
            s.channels.append(definition);
        s.save(settings);
        if (!previousName.isEmpty() && previousName != definition.name) {
            ChannelDefinition old;
            old.name = previousName;
            m_credentials->remove(old.secretKey(), this, [](const CredentialStore::Result &) {});
            m_active.remove(previousName);
        }
        m_active.insert(definition.name, toChannelConfig(definition, secrets));
        apply();
        if (guard)
            done(QString());
    });
}

void ChannelStore::remove(const QString &name, QObject *context, std::function<void(const QString &)> done)
{
    ChannelDefinition d;
    d.name = name;
    QPointer<QObject> guard(context);
    m_credentials->remove(d.secretKey(), this, [=](const CredentialStore::Result &r) {
        if (!r.ok) {
            if (guard)
                done(tr("The channel was not removed: %1").arg(r.error));
            return;
        }
        QSettings settings;
        DesktopSettings s = DesktopSettings::load(settings);
        s.channels.erase(std::remove_if(s.channels.begin(), s.channels.end(),
                                        [&name](const ChannelDefinition &c) { return c.name == name; }),
                         s.channels.end());
        s.save(settings);
        m_active.remove(name);
        apply();
        if (guard)
            done(QString());
    });
}

} // namespace clev
