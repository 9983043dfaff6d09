// SPDX-License-Identifier: MIT
#include "engine/Channels.h"

#include "core/AgentState.h"
#include "remote/BoundedReply.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QThreadPool>
#include <QUuid>

#include <algorithm>
#include <iterator>

#include <curl/curl.h>

namespace clev {

namespace {

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString since(const Notification &n)
{
    if (n.sinceMs <= 0)
        return QString();
    return QStringLiteral("%1 (%2 ago)").arg(iso(n.sinceMs), formatDuration(std::max<qint64>(0, n.atMs - n.sinceMs)));
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString title(const Notification &n)
{
    switch (n.action) {
    case Notification::Action::Resolve:
        return QStringLiteral("✅ Resolved: %1").arg(n.summary);
    case Notification::Action::Test:
        return QStringLiteral("🧪 %1").arg(n.summary);
    default:
        return (n.severity() == u"critical" ? QStringLiteral("🔴 ") : QStringLiteral("🟠 ")) + n.summary;
    }
}

int discordColour(const Notification &n)
{
    if (n.action == Notification::Action::Resolve)
        return 0x2EB67D;
    if (n.action == Notification::Action::Test)
        return 0x5865F2;
    return n.severity() == u"critical" ? 0xE01E5A : 0xECB22E;
}

QString clip(const QString &s, int max)
{
    return s.size() <= max ? s : s.left(max - 1) + QChar(0x2026);
}

} // namespace

bool ChannelConfig::takes(IncidentKind kind)
{
    return kind != IncidentKind::Flapping;
}

bool ChannelConfig::setType(const QString &typeName, QString *error)
{
    const auto known = channelTypeFromName(typeName);
    if (!known) {
        QStringList names;
        for (ChannelType t : allChannelTypes)
            names << channelTypeName(t);
        *error = QStringLiteral("channel '%1': unknown type '%2' (use %3)")
                     .arg(name, typeName, names.join(QStringLiteral(", ")));
        return false;
    }
    type = *known;
    return true;
}

bool ChannelConfig::setKinds(const QStringList &kindNames, QString *error)
{
    QList<IncidentKind> known;
    for (const QString &k : kindNames) {
        const auto kind = incidentKindFromName(k);
        if (!kind || !takes(*kind)) {
            QList<IncidentKind> choosable;
            std::copy_if(allIncidentKinds.begin(), allIncidentKinds.end(), std::back_inserter(choosable), takes);
            *error = QStringLiteral("channel '%1': unknown alert kind '%2' (use %3)")
                         .arg(name, k, incidentKindNames(choosable));
            return false;
        }
        known << *kind;
    }
    kinds = known;
    return true;
}

QStringList ChannelConfig::kindNames() const
{
    QStringList names;
    for (IncidentKind k : kinds)
        names << incidentKindName(k);
    return names;
}

QString ChannelConfig::validate() const
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("a channel needs a name");
    if (type == ChannelType::Email) {
        const QUrl u(smtpUrl);
        if (!u.isValid() || (u.scheme() != u"smtp" && u.scheme() != u"smtps") || u.host().isEmpty())
            return QStringLiteral("channel '%1': smtp_url must look like smtp://mail.example.com:587").arg(name);
        if (tls != u"starttls" && tls != u"tls" && tls != u"none")
            return QStringLiteral("channel '%1': tls must be starttls, tls or none").arg(name);
        if (from.isEmpty() || to.isEmpty())
            return QStringLiteral("channel '%1': an e-mail channel needs 'from' and at least one 'to'").arg(name);
        return QString();
    }
    const QUrl u(url);
    if (!u.isValid() || (u.scheme() != u"https" && u.scheme() != u"http") || u.host().isEmpty())
        return QStringLiteral("channel '%1': the URL is not an http(s) URL").arg(name);
    if (type == ChannelType::PagerDuty && secret.isEmpty())
        return QStringLiteral("channel '%1': PagerDuty needs a routing key").arg(name);
    return QString();
}

namespace ChannelFormats {

QString plainText(const Notification &n)
{
    QStringList lines{title(n), QString()};
    lines << QStringLiteral("Agent: %1").arg(n.agent);
    if (!n.detail.isEmpty())
        lines << QStringLiteral("What happened: %1").arg(n.detail);
    if (n.sinceMs > 0)
        lines << QStringLiteral("Since: %1").arg(since(n));
    if (!n.lastMessage.isEmpty())
        lines << QStringLiteral("Last message: %1").arg(n.lastMessage);
    if (!n.actionTaken.isEmpty())
        lines << QStringLiteral("What ClevAgent did: %1").arg(n.actionTaken);
    if (n.incidentId > 0)
        lines << QStringLiteral("Incident #%1 (%2)").arg(n.incidentId).arg(n.kindName());
    return lines.join(u'\n');
}

HttpDelivery slack(const ChannelConfig &c, const Notification &n)
{
    QJsonArray fields{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                    {QStringLiteral("text"), QStringLiteral("*Agent*\n%1").arg(n.agent)}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                    {QStringLiteral("text"), QStringLiteral("*Kind*\n%1").arg(n.kindName())}},
    };
    if (n.sinceMs > 0)
        fields.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                  {QStringLiteral("text"), QStringLiteral("*Since*\n%1").arg(since(n))}});
    QJsonArray blocks{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("header")},
                    {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("plain_text")},
                                                         {QStringLiteral("text"), clip(title(n), 150)}}}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("section")}, {QStringLiteral("fields"), fields}},
    };
    if (!n.detail.isEmpty())
        blocks.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("section")},
                        {QStringLiteral("text"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                                                             {QStringLiteral("text"), clip(n.detail, 3000)}}}});
    QJsonArray context;
    if (!n.lastMessage.isEmpty())
        context.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("mrkdwn")},
                        {QStringLiteral("text"), clip(QStringLiteral("Last message: %1").arg(n.lastMessage), 2000)}});
    if (!n.actionTaken.isEmpty())
        context.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("mrkdwn")},
            {QStringLiteral("text"), clip(QStringLiteral("What ClevAgent did: %1").arg(n.actionTaken), 2000)}});
    if (!context.isEmpty())
        blocks.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("context")}, {QStringLiteral("elements"), context}});
    // `text` is the fallback shown in notifications.
    const QJsonObject body{{QStringLiteral("text"), title(n)}, {QStringLiteral("blocks"), blocks}};
    return {QUrl(c.url), json(body), {{"Content-Type", "application/json"}}};
}

