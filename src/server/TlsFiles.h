// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <optional>

namespace clev {

// The listener's TLS configuration from a PEM certificate (chain) and a PEM private key, TLS 1.2 or
// newer. Errors name the file and what is wrong with it.
// The ciphers the server offers: Mozilla's intermediate profile (TLS 1.3 suites; for TLS 1.2 ECDHE or DHE
// with AES-GCM or ChaCha20-Poly1305), those of them the TLS library has.
QList<QSslCipher> intermediateCiphers();
std::optional<QSslConfiguration> loadServerTls(const QString &certPath, const QString &keyPath, QString *error);

// Writes a self-signed certificate and its key (P-256, SHA-256, valid 825 days) for a first test of
// TLS: `cert.pem` and `key.pem` (mode 0600) in `dir`, for the given host names and IP addresses.
// Returns the certificate's SHA-256 fingerprint (hex, colon-separated), or an empty array with `error`.
// It writes neither through a symbolic link (key.pem or cert.pem pointing elsewhere) nor over an
// existing key unless `replace` is set: a new key breaks every pin of the old certificate.
QByteArray writeSelfSignedCertificate(const QString &dir, const QStringList &hosts, QString *error,
                                      bool replace = false);

// "AB:CD:…" for a DER certificate's SHA-256 digest: what users compare and pin.
QByteArray fingerprintOf(const QSslCertificate &certificate);

} // namespace clev
