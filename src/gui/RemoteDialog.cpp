// SPDX-License-Identifier: MIT
#include "gui/RemoteDialog.h"

#include "gui/StatusText.h"
#include "ui_RemoteDialog.h"

#include <QPushButton>

namespace clev {

RemoteDialog::RemoteDialog(const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RemoteDialog>())
    , m_taken(takenNames)
{
    m_ui->setupUi(this);
    m_ui->trustCheckBox->hide();
    m_ui->resultLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    connect(m_ui->testButton, &QPushButton::clicked, this, &RemoteDialog::test);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (m_passed)
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_ui->nameLineEdit, m_ui->urlLineEdit, m_ui->keyLineEdit})
        connect(e, &QLineEdit::textEdited, this, &RemoteDialog::fieldsChanged);
    connect(m_ui->trustCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            test(); // again, with the pin
        else
            fieldsChanged();
    });
}

RemoteDialog::~RemoteDialog() = default;

void RemoteDialog::fieldsChanged()
{
    m_passed = false;
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
}

RemoteEndpoint RemoteDialog::endpoint() const
{
    QString url = m_ui->urlLineEdit->text().trimmed();
    if (!url.isEmpty() && !url.contains(QStringLiteral("://")))
        url.prepend(QStringLiteral("https://"));
    QUrl u(url);
    if (u.port() < 0 && !u.host().isEmpty())
        u.setPort(9475);
    return {m_ui->nameLineEdit->text().trimmed(), u, m_ui->keyLineEdit->text().trimmed(),
            m_ui->trustCheckBox->isChecked() ? m_fingerprint : QByteArray()};
}

QString RemoteDialog::validationError() const
{
    const RemoteEndpoint e = endpoint();
    if (e.name.isEmpty() || e.name.contains(u'/'))
        return tr("Give the instance a name (without '/').");
    if (m_taken.contains(e.name))
        return tr("There is already an instance named '%1'.").arg(e.name);
    if (!e.url.isValid() || e.url.host().isEmpty() || (e.url.scheme() != u"http" && e.url.scheme() != u"https"))
        return tr("The address must look like https://host:9475.");
    if (!e.key.startsWith(u"cv_"))
        return tr("Enter the read key (it starts with cv_).");
    return {};
}

void RemoteDialog::test()
{
    if (m_testing)
        return;
    m_passed = false;
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    if (const QString error = validationError(); !error.isEmpty()) {
        showStatusText(m_ui->resultLabel, error, StatusKind::Error);
        return;
    }
    m_testing = true;
    m_ui->testButton->setEnabled(false);
    showStatusText(m_ui->resultLabel, tr("Testing…"), StatusKind::Info);
    RemoteMonitor::probe(endpoint(), this, [this](const RemoteMonitor::Probe &p) {
        m_testing = false;
        m_ui->testButton->setEnabled(true);
        m_passed = p.ok;
        if (!p.fingerprint.isEmpty())
            m_fingerprint = p.fingerprint;
        showStatusText(m_ui->resultLabel, p.message, p.ok ? StatusKind::Success : StatusKind::Error);
        m_ui->trustCheckBox->setVisible(p.untrustedCertificate || m_ui->trustCheckBox->isChecked());
        if (p.untrustedCertificate)
            m_ui->trustCheckBox->setText(
                tr("Trust this certificate (SHA-256 %1…)").arg(QString::fromLatin1(p.fingerprint.left(23))));
        m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(p.ok);
    });
}

QString RemoteDialog::result() const
{
    return m_ui->resultLabel->text();
}

} // namespace clev
