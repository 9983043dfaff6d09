// SPDX-License-Identifier: MIT
#include "gui/ChannelDialogs.h"

#include "gui/ChannelStore.h"
#include "gui/LocalMonitor.h"
#include "gui/StatusText.h"
#include "ui_ChannelEditDialog.h"
#include "ui_ChannelsDialog.h"

#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

#include <algorithm>

namespace clev {

namespace {

const QString PagerDutyEventsUrl = QStringLiteral("https://events.pagerduty.com/v2/enqueue");

QString typeTitle(ChannelType type)
{
    switch (type) {
    case ChannelType::Slack:
        return QStringLiteral("Slack");
    case ChannelType::Discord:
        return QStringLiteral("Discord");
    case ChannelType::PagerDuty:
        return QStringLiteral("PagerDuty");
    case ChannelType::Email:
        return ChannelEditDialog::tr("E-mail");
    case ChannelType::Webhook:
        return ChannelEditDialog::tr("Webhook");
    }
    return ChannelEditDialog::tr("Webhook");
}

bool looksLikeAddress(const QString &address)
{
    const qsizetype at = address.indexOf(u'@');
    return at > 0 && at < address.size() - 1 && !address.contains(u' ');
}

} // namespace

ChannelEditDialog::ChannelEditDialog(ChannelStore *store, LocalMonitor *monitor, const QStringList &takenNames,
                                     QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ChannelEditDialog>())
    , m_store(store)
    , m_monitor(monitor)
    , m_taken(takenNames)
{
    m_ui->setupUi(this);
    for (ChannelType type : allChannelTypes)
        m_ui->typeComboBox->addItem(typeTitle(type), channelTypeName(type)); // the name: what the settings file keeps
    m_ui->tlsComboBox->addItem(tr("STARTTLS (port 587)"), QStringLiteral("starttls"));
    m_ui->tlsComboBox->addItem(tr("TLS (port 465)"), QStringLiteral("tls"));
    m_ui->tlsComboBox->addItem(tr("None (local relays only)"), QStringLiteral("none"));
    connect(m_ui->typeComboBox, &QComboBox::currentIndexChanged, this, &ChannelEditDialog::onTypeChanged);
    connect(m_ui->tlsComboBox, &QComboBox::currentIndexChanged, this, [this] {
        const QString tls = m_ui->tlsComboBox->currentData().toString();
        m_ui->smtpPortSpinBox->setValue(tls == u"tls" ? 465 : tls == u"none" ? 25 : 587);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ChannelEditDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ChannelEditDialog::reject);
    connect(m_ui->testButton, &QPushButton::clicked, this, [this] {
        if (const QString error = validationError(); !error.isEmpty()) {
            showStatus(error, true);
            return;
        }
        m_ui->testButton->setEnabled(false);
        showStatus(tr("Sending a test notification…"), false);
        const QString name = definition().name;
        m_monitor->testChannel(toChannelConfig(definition(), secrets()), this, [this, name](const QString &error) {
            m_ui->testButton->setEnabled(true);
            if (error.isEmpty())
                showStatus(tr("Sent: the test notification reached '%1'.").arg(name), false);
            else
                showStatus(tr("The test failed: %1").arg(error), true);
        });
    });
    m_ui->statusLabel->hide();
    setWindowTitle(tr("New alert channel"));
    onTypeChanged();
}

ChannelEditDialog::~ChannelEditDialog() = default;

void ChannelEditDialog::setChannel(const ChannelDefinition &d, const ChannelSecrets &s)
{
    m_previousName = d.name;
    m_taken.removeAll(d.name);
    setWindowTitle(tr("Alert channel %1").arg(d.name));
    m_ui->nameLineEdit->setText(d.name);
    m_ui->typeComboBox->setCurrentIndex(m_ui->typeComboBox->findData(channelTypeName(d.type)));
    const QList<QPair<QCheckBox *, IncidentKind>> boxes{
        {m_ui->deadCheckBox, IncidentKind::Dead},     {m_ui->crashCheckBox, IncidentKind::Crash},
        {m_ui->errorCheckBox, IncidentKind::Error},   {m_ui->loopCheckBox, IncidentKind::Loop},
        {m_ui->budgetCheckBox, IncidentKind::Budget}, {m_ui->restartFailedCheckBox, IncidentKind::RestartFailed}};
    for (const auto &[box, kind] : boxes)
        box->setChecked(d.kinds.isEmpty() || d.kinds.contains(kind));
    m_ui->urlLineEdit->setText(s.url);
    m_ui->secretLineEdit->setText(s.secret);
    m_ui->smtpHostLineEdit->setText(d.smtpHost);
    m_ui->tlsComboBox->setCurrentIndex(std::max(0, m_ui->tlsComboBox->findData(d.tls)));
    m_ui->smtpPortSpinBox->setValue(d.smtpPort);
    m_ui->userLineEdit->setText(d.user);
    m_ui->passwordLineEdit->setText(s.password);
    m_ui->fromLineEdit->setText(d.from);
    m_ui->toLineEdit->setText(d.to.join(QStringLiteral(", ")));
}

ChannelType ChannelEditDialog::currentType() const
{
    // The combo box holds only names of the table, in its order.
    return allChannelTypes.at(static_cast<size_t>(std::max(0, m_ui->typeComboBox->currentIndex())));
}

void ChannelEditDialog::onTypeChanged()
{
    const ChannelType type = currentType();
    const bool email = type == ChannelType::Email;
    m_ui->typeStackedWidget->setCurrentWidget(email ? m_ui->emailPage : m_ui->httpPage);
    // Only the page shown takes room: the dialog fits it instead of the largest page.
    for (QWidget *page : {m_ui->httpPage, m_ui->emailPage}) {
        const bool current = page == m_ui->typeStackedWidget->currentWidget();
        page->setSizePolicy(current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                            current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    const bool secret = type == ChannelType::Webhook || type == ChannelType::PagerDuty;
    m_ui->secretLabel->setVisible(secret);
    m_ui->secretLineEdit->setVisible(secret);
    if (type == ChannelType::PagerDuty) {
        m_ui->urlLabel->setText(tr("Events API URL"));
        m_ui->secretLabel->setText(tr("Routing key"));
        if (m_ui->urlLineEdit->text().isEmpty())
            m_ui->urlLineEdit->setText(PagerDutyEventsUrl);
    } else {
        m_ui->urlLabel->setText(tr("Webhook URL"));
        m_ui->secretLabel->setText(tr("Signing secret (optional)"));
        if (m_ui->urlLineEdit->text() == PagerDutyEventsUrl)
            m_ui->urlLineEdit->clear();
    }
    m_ui->urlLineEdit->setPlaceholderText(
        type == ChannelType::Slack     ? QStringLiteral("https://hooks.slack.com/services/…")
        : type == ChannelType::Discord ? QStringLiteral("https://discord.com/api/webhooks/…")
                                       : QStringLiteral("https://…"));
    adjustSize();
}

ChannelDefinition ChannelEditDialog::definition() const
{
    ChannelDefinition d;
    d.name = m_ui->nameLineEdit->text().trimmed();
    d.type = currentType();
    const QList<QPair<QCheckBox *, IncidentKind>> boxes{
        {m_ui->deadCheckBox, IncidentKind::Dead},     {m_ui->crashCheckBox, IncidentKind::Crash},
        {m_ui->errorCheckBox, IncidentKind::Error},   {m_ui->loopCheckBox, IncidentKind::Loop},
        {m_ui->budgetCheckBox, IncidentKind::Budget}, {m_ui->restartFailedCheckBox, IncidentKind::RestartFailed}};
    bool all = true;
    for (const auto &[box, kind] : boxes) {
        if (box->isChecked())
            d.kinds << kind;
        else
            all = false;
    }
    if (all)
        d.kinds.clear(); // every kind, including those added later
    else if (d.kinds.contains(IncidentKind::Budget))
        d.kinds << IncidentKind::ProjectBudget;
    if (d.type == ChannelType::Email) {
        d.smtpHost = m_ui->smtpHostLineEdit->text().trimmed();
        d.smtpPort = m_ui->smtpPortSpinBox->value();
        d.tls = m_ui->tlsComboBox->currentData().toString();
        d.user = m_ui->userLineEdit->text().trimmed();
        d.from = m_ui->fromLineEdit->text().trimmed();
        for (const QString &to : m_ui->toLineEdit->text().split(u',', Qt::SkipEmptyParts))
            d.to << to.trimmed();
    }
    return d;
}

ChannelSecrets ChannelEditDialog::secrets() const
{
    const ChannelType type = currentType();
    if (type == ChannelType::Email)
        return {QString(), QString(), m_ui->passwordLineEdit->text()};
    return {m_ui->urlLineEdit->text().trimmed(),
            type == ChannelType::Webhook || type == ChannelType::PagerDuty ? m_ui->secretLineEdit->text().trimmed()
                                                                           : QString(),
            QString()};
}

QString ChannelEditDialog::validationError() const
{
    const ChannelDefinition d = definition();
    const ChannelSecrets s = secrets();
    if (d.name.isEmpty())
        return tr("Give the channel a name.");
    if (d.name.contains(u'/') || d.name.size() > 64)
        return tr("A channel name has at most 64 characters and no '/'.");
    if (m_taken.contains(d.name))
        return tr("There is already a channel named '%1'.").arg(d.name);
    const QList<QCheckBox *> boxes{m_ui->deadCheckBox, m_ui->crashCheckBox,  m_ui->errorCheckBox,
                                   m_ui->loopCheckBox, m_ui->budgetCheckBox, m_ui->restartFailedCheckBox};
    if (std::none_of(boxes.cbegin(), boxes.cend(), [](const QCheckBox *b) { return b->isChecked(); }))
        return tr("Choose at least one kind of alert for this channel.");
    if (d.type == ChannelType::Email) {
        if (d.smtpHost.isEmpty() || d.smtpHost.contains(u' ') || d.smtpHost.contains(u'/'))
            return tr("Enter the SMTP server's host name, such as mail.example.com.");
        if (!looksLikeAddress(d.from))
            return tr("The sender must be an e-mail address.");
        if (d.to.isEmpty())
            return tr("Enter at least one recipient.");
        for (const QString &to : d.to) {
            if (!looksLikeAddress(to))
                return tr("'%1' is not an e-mail address.").arg(to);
        }
        if (!d.user.isEmpty() && s.password.isEmpty())
            return tr("Enter the password for %1, or clear the user for a server without sign-in.").arg(d.user);
        return {};
    }
    const QUrl url(s.url, QUrl::StrictMode);
    if (s.url.isEmpty())
        return tr("Enter the URL to send alerts to.");
    if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
        return tr("The URL must start with https:// (or http:// for a receiver on your own network).");
    if (d.type == ChannelType::PagerDuty && s.secret.isEmpty())
        return tr("Enter the PagerDuty routing key (Integration Key of an Events API v2 integration).");
    return {};
}

void ChannelEditDialog::showStatus(const QString &text, bool error)
{
    showStatusText(m_ui->statusLabel, text, error ? StatusKind::Error : StatusKind::Info);
}

QString ChannelEditDialog::status() const
{
    return m_ui->statusLabel->text();
}

void ChannelEditDialog::accept()
{
    if (m_saving)
        return;
    if (const QString error = validationError(); !error.isEmpty()) {
        showStatus(error, true);
        return;
    }
    m_saving = true;
    m_ui->buttonBox->setEnabled(false);
    showStatus(tr("Saving…"), false);
    m_store->save(definition(), secrets(), m_previousName, this, [this](const QString &error) {
        m_saving = false;
        m_ui->buttonBox->setEnabled(true);
        if (!error.isEmpty()) {
            showStatus(error, true); // everything entered stays
            return;
        }
        QDialog::accept();
    });
}

ChannelsDialog::ChannelsDialog(ChannelStore *store, LocalMonitor *monitor, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ChannelsDialog>())
    , m_store(store)
    , m_monitor(monitor)
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->addButton, &QPushButton::clicked, this, [this] { edit(QString()); });
    connect(m_ui->editButton, &QPushButton::clicked, this, [this] {
        if (!selectedName().isEmpty())
            edit(selectedName());
    });
    connect(m_ui->channelsListWidget, &QListWidget::itemDoubleClicked, this, [this] { edit(selectedName()); });
    connect(m_ui->removeButton, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        if (name.isEmpty() ||
            QMessageBox::question(this, tr("Remove %1?").arg(name),
                                  tr("Remove the channel '%1' and its secrets from the keychain?").arg(name)) !=
                QMessageBox::Yes)
            return;
        m_store->remove(name, this, [this](const QString &error) {
            showStatus(error, !error.isEmpty());
            refresh();
        });
    });
    connect(m_ui->testButton, &QPushButton::clicked, this, &ChannelsDialog::testSelected);
    connect(m_store, &ChannelStore::changed, this, &ChannelsDialog::refresh);
    connect(m_ui->channelsListWidget, &QListWidget::currentRowChanged, this, [this](int row) {
        for (QPushButton *b : {m_ui->editButton, m_ui->removeButton, m_ui->testButton})
            b->setEnabled(row >= 0);
    });
    refresh();
    if (!m_store->problem().isEmpty())
        showStatus(m_store->problem(), true);
}

ChannelsDialog::~ChannelsDialog() = default;

QString ChannelsDialog::selectedName() const
{
    const QListWidgetItem *item = m_ui->channelsListWidget->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ChannelsDialog::refresh()
{
    const QString selected = selectedName();
    m_ui->channelsListWidget->clear();
    for (const ChannelDefinition &d : m_store->definitions()) {
        const QString kinds = d.kinds.isEmpty() ? tr("all alerts") : incidentKindNames(d.kinds);
        auto *item = new QListWidgetItem(QStringLiteral("%1 — %2 (%3)").arg(d.name, typeTitle(d.type), kinds),
                                         m_ui->channelsListWidget);
        item->setData(Qt::UserRole, d.name);
        if (d.name == selected)
            m_ui->channelsListWidget->setCurrentItem(item);
    }
    if (m_ui->channelsListWidget->count() == 0)
        showStatus(tr("No channels yet: alerts show in this window and the tray only."), false);
    const bool any = m_ui->channelsListWidget->currentRow() >= 0;
    for (QPushButton *b : {m_ui->editButton, m_ui->removeButton, m_ui->testButton})
        b->setEnabled(any);
}

void ChannelsDialog::edit(const QString &name)
{
    QStringList taken;
    ChannelDefinition existing;
    for (const ChannelDefinition &d : m_store->definitions()) {
        taken << d.name;
        if (d.name == name)
            existing = d;
    }
    auto *dialog = new ChannelEditDialog(m_store, m_monitor, taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        refresh();
        showStatus(tr("Saved. Secrets are in the keychain."), false);
    });
    if (name.isEmpty()) {
        dialog->open();
        return;
    }
    m_store->readSecrets(name, this, [this, dialog, existing](const ChannelSecrets &secrets, const QString &error) {
        dialog->setChannel(existing, secrets);
        if (!error.isEmpty())
            showStatus(error, true);
        dialog->open();
    });
}

void ChannelsDialog::testSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    ChannelDefinition definition;
    for (const ChannelDefinition &d : m_store->definitions()) {
        if (d.name == name)
            definition = d;
    }
    showStatus(tr("Sending a test notification to '%1'…").arg(name), false);
    m_store->readSecrets(name, this, [this, definition](const ChannelSecrets &secrets, const QString &error) {
        if (!error.isEmpty()) {
            showStatus(error, true);
            return;
        }
        m_monitor->testChannel(
            toChannelConfig(definition, secrets), this, [this, name = definition.name](const QString &sendError) {
                showStatus(sendError.isEmpty() ? tr("Sent: the test notification reached '%1'.").arg(name)
                                               : tr("The test failed: %1").arg(sendError),
                           !sendError.isEmpty());
            });
    });
}

void ChannelsDialog::showStatus(const QString &text, bool error)
{
    showStatusText(m_ui->statusLabel, text, error ? StatusKind::Error : StatusKind::Info);
}

QString ChannelsDialog::status() const
{
    return m_ui->statusLabel->text();
}

} // namespace clev
