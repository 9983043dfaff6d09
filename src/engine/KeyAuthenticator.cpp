// SPDX-License-Identifier: MIT
#include "engine/KeyAuthenticator.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "storage/KeyStore.h"

namespace clev {

KeyAuthenticator::Result KeyAuthenticator::authenticate(const QByteArray &key)
{
    Result result;
    if (key.isEmpty()) {
        result.status = Result::Status::Missing;
        return result;
    }
    if (!ApiKey::isWellFormed(key))
        return result; // Invalid
    const QByteArray hash = ApiKey::hash(key);
    const qint64 now = m_clock.monotonicMs();
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cache.constFind(hash);
        if (it != m_cache.cend() && now - it->fetchedMs < m_ttlMs && ApiKey::constantTimeEquals(it->hash, hash))
            return it->result;
    }

    QString error;
    const QList<StoredKey> candidates = KeyStore(m_db).findByPrefix(ApiKey::lookupPrefix(key), &error);
    if (!error.isEmpty()) {
        qCWarning(lcApi) << "key lookup failed:" << error;
        result.status = Result::Status::Error;
        return result;
    }
    for (const StoredKey &k : candidates) {
        if (!ApiKey::constantTimeEquals(k.hash, hash))
            continue;
        result.status = k.revoked() ? Result::Status::Revoked : Result::Status::Ok;
        result.keyId = k.id;
        result.scopes = k.scopes;
        result.rateLimitPerMin = k.rateLimitPerMin;
        std::lock_guard lock(m_mutex);
        m_cache.insert(hash, Entry{result, hash, now});
        return result;
    }
    return result; // Invalid: unknown keys are not cached
}

void KeyAuthenticator::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_cache.clear();
}

} // namespace clev
