// SPDX-License-Identifier: MIT
#pragma once

#include "core/ApiKey.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ApiKeysDialog;
class ConnectAgentDialog;
} // namespace Ui

namespace clev {

class CredentialStore;
class LocalMonitor;

// The embedded server's API keys: list (name, scopes, created, last used), create (shown once, with a
// copy button; a copy goes to the keychain for "Connect an agent"), revoke.
class ApiKeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeysDialog)

public:
    ApiKeysDialog(LocalMonitor *monitor, CredentialStore *credentials, QWidget *parent = nullptr);
    ~ApiKeysDialog() override;
    QString createdKey() const;
    QString status() const;
    const QList<StoredKey> &keys() const { return m_keys; }

Q_SIGNALS:
    void keyStored(const QByteArray &prefix); // the new key's copy is in the keychain

private:
    void createKey();
    void onKeyCreated(const QByteArray &key, const StoredKey &stored, const QString &error);
    void revokeSelected();
    void showKeys(const QList<StoredKey> &keys);
    void showStatus(const QString &text, bool error);

    std::unique_ptr<Ui::ApiKeysDialog> m_ui;
    LocalMonitor *m_monitor;
    CredentialStore *m_credentials;
    QList<StoredKey> m_keys;
};

// How to connect an agent: the endpoint, a key picker (keys whose copy is in the keychain can be
// pasted as they are) and ready-to-paste snippets for the Python SDK, curl and the environment.
class ConnectAgentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectAgentDialog)

public:
    ConnectAgentDialog(LocalMonitor *monitor, CredentialStore *credentials, QWidget *parent = nullptr);
    ~ConnectAgentDialog() override;
    QString pythonSnippet() const;
    QString curlSnippet() const;
    QString environmentSnippet() const;

private:
    void onKeyChosen();
    void updateSnippets();

    std::unique_ptr<Ui::ConnectAgentDialog> m_ui;
    LocalMonitor *m_monitor;
    CredentialStore *m_credentials;
    QString m_key; // the chosen key's value, when the keychain holds it
};

} // namespace clev
