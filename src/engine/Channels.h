// SPDX-License-Identifier: MIT
#pragma once

#include "core/Notification.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QObject;

namespace clev {

// One configured alert channel. Secrets (webhook URLs of Slack and Discord, signing secrets, PagerDuty
// routing keys, SMTP passwords) are resolved before they get here and are never logged.
struct ChannelConfig
{
    QString name;
    QString type;      // slack, discord, webhook, pagerduty, email
    QStringList kinds; // alert kinds it receives; empty: all
    QString url;       // slack/discord/webhook endpoint; PagerDuty Events API URL
    QString secret;    // webhook signing secret; PagerDuty routing key
    // e-mail
    QString smtpUrl;   // smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)
    QString tls = QStringLiteral("starttls"); // starttls, tls, none
    QString user;
    QString password;
    QString from;
    QStringList to;
    QString caFile;    // extra CA bundle for a private mail server
    int timeoutMs = 15'000;

    // A clear message when the configuration cannot work, else an empty string.
    QString validate() const;
};

// What an HTTP channel sends: the request a receiver will get.
struct HttpDelivery
{
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// The wire formats, kept apart from the sending so tests can check them exactly.
namespace ChannelFormats {
HttpDelivery slack(const ChannelConfig &c, const Notification &n);
HttpDelivery discord(const ChannelConfig &c, const Notification &n);
// JSON with X-ClevAgent-Timestamp and X-ClevAgent-Signature: "sha256=" + hex HMAC-SHA256 over
// "<timestamp>.<body>" with the channel's secret.
HttpDelivery webhook(const ChannelConfig &c, const Notification &n, qint64 nowSecs);
// PagerDuty Events API v2: trigger or resolve, dedup_key stable per incident.
HttpDelivery pagerDuty(const ChannelConfig &c, const Notification &n);
QByteArray emailMessage(const ChannelConfig &c, const Notification &n);
QString signature(const QByteArray &secret, qint64 timestamp, const QByteArray &body);
QString plainText(const Notification &n);
} // namespace ChannelFormats

// Sends notifications through one channel. `done` is called on the thread of `context` with an empty
// string on success, else the receiver's exact error.
class Channel
{
public:
    explicit Channel(ChannelConfig config)
        : m_config(std::move(config))
    {
    }
    virtual ~Channel() = default;
    const ChannelConfig &config() const { return m_config; }
    // "project_budget:research" counts as "project_budget".
    bool wants(const QString &kind) const
    {
        return m_config.kinds.isEmpty() || m_config.kinds.contains(kind.section(u':', 0, 0));
    }
    virtual void send(const Notification &n, QObject *context, std::function<void(const QString &error)> done) = 0;

    static std::unique_ptr<Channel> create(const ChannelConfig &config, QNetworkAccessManager *network);

private:
    ChannelConfig m_config;
};

} // namespace clev
