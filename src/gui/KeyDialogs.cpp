// SPDX-License-Identifier: MIT
#include "gui/KeyDialogs.h"

#include "gui/LocalMonitor.h"
#include "gui/StatusText.h"
#include "secrets/CredentialStore.h"
#include "ui_ApiKeysDialog.h"
#include "ui_ConnectAgentDialog.h"

#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace clev {

namespace {

QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
                  : ApiKeysDialog::tr("never");
}

} // namespace

ApiKeysDialog::ApiKeysDialog(LocalMonitor *monitor, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ApiKeysDialog>())
    , m_monitor(monitor)
    , m_credentials(credentials)
{
    m_ui->setupUi(this);
    QTableWidget *table = m_ui->keysTableWidget;
    table->setColumnCount(6);
    table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Key"), tr("Scopes"), tr("Created"), tr("Last used"), tr("Status")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    m_ui->createdFrame->hide();
    m_ui->createdKeyLineEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->copyButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->createdKeyLineEdit->text()); });
    connect(m_ui->createButton, &QPushButton::clicked, this, &ApiKeysDialog::createKey);
    connect(m_monitor, &LocalMonitor::keyCreated, this, &ApiKeysDialog::onKeyCreated);
    connect(m_ui->revokeButton, &QPushButton::clicked, this, &ApiKeysDialog::revokeSelected);
    connect(m_monitor, &MonitorSource::actionDone, this, [this](const QString &what, const QString &error) {
        if (!error.isEmpty())
            showStatus(tr("Could not %1: %2").arg(what, error), true);
        m_monitor->requestKeys();
    });
    connect(m_monitor, &LocalMonitor::keysReady, this, &ApiKeysDialog::showKeys);
    connect(m_ui->keysTableWidget, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_ui->revokeButton->setEnabled(row >= 0 && row < m_keys.size() && !m_keys.at(row).revoked());
    });
    m_ui->revokeButton->setEnabled(false);
    m_ui->statusLabel->hide();
    m_monitor->requestKeys();
}

void ApiKeysDialog::createKey()
{
    const QString name = m_ui->nameLineEdit->text().trimmed();
    ApiKey::Scopes scopes;
    if (m_ui->ingestCheckBox->isChecked())
        scopes |= ApiKey::Scope::Ingest;
    if (m_ui->readCheckBox->isChecked())
        scopes |= ApiKey::Scope::Read;
    if (m_ui->adminCheckBox->isChecked())
        scopes |= ApiKey::Scope::Admin;
    if (name.isEmpty()) {
        showStatus(tr("Give the key a name, so you know later where it is used."), true);
        return;
    }
    if (!scopes) {
        showStatus(tr("Choose at least one scope: ingest to send heartbeats, read to read the status."), true);
        return;
    }
    m_ui->createButton->setEnabled(false);
    m_monitor->createKey(name, scopes);
}

void ApiKeysDialog::onKeyCreated(const QByteArray &key, const StoredKey &stored, const QString &error)
{
    m_ui->createButton->setEnabled(true);
    if (key.isEmpty()) {
        showStatus(tr("The key was not created: %1").arg(error), true);
        return;
    }
    m_ui->nameLineEdit->clear();
    m_ui->createdKeyLineEdit->setText(QString::fromLatin1(key));
    m_ui->createdFrame->show();
    showStatus(QString(), false);
    const QByteArray prefix = stored.prefix;
    m_credentials->write(
        CredentialStore::keyFor(CredentialStore::Kind::ApiKey, QString::fromLatin1(prefix)), QString::fromLatin1(key),
        this, [this, prefix](const CredentialStore::Result &r) {
            if (r.ok)
                Q_EMIT keyStored(prefix);
            else
                showStatus(
                    tr("The key works, but no copy could be kept in the keychain (%1). Copy it now.").arg(r.error),
                    true);
        });
    m_monitor->requestKeys();
}

void ApiKeysDialog::revokeSelected()
{
    const int row = m_ui->keysTableWidget->currentRow();
    if (row < 0 || row >= m_keys.size() || m_keys.at(row).revoked())
        return;
    const StoredKey key = m_keys.at(row);
    if (QMessageBox::question(
            this, tr("Revoke %1?").arg(key.name),
            tr("Agents using %1 get 401 from now on. Revoke it?").arg(QString::fromLatin1(key.prefix))) !=
        QMessageBox::Yes)
        return;
    m_monitor->revokeKey(key.prefix);
    m_credentials->remove(CredentialStore::keyFor(CredentialStore::Kind::ApiKey, QString::fromLatin1(key.prefix)), this,
                          [](const CredentialStore::Result &) {});
}

ApiKeysDialog::~ApiKeysDialog() = default;

