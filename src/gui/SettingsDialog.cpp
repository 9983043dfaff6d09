// SPDX-License-Identifier: MIT
#include "gui/SettingsDialog.h"

#include "gui/Theme.h"
#include "ui_SettingsDialog.h"

#include <QHostAddress>
#include <QMessageBox>
#include <QPushButton>
#include <QTimeZone>

namespace clev {

QList<QPair<QString, QString>> SettingsDialog::languages()
{
    return {{QString(), tr("System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("ja"), QStringLiteral("日本語")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

SettingsDialog::SettingsDialog(const DesktopSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_current(current)
{
    m_ui->setupUi(this);
    m_ui->addressComboBox->addItem(tr("127.0.0.1 — this computer only"), QStringLiteral("127.0.0.1"));
    m_ui->addressComboBox->addItem(tr("0.0.0.0 — every network of this computer"), QStringLiteral("0.0.0.0"));
    m_ui->addressComboBox->addItem(tr("::1 — this computer only (IPv6)"), QStringLiteral("::1"));
    const int known = m_ui->addressComboBox->findData(current.listenAddress);
    if (known >= 0)
        m_ui->addressComboBox->setCurrentIndex(known);
    else
        m_ui->addressComboBox->setEditText(current.listenAddress);
    m_ui->portSpinBox->setValue(current.port);
    m_ui->intervalSpinBox->setValue(qRound(current.defaultIntervalSecs));
    m_ui->graceSpinBox->setValue(qRound(current.defaultGraceSecs));
    m_ui->retentionSpinBox->setValue(current.retentionDays);
    m_ui->timeZoneComboBox->addItem(tr("System time zone (%1)").arg(QString::fromUtf8(QTimeZone::systemTimeZoneId())),
                                    QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_ui->timeZoneComboBox->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    m_ui->timeZoneComboBox->setCurrentIndex(std::max(0, m_ui->timeZoneComboBox->findData(current.timeZone)));
    m_ui->notifyDeadCheckBox->setChecked(current.notifyKinds.contains(IncidentKind::Dead));
    m_ui->notifyCrashCheckBox->setChecked(current.notifyKinds.contains(IncidentKind::Crash));
    m_ui->notifyLoopCheckBox->setChecked(current.notifyKinds.contains(IncidentKind::Loop));
    m_ui->notifyBudgetCheckBox->setChecked(current.notifyKinds.contains(IncidentKind::Budget));
    m_ui->soundCheckBox->setChecked(current.sound);
    for (const auto &[code, name] : languages())
        m_ui->languageComboBox->addItem(name, code);
    m_ui->languageComboBox->setCurrentIndex(std::max(0, m_ui->languageComboBox->findData(current.language)));
    m_ui->startAtLoginCheckBox->setChecked(current.startAtLogin);
    // Theme: light, dark, or the desktop's colour scheme (applied at once on Save).
    m_ui->themeComboBox->addItem(tr("System (follow the desktop)"), QStringLiteral("system"));
    m_ui->themeComboBox->addItem(tr("Light"), QStringLiteral("light"));
    m_ui->themeComboBox->addItem(tr("Dark"), QStringLiteral("dark"));
    m_ui->themeComboBox->setCurrentIndex(std::max(0, m_ui->themeComboBox->findData(current.theme)));
    m_ui->errorLabel->hide();
    m_ui->errorLabel->setStyleSheet(QStringLiteral("color: %1;").arg(theme::errorColour(palette()).name()));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    const auto revalidate = [this] {
        const QString error = validationError();
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->setVisible(!error.isEmpty());
        m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(error.isEmpty());
    };
    connect(m_ui->addressComboBox, &QComboBox::editTextChanged, this, revalidate);
    connect(m_ui->portSpinBox, &QSpinBox::valueChanged, this, revalidate);
    m_confirm = [this](const QString &address) {
        return QMessageBox::warning(
                   this, tr("Listen beyond this computer?"),
                   tr("On %1, agents on other machines can reach ClevAgent. Anyone with a valid key can then send "
                      "heartbeats, and the port is open to your network: make sure a firewall or a VPN limits who "
                      "can reach it. Listen on %1?")
                       .arg(address),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
}

SettingsDialog::~SettingsDialog() = default;

DesktopSettings SettingsDialog::settings() const
{
    DesktopSettings s = m_current;
    const QString typed = m_ui->addressComboBox->currentText().trimmed();
    const int known = m_ui->addressComboBox->findText(typed);
    s.listenAddress = known >= 0 ? m_ui->addressComboBox->itemData(known).toString() : typed.section(u' ', 0, 0);
    s.port = m_ui->portSpinBox->value();
    s.defaultIntervalSecs = m_ui->intervalSpinBox->value();
    s.defaultGraceSecs = m_ui->graceSpinBox->value();
    s.retentionDays = m_ui->retentionSpinBox->value();
    s.timeZone = m_ui->timeZoneComboBox->currentData().toString();
    s.notifyKinds.clear();
    if (m_ui->notifyDeadCheckBox->isChecked())
        s.notifyKinds << IncidentKind::Dead;
    if (m_ui->notifyCrashCheckBox->isChecked())
        s.notifyKinds << IncidentKind::Crash;
    if (m_ui->notifyLoopCheckBox->isChecked())
        s.notifyKinds << IncidentKind::Loop;
    if (m_ui->notifyBudgetCheckBox->isChecked())
        s.notifyKinds << IncidentKind::Budget;
    s.sound = m_ui->soundCheckBox->isChecked();
    s.language = m_ui->languageComboBox->currentData().toString();
    s.startAtLogin = m_ui->startAtLoginCheckBox->isChecked();
    s.theme = m_ui->themeComboBox->currentData().toString();
    return s;
}

QString SettingsDialog::validationError() const
{
    const DesktopSettings s = settings();
    if (QHostAddress(s.listenAddress).isNull())
        return tr("'%1' is not an IP address. Use 127.0.0.1 for this computer only, or the address of one of its "
                  "networks.")
            .arg(s.listenAddress);
    if (s.port < 1024 && s.port != m_current.port)
        return tr("Ports below 1024 need administrator rights; choose 1024 or above (the default is 9475).");
    return {};
}

void SettingsDialog::accept()
{
    if (const QString error = validationError(); !error.isEmpty()) {
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        return;
    }
    const DesktopSettings s = settings();
    const QHostAddress address(s.listenAddress);
    if (!address.isLoopback() && s.listenAddress != m_current.listenAddress && !m_confirm(s.listenAddress))
        return;
    QDialog::accept();
}

} // namespace clev