HttpDelivery discord(const ChannelConfig &c, const Notification &n)
{
    QJsonArray fields{QJsonObject{{QStringLiteral("name"), QStringLiteral("Agent")},
                                  {QStringLiteral("value"), clip(n.agent, 1024)},
                                  {QStringLiteral("inline"), true}},
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("Kind")},
                                  {QStringLiteral("value"), n.kindName()},
                                  {QStringLiteral("inline"), true}}};
    if (n.sinceMs > 0)
        fields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Since")},
                                  {QStringLiteral("value"), since(n)},
                                  {QStringLiteral("inline"), true}});
    // Discord refuses empty field values: only what is there.
    if (!n.lastMessage.isEmpty())
        fields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Last message")},
                                  {QStringLiteral("value"), clip(n.lastMessage, 1024)}});
    if (!n.actionTaken.isEmpty())
        fields.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("What ClevAgent did")},
                                  {QStringLiteral("value"), clip(n.actionTaken, 1024)}});
    QJsonObject embed{{QStringLiteral("title"), clip(title(n), 256)},
                      {QStringLiteral("color"), discordColour(n)},
                      {QStringLiteral("timestamp"), iso(n.atMs)},
                      {QStringLiteral("fields"), fields},
                      {QStringLiteral("footer"),
                       QJsonObject{{QStringLiteral("text"),
                                    n.incidentId > 0 ? QStringLiteral("ClevAgent · incident #%1").arg(n.incidentId)
                                                     : QStringLiteral("ClevAgent")}}}};
    if (!n.detail.isEmpty())
        embed.insert(QStringLiteral("description"), clip(n.detail, 4096));
    const QJsonObject body{{QStringLiteral("username"), QStringLiteral("ClevAgent")},
                           {QStringLiteral("embeds"), QJsonArray{embed}}};
    return {QUrl(c.url), json(body), {{"Content-Type", "application/json"}}};
}

QString signature(const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(QByteArray::number(timestamp) + '.' + body, secret,
                                                            QCryptographicHash::Sha256);
    return QStringLiteral("sha256=") + QString::fromLatin1(mac.toHex());
}

