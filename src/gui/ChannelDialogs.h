// SPDX-License-Identifier: MIT
#pragma once

#include "gui/DesktopSettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ChannelEditDialog;
class ChannelsDialog;
} // namespace Ui

namespace clev {

class ChannelStore;
class LocalMonitor;

// Adds or edits one alert channel. Every field is checked with a clear message; "Send test" sends a
// real test notification through the channel as entered and shows success or the receiver's exact
// error. Saving stores the secrets in the keychain first: if that fails, nothing is saved and the
// dialog stays open with everything entered.
class ChannelEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelEditDialog)

public:
    ChannelEditDialog(ChannelStore *store, LocalMonitor *monitor, const QStringList &takenNames,
                      QWidget *parent = nullptr);
    ~ChannelEditDialog() override;

    void setChannel(const ChannelDefinition &definition, const ChannelSecrets &secrets);
    ChannelDefinition definition() const;
    ChannelSecrets secrets() const;
    // Empty when the channel can be saved, else why not.
    QString validationError() const;
    QString status() const;
    void accept() override;

private:
    void onTypeChanged();
    void showStatus(const QString &text, bool error);
    ChannelType currentType() const;

    std::unique_ptr<Ui::ChannelEditDialog> m_ui;
    ChannelStore *m_store;
    LocalMonitor *m_monitor;
    QStringList m_taken;
    QString m_previousName;
    bool m_saving = false;
};

// The list of alert channels: add, edit, remove, send a test.
class ChannelsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelsDialog)

public:
    ChannelsDialog(ChannelStore *store, LocalMonitor *monitor, QWidget *parent = nullptr);
    ~ChannelsDialog() override;
    QString status() const;
    void testSelected();

private:
    void refresh();
    void edit(const QString &name);
    QString selectedName() const;
    void showStatus(const QString &text, bool error);

    std::unique_ptr<Ui::ChannelsDialog> m_ui;
    ChannelStore *m_store;
    LocalMonitor *m_monitor;
};

} // namespace clev
