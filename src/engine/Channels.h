// SPDX-License-Identifier: MIT
#pragma once

#include "core/AlertKinds.h"
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
    ChannelType type = ChannelType::Webhook;
    QList<IncidentKind> kinds; // the kinds it receives (never Flapping: those go where Dead goes); empty: all
    QString url;               // slack/discord/webhook endpoint; PagerDuty Events API URL
    QString secret;            // webhook signing secret; PagerDuty routing key
    // e-mail
    QString smtpUrl;                          // smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)
    QString tls = QStringLiteral("starttls"); // starttls, tls, none
    QString user;
    QString password;
    QString from;
    QStringList to;
    QString caFile; // extra CA bundle for a private mail server
    int timeoutMs = 15'000;

    // A clear message when the configuration cannot work, else an empty string.
    QString validate() const;

    // The type and the kinds as a config names them ("slack", ["dead", "crash"]); false with a clear
    // message in `error` for a name that is none (a kind a channel cannot take included).
    bool setType(const QString &typeName, QString *error);
    bool setKinds(const QStringList &kindNames, QString *error);
    QStringList kindNames() const;
    // Whether a channel can be set to receive `kind` (all but Flapping).
    static bool takes(IncidentKind kind);
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
    bool wants(IncidentKind kind) const { return m_config.kinds.isEmpty() || m_config.kinds.contains(kind); }
    virtual void send(const Notification &n, QObject *context, std::function<void(const QString &error)> done) = 0;

    static std::unique_ptr<Channel> create(const ChannelConfig &config, QNetworkAccessManager *network);

private:
    ChannelConfig m_config;
};

} // namespace clev
