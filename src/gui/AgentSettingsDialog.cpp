#include "gui/AgentSettingsDialog.h"

#include "ui_AgentSettingsDialog.h"

#include <QPushButton>

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
    m_ui->errorLabel->hide();
    for (QCheckBox *box : {m_ui->intervalCheckBox, m_ui->graceCheckBox, m_ui->budgetCheckBox})
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
    const QString error = validationError();
    m_ui->errorLabel->setText(error);
    m_ui->errorLabel->setVisible(!error.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(error.isEmpty());
}

QString AgentSettingsDialog::validationError() const
{
    if (m_ui->budgetCheckBox->isChecked() && m_ui->budgetSpinBox->value() <= 0)
        return tr("A daily budget must be more than $0. Untick the box for no budget.");
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
    return s;
}

void AgentSettingsDialog::accept()
{
    if (!validationError().isEmpty())
        return;
    QDialog::accept();
}

} // namespace clev
