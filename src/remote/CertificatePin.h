// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslError>

#include <functional>

class QNetworkAccessManager;
class QSslCertificate;

namespace clev {

// The one certificate policy for connections to a clevagent-server elsewhere (the live connection and
// the "Test connection" probe): a pinned certificate must be the one the server shows, whoever signed
// it; without a pin, only a certificate an authority this computer trusts vouches for is accepted.
namespace CertificatePin {

// SHA-256 of the certificate, as clevagent-server prints it: upper-case hex pairs joined by ':'.
QByteArray fingerprintOf(const QSslCertificate &certificate);

enum class Verdict {
    Accepted,  // CA-trusted and not pinned, or exactly the pinned one
    Changed,   // pinned, and the server shows another certificate: refused
    Untrusted, // not pinned and not CA-trusted: refused until the user pins it
};

// `pinned` empty: nothing pinned. `caTrusted`: the handshake found no certificate errors.
Verdict judge(const QByteArray &pinned, const QByteArray &seen, bool caTrusted);

// Applies judge() to every TLS handshake `net` makes: ignores the errors of a pinned self-signed
// certificate, aborts a reply whose certificate changed, and reports each refusal with the
// fingerprint the server showed (on `net`'s thread).
using Refused = std::function<void(Verdict verdict, const QByteArray &seen)>;
void guard(QNetworkAccessManager *net, const QByteArray &pinned, Refused refused);

} // namespace CertificatePin
} // namespace clev
