// SPDX-License-Identifier: MIT
#include "core/HeartbeatCodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace clev {

QString beatStatusName(BeatStatus status)
{
    switch (status) {
    case BeatStatus::Ok:
        return QStringLiteral("ok");
    case BeatStatus::Warning:
        return QStringLiteral("warning");
    case BeatStatus::Error:
        return QStringLiteral("error");
    case BeatStatus::Shutdown:
        return QStringLiteral("shutdown");
    }
    return QStringLiteral("ok");
}

namespace {

constexpr double MaxSafeInteger = 9007199254740991.0; // 2^53 - 1: the largest integer a double holds exactly
constexpr double MaxCostUsd = Heartbeat::MaxCostUsd;

class Decoder
{
public:
    Decoder(const QJsonObject &object, const QString &prefix, QList<FieldError> *errors)
        : m_object(object)
        , m_prefix(prefix)
        , m_errors(errors)
    {
    }

    // The value of `key`, or an undefined value when absent or null.
    QJsonValue get(const char *key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        return v.isNull() ? QJsonValue(QJsonValue::Undefined) : v;
    }

    void fail(const QString &field, const QString &message) { m_errors->append({m_prefix + field, message}); }

    void string(const char *key, int maxLength, QString *out, bool required = false)
    {
        const QJsonValue v = get(key);
        const QString field = QLatin1String(key);
        if (v.isUndefined()) {
            if (required)
                fail(field, QStringLiteral("is required"));
            return;
        }
        if (!v.isString()) {
            fail(field, QStringLiteral("must be a string"));
            return;
        }
        const QString s = v.toString();
        if (s.size() > maxLength) {
            fail(field, QStringLiteral("must be at most %1 characters (got %2)").arg(maxLength).arg(s.size()));
            return;
        }
        *out = s;
    }

    void count(const char *key, qint64 *out)
    {
        const QJsonValue v = get(key);
        if (v.isUndefined())
            return;
        const QString field = QLatin1String(key);
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 0 || d != std::floor(d) || d > double(Heartbeat::MaxCount)) {
            fail(field, QStringLiteral("must be a non-negative integer of at most %1").arg(Heartbeat::MaxCount));
            return;
        }
        *out = static_cast<qint64>(d);
    }

    void optionalCount(const char *key, std::optional<qint64> *out)
    {
        if (get(key).isUndefined())
            return;
        qint64 value = -1;
        count(key, &value);
        if (value >= 0)
            *out = value;
    }

    void number(const char *key, double min, double max, std::optional<double> *out)
    {
        const QJsonValue v = get(key);
        if (v.isUndefined())
            return;
        const QString field = QLatin1String(key);
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(field, QStringLiteral("must be a number"));
            return;
        }
        const double d = v.toDouble();
        if (d < min || d > max) {
            fail(field, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
            return;
        }
        *out = d;
    }

private:
    const QJsonObject &m_object;
    const QString &m_prefix;
    QList<FieldError> *m_errors;
};

// `timestamp`: seconds since the epoch (a number) or an ISO 8601 date-time string with an offset.
void decodeTimestamp(Decoder &d, const QJsonValue &v, qint64 nowMs, const HeartbeatCodec::Limits &limits,
                     Heartbeat *beat)
{
    if (v.isUndefined())
        return;
    qint64 ms = -1;
    if (v.isDouble() && std::isfinite(v.toDouble())) {
        ms = static_cast<qint64>(std::llround(v.toDouble() * 1000.0));
    } else if (v.isString()) {
        const QDateTime dt = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (dt.isValid() && dt.timeSpec() != Qt::LocalTime)
            ms = dt.toMSecsSinceEpoch();
    }
    if (ms < 0) {
        d.fail(QStringLiteral("timestamp"),
               QStringLiteral("must be seconds since the epoch or an ISO 8601 date-time with a UTC offset"));
        return;
    }
    if (ms > nowMs + limits.maxClockSkewMs) {
        d.fail(QStringLiteral("timestamp"), QStringLiteral("is in the future"));
        return;
    }
    if (ms < nowMs - limits.maxBacklogMs) {
        d.fail(QStringLiteral("timestamp"),
               QStringLiteral("is older than %1 days").arg(limits.maxBacklogMs / (24 * 3600 * 1000)));
        return;
    }
    beat->occurredAtMs = ms;
}

