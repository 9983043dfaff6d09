// SPDX-License-Identifier: MIT
// A request body for POST /api/v1/heartbeat and /api/v1/heartbeat/batch through HeartbeatCodec, as
// ApiService decodes it: an object is one beat (and, if it has "heartbeats", a batch); an array is a
// batch. Checks the bounds docs/API.md promises for a beat that decodes, that errors name their
// field under the batch prefix, and that a decoded beat written back as JSON decodes to the same beat.
#include "core/HeartbeatCodec.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace clev;

namespace {

// 2026-05-04T09:00:00Z, the time of the examples in docs/API.md.
constexpr qint64 NowMs = 1'777'885'200'000;

[[noreturn]] void fail(const char *what, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz_heartbeat_codec: %s %s\n", what, qUtf8Printable(detail));
    std::abort();
}

void expect(bool condition, const char *what, const QString &detail = QString())
{
    if (!condition)
        fail(what, detail);
}

bool validText(const QString &s)
{
    return s.isValidUtf16() && QString::fromUtf8(s.toUtf8()) == s;
}

// The beat as a client would send it, every field explicit.
QJsonObject encode(const Heartbeat &b)
{
    QJsonObject o{{QStringLiteral("agent"), b.agent},
                  {QStringLiteral("status"), beatStatusName(b.status)},
                  {QStringLiteral("message"), b.message},
                  {QStringLiteral("tokens_used"), b.tokensUsed},
                  {QStringLiteral("input_tokens"), b.inputTokens},
                  {QStringLiteral("output_tokens"), b.outputTokens},
                  {QStringLiteral("cache_read_tokens"), b.cacheReadTokens},
                  {QStringLiteral("cache_write_tokens"), b.cacheWriteTokens},
                  {QStringLiteral("tool_calls"), b.toolCalls},
                  {QStringLiteral("agent_type"), b.agentType},
                  {QStringLiteral("model"), b.model},
                  {QStringLiteral("container_id"), b.containerId},
                  {QStringLiteral("custom_data"), b.customData}};
    if (b.costUsd)
        o.insert(QStringLiteral("cost_usd"), *b.costUsd);
    if (b.iterationCount)
        o.insert(QStringLiteral("iteration_count"), *b.iterationCount);
    if (b.memoryMb)
        o.insert(QStringLiteral("memory_mb"), *b.memoryMb);
    if (b.intervalSecs)
        o.insert(QStringLiteral("interval"), *b.intervalSecs);
    if (!b.toolCallLog.isEmpty()) {
        QJsonArray log;
        for (const ToolCall &c : b.toolCallLog)
            log.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("args"), c.args}});
        o.insert(QStringLiteral("tool_call_log"), log);
    }
    if (!b.promptHashes.isEmpty())
        o.insert(QStringLiteral("prompt_hashes"), QJsonArray::fromStringList(b.promptHashes));
    if (b.occurredAtMs != b.receivedAtMs)
        o.insert(QStringLiteral("timestamp"), double(b.occurredAtMs) / 1000.0);
    return o;
}

bool sameBeat(const Heartbeat &a, const Heartbeat &b)
{
    bool same = a.agent == b.agent && a.status == b.status && a.message == b.message && a.tokensUsed == b.tokensUsed &&
                a.inputTokens == b.inputTokens && a.outputTokens == b.outputTokens &&
                a.cacheReadTokens == b.cacheReadTokens && a.cacheWriteTokens == b.cacheWriteTokens &&
                a.toolCalls == b.toolCalls && a.costUsd == b.costUsd && a.iterationCount == b.iterationCount &&
                a.memoryMb == b.memoryMb && a.intervalSecs == b.intervalSecs && a.agentType == b.agentType &&
                a.model == b.model && a.containerId == b.containerId && a.customData == b.customData &&
                a.promptHashes == b.promptHashes && a.toolCallLogJson == b.toolCallLogJson &&
                a.promptHashesJson == b.promptHashesJson && a.occurredAtMs == b.occurredAtMs &&
                a.receivedAtMs == b.receivedAtMs && a.toolCallLog.size() == b.toolCallLog.size();
    for (qsizetype i = 0; same && i < a.toolCallLog.size(); ++i)
        same = a.toolCallLog.at(i).name == b.toolCallLog.at(i).name &&
               a.toolCallLog.at(i).args == b.toolCallLog.at(i).args;
    return same;
}

void checkCount(qint64 value, const char *field)
{
    expect(value >= 0 && value <= Heartbeat::MaxCount, "count out of bounds:", QLatin1String(field));
}

