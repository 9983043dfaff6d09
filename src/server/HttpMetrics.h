// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <array>
#include <atomic>

namespace clev {

// Appends one Prometheus sample line: "name{labels} value".
void appendMetricSample(QByteArray *out, const char *name, const QByteArray &labels, const QByteArray &value);

// Request counters and a latency histogram kept with atomics (no lock on the hot path), rendered in the
// Prometheus text exposition format.
class HttpMetrics
{
public:
    static constexpr std::array<double, 14> Buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                    0.1,    0.25,  0.5,    1.0,   2.5,  5.0,   10.0};

    void observe(int status, qint64 micros);
    void connectionOpened() { m_connectionsTotal.fetch_add(1, std::memory_order_relaxed); }
    void connectionRejected() { m_connectionsRejected.fetch_add(1, std::memory_order_relaxed); }
    void connectionReclaimed() { m_connectionsReclaimed.fetch_add(1, std::memory_order_relaxed); }
    void render(QByteArray *out, int openConnections) const;

private:
    std::array<std::atomic<quint64>, Buckets.size() + 1> m_buckets{};
    std::atomic<quint64> m_count{0};
    std::atomic<quint64> m_sumMicros{0};
    std::array<std::atomic<quint64>, 6> m_byClass{}; // 1xx..5xx, other
    std::atomic<quint64> m_connectionsTotal{0};
    std::atomic<quint64> m_connectionsRejected{0};
    std::atomic<quint64> m_connectionsReclaimed{0};
};

} // namespace clev
