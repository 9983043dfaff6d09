// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <limits>
#include <optional>

namespace clev {

// What an agent reports in one beat, after validation. Counters are per-beat deltas (as the ClevAgent
// SDKs send them); iteration_count is an absolute gauge. Absent optional fields stay empty so the store
// can tell "not sent" from zero.
enum class BeatStatus { Ok, Warning, Error, Shutdown };

struct ToolCall
{
    QString name;
    QString args;
};

struct Heartbeat
{
    QString agent;
    BeatStatus status = BeatStatus::Ok;
    QString message;

    qint64 tokensUsed = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 toolCalls = 0;
    std::optional<double> costUsd;
    std::optional<qint64> iterationCount;
    std::optional<double> memoryMb;
    std::optional<double> intervalSecs;

    QString agentType;
    QString model;
    QString containerId;
    QString customData;
    QList<ToolCall> toolCallLog;
    QStringList promptHashes;
    // The two lists as compact JSON, made once by the codec (on an I/O thread) for storage.
    QString toolCallLogJson;
    QString promptHashesJson;

    // When the beat happened (ms since epoch): the agent's `timestamp` if it sent one (a buffered beat
    // delivered late), else the time the server received it.
    qint64 occurredAtMs = 0;
    qint64 receivedAtMs = 0;
    // The API key that sent it (row id), 0 when none.
    qint64 keyId = 0;
    // Set at ingest: costUsd was computed from the price table (not sent by the agent); or the beat used
    // tokens of a model without a known price.
    bool costEstimated = false;
    bool unpriced = false;

    // Sum of every token bucket the agent reported: tokens_used if sent, else the bucket sum.
    // Bounds every beat is held to (the codec answers 422 beyond them): a count of tokens or tool
    // calls in one beat, and a cost in USD, sent or estimated. A trillion tokens is far past any model's
    // context, and keeps every sum of a day's beats far from qint64's limit.
    static constexpr qint64 MaxCount = 1'000'000'000'000;
    static constexpr double MaxCostUsd = 1'000'000.0;

    qint64 totalTokens() const
    {
        const qint64 buckets = inputTokens + outputTokens + cacheReadTokens + cacheWriteTokens;
        return tokensUsed > 0 ? tokensUsed : buckets;
    }
    // A crash report: an error beat whose message the SDKs start with "CRASH:" (an unhandled exception;
    // the process is ending, or one of its threads died).
    bool isCrash() const { return status == BeatStatus::Error && isCrashMessage(message); }
    static bool isCrashMessage(const QString &text) { return text.startsWith(QLatin1String("CRASH:")); }
    // A process's last word: a crash report or a shutdown beat.
    bool isLastWord() const { return isCrash() || status == BeatStatus::Shutdown; }

    // A regular beat that occurred less than this after a crash or shutdown report of the same agent does
    // not overturn it: SDKs send the crash report from the failing thread while their heartbeat thread
    // may have a beat already built or in flight, which then lands just after it. 100 ms is far above that
    // race (the two are built microseconds apart and cross one loopback or LAN hop) and below the time a
    // restarted process needs to start, import its SDK and beat again (a Python agent restarted at once
    // beat 170 ms after its predecessor's crash report in the crash scenario; 500 ms would have hidden it).
    static constexpr qint64 LastWordWindowMs = 100;
    // Whether `later` (occurred at or after `lastWord`, a crash or shutdown report) stands: a last word or
    // a beat outside the window does; a regular beat inside it does not.
    static bool overturnsLastWord(qint64 lastWordAtMs, const Heartbeat &later)
    {
        return later.isLastWord() || later.occurredAtMs - lastWordAtMs >= LastWordWindowMs;
    }
};

QString beatStatusName(BeatStatus status);

// a + b, held at qint64's ends instead of wrapping: sums of many beats' counts.
inline qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

} // namespace clev

Q_DECLARE_METATYPE(clev::Heartbeat)