void checkDecoded(const QJsonValue &input, const QString &prefix, const HeartbeatCodec::Limits &limits)
{
    const HeartbeatCodec::Result r = HeartbeatCodec::decode(input, NowMs, limits, prefix);
    expect(HeartbeatCodec::errorsToJson(r.errors).size() == r.errors.size(), "errorsToJson lost errors");
    if (!r.ok()) {
        for (const FieldError &e : r.errors) {
            // "heartbeats[3].status", or "heartbeats[3]" for an item that is not an object.
            const bool named = prefix.isEmpty() ? !e.field.isEmpty()
                                                : (e.field.startsWith(prefix) && e.field.size() > prefix.size()) ||
                                                      e.field == prefix.chopped(1);
            expect(named && !e.message.isEmpty(), "an error without its field:", e.field + u' ' + e.message);
        }
        return;
    }
    const Heartbeat &b = r.beat;
    expect(input.isObject(), "a beat from something that is not an object");
    // agent: required, trimmed, 1 to 128 characters, no control characters, text that storage keeps as it is.
    expect(!b.agent.isEmpty() && b.agent.size() <= limits.maxAgentName && b.agent == b.agent.trimmed(),
           "bad agent name", b.agent);
    expect(std::none_of(b.agent.cbegin(), b.agent.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }),
           "agent name with a control character");
    expect(validText(b.agent), "agent name that is not valid Unicode (UTF-8 changes it)", b.agent);
    expect(b.message.size() <= limits.maxMessage && b.agentType.size() <= limits.maxLabel &&
               b.model.size() <= limits.maxLabel && b.containerId.size() <= limits.maxLabel &&
               b.customData.size() <= limits.maxCustomData,
           "a string over its limit");
    checkCount(b.tokensUsed, "tokens_used");
    checkCount(b.inputTokens, "input_tokens");
    checkCount(b.outputTokens, "output_tokens");
    checkCount(b.cacheReadTokens, "cache_read_tokens");
    checkCount(b.cacheWriteTokens, "cache_write_tokens");
    checkCount(b.toolCalls, "tool_calls");
    if (b.iterationCount) // docs/API.md: at most 2^53 - 1
        expect(*b.iterationCount >= 0 && *b.iterationCount <= (qint64(1) << 53) - 1, "iteration_count out of bounds");
    expect(b.totalTokens() >= 0, "totalTokens overflowed");
    if (b.costUsd)
        expect(std::isfinite(*b.costUsd) && *b.costUsd >= 0 && *b.costUsd <= Heartbeat::MaxCostUsd,
               "cost_usd out of bounds");
    if (b.memoryMb)
        expect(std::isfinite(*b.memoryMb) && *b.memoryMb >= 0 && *b.memoryMb <= 1e9, "memory_mb out of bounds");
    if (b.intervalSecs)
        expect(std::isfinite(*b.intervalSecs) && *b.intervalSecs >= 1 && *b.intervalSecs <= limits.maxIntervalSecs,
               "interval out of bounds");
    expect(b.receivedAtMs == NowMs && b.occurredAtMs >= NowMs - limits.maxBacklogMs &&
               b.occurredAtMs <= NowMs + limits.maxClockSkewMs,
           "timestamp out of bounds");
    expect(b.toolCallLog.size() <= limits.maxToolCalls, "too many tool calls");
    for (const ToolCall &c : b.toolCallLog)
        expect(!c.name.isEmpty() && c.name.size() <= limits.maxToolName && c.args.size() <= limits.maxToolArgs,
               "bad tool call");
    expect(b.promptHashes.size() <= limits.maxPromptHashes, "too many prompt hashes");
    for (const QString &h : b.promptHashes)
        expect(!h.isEmpty() && h.size() <= 64, "bad prompt hash");
    // The two lists as stored: JSON that reads back as the lists.
    const QJsonArray log = QJsonDocument::fromJson(b.toolCallLogJson.toUtf8()).array();
    expect(b.toolCallLogJson.isEmpty() == b.toolCallLog.isEmpty() && log.size() == b.toolCallLog.size(),
           "toolCallLogJson");
    const QJsonArray hashes = QJsonDocument::fromJson(b.promptHashesJson.toUtf8()).array();
    expect(b.promptHashesJson.isEmpty() == b.promptHashes.isEmpty() && hashes.size() == b.promptHashes.size(),
           "promptHashesJson");

    // Round trip: the beat written as a client would send it decodes to the same beat.
    const HeartbeatCodec::Result again = HeartbeatCodec::decode(encode(b), NowMs, limits, prefix);
    expect(again.ok(), "a decoded beat, sent again, is refused:",
           again.ok() ? QString() : again.errors.first().field + u' ' + again.errors.first().message);
    expect(sameBeat(b, again.beat), "a decoded beat, sent again, decodes differently",
           QString::fromUtf8(QJsonDocument(encode(b)).toJson(QJsonDocument::Compact)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    const HeartbeatCodec::Limits limits;
    // As ApiService: a single beat is the object (or array) itself; a batch is an array or {"heartbeats": [...]}.
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    checkDecoded(value, QString(), limits);
    const QJsonValue list = doc.isArray() ? value : doc.object().value(QLatin1String("heartbeats"));
    const QJsonArray items = list.toArray();
    for (qsizetype i = 0; i < items.size() && i < 1000; ++i)
        checkDecoded(items.at(i), QStringLiteral("heartbeats[%1].").arg(i), limits);
    return 0;
}
