// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace clev {

class DayBuckets;

// One agent's spending against a daily budget (USD, local day). Reports each threshold (80 %, 95 %,
// 100 % by default) once per day, and forecasts when the budget will be reached at the current rate.
class BudgetTracker
{
public:
    explicit BudgetTracker(QList<int> thresholdsPercent = {80, 95, 100})
        : m_thresholds(std::move(thresholdsPercent))
    {
    }

    void setBudget(std::optional<double> usdPerDay) { m_budget = usdPerDay; }
    std::optional<double> budget() const { return m_budget; }
    // Seeds today's spend (e.g. from the day rollup at start-up); thresholds already passed are not
    // reported again.
    void seed(qint64 dayStartSecs, double spentUsd);

    struct Crossing
    {
        int percent;
        double spentUsd;
        double budgetUsd;
        bool firstOfDay; // the first threshold reported this day
    };
    // Adds a beat's cost; returns the thresholds crossed by it (usually none). Spending dated on an
    // earlier day than the tracker's (a late, buffered beat) does not count against today.
    QList<Crossing> add(double usd, qint64 atMs, const DayBuckets &days);

    double spentToday() const { return m_spent; }
    bool overBudget() const { return m_budget && m_spent >= *m_budget; }
    // When the budget will be reached at the rate of the last hour (ms since epoch), if before the day ends.
    std::optional<qint64> forecastExhaustionMs(qint64 nowMs, const DayBuckets &days) const;

private:
    void rollDay(qint64 dayStartSecs);

    QList<int> m_thresholds;
    std::optional<double> m_budget;
    qint64 m_day = -1;
    double m_spent = 0;
    int m_reported = 0; // highest threshold reported today
    // Spend of the last hour, in one-minute buckets, for the burn rate; allocated only for agents with a
    // budget (most agents have none, and a watchdog holds many agents).
    struct Minute
    {
        qint64 minute = -1;
        double usd = 0;
    };
    std::vector<Minute> m_minutes;
};

} // namespace clev
