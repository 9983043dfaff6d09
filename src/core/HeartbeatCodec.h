// SPDX-License-Identifier: MIT
#pragma once

#include "core/Heartbeat.h"

#include <QJsonObject>
#include <QJsonValue>

namespace clev {

// One reason a field was refused, named so the client can fix it.
struct FieldError
{
    QString field;
    QString message;
};

// Turns a heartbeat JSON object (the ClevAgent wire format plus our extensions) into a Heartbeat, and
// names every bad field at once. Unknown keys are ignored; null counts as absent, as the SDKs omit nulls.
class HeartbeatCodec
{
public:
    struct Limits
    {
        int maxAgentName = 128;
        int maxMessage = 4096;
        int maxLabel = 256; // agent_type, model, container_id
        int maxToolCalls = 50;
        int maxToolName = 200;
        int maxToolArgs = 1000;
        int maxPromptHashes = 20;
        int maxCustomData = 16 * 1024;
        double maxIntervalSecs = 7 * 24 * 3600;
        // A `timestamp` may lag the server by at most this much (older beats are refused), and lead it by
        // at most `maxClockSkewMs`.
        qint64 maxBacklogMs = qint64(7) * 24 * 3600 * 1000;
        qint64 maxClockSkewMs = 5 * 60 * 1000;
    };

    struct Result
    {
        Heartbeat beat;
        QList<FieldError> errors;
        bool ok() const { return errors.isEmpty(); }
    };

    // `fieldPrefix` is put before field names in errors (e.g. "heartbeats[3].").
    static Result decode(const QJsonValue &value, qint64 nowMs, const Limits &limits,
                         const QString &fieldPrefix = QString());
    static Result decode(const QJsonValue &value, qint64 nowMs) { return decode(value, nowMs, Limits()); }

    static QJsonArray errorsToJson(const QList<FieldError> &errors);
    // The first \uD800-\uDFFF escape in a JSON text that is not half of a pair, or -1. Such a string is
    // not Unicode: Qt's parser would turn it into another character (two names could collide) or
    // keep it as invalid UTF-16, which no URL can name.
    static qsizetype loneSurrogateEscape(const QByteArray &json);
};

} // namespace clev
