// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <atomic>

namespace clev {

// The one source of "now" for every rule that depends on time (rate limits, day buckets, and later the
// watchdog). Production code uses SystemClock; tests inject a ManualClock so they never sleep.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch (UTC).
    virtual qint64 nowMs() const = 0;
    // A monotonic reading in milliseconds, for durations; arbitrary origin.
    virtual qint64 monotonicMs() const = 0;

    // The process-wide system clock.
    static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    qint64 monotonicMs() const override;
};

// A clock that moves only when told to. Thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) // 2026-01-01T00:00:00Z
        : m_now(startMs)
    {
    }
    qint64 nowMs() const override { return m_now.load(); }
    qint64 monotonicMs() const override { return m_now.load(); }
    void advance(qint64 ms) { m_now.fetch_add(ms); }
    void set(qint64 ms) { m_now.store(ms); }

private:
    std::atomic<qint64> m_now;
};

} // namespace clev
