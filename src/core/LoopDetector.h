// SPDX-License-Identifier: MIT
#pragma once

#include "core/Cause.h"
#include "core/Heartbeat.h"

#include <QString>

#include <array>
#include <deque>

namespace clev {

// Tells an agent stuck in a loop from one that is merely busy, from what its beats report. One instance
// per agent; feed it every beat in order. The rules and their defaults (docs/WATCHDOG.md):
//  - the same tool with the same arguments `toolWarn` (3) times in a row: a warning; `toolLoop` (5): a loop;
//  - the same prompt_hashes window on `promptRepeatBeats` (5) consecutive beats that all used tokens;
//  - tokens or tool calls per beat >= `spikeFactor` (10) x the agent's trailing 24 h mean per beat, and
//    above a floor, on `spikeBeats` (3) consecutive beats;
//  - iteration_count above `iterationCap`, when one is set.
// A loop found stays found (hysteresis): a beat without evidence either way (the SDK's own background
// beat: no tool calls, no tokens) does not end it. It ends on evidence that the pattern broke, for the
// rule that found it (a different tool call, new prompts with tokens, a beat of normal usage, an
// iteration within the cap), or when no beat showed the pattern for `quietMs` (judged at each beat).
class LoopDetector
{
public:
    struct Options
    {
        int toolWarn = 3;
        int toolLoop = 5;
        int promptRepeatBeats = 5;
        double spikeFactor = 10.0;
        qint64 spikeTokenFloor = 20'000;
        qint64 spikeToolFloor = 50;
        int spikeBeats = 3;
        qint64 iterationCap = 0;  // 0: no cap
        qint64 quietMs = 300'000; // a loop whose pattern was not seen for this long has ended
    };

    enum class Level { None, Warning, Loop };
    struct Verdict
    {
        Level level = Level::None;
        QString reason;   // englishText(reasonData), for the beat's answer
        Cause reasonData; // the same as data
    };

    LoopDetector();
    explicit LoopDetector(Options options)
        : m_options(options)
    {
    }

    Verdict observe(const Heartbeat &beat);
    const Options &options() const { return m_options; }

private:
    // Trailing 24 h of per-beat usage in hourly buckets, for the spike baseline.
    struct HourBucket
    {
        qint64 hour = -1;
        qint64 beats = 0;
        qint64 tokens = 0;
        qint64 toolCalls = 0;
    };
    void addToBaseline(const Heartbeat &beat);
    bool baselineMeans(qint64 nowMs, double *tokens, double *toolCalls) const;

    enum Rule : unsigned { ToolRule = 1, PromptRule = 2, SpikeRule = 4, IterationRule = 8 };
    // What the rules make of one beat: the strongest finding, the rules that see the loop pattern on it
    // and the rules whose pattern it shows broken.
    struct Scan
    {
        Verdict verdict;
        unsigned found = 0;
        unsigned broken = 0;
        void raise(Level level, const Cause &reason);
    };
    void toolRule(const Heartbeat &beat, Scan &scan);
    void promptRule(const Heartbeat &beat, qint64 tokens, Scan &scan);
    void spikeRule(const Heartbeat &beat, qint64 tokens, Scan &scan);
    void iterationRule(const Heartbeat &beat, Scan &scan);
    void holdLoop(const Heartbeat &beat, Scan &scan);

    Options m_options;
    // The loop in force: which rules found it (and have not seen the pattern break), why, and when a beat
    // last showed the pattern.
    unsigned m_loopRules = 0;
    Cause m_loopReason;
    qint64 m_loopSeenMs = 0;
    QString m_lastCall;
    int m_callRun = 0;
    QString m_lastWindow;
    int m_windowRun = 0;
    int m_spikeRun = 0;
    std::array<HourBucket, 24> m_hours{};
};

} // namespace clev
