// SPDX-License-Identifier: MIT
#include "engine/IntervalPolicy.h"

#include <algorithm>

namespace clev {

namespace {
constexpr qint64 MinLearnedGapMs = 1000;
constexpr size_t GapsKept = 5; // the median of the first five
} // namespace

IntervalPolicy::IntervalPolicy(qint64 defaultIntervalMs, AgentPolicy defaults, QHash<QString, AgentPolicy> agents,
                               int learnFromGaps)
    : m_defaultIntervalMs(defaultIntervalMs)
    , m_defaults(std::move(defaults))
    , m_agents(std::move(agents))
    , m_learnFromGaps(learnFromGaps)
{
}

const AgentPolicy *IntervalPolicy::policyFor(const QString &name) const
{
    auto it = m_agents.constFind(name);
    return it == m_agents.cend() ? nullptr : &*it;
}

qint64 IntervalPolicy::intervalMs(const QString &name, const AgentSettings &settings, const Rhythm &rhythm) const
{
    if (settings.intervalSecs)
        return qRound64(*settings.intervalSecs * 1000);
    if (rhythm.sentIntervalMs)
        return *rhythm.sentIntervalMs;
    const AgentPolicy *p = policyFor(name);
    if (p && p->intervalSecs)
        return qRound64(*p->intervalSecs * 1000);
    if (rhythm.learnedIntervalMs > 0)
        return rhythm.learnedIntervalMs;
    if (m_defaults.intervalSecs)
        return qRound64(*m_defaults.intervalSecs * 1000);
    return m_defaultIntervalMs;
}

qint64 IntervalPolicy::graceMs(const QString &name, const AgentSettings &settings, const Rhythm &rhythm) const
{
    if (settings.graceSecs)
        return qRound64(*settings.graceSecs * 1000);
    const AgentPolicy *p = policyFor(name);
    if (p && p->graceSecs)
        return qRound64(*p->graceSecs * 1000);
    if (m_defaults.graceSecs)
        return qRound64(*m_defaults.graceSecs * 1000);
    return intervalMs(name, settings, rhythm); // one missed beat is late, two are dead
}

AgentRules::Deadlines IntervalPolicy::deadlines(const QString &name, const AgentSettings &settings,
                                                const Rhythm &rhythm, qint64 lastBeatMs) const
{
    return AgentRules::deadlinesAfter(lastBeatMs, intervalMs(name, settings, rhythm), graceMs(name, settings, rhythm));
}

std::optional<double> IntervalPolicy::dailyBudgetUsd(const QString &name, const AgentSettings &settings) const
{
    if (settings.dailyBudgetUsd)
        return settings.dailyBudgetUsd;
    const AgentPolicy *p = policyFor(name);
    if (p && p->dailyBudgetUsd)
        return p->dailyBudgetUsd;
    return m_defaults.dailyBudgetUsd;
}

bool IntervalPolicy::learnGap(Rhythm &rhythm, qint64 gapMs) const
{
    if (rhythm.gaps.size() >= GapsKept || gapMs < MinLearnedGapMs)
        return false;
    rhythm.gaps.push_back(gapMs);
    if (static_cast<int>(rhythm.gaps.size()) < m_learnFromGaps)
        return false;
    std::vector<qint64> sorted = rhythm.gaps;
    std::sort(sorted.begin(), sorted.end());
    rhythm.learnedIntervalMs = sorted[sorted.size() / 2];
    return true;
}

bool IntervalPolicy::takeSentInterval(Rhythm &rhythm, std::optional<double> intervalSecs)
{
    if (!intervalSecs || qRound64(*intervalSecs * 1000) == rhythm.sentIntervalMs.value_or(-1))
        return false;
    rhythm.sentIntervalMs = qRound64(*intervalSecs * 1000);
    return true;
}

} // namespace clev
