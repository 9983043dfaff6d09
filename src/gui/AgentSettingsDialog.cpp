// SPDX-License-Identifier: MIT
#include "gui/AgentSettingsDialog.h"

#include "gui/Theme.h"
#include "ui_AgentSettingsDialog.h"

#include <QPushButton>
#include <QRegularExpression>

namespace clev {

AgentSettingsDialog::AgentSettingsDialog(const QString &agent, const AgentSettings &current, double intervalInForceSecs,
                                         QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AgentSettingsDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Settings of %1").arg(agent));
    m_ui->intervalCheckBox->setChecked(current.intervalSecs.has_value());
    if (current.intervalSecs)
        m_ui->intervalSpinBox->setValue(*current.intervalSecs);
    else if (intervalInForceSecs > 0)
        m_ui->intervalSpinBox->setValue(intervalInForceSecs);
    m_ui->intervalDefaultLabel->setText(intervalInForceSecs > 0 ? tr("now: %1 s").arg(intervalInForceSecs)
                                                                : tr("not known yet"));
    m_ui->graceCheckBox->setChecked(current.graceSecs.has_value());
    if (current.graceSecs)
        m_ui->graceSpinBox->setValue(*current.graceSecs);
    m_ui->budgetCheckBox->setChecked(current.dailyBudgetUsd.has_value());
    if (current.dailyBudgetUsd)
        m_ui->budgetSpinBox->setValue(*current.dailyBudgetUsd);
    m_ui->budgetDefaultLabel->setText(tr("in local days; alerts at 80, 95 and 100 %"));
    m_ui->loopCheckBox->setChecked(current.toolLoopRepeats.has_value());
    if (current.toolLoopRepeats)
        m_ui->loopSpinBox->setValue(*current.toolLoopRepeats);
    m_ui->iterationCheckBox->setChecked(current.iterationCap.has_value());
    if (current.iterationCap)
        m_ui->iterationSpinBox->setValue(static_cast<int>(std::min<qint64>(*current.iterationCap, 1'000'000'000)));
    m_ui->restartComboBox->addItem(tr("Do not restart"), QString());
    m_ui->restartComboBox->addItem(tr("Docker container"), QStringLiteral("docker"));
    m_ui->restartComboBox->addItem(tr("systemd unit"), QStringLiteral("systemd"));
    m_ui->restartComboBox->addItem(tr("systemd user unit"), QStringLiteral("systemd-user"));
    const QString kind = current.restartTarget.section(u':', 0, 0);
    m_ui->restartComboBox->setCurrentIndex(std::max(0, m_ui->restartComboBox->findData(kind)));
    m_ui->restartLineEdit->setText(current.restartTarget.section(u':', 1));
    connect(m_ui->restartComboBox, &QComboBox::currentIndexChanged, this, &AgentSettingsDialog::updateEnabled);
    connect(m_ui->restartLineEdit, &QLineEdit::textChanged, this, &AgentSettingsDialog::updateEnabled);
    m_ui->errorLabel->hide();
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: %1;").arg(theme::errorColour(palette()).name()));
    for (QCheckBox *box : {m_ui->intervalCheckBox, m_ui->graceCheckBox, m_ui->budgetCheckBox, m_ui->loopCheckBox,
                           m_ui->iterationCheckBox})
        connect(box, &QCheckBox::toggled, this, &AgentSettingsDialog::updateEnabled);
    connect(m_ui->budgetSpinBox, &QDoubleSpinBox::valueChanged, this, &AgentSettingsDialog::updateEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AgentSettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AgentSettingsDialog::reject);
    updateEnabled();
}

AgentSettingsDialog::~AgentSettingsDialog() = default;

void AgentSettingsDialog::updateEnabled()
{
    m_ui->intervalSpinBox->setEnabled(m_ui->intervalCheckBox->isChecked());
    m_ui->graceSpinBox->setEnabled(m_ui->graceCheckBox->isChecked());
    m_ui->budgetSpinBox->setEnabled(m_ui->budgetCheckBox->isChecked());
    m_ui->loopSpinBox->setEnabled(m_ui->loopCheckBox->isChecked());
    m_ui->iterationSpinBox->setEnabled(m_ui->iterationCheckBox->isChecked());
    const QString kind = m_ui->restartComboBox->currentData().toString();
    m_ui->restartLineEdit->setEnabled(!kind.isEmpty());
    m_ui->restartLineEdit->setPlaceholderText(kind == u"docker" ? tr("auto (the container the agent runs in)")
                                              : kind.isEmpty()  ? QString()
                                                                : tr("unit name, e.g. my-agent.service"));
    const QString error = validationError();
    m_ui->errorLabel->setText(error);
    m_ui->errorLabel->setVisible(!error.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(error.isEmpty());
}

QString AgentSettingsDialog::validationError() const
{
    if (m_ui->budgetCheckBox->isChecked() && m_ui->budgetSpinBox->value() <= 0)
        return tr("A daily budget must be more than $0. Untick the box for no budget.");
    const QString kind = m_ui->restartComboBox->currentData().toString();
    const QString name = m_ui->restartLineEdit->text().trimmed();
    if (kind.startsWith(u"systemd") && name.isEmpty())
        return tr("Enter the systemd unit to restart, such as my-agent.service.");
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_.@:\\\\-]*$"));
    if (!kind.isEmpty() && !allowed.match(name).hasMatch())
        return tr("A container or unit name holds only letters, digits and _ . - @ :");
    return {};
}

AgentSettings AgentSettingsDialog::settings() const
{
    AgentSettings s;
    if (m_ui->intervalCheckBox->isChecked())
        s.intervalSecs = m_ui->intervalSpinBox->value();
    if (m_ui->graceCheckBox->isChecked())
        s.graceSecs = m_ui->graceSpinBox->value();
    if (m_ui->budgetCheckBox->isChecked())
        s.dailyBudgetUsd = m_ui->budgetSpinBox->value();
    if (m_ui->loopCheckBox->isChecked())
        s.toolLoopRepeats = m_ui->loopSpinBox->value();
    if (m_ui->iterationCheckBox->isChecked())
        s.iterationCap = m_ui->iterationSpinBox->value();
    if (const QString kind = m_ui->restartComboBox->currentData().toString(); !kind.isEmpty()) {
        const QString name = m_ui->restartLineEdit->text().trimmed();
        s.restartTarget = kind + u':' + (name.isEmpty() ? QStringLiteral("auto") : name);
    }
    return s;
}

void AgentSettingsDialog::accept()
{
    if (!validationError().isEmpty())
        return;
    QDialog::accept();
}

} // namespace clev