HttpDelivery webhook(const ChannelConfig &c, const Notification &n, qint64 nowSecs)
{
    QJsonObject o = n.toJson();
    o.insert(QStringLiteral("severity"), n.severity());
    o.insert(QStringLiteral("title"), title(n));
    o.insert(QStringLiteral("text"), plainText(n));
    const QByteArray body = json(o);
    HttpDelivery d{QUrl(c.url),
                   body,
                   {{"Content-Type", "application/json"}, {"X-ClevAgent-Timestamp", QByteArray::number(nowSecs)}}};
    if (!n.idempotencyKey.isEmpty())
        d.headers.append({"Idempotency-Key", n.idempotencyKey.toUtf8()});
    if (!c.secret.isEmpty())
        d.headers.append({"X-ClevAgent-Signature", signature(c.secret.toUtf8(), nowSecs, body).toLatin1()});
    return d;
}

HttpDelivery pagerDuty(const ChannelConfig &c, const Notification &n)
{
    // One PagerDuty incident per ClevAgent incident; a test gets a key of its own.
    const QString dedup = n.incidentId > 0 ? QStringLiteral("clevagent-incident-%1").arg(n.incidentId)
                                           : QStringLiteral("clevagent-%1").arg(n.idempotencyKey);
    QJsonObject body{
        {QStringLiteral("routing_key"), c.secret},
        {QStringLiteral("event_action"), n.isResolve() ? QStringLiteral("resolve") : QStringLiteral("trigger")},
        {QStringLiteral("dedup_key"), dedup}};
    if (!n.isResolve()) {
        body.insert(
            QStringLiteral("payload"),
            QJsonObject{{QStringLiteral("summary"),
                         clip(n.summary + (n.detail.isEmpty() ? QString() : QStringLiteral(": ") + n.detail), 1024)},
                        {QStringLiteral("source"), n.agent.isEmpty() ? QStringLiteral("clevagent") : n.agent},
                        {QStringLiteral("severity"), n.severity()},
                        {QStringLiteral("timestamp"), iso(n.atMs)},
                        {QStringLiteral("component"), n.agent},
                        {QStringLiteral("group"), QStringLiteral("clevagent")},
                        {QStringLiteral("class"), n.kindName()},
                        {QStringLiteral("custom_details"),
                         QJsonObject{{QStringLiteral("detail"), n.detail},
                                     {QStringLiteral("since"), n.sinceMs > 0 ? iso(n.sinceMs) : QString()},
                                     {QStringLiteral("last_message"), n.lastMessage},
                                     {QStringLiteral("action_taken"), n.actionTaken}}}});
        body.insert(QStringLiteral("client"), QStringLiteral("ClevAgent"));
    }
    return {QUrl(c.url), json(body), {{"Content-Type", "application/json"}}};
}

QByteArray emailMessage(const ChannelConfig &c, const Notification &n)
{
    const QByteArray subject = QStringLiteral("[ClevAgent] %1").arg(title(n)).toUtf8();
    QByteArray m;
    m += "Date: " + QDateTime::fromMSecsSinceEpoch(n.atMs, Qt::UTC).toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    m += "From: " + c.from.toUtf8() + "\r\n";
    m += "To: " + c.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    m += "Subject: =?UTF-8?B?" + subject.toBase64() + "?=\r\n";
    m += "Message-ID: <" +
         (n.idempotencyKey.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : n.idempotencyKey).toUtf8() +
         "@clevagent.local>\r\n";
    m += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    QByteArray text = plainText(n).toUtf8();
    text.replace("\r\n", "\n").replace("\n", "\r\n");
    m += text + "\r\n";
    return m;
}

} // namespace ChannelFormats

namespace {

class HttpChannel final : public Channel
{
public:
    HttpChannel(ChannelConfig config, QNetworkAccessManager *network)
        : Channel(std::move(config))
        , m_network(network)
    {
    }

