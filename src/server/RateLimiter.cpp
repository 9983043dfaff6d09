// SPDX-License-Identifier: MIT
#include "server/RateLimiter.h"

#include "core/Clock.h"

#include <cmath>

namespace clev {

RateLimiter::Decision RateLimiter::take(qint64 keyId, int perMinute)
{
    const qint64 now = m_clock.monotonicMs();
    const double capacity = std::max(1, perMinute);
    const double perMs = capacity / 60000.0;

    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(keyId);
    if (it == m_buckets.end() || it->capacity != perMinute)
        it = m_buckets.insert(keyId, Bucket{capacity, now, perMinute});
    Bucket &b = *it;
    b.tokens = std::min(capacity, b.tokens + std::max<qint64>(0, now - b.updatedMs) * perMs);
    b.updatedMs = now;

    Decision d;
    d.limit = static_cast<int>(capacity);
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        d.allowed = true;
    } else {
        d.allowed = false;
        d.retryAfterSecs = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / perMs / 1000.0)));
    }
    d.remaining = static_cast<int>(std::floor(b.tokens));
    d.resetSecs = static_cast<int>(std::ceil((capacity - b.tokens) / perMs / 1000.0));
    return d;
}

} // namespace clev
