// SPDX-License-Identifier: MIT
#pragma once

#include "core/ApiKey.h"

#include <QHash>

#include <mutex>

namespace clev {

class Clock;
class Database;

// Checks API keys against the stored hashes. Known keys are cached for a few seconds, so a key created
// or revoked by another process (`clevagent-server keys …`) takes effect within `cacheTtlMs`.
// Thread-safe; database reads use the calling thread's connection.
class KeyAuthenticator
{
public:
    KeyAuthenticator(const Database &db, const Clock &clock, qint64 cacheTtlMs = 5000)
        : m_db(db)
        , m_clock(clock)
        , m_ttlMs(cacheTtlMs)
    {
    }

    struct Result
    {
        enum class Status { Ok, Missing, Invalid, Revoked, Error };
        Status status = Status::Invalid;
        qint64 keyId = 0;
        ApiKey::Scopes scopes;
        int rateLimitPerMin = 0; // 0: the server's default
    };
    Result authenticate(const QByteArray &key);
    void invalidate();

private:
    struct Entry
    {
        Result result;
        QByteArray hash;
        qint64 fetchedMs = 0;
    };
    const Database &m_db;
    const Clock &m_clock;
    const qint64 m_ttlMs;
    std::mutex m_mutex;
    QHash<QByteArray, Entry> m_cache; // by SHA-256 of the key
};

} // namespace clev