void ApiKeysDialog::showKeys(const QList<StoredKey> &keys)
{
    m_keys = keys;
    QTableWidget *table = m_ui->keysTableWidget;
    table->setRowCount(static_cast<int>(keys.size()));
    for (int r = 0; r < keys.size(); ++r) {
        const StoredKey &k = keys.at(r);
        const QStringList cells{k.name,
                                QString::fromLatin1(k.prefix) + QStringLiteral("…"),
                                ApiKey::scopesToString(k.scopes),
                                when(k.createdAtMs),
                                when(k.lastUsedAtMs),
                                k.revoked() ? tr("revoked %1").arg(when(k.revokedAtMs)) : tr("active")};
        for (int c = 0; c < cells.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    table->resizeColumnsToContents();
    m_ui->revokeButton->setEnabled(table->currentRow() >= 0 && table->currentRow() < keys.size() &&
                                   !keys.at(table->currentRow()).revoked());
}

void ApiKeysDialog::showStatus(const QString &text, bool error)
{
    showStatusText(m_ui->statusLabel, text, error ? StatusKind::Error : StatusKind::Info);
}

QString ApiKeysDialog::createdKey() const
{
    return m_ui->createdFrame->isVisibleTo(this) ? m_ui->createdKeyLineEdit->text() : QString();
}

QString ApiKeysDialog::status() const
{
    return m_ui->statusLabel->text();
}

ConnectAgentDialog::ConnectAgentDialog(LocalMonitor *monitor, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectAgentDialog>())
    , m_monitor(monitor)
    , m_credentials(credentials)
{
    m_ui->setupUi(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *e : {m_ui->pythonTextEdit, m_ui->curlTextEdit, m_ui->envTextEdit})
        e->setFont(fixed);
    m_ui->endpointLineEdit->setText(m_monitor->endpoint());
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->keyComboBox, &QComboBox::currentIndexChanged, this, &ConnectAgentDialog::onKeyChosen);
    connect(m_ui->agentLineEdit, &QLineEdit::textChanged, this, &ConnectAgentDialog::updateSnippets);
    connect(m_ui->copyButton, &QPushButton::clicked, this, [this] {
        const QPlainTextEdit *shown = m_ui->snippetTabWidget->currentWidget() == m_ui->curlTab  ? m_ui->curlTextEdit
                                      : m_ui->snippetTabWidget->currentWidget() == m_ui->envTab ? m_ui->envTextEdit
                                                                                                : m_ui->pythonTextEdit;
        QGuiApplication::clipboard()->setText(shown->toPlainText());
    });
    connect(m_monitor, &LocalMonitor::keysReady, this, [this](const QList<StoredKey> &keys) {
        m_ui->keyComboBox->clear();
        for (const StoredKey &k : keys) {
            if (!k.revoked() && ApiKey::grants(k.scopes, ApiKey::Scope::Ingest))
                m_ui->keyComboBox->addItem(QStringLiteral("%1 (%2…)").arg(k.name, QString::fromLatin1(k.prefix)),
                                           k.prefix);
        }
        if (m_ui->keyComboBox->count() == 0)
            m_ui->keyNoteLabel->setText(tr("There is no ingest key yet: create one in API keys."));
    });
    updateSnippets();
    m_monitor->requestKeys();
}

ConnectAgentDialog::~ConnectAgentDialog() = default;

void ConnectAgentDialog::onKeyChosen()
{
    m_key.clear();
    const QString prefix = m_ui->keyComboBox->currentData().toString();
    updateSnippets();
    if (prefix.isEmpty())
        return;
    m_credentials->read(CredentialStore::keyFor(CredentialStore::Kind::ApiKey, prefix), this,
                        [this, prefix](const CredentialStore::Result &r) {
                            if (m_ui->keyComboBox->currentData().toString() != prefix)
                                return; // another key was chosen meanwhile
                            if (r.ok) {
                                m_key = r.value;
                                m_ui->keyNoteLabel->setText(tr("The key comes from the system keychain."));
                            } else if (r.notFound) {
                                m_ui->keyNoteLabel->setText(tr(
                                    "Only a hash of this key is stored here, so it cannot be shown: the snippets use "
                                    "$CLEVAGENT_API_KEY. Create a new key in API keys to copy one."));
                            } else {
                                m_ui->keyNoteLabel->setText(r.error);
                            }
                            updateSnippets();
                        });
}

QString ConnectAgentDialog::pythonSnippet() const
{
    return QStringLiteral("# pip install ./sdk/python  (standard library only)\n"
                          "import os\nimport clevagent\n\n"
                          "clevagent.init(api_key=os.environ[\"CLEVAGENT_API_KEY\"], agent=\"%1\",\n"
                          "               endpoint=\"%2\")\n")
        .arg(m_ui->agentLineEdit->text().trimmed(), m_monitor->endpoint());
}

QString ConnectAgentDialog::curlSnippet() const
{
    return QStringLiteral("curl -X POST %1/api/v1/heartbeat \\\n"
                          "  -H \"X-API-Key: %2\" -H 'Content-Type: application/json' \\\n"
                          "  -d '{\"agent\":\"%3\",\"status\":\"ok\",\"interval\":60}'\n")
        .arg(m_monitor->endpoint(), m_key.isEmpty() ? QStringLiteral("$CLEVAGENT_API_KEY") : m_key,
             m_ui->agentLineEdit->text().trimmed());
}

QString ConnectAgentDialog::environmentSnippet() const
{
    return QStringLiteral("export CLEVAGENT_API_KEY=%1\nexport CLEVAGENT_ENDPOINT=%2\n")
        .arg(m_key.isEmpty() ? QStringLiteral("cv_…") : m_key, m_monitor->endpoint());
}

void ConnectAgentDialog::updateSnippets()
{
    m_ui->pythonTextEdit->setPlainText(pythonSnippet());
    m_ui->curlTextEdit->setPlainText(curlSnippet());
    m_ui->envTextEdit->setPlainText(environmentSnippet());
}

} // namespace clev