void decodeAgent(Decoder &d, const HeartbeatCodec::Limits &limits, Heartbeat *beat)
{
    d.string("agent", limits.maxAgentName, &beat->agent, true);
    if (!beat->agent.isNull()) {
        const QString trimmed = beat->agent.trimmed();
        if (trimmed.isEmpty())
            d.fail(QStringLiteral("agent"), QStringLiteral("must not be empty"));
        else if (std::any_of(trimmed.cbegin(), trimmed.cend(),
                             [](QChar c) { return c.category() == QChar::Other_Control; }))
            d.fail(QStringLiteral("agent"), QStringLiteral("must not contain control characters"));
        else if (!trimmed.isValidUtf16()) // a lone "\ud800" escape: stored as invalid UTF-8, shown as U+FFFD
            d.fail(QStringLiteral("agent"), QStringLiteral("must be valid Unicode (no unpaired surrogates)"));
        beat->agent = trimmed;
    }
}

void decodeStatus(Decoder &d, Heartbeat *beat)
{
    const QJsonValue status = d.get("status");
    if (!status.isUndefined()) {
        const QString s = status.toString();
        if (s == u"ok")
            beat->status = BeatStatus::Ok;
        else if (s == u"warning")
            beat->status = BeatStatus::Warning;
        else if (s == u"error")
            beat->status = BeatStatus::Error;
        else if (s == u"shutdown")
            beat->status = BeatStatus::Shutdown;
        else
            d.fail(QStringLiteral("status"), QStringLiteral("must be one of ok, warning, error, shutdown"));
    }
}

// custom_data is "a string holding JSON" on the wire; an object is accepted too and kept as JSON text.
void decodeCustomData(Decoder &d, const HeartbeatCodec::Limits &limits, Heartbeat *beat)
{
    const QJsonValue custom = d.get("custom_data");
    if (custom.isObject() || custom.isArray()) {
        beat->customData =
            QString::fromUtf8(custom.isObject() ? QJsonDocument(custom.toObject()).toJson(QJsonDocument::Compact)
                                                : QJsonDocument(custom.toArray()).toJson(QJsonDocument::Compact));
        if (beat->customData.size() > limits.maxCustomData)
            d.fail(QStringLiteral("custom_data"),
                   QStringLiteral("must be at most %1 characters").arg(limits.maxCustomData));
    } else {
        d.string("custom_data", limits.maxCustomData, &beat->customData);
    }
}

void decodeToolCallLog(Decoder &d, const HeartbeatCodec::Limits &limits, Heartbeat *beat)
{
    const QJsonValue log = d.get("tool_call_log");
    if (!log.isUndefined()) {
        if (!log.isArray()) {
            d.fail(QStringLiteral("tool_call_log"), QStringLiteral("must be an array of {name, args} objects"));
        } else if (log.toArray().size() > limits.maxToolCalls) {
            d.fail(QStringLiteral("tool_call_log"),
                   QStringLiteral("must hold at most %1 entries").arg(limits.maxToolCalls));
        } else {
            const QJsonArray entries = log.toArray();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const QString field = QStringLiteral("tool_call_log[%1]").arg(i);
                const QJsonObject entry = entries.at(i).toObject();
                const QJsonValue name = entry.value(QLatin1String("name"));
                const QJsonValue args = entry.value(QLatin1String("args"));
                if (!entries.at(i).isObject() || !name.isString() || name.toString().isEmpty()) {
                    d.fail(field, QStringLiteral("must be an object with a non-empty string 'name'"));
                    continue;
                }
                ToolCall call{name.toString(), QString()};
                if (args.isString())
                    call.args = args.toString();
                else if (args.isObject())
                    call.args = QString::fromUtf8(QJsonDocument(args.toObject()).toJson(QJsonDocument::Compact));
                else if (args.isArray())
                    call.args = QString::fromUtf8(QJsonDocument(args.toArray()).toJson(QJsonDocument::Compact));
                else if (!args.isUndefined() && !args.isNull())
                    call.args = args.toVariant().toString();
                if (call.name.size() > limits.maxToolName || call.args.size() > limits.maxToolArgs) {
                    d.fail(field, QStringLiteral("name must be at most %1 and args at most %2 characters")
                                      .arg(limits.maxToolName)
                                      .arg(limits.maxToolArgs));
                    continue;
                }
                beat->toolCallLog.append(call);
            }
        }
    }
}

