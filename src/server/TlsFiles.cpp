// SPDX-License-Identifier: MIT
#include "server/TlsFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace clev {

std::optional<QSslConfiguration> loadServerTls(const QString &certPath, const QString &keyPath, QString *error)
{
    QFile certFile(certPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate %1: %2").arg(certPath, certFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
        return std::nullopt;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the private key %1: %2").arg(keyPath, keyFile.errorString());
        return std::nullopt;
    }
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM private key (EC or RSA)").arg(keyPath);
        return std::nullopt;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCiphers(intermediateCiphers());
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove who they are with API keys
    return config;
}

QList<QSslCipher> intermediateCiphers()
{
    // Mozilla's "intermediate" server profile (version 5.7): TLS 1.3's suites, and for TLS 1.2 only
    // forward-secret AEAD suites. No CBC, no SHA-1 MACs, no static RSA key exchange.
    static const QStringList names{
        QStringLiteral("TLS_AES_128_GCM_SHA256"),       QStringLiteral("TLS_AES_256_GCM_SHA384"),
        QStringLiteral("TLS_CHACHA20_POLY1305_SHA256"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"),  QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"),  QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305"),
        QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305"),  QStringLiteral("DHE-RSA-AES128-GCM-SHA256"),
        QStringLiteral("DHE-RSA-AES256-GCM-SHA384"),    QStringLiteral("DHE-RSA-CHACHA20-POLY1305"),
    };
    QList<QSslCipher> out;
    const QList<QSslCipher> supported = QSslConfiguration::supportedCiphers();
    for (const QString &name : names) {
        for (const QSslCipher &c : supported) {
            if (c.name() == name) {
                out.append(c);
                break;
            }
        }
    }
    return out;
}

QByteArray fingerprintOf(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
}

namespace {

// Neither file is a symbolic link, and neither exists unless it may be replaced.
bool mayWrite(const QString &dir, bool replace, QString *error)
{
    for (const char *name : {"key.pem", "cert.pem"}) {
        const QFileInfo file(QDir(dir).filePath(QLatin1String(name)));
        if (file.isSymLink()) {
            *error = QStringLiteral("%1 is a symbolic link (to %2); refusing to write through it")
                         .arg(file.filePath(), file.symLinkTarget());
            return false;
        }
        if (file.exists() && !replace) {
            *error = QStringLiteral(
                         "%1 exists; --force replaces it (desktop apps that pinned the old certificate then refuse the "
                         "server until they trust the new one)")
                         .arg(file.filePath());
            return false;
        }
    }
    return true;
}

} // namespace

QByteArray writeSelfSignedCertificate(const QString &dir, const QStringList &hosts, QString *error, bool replace)
{
    if (!mayWrite(dir, replace, error))
        return {};
    // OpenSSL does the cryptography; this only fills in the certificate's fields.
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    if (!key || !cert) {
        *error = QStringLiteral("OpenSSL cannot make a key");
        return {};
    }
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), static_cast<long>(QDateTime::currentSecsSinceEpoch()));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cn = hosts.value(0, QStringLiteral("localhost")).toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("ClevAgent (self-signed)"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    QStringList alt;
    for (const QString &h : hosts)
        alt << (QHostAddress(h).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + h;
    const QByteArray san = alt.join(u',').toUtf8();
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto &[nid, value] : {std::pair<int, QByteArray>{NID_subject_alt_name, san},
                                     {NID_basic_constraints, QByteArray("critical,CA:FALSE")},
                                     {NID_ext_key_usage, QByteArray("serverAuth")}}) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
        if (!ext) {
            *error = QStringLiteral("OpenSSL refused the certificate extension %1").arg(QString::fromUtf8(value));
            return {};
        }
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        *error = QStringLiteral("OpenSSL cannot sign the certificate");
        return {};
    }
    const auto pem = [](auto write) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        write(bio.get());
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, static_cast<qsizetype>(size));
    };
    const QByteArray certPem = pem([&](BIO *b) { PEM_write_bio_X509(b, cert.get()); });
    const QByteArray keyPem =
        pem([&](BIO *b) { PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create %1").arg(dir);
        return {};
    }
    QSaveFile keyFile(QDir(dir).filePath(QStringLiteral("key.pem")));
    QSaveFile certFile(QDir(dir).filePath(QStringLiteral("cert.pem")));
    if (!keyFile.open(QIODevice::WriteOnly) ||
        !keyFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || keyFile.write(keyPem) < 0 ||
        !keyFile.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(keyFile.fileName(), keyFile.errorString());
        return {};
    }
    if (!certFile.open(QIODevice::WriteOnly) || certFile.write(certPem) < 0 || !certFile.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(certFile.fileName(), certFile.errorString());
        return {};
    }
    return fingerprintOf(QSslCertificate(certPem, QSsl::Pem));
}

} // namespace clev
