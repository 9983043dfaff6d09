// SPDX-License-Identifier: MIT
#pragma once

#include "gui/RemoteMonitor.h"

#include <QDialog>

#include <memory>

namespace Ui {
class RemoteDialog;
}

namespace clev {

// "Add a remote instance": name, address and read key, and "Test connection", which says in words
// whether DNS, TCP, TLS, the key, its scope and the server's version are fine. A self-signed
// certificate shows its fingerprint and can be trusted (pinned). Saving needs a test that passed.
class RemoteDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteDialog)

public:
    RemoteDialog(const QStringList &takenNames, QWidget *parent = nullptr);
    ~RemoteDialog() override;

    RemoteEndpoint endpoint() const;
    QString result() const;
    void test();
    bool tested() const { return m_passed; }

private:
    QString validationError() const;
    void fieldsChanged();

    std::unique_ptr<Ui::RemoteDialog> m_ui;
    QStringList m_taken;
    QByteArray m_fingerprint;
    bool m_passed = false;
    bool m_testing = false;
};

} // namespace clev