void decodePromptHashes(Decoder &d, const HeartbeatCodec::Limits &limits, Heartbeat *beat)
{
    const QJsonValue hashes = d.get("prompt_hashes");
    if (!hashes.isUndefined()) {
        const QJsonArray array = hashes.toArray();
        const bool allStrings = hashes.isArray() && std::all_of(array.begin(), array.end(), [](const QJsonValue &h) {
                                    return h.isString() && !h.toString().isEmpty() && h.toString().size() <= 64;
                                });
        if (!allStrings || array.size() > limits.maxPromptHashes) {
            d.fail(QStringLiteral("prompt_hashes"),
                   QStringLiteral("must be an array of at most %1 strings of 1 to 64 characters")
                       .arg(limits.maxPromptHashes));
        } else {
            for (const QJsonValue &h : array)
                beat->promptHashes.append(h.toString());
        }
    }
}

} // namespace

HeartbeatCodec::Result HeartbeatCodec::decode(const QJsonValue &value, qint64 nowMs, const Limits &limits,
                                              const QString &fieldPrefix)
{
    Result result;
    Heartbeat &beat = result.beat;
    beat.receivedAtMs = nowMs;
    beat.occurredAtMs = nowMs;
    if (!value.isObject()) {
        result.errors.append({fieldPrefix.isEmpty() ? QStringLiteral("body") : fieldPrefix.chopped(1),
                              QStringLiteral("must be a JSON object")});
        return result;
    }
    const QJsonObject object = value.toObject();
    Decoder d(object, fieldPrefix, &result.errors);

    decodeAgent(d, limits, &beat);

    decodeStatus(d, &beat);

    d.string("message", limits.maxMessage, &beat.message);
    d.count("tokens_used", &beat.tokensUsed);
    d.count("input_tokens", &beat.inputTokens);
    d.count("output_tokens", &beat.outputTokens);
    d.count("cache_read_tokens", &beat.cacheReadTokens);
    d.count("cache_write_tokens", &beat.cacheWriteTokens);
    d.count("tool_calls", &beat.toolCalls);
    d.optionalCount("iteration_count", &beat.iterationCount);
    d.number("cost_usd", 0, MaxCostUsd, &beat.costUsd);
    d.number("memory_mb", 0, 1e9, &beat.memoryMb);
    d.number("interval", 1, limits.maxIntervalSecs, &beat.intervalSecs);
    d.string("agent_type", limits.maxLabel, &beat.agentType);
    d.string("model", limits.maxLabel, &beat.model);
    d.string("container_id", limits.maxLabel, &beat.containerId);

    decodeCustomData(d, limits, &beat);
    decodeToolCallLog(d, limits, &beat);
    decodePromptHashes(d, limits, &beat);
    decodeTimestamp(d, d.get("timestamp"), nowMs, limits, &beat);

    if (result.ok()) {
        if (!beat.toolCallLog.isEmpty()) {
            QJsonArray calls;
            for (const ToolCall &c : std::as_const(beat.toolCallLog))
                calls.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("args"), c.args}});
            beat.toolCallLogJson = QString::fromUtf8(QJsonDocument(calls).toJson(QJsonDocument::Compact));
        }
        if (!beat.promptHashes.isEmpty())
            beat.promptHashesJson = QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(beat.promptHashes)).toJson(QJsonDocument::Compact));
    }
    return result;
}

QJsonArray HeartbeatCodec::errorsToJson(const QList<FieldError> &errors)
{
    QJsonArray out;
    for (const FieldError &e : errors)
        out.append(QJsonObject{{QStringLiteral("field"), e.field}, {QStringLiteral("message"), e.message}});
    return out;
}

qsizetype HeartbeatCodec::loneSurrogateEscape(const QByteArray &json)
{
    // Reads \uXXXX at i (i points at the backslash); -1 when it is not one.
    const auto unit = [&json](qsizetype i) -> int {
        if (i + 6 > json.size() || json.at(i) != '\\' || json.at(i + 1) != 'u')
            return -1;
        bool ok = false;
        const int v = json.mid(i + 2, 4).toInt(&ok, 16);
        return ok ? v : -1;
    };
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c == '"') {
            inString = false;
        } else if (c == '\\') {
            const int u = unit(i);
            if (u >= 0xD800 && u <= 0xDBFF) {
                const int low = unit(i + 6);
                if (low < 0xDC00 || low > 0xDFFF)
                    return i;
                i += 11; // the pair
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                return i;
            } else {
                ++i; // the escaped character (also a quote or backslash)
            }
        }
    }
    return -1;
}

} // namespace clev
