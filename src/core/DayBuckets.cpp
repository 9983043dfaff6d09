// SPDX-License-Identifier: MIT
#include "core/DayBuckets.h"

#include <QDateTime>

namespace clev {

DayBuckets::DayBuckets(const QTimeZone &zone)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
}

qint64 DayBuckets::dayStartSecs(qint64 ms) const
{
    std::lock_guard lock(m_mutex);
    if (ms >= m_cachedStartMs && ms < m_cachedEndMs)
        return m_cachedStartMs / 1000;
    const QDate date = QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
    // startOfDay() copes with zones whose midnight does not exist on DST days.
    m_cachedStartMs = date.startOfDay(m_zone).toMSecsSinceEpoch();
    m_cachedEndMs = date.addDays(1).startOfDay(m_zone).toMSecsSinceEpoch();
    return m_cachedStartMs / 1000;
}

} // namespace clev
