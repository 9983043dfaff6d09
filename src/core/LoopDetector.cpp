// SPDX-License-Identifier: MIT
#include "core/LoopDetector.h"

namespace clev {

namespace {
constexpr qint64 HourMs = 3600 * 1000;
}

LoopDetector::LoopDetector()
    : LoopDetector(Options())
{
}

void LoopDetector::Scan::raise(Level level, const Cause &reason)
{
    if (level > verdict.level) {
        verdict.level = level;
        verdict.reason = englishText(reason);
        verdict.reasonData = reason;
    }
}

LoopDetector::Verdict LoopDetector::observe(const Heartbeat &beat)
{
    Scan scan;
    const qint64 tokens = beat.totalTokens();
    toolRule(beat, scan);
    promptRule(beat, tokens, scan);
    spikeRule(beat, tokens, scan);
    iterationRule(beat, scan);
    holdLoop(beat, scan);
    return scan.verdict;
}

// 1. Identical tool calls in a row, across beats.
void LoopDetector::toolRule(const Heartbeat &beat, Scan &scan)
{
    for (const ToolCall &call : beat.toolCallLog) {
        const QString key = call.name + QChar(0x1f) + call.args;
        m_callRun = key == m_lastCall ? m_callRun + 1 : 1;
        m_lastCall = key;
        const Cause repeated(CauseKind::LoopToolRepeat,
                             {{CauseParam::Tool, call.name}, {CauseParam::Count, qint64(m_callRun)}});
        if (m_callRun >= m_options.toolLoop) {
            scan.found |= ToolRule;
            scan.raise(Level::Loop, repeated);
        } else if (m_callRun >= m_options.toolWarn) {
            scan.raise(Level::Warning, repeated);
        }
    }
    if (!beat.toolCallLog.isEmpty() && m_callRun < m_options.toolLoop)
        scan.broken |= ToolRule; // the last call differs from the ones before: the calls moved on
}

// 2. The same prompts over and over while tokens keep flowing. Identical windows are normal on beats
//    that used no tokens (the liveness thread re-sends the window): those beats neither extend nor
//    break a run.
void LoopDetector::promptRule(const Heartbeat &beat, qint64 tokens, Scan &scan)
{
    if (beat.promptHashes.isEmpty() || tokens <= 0)
        return;
    const QString window = beat.promptHashes.join(u',');
    m_windowRun = window == m_lastWindow ? m_windowRun + 1 : 1;
    m_lastWindow = window;
    (m_windowRun >= m_options.promptRepeatBeats ? scan.found : scan.broken) |= PromptRule;
    if (m_windowRun >= m_options.promptRepeatBeats)
        scan.raise(Level::Loop, Cause(CauseKind::LoopPromptRepeat, {{CauseParam::Beats, qint64(m_windowRun)}}));
}

// 3. Usage far above the agent's own trailing mean, several beats running.
void LoopDetector::spikeRule(const Heartbeat &beat, qint64 tokens, Scan &scan)
{
    double meanTokens = 0;
    double meanTools = 0;
    const bool haveBaseline = baselineMeans(beat.occurredAtMs, &meanTokens, &meanTools);
    const bool tokenSpike =
        haveBaseline && tokens >= m_options.spikeTokenFloor && tokens >= m_options.spikeFactor * meanTokens;
    const bool toolSpike = haveBaseline && beat.toolCalls >= m_options.spikeToolFloor &&
                           beat.toolCalls >= m_options.spikeFactor * meanTools;
    // A beat that used nothing (a liveness beat) neither extends nor breaks a run of spikes.
    const bool usedSomething = tokens > 0 || beat.toolCalls > 0;
    if (tokenSpike || toolSpike)
        ++m_spikeRun;
    else if (usedSomething)
        m_spikeRun = 0;
    if (m_spikeRun >= m_options.spikeBeats)
        scan.found |= SpikeRule;
    else if (usedSomething)
        scan.broken |= SpikeRule;
    if (m_spikeRun >= m_options.spikeBeats)
        scan.raise(Level::Loop,
                   tokenSpike ? Cause(CauseKind::LoopTokenSpike, {{CauseParam::Tokens, tokens},
                                                                  {CauseParam::Beats, qint64(m_spikeRun)},
                                                                  {CauseParam::Factor, m_options.spikeFactor},
                                                                  {CauseParam::Mean, double(qRound64(meanTokens))}})
                              : Cause(CauseKind::LoopToolSpike, {{CauseParam::Calls, beat.toolCalls},
                                                                 {CauseParam::Beats, qint64(m_spikeRun)},
                                                                 {CauseParam::Factor, m_options.spikeFactor},
                                                                 {CauseParam::Mean, meanTools}}));
    // Spiking beats do not raise the baseline they are judged against.
    if (!tokenSpike && !toolSpike)
        addToBaseline(beat);
}

// 4. An iteration cap.
void LoopDetector::iterationRule(const Heartbeat &beat, Scan &scan)
{
    if (m_options.iterationCap <= 0 || !beat.iterationCount)
        return;
    (*beat.iterationCount > m_options.iterationCap ? scan.found : scan.broken) |= IterationRule;
    if (*beat.iterationCount > m_options.iterationCap)
        scan.raise(Level::Loop, Cause(CauseKind::LoopIterationCap, {{CauseParam::Iteration, *beat.iterationCount},
                                                                    {CauseParam::Cap, m_options.iterationCap}}));
}

// 5. Hysteresis: the loop in force lasts until every rule that found it saw its pattern break, or
//    until nothing showed the pattern for the quiet period.
void LoopDetector::holdLoop(const Heartbeat &beat, Scan &scan)
{
    if (scan.found) {
        m_loopRules |= scan.found;
        m_loopReason = scan.verdict.reasonData;
        m_loopSeenMs = beat.occurredAtMs;
    } else if (m_loopRules) {
        m_loopRules &= ~scan.broken;
        if (m_options.quietMs > 0 && beat.occurredAtMs - m_loopSeenMs >= m_options.quietMs)
            m_loopRules = 0;
    }
    if (m_loopRules && scan.verdict.level != Level::Loop) {
        scan.verdict.level = Level::Loop;
        scan.verdict.reason = englishText(m_loopReason);
        scan.verdict.reasonData = m_loopReason;
    }
}

void LoopDetector::addToBaseline(const Heartbeat &beat)
{
    const qint64 hour = beat.occurredAtMs / HourMs;
    HourBucket &b = m_hours[static_cast<size_t>(hour % 24)];
    if (b.hour != hour)
        b = HourBucket{hour, 0, 0, 0};
    ++b.beats;
    b.tokens = saturatingAdd(b.tokens, beat.totalTokens());
    b.toolCalls = saturatingAdd(b.toolCalls, beat.toolCalls);
}

bool LoopDetector::baselineMeans(qint64 nowMs, double *tokens, double *toolCalls) const
{
    const qint64 hour = nowMs / HourMs;
    qint64 beats = 0, t = 0, c = 0;
    for (const HourBucket &b : m_hours) {
        if (b.hour >= 0 && b.hour > hour - 24 && b.hour <= hour) {
            beats += b.beats;
            t = saturatingAdd(t, b.tokens);
            c = saturatingAdd(c, b.toolCalls);
        }
    }
    if (beats < 3) // too little history to call anything abnormal
        return false;
    *tokens = double(t) / double(beats);
    *toolCalls = double(c) / double(beats);
    return true;
}

} // namespace clev
