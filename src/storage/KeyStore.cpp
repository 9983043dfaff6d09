// SPDX-License-Identifier: MIT
#include "storage/KeyStore.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace clev {

namespace {
const QString SelectColumns = QStringLiteral(
    "SELECT id, name, prefix, hash, scopes, rate_limit_per_min, created_at, last_used_at, revoked_at FROM api_keys ");

StoredKey rowToKey(const QSqlQuery &q)
{
    StoredKey k;
    k.id = q.value(0).toLongLong();
    k.name = q.value(1).toString();
    k.prefix = q.value(2).toString().toLatin1();
    k.hash = q.value(3).toByteArray();
    ApiKey::parseScopes(q.value(4).toString(), &k.scopes);
    k.rateLimitPerMin = q.value(5).toInt();
    k.createdAtMs = q.value(6).toLongLong();
    k.lastUsedAtMs = q.value(7).toLongLong();
    k.revokedAtMs = q.value(8).toLongLong();
    return k;
}

void setError(QString *error, const QSqlQuery &q)
{
    if (error)
        *error = q.lastError().text();
}
} // namespace

std::optional<KeyStore::Created> KeyStore::create(const QString &name, ApiKey::Scopes scopes, int rateLimitPerMin,
                                                  qint64 nowMs, QString *error)
{
    Created c;
    c.key = ApiKey::generate();
    c.stored.name = name;
    c.stored.prefix = ApiKey::lookupPrefix(c.key);
    c.stored.hash = ApiKey::hash(c.key);
    c.stored.scopes = scopes;
    c.stored.rateLimitPerMin = rateLimitPerMin;
    c.stored.createdAtMs = nowMs;

    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO api_keys(name, prefix, hash, scopes, rate_limit_per_min, created_at) "
                             "VALUES(?, ?, ?, ?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(QString::fromLatin1(c.stored.prefix));
    q.addBindValue(c.stored.hash);
    q.addBindValue(ApiKey::scopesToString(scopes));
    q.addBindValue(rateLimitPerMin > 0 ? QVariant(rateLimitPerMin) : QVariant());
    q.addBindValue(nowMs);
    if (!q.exec()) {
        setError(error, q);
        return std::nullopt;
    }
    c.stored.id = q.lastInsertId().toLongLong();
    if (!tx.commit()) {
        if (error)
            *error = tx.error();
        return std::nullopt;
    }
    return c;
}

QList<StoredKey> KeyStore::list(QString *error) const
{
    QList<StoredKey> keys;
    QSqlQuery q(m_db.connection());
    if (!q.exec(SelectColumns + QStringLiteral("ORDER BY id"))) {
        setError(error, q);
        return keys;
    }
    while (q.next())
        keys.append(rowToKey(q));
    return keys;
}

QList<StoredKey> KeyStore::findByPrefix(const QByteArray &prefix, QString *error) const
{
    QList<StoredKey> keys;
    QSqlQuery q(m_db.connection());
    q.prepare(SelectColumns + QStringLiteral("WHERE prefix = ?"));
    q.addBindValue(QString::fromLatin1(prefix));
    if (!q.exec()) {
        setError(error, q);
        return keys;
    }
    while (q.next())
        keys.append(rowToKey(q));
    return keys;
}

int KeyStore::revoke(const QString &idOrPrefix, qint64 nowMs, QString *error)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    bool isId = false;
    const qint64 id = idOrPrefix.toLongLong(&isId);
    if (isId) {
        q.prepare(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
        q.addBindValue(nowMs);
        q.addBindValue(id);
    } else {
        q.prepare(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE prefix = ? AND revoked_at IS NULL"));
        q.addBindValue(nowMs);
        q.addBindValue(idOrPrefix.left(3 + ApiKey::PrefixLength));
    }
    if (!q.exec()) {
        setError(error, q);
        return -1;
    }
    const int n = q.numRowsAffected();
    return tx.commit() ? n : -1;
}

} // namespace clev
