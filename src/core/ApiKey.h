// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFlags>
#include <QString>
#include <QStringList>

namespace clev {

// API keys: "cv_" followed by 40 random base62 characters. Only a SHA-256 hash of the key is ever
// stored, with a short lookup prefix (the first 8 characters after "cv_") so a request's key is found
// without scanning; the hash is then compared in constant time.
namespace ApiKey {

enum class Scope { Ingest = 0x1, Read = 0x2, Admin = 0x4 };
Q_DECLARE_FLAGS(Scopes, Scope)

constexpr int RandomLength = 40;
constexpr int PrefixLength = 8;

// A new key from the system's cryptographic random source.
QByteArray generate();
// True when `key` has the shape of a ClevAgent key (does not say whether it exists).
bool isWellFormed(const QByteArray &key);
// The lookup prefix stored beside the hash: "cv_" + 8 characters.
QByteArray lookupPrefix(const QByteArray &key);
QByteArray hash(const QByteArray &key);
// Constant-time comparison of two equally long byte strings.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// "ingest,read" <-> flags. parseScopes returns false on an unknown name.
bool parseScopes(const QString &text, Scopes *out, QString *error = nullptr);
QString scopesToString(Scopes scopes);
// Admin holds every scope.
bool grants(Scopes held, Scope needed);

} // namespace ApiKey

// A stored API key: never the key itself, only its lookup prefix and SHA-256 hash.
struct StoredKey
{
    qint64 id = 0;
    QString name;
    QByteArray prefix;
    QByteArray hash;
    ApiKey::Scopes scopes;
    // Requests per minute; 0 = the server's default.
    int rateLimitPerMin = 0;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    qint64 revokedAtMs = 0;
    bool revoked() const { return revokedAtMs != 0; }
};

// A key just made: the key itself (shown to the user once, then forgotten) and what is stored of it.
struct CreatedKey
{
    QByteArray key;
    StoredKey stored;
};

} // namespace clev

Q_DECLARE_OPERATORS_FOR_FLAGS(clev::ApiKey::Scopes)
