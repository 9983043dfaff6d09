// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AgentSettingsDialog;
}

namespace clev {

// Interval, grace and daily budget for one agent. A ticked box sets the value; an unticked one uses the
// default. Saving is refused, with the reason shown, while a value makes no sense.
class AgentSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentSettingsDialog)

public:
    AgentSettingsDialog(const QString &agent, const AgentSettings &current, double intervalInForceSecs,
                        QWidget *parent = nullptr);
    ~AgentSettingsDialog() override;

    AgentSettings settings() const;
    // Empty when the values can be saved, else why not.
    QString validationError() const;
    void accept() override;

private:
    void updateEnabled();

    std::unique_ptr<Ui::AgentSettingsDialog> m_ui;
};

} // namespace clev
