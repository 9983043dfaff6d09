// SPDX-License-Identifier: MIT
#pragma once

#include "core/ApiKey.h"

#include <QList>
#include <QString>

#include <optional>

namespace clev {

class Database;

// Creates, lists, finds and revokes API keys. Uses the calling thread's connection.
class KeyStore
{
public:
    explicit KeyStore(const Database &db)
        : m_db(db)
    {
    }

    using Created = CreatedKey;
    std::optional<Created> create(const QString &name, ApiKey::Scopes scopes, int rateLimitPerMin, qint64 nowMs,
                                  QString *error);
    QList<StoredKey> list(QString *error = nullptr) const;
    // Keys whose prefix matches; the caller compares hashes.
    QList<StoredKey> findByPrefix(const QByteArray &prefix, QString *error = nullptr) const;
    // Revokes by row id or by lookup prefix ("cv_XXXXXXXX"). Returns the number of keys revoked.
    int revoke(const QString &idOrPrefix, qint64 nowMs, QString *error);

private:
    const Database &m_db;
};

} // namespace clev
