// SPDX-License-Identifier: MIT
#include "remote/CertificatePin.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace clev::CertificatePin {

QByteArray fingerprintOf(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
}

Verdict judge(const QByteArray &pinned, const QByteArray &seen, bool caTrusted)
{
    if (!pinned.isEmpty())
        return !seen.isEmpty() && seen == pinned ? Verdict::Accepted : Verdict::Changed;
    return caTrusted ? Verdict::Accepted : Verdict::Untrusted;
}

void guard(QNetworkAccessManager *net, const QByteArray &pinned, Refused refused)
{
    // Certificate errors come first (sslErrors), then, if the handshake goes on, `encrypted`. A reply
    // whose errors were not ignored is refused by Qt itself; one whose certificate a CA vouches for
    // reaches `encrypted` without errors and is judged there.
    QObject::connect(net, &QNetworkAccessManager::sslErrors, net,
                     [pinned, refused](QNetworkReply *reply, const QList<QSslError> &errors) {
                         const QByteArray seen = fingerprintOf(reply->sslConfiguration().peerCertificate());
                         const Verdict v = judge(pinned, seen, false);
                         if (v == Verdict::Accepted)
                             reply->ignoreSslErrors(errors);
                         else
                             refused(v, seen);
                     });
    QObject::connect(net, &QNetworkAccessManager::encrypted, net, [pinned, refused](QNetworkReply *reply) {
        const QByteArray seen = fingerprintOf(reply->sslConfiguration().peerCertificate());
        const Verdict v = judge(pinned, seen, true);
        if (v != Verdict::Accepted) {
            refused(v, seen);
            reply->abort();
        }
    });
}

} // namespace clev::CertificatePin
