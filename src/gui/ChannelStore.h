// SPDX-License-Identifier: MIT
#pragma once

#include "gui/DesktopSettings.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace clev {

class CredentialStore;
class LocalMonitor;

// The alert channels of the desktop app: definitions in the settings, secrets in the keychain, the
// resolved channels in the engine. When the keychain cannot be read the channels stay off and
// `problem()` says why; nothing is ever written in clear instead.
class ChannelStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelStore)

public:
    ChannelStore(CredentialStore *credentials, LocalMonitor *monitor, QObject *parent = nullptr);

    QList<ChannelDefinition> definitions() const;
    // Reads every channel's secrets and hands the channels to the engine.
    void loadAndApply();
    // Reads one channel's secrets (for editing).
    void readSecrets(const QString &name, QObject *context,
                     std::function<void(const ChannelSecrets &, const QString &error)> done);
    // Stores the secrets in the keychain first; only then the definition (replacing `previousName`, if
    // any) in the settings, and applies. `done` gets "" or why nothing was saved.
    void save(const ChannelDefinition &definition, const ChannelSecrets &secrets, const QString &previousName,
              QObject *context, std::function<void(const QString &error)> done);
    void remove(const QString &name, QObject *context, std::function<void(const QString &error)> done);
    // Why channels are off or incomplete, or empty.
    QString problem() const { return m_problem; }
    int activeCount() const { return static_cast<int>(m_active.size()); }

Q_SIGNALS:
    void changed();

private:
    void apply();

    CredentialStore *m_credentials;
    LocalMonitor *m_monitor;
    QHash<QString, ChannelConfig> m_active;
    QString m_problem;
};

} // namespace clev
