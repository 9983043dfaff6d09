// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <array>
#include <atomic>

namespace clev {

// Counters of the heartbeat API: beats stored, and requests or beats refused by reason.
class IngestMetrics
{
public:
    enum class Reason {
        Unauthorized,
        Forbidden,
        RateLimited,
        InvalidJson,
        Validation,
        UnknownAgent,
        StorageUnavailable,
        Count
    };

    void stored(qint64 n) { m_stored.fetch_add(static_cast<quint64>(n), std::memory_order_relaxed); }
    void rejected(Reason reason, qint64 n = 1)
    {
        m_rejected[static_cast<size_t>(reason)].fetch_add(static_cast<quint64>(n), std::memory_order_relaxed);
    }
    quint64 storedCount() const { return m_stored.load(); }
    quint64 rejectedCount(Reason reason) const { return m_rejected[static_cast<size_t>(reason)].load(); }
    void render(QByteArray *out) const;
    static const char *reasonName(Reason reason);

private:
    std::atomic<quint64> m_stored{0};
    std::array<std::atomic<quint64>, static_cast<size_t>(Reason::Count)> m_rejected{};
};

} // namespace clev
