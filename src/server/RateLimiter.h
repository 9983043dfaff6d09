// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>

#include <mutex>

namespace clev {

class Clock;

// A token bucket per API key: `perMinute` requests may burst at once, and the bucket refills evenly over
// a minute. Thread-safe; time comes from the injected clock.
class RateLimiter
{
public:
    explicit RateLimiter(const Clock &clock)
        : m_clock(clock)
    {
    }

    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        int resetSecs = 0;      // until the bucket is full again
        int retryAfterSecs = 0; // when refused: until one request is allowed
    };
    Decision take(qint64 keyId, int perMinute);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
        int capacity = 0;
    };
    const Clock &m_clock;
    std::mutex m_mutex;
    QHash<qint64, Bucket> m_buckets;
};

} // namespace clev
