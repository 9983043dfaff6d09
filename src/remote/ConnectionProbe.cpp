// SPDX-License-Identifier: MIT
#include "remote/ConnectionProbe.h"

#include "core/ApiWire.h"
#include "remote/CertificatePin.h"

#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTimer>

namespace clev {

ConnectionProbe::ConnectionProbe(QUrl url, QByteArray key, QByteArray pinnedFingerprint, int transferTimeoutMs,
                                 QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_key(std::move(key))
    , m_pinned(std::move(pinnedFingerprint))
    , m_timeoutMs(transferTimeoutMs)
{
    m_result.url = m_url;
}

void ConnectionProbe::start()
{
    if (m_stage != Stage::Idle)
        return;
    if (!m_url.isValid() || (m_url.scheme() != u"http" && m_url.scheme() != u"https") || m_url.host().isEmpty()) {
        QTimer::singleShot(0, this, [this] { finish(Outcome::BadAddress); });
        return;
    }
    // DNS first, so that its failure is named as such.
    enter(Stage::Resolving);
    QHostInfo::lookupHost(m_url.host(), this, [this](const QHostInfo &info) { onResolved(info); });
}

void ConnectionProbe::enter(Stage stage)
{
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void ConnectionProbe::finish(Outcome outcome)
{
    if (m_stage == Stage::Finished)
        return;
    m_result.outcome = outcome;
    enter(Stage::Finished);
    if (m_net) {
        m_net->deleteLater();
        m_net = nullptr;
    }
    Q_EMIT finished(m_result);
}

void ConnectionProbe::onResolved(const QHostInfo &info)
{
    if (info.error() != QHostInfo::NoError) {
        m_result.hostError = info.errorString();
        finish(Outcome::NameNotResolved);
        return;
    }
    checkHealth();
}

QNetworkReply *ConnectionProbe::get(const QString &path, const QString &query, bool withKey)
{
    QUrl url = m_url;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    if (withKey)
        request.setRawHeader("X-API-Key", m_key);
    request.setTransferTimeout(m_timeoutMs);
    return m_net->get(request);
}

void ConnectionProbe::checkHealth()
{
    enter(Stage::CheckingHealth);
    m_net = new QNetworkAccessManager(this);
    // One pinning policy (remote/CertificatePin): a pinned certificate must match; an unpinned one must be
    // trusted by the system. What it saw is kept for the answer.
    CertificatePin::guard(m_net, m_pinned, [this](CertificatePin::Verdict verdict, const QByteArray &seen) {
        m_result.fingerprint = seen;
        (verdict == CertificatePin::Verdict::Changed ? m_certificateChanged : m_untrusted) = true;
    });
    connect(m_net, &QNetworkAccessManager::encrypted, this, [this](QNetworkReply *reply) {
        m_result.fingerprint = CertificatePin::fingerprintOf(reply->sslConfiguration().peerCertificate());
    });
    QNetworkReply *reply = get(QStringLiteral("/healthz"), {}, false);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onHealth(reply); });
}

void ConnectionProbe::onHealth(QNetworkReply *reply)
{
    reply->deleteLater();
    m_result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_certificateChanged)
        return finish(Outcome::CertificateChanged);
    if (m_untrusted)
        return finish(Outcome::UntrustedCertificate);
    if (reply->error() != QNetworkReply::NoError && m_result.httpStatus == 0) {
        m_result.networkError = reply->error();
        m_result.networkErrorString = reply->errorString();
        return finish(Outcome::NetworkError);
    }
    if (m_result.httpStatus != 200)
        return finish(Outcome::NotClevagent);
    m_result.version = QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("version")).toString();
    checkKey();
}

void ConnectionProbe::checkKey()
{
    enter(Stage::CheckingKey);
    QNetworkReply *reply = get(QStringLiteral("/api/v1/status"), QStringLiteral("limit=1"), true);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onKey(reply); });
}

void ConnectionProbe::onKey(QNetworkReply *reply)
{
    reply->deleteLater();
    m_result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    switch (m_result.httpStatus) {
    case 200:
        m_result.agents = ApiWire::statusPage(QJsonDocument::fromJson(reply->readAll()).object()).total;
        return finish(Outcome::Connected);
    case 401:
        return finish(Outcome::KeyRefused);
    case 403:
        return finish(Outcome::KeyMayNotRead);
    case 0:
        m_result.networkError = reply->error();
        m_result.networkErrorString = reply->errorString();
        return finish(Outcome::NetworkError);
    default:
        return finish(Outcome::UnexpectedStatus);
    }
}

} // namespace clev
