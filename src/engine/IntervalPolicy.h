// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/AgentRules.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace clev {

// What the watchdog may be told about one agent (clevagent-server's config file, later the desktop's
// per-agent settings). Unset fields fall back to the defaults.
struct AgentPolicy
{
    std::optional<double> intervalSecs;
    std::optional<double> graceSecs;
    std::optional<double> dailyBudgetUsd;
};

// What one agent's beats taught of its rhythm.
struct Rhythm
{
    std::optional<qint64> sentIntervalMs; // from the beat's `interval`
    std::vector<qint64> gaps;             // the first spacings, for learning
    qint64 learnedIntervalMs = 0;
};

// Which interval, grace and daily budget are in force for an agent. The first set wins: the settings set
// by hand, the beat's own `interval`, the agent's entry in the configuration, the learned spacing, the
// configured defaults, the built-in default. The grace falls back to the interval (one missed beat is
// late, two are dead).
class IntervalPolicy
{
public:
    IntervalPolicy(qint64 defaultIntervalMs, AgentPolicy defaults, QHash<QString, AgentPolicy> agents,
                   int learnFromGaps);

    qint64 intervalMs(const QString &name, const AgentSettings &settings, const Rhythm &rhythm) const;
    qint64 graceMs(const QString &name, const AgentSettings &settings, const Rhythm &rhythm) const;
    AgentRules::Deadlines deadlines(const QString &name, const AgentSettings &settings, const Rhythm &rhythm,
                                    qint64 lastBeatMs) const;
    std::optional<double> dailyBudgetUsd(const QString &name, const AgentSettings &settings) const;

    // Learns from the gap since the previous beat; true when it learned (again). Beats less
    // than a second apart are a burst (a buffer flushed, a batch), not the agent's rhythm: they teach
    // nothing, or a backfill would make it "dead" within milliseconds.
    bool learnGap(Rhythm &rhythm, qint64 gapMs) const;
    // Takes the interval a beat sent; true when it changed.
    static bool takeSentInterval(Rhythm &rhythm, std::optional<double> intervalSecs);

private:
    const AgentPolicy *policyFor(const QString &name) const;

    qint64 m_defaultIntervalMs;
    AgentPolicy m_defaults;
    QHash<QString, AgentPolicy> m_agents;
    int m_learnFromGaps;
};

} // namespace clev
