// SPDX-License-Identifier: MIT
#pragma once

#include <QTimeZone>

#include <mutex>

namespace clev {

// Maps instants to the start of their calendar day in one time zone (budgets and "today" follow the
// user's local midnight, not UTC's). Caches the current day's range, so the common case is two compares.
// Thread-safe.
class DayBuckets
{
public:
    explicit DayBuckets(const QTimeZone &zone = QTimeZone::systemTimeZone());

    // Start of the local day holding `ms` (ms since epoch), in seconds since epoch.
    qint64 dayStartSecs(qint64 ms) const;
    const QTimeZone &zone() const { return m_zone; }

private:
    QTimeZone m_zone;
    mutable std::mutex m_mutex;
    mutable qint64 m_cachedStartMs = 0;
    mutable qint64 m_cachedEndMs = 0;
};

} // namespace clev
