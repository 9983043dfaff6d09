// SPDX-License-Identifier: MIT
#include "core/BudgetTracker.h"

#include "core/DayBuckets.h"

namespace clev {

void BudgetTracker::rollDay(qint64 dayStartSecs)
{
    if (dayStartSecs <= m_day)
        return; // never backwards
    m_day = dayStartSecs;
    m_spent = 0;
    m_reported = 0;
}

void BudgetTracker::seed(qint64 dayStartSecs, double spentUsd)
{
    m_day = dayStartSecs;
    m_reported = 0;
    m_spent = spentUsd;
    if (m_budget && *m_budget > 0) {
        for (int t : std::as_const(m_thresholds)) {
            if (m_spent >= *m_budget * t / 100.0)
                m_reported = std::max(m_reported, t);
        }
    }
}

QList<BudgetTracker::Crossing> BudgetTracker::add(double usd, qint64 atMs, const DayBuckets &days)
{
    const qint64 day = days.dayStartSecs(atMs);
    QList<Crossing> crossed;
    if (day < m_day)
        return crossed; // yesterday's spending, delivered late: it belongs to yesterday
    rollDay(day);
    m_spent += usd;
    if (!m_budget || *m_budget <= 0)
        return crossed;
    if (m_minutes.empty())
        m_minutes.resize(60);
    Minute &m = m_minutes[static_cast<size_t>((atMs / 60'000) % 60)];
    if (m.minute != atMs / 60'000)
        m = Minute{atMs / 60'000, 0};
    m.usd += usd;

    for (int t : std::as_const(m_thresholds)) {
        if (t > m_reported && m_spent >= *m_budget * t / 100.0) {
            crossed.append({t, m_spent, *m_budget, m_reported == 0});
            m_reported = t;
        }
    }
    return crossed;
}

std::optional<qint64> BudgetTracker::forecastExhaustionMs(qint64 nowMs, const DayBuckets &days) const
{
    if (!m_budget || m_spent >= *m_budget)
        return std::nullopt;
    const qint64 nowMinute = nowMs / 60'000;
    double lastHour = 0;
    for (const Minute &m : m_minutes) {
        if (m.minute > nowMinute - 60 && m.minute <= nowMinute)
            lastHour += m.usd;
    }
    if (lastHour <= 0)
        return std::nullopt;
    const double perMs = lastHour / 3'600'000.0;
    const qint64 at = nowMs + static_cast<qint64>((*m_budget - m_spent) / perMs);
    const qint64 dayEndMs = (days.dayStartSecs(nowMs) + 24 * 3600) * 1000; // close enough on DST days
    if (at >= dayEndMs)
        return std::nullopt;
    return at;
}

} // namespace clev
