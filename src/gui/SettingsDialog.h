// SPDX-License-Identifier: MIT
#pragma once

#include "gui/DesktopSettings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace clev {

// The desktop app's settings. Every field is checked with a clear message; listening beyond this
// computer asks first. Saving returns the new settings; the caller applies them (rebinding the
// listener live).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(const DesktopSettings &current, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    DesktopSettings settings() const;
    QString validationError() const;
    // Answers the "listen beyond this computer?" question without asking (tests).
    void setConfirmExposure(std::function<bool(const QString &address)> confirm) { m_confirm = std::move(confirm); }
    void accept() override;
    // The languages offered: code ("" = the system's) and name in that language.
    static QList<QPair<QString, QString>> languages();

private:
    std::unique_ptr<Ui::SettingsDialog> m_ui;
    DesktopSettings m_current;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace clev