    void send(const Notification &n, QObject *context, std::function<void(const QString &)> done) override
    {
        const ChannelConfig &c = config();
        HttpDelivery d;
        switch (c.type) {
        case ChannelType::Slack:
            d = ChannelFormats::slack(c, n);
            break;
        case ChannelType::Discord:
            d = ChannelFormats::discord(c, n);
            break;
        case ChannelType::PagerDuty:
            d = ChannelFormats::pagerDuty(c, n);
            break;
        case ChannelType::Webhook:
        case ChannelType::Email: // never here (Channel::create())
            d = ChannelFormats::webhook(c, n, QDateTime::currentSecsSinceEpoch());
            break;
        }
        QNetworkRequest request(d.url);
        for (const auto &h : d.headers)
            request.setRawHeader(h.first, h.second);
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("ClevAgent/" CLEV_VERSION));
        request.setTransferTimeout(c.timeoutMs);
        // A redirect is not followed: Qt would repeat a POST as a GET, without its body or signature,
        // and the alert would count as delivered. A 3xx is a failed delivery that names where it points.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_network->post(request, d.body);
        boundReply(reply, 1 << 20); // the receiver's answer only matters for its first words
        QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300) {
                done(QString());
                return;
            }
            const QByteArray body = replyTooLarge(reply) ? QByteArrayLiteral("(an answer of more than 1 MiB, not read)")
                                                         : reply->readAll().left(300);
            const QByteArray location = reply->rawHeader("Location");
            if (status >= 300 && status < 400)
                done(QStringLiteral(
                         "the receiver answered HTTP %1, a redirect%2; redirects are not followed (the alert's "
                         "body and signature would be lost): use the address it points to")
                         .arg(status)
                         .arg(location.isEmpty() ? QString()
                                                 : QStringLiteral(" to ") + QString::fromUtf8(location.left(300))));
            else if (status > 0)
                done(QStringLiteral("the receiver answered HTTP %1%2")
                         .arg(status)
                         .arg(body.isEmpty() ? QString() : QStringLiteral(": ") + QString::fromUtf8(body)));
            else
                done(QStringLiteral("cannot reach the receiver: %1").arg(reply->errorString()));
        });
    }

private:
    QNetworkAccessManager *m_network;
};

struct UploadState
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readMessage(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *s = static_cast<UploadState *>(userdata);
    const size_t n = std::min(size * count, static_cast<size_t>(s->data.size() - s->offset));
    memcpy(buffer, s->data.constData() + s->offset, n);
    s->offset += static_cast<qsizetype>(n);
    return n;
}

// E-mail through libcurl's SMTP client (STARTTLS or implicit TLS, AUTH), on a pool thread.
class EmailChannel final : public Channel
{
public:
    using Channel::Channel;

    void send(const Notification &n, QObject *context, std::function<void(const QString &)> done) override
    {
        const ChannelConfig c = config();
        const QByteArray message = ChannelFormats::emailMessage(c, n);
        QPointer<QObject> guard(context);
        QThreadPool::globalInstance()->start([c, message, guard, done = std::move(done)] {
            const QString error = deliver(c, message);
            if (guard)
                QMetaObject::invokeMethod(
                    guard.data(), [done, error] { done(error); }, Qt::QueuedConnection);
        });
    }

private:
    static QString deliver(const ChannelConfig &c, const QByteArray &message)
    {
        CURL *curl = curl_easy_init();
        if (!curl)
            return QStringLiteral("cannot start the mail client");
        char errorBuffer[CURL_ERROR_SIZE] = {};
        UploadState upload{message, 0};
        curl_slist *recipients = nullptr;
        for (const QString &to : c.to)
            recipients = curl_slist_append(recipients, QByteArray('<' + to.toUtf8() + '>').constData());
        const QByteArray url = c.smtpUrl.toUtf8();
        const QByteArray from = QByteArray('<' + c.from.toUtf8() + '>');
        const QByteArray user = c.user.toUtf8();
        const QByteArray password = c.password.toUtf8();
        const QByteArray caFile = c.caFile.toUtf8();
        curl_easy_setopt(curl, CURLOPT_URL, url.constData());
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
        curl_easy_setopt(curl, CURLOPT_USE_SSL, c.tls == u"none" ? CURLUSESSL_NONE : CURLUSESSL_ALL);
        if (!user.isEmpty()) {
            curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
            curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
        }
        if (!caFile.isEmpty())
            curl_easy_setopt(curl, CURLOPT_CAINFO, caFile.constData());
        curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
        curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
        curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
        curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(c.timeoutMs));
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        const CURLcode rc = curl_easy_perform(curl);
        long response = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
        curl_slist_free_all(recipients);
        curl_easy_cleanup(curl);
        if (rc == CURLE_OK)
            return QString();
        const QString detail = QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(rc));
        return response > 0 ? QStringLiteral("the mail server answered %1: %2").arg(response).arg(detail)
                            : QStringLiteral("cannot send mail: %1").arg(detail);
    }
};

} // namespace

std::unique_ptr<Channel> Channel::create(const ChannelConfig &config, QNetworkAccessManager *network)
{
    if (config.type == ChannelType::Email)
        return std::make_unique<EmailChannel>(config);
    return std::make_unique<HttpChannel>(config, network);
}

} // namespace clev
