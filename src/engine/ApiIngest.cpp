// SPDX-License-Identifier: MIT
// Ingest: POST /api/v1/heartbeat and /api/v1/heartbeat/batch. Beats are validated and priced here, on
// the I/O thread, and answered once the writer committed them.
#include "engine/ApiService.h"

#include "core/Clock.h"
#include "core/PriceTable.h"
#include "engine/Watchdog.h"
#include "storage/HeartbeatWriter.h"

#include <QJsonArray>

namespace clev {

namespace {

using Reason = IngestMetrics::Reason;

QJsonObject storedJson(const IngestOutcome &o)
{
    return QJsonObject{{QStringLiteral("received"), true},
                       {QStringLiteral("agent_id"), o.agentId},
                       {QStringLiteral("status"), o.state}};
}

QJsonObject invalidItemJson(qsizetype index, const QList<FieldError> &errors)
{
    return QJsonObject{{QStringLiteral("index"), index},
                       {QStringLiteral("received"), false},
                       {QStringLiteral("error"), QStringLiteral("validation_error")},
                       {QStringLiteral("detail"), HeartbeatCodec::errorsToJson(errors)}};
}

// What is wrong with a batch's list as a whole, or nothing.
QString batchShapeError(const QJsonValue &list, int maxItems)
{
    if (!list.isArray())
        return QStringLiteral("must be an array of heartbeats (or send {\"heartbeats\": [...]})");
    if (list.toArray().isEmpty())
        return QStringLiteral("must hold at least one heartbeat");
    if (list.toArray().size() > maxItems)
        return QStringLiteral("must hold at most %1 heartbeats (got %2); split the batch")
            .arg(maxItems)
            .arg(list.toArray().size());
    return {};
}

} // namespace

void ApiService::price(Heartbeat *beat) const
{
    if (!m_prices || beat->costUsd)
        return;
    beat->costUsd = m_prices->costOf(*beat);
    beat->costEstimated = beat->costUsd.has_value() && *beat->costUsd > 0;
    beat->unpriced = !beat->costUsd.has_value();
}

QJsonObject ApiService::storedAnswer(const IngestOutcome &outcome, const Heartbeat &beat)
{
    QJsonObject answer = storedJson(outcome);
    if (!m_watchdog)
        return answer;
    const Watchdog::Verdict v = m_watchdog->observe(outcome.agentId, beat);
    answer.insert(QStringLiteral("status"), agentStateName(v.state));
    if (!v.warning.isEmpty()) {
        answer.insert(QStringLiteral("warning"), v.warning);
        answer.insert(QStringLiteral("reason"), v.reason);
    }
    return answer;
}

void ApiService::heartbeat(const ApiCall &call)
{
    QJsonValue body;
    if (!parseBody(call, &body))
        return;
    HeartbeatCodec::Result decoded = HeartbeatCodec::decode(body, m_clock.nowMs(), m_options.beatLimits);
    if (!decoded.ok()) {
        m_metrics.rejected(Reason::Validation);
        call.reply.validationFailed(decoded.errors);
        return;
    }
    decoded.beat.keyId = call.keyId;
    price(&decoded.beat);
    m_writer.submit({decoded.beat},
                    [this, reply = call.reply, beat = decoded.beat](const QList<IngestOutcome> &outcomes) {
                        const IngestOutcome &o = outcomes.first();
                        switch (o.kind) {
                        case IngestOutcome::Kind::Stored: {
                            m_metrics.stored(1);
                            if (!m_watchdog) {
                                reply.sendBuilt([o] { return HttpResponse::json(200, storedJson(o)); });
                                return;
                            }
                            // The watchdog judges the beat here, once it is committed, in commit order.
                            const QJsonObject answer = storedAnswer(o, beat);
                            reply.sendBuilt([answer] { return HttpResponse::json(200, answer); });
                            return;
                        }
                        case IngestOutcome::Kind::UnknownAgent:
                            m_metrics.rejected(Reason::UnknownAgent);
                            reply.error(403, QStringLiteral("unknown_agent"), o.detail);
                            return;
                        case IngestOutcome::Kind::StorageUnavailable:
                            m_metrics.rejected(Reason::StorageUnavailable);
                            reply.send(ApiAnswer::storageUnavailable(o.detail)); // the writer logged it
                            return;
                        }
                    });
}

void ApiService::batch(const ApiCall &call)
{
    QJsonValue body;
    if (!parseBody(call, &body))
        return;
    const QJsonValue list = body.isArray() ? body : body.toObject().value(QLatin1String("heartbeats"));
    if (const QString shapeError = batchShapeError(list, m_options.maxBatchItems); !shapeError.isEmpty()) {
        m_metrics.rejected(Reason::Validation);
        call.reply.validationFailed({{QStringLiteral("heartbeats"), shapeError}});
        return;
    }

    const QJsonArray items = list.toArray();
    const qint64 now = m_clock.nowMs();
    // results[i] is filled now for bad items; good ones get their outcome after the commit.
    QJsonArray results;
    QList<Heartbeat> beats;
    QList<int> beatIndex;
    QList<FieldError> allErrors;
    for (qsizetype i = 0; i < items.size(); ++i) {
        HeartbeatCodec::Result decoded =
            HeartbeatCodec::decode(items.at(i), now, m_options.beatLimits, QStringLiteral("heartbeats[%1].").arg(i));
        if (decoded.ok()) {
            decoded.beat.keyId = call.keyId;
            price(&decoded.beat);
            beats.append(decoded.beat);
            beatIndex.append(static_cast<int>(i));
            results.append(QJsonValue());
        } else {
            allErrors.append(decoded.errors);
            results.append(invalidItemJson(i, decoded.errors));
        }
    }
    const qint64 invalid = items.size() - beats.size();
    if (invalid > 0)
        m_metrics.rejected(Reason::Validation, invalid);
    if (beats.isEmpty()) {
        call.reply.json(422, QJsonObject{{QStringLiteral("error"), QStringLiteral("validation_error")},
                                         {QStringLiteral("detail"), HeartbeatCodec::errorsToJson(allErrors)},
                                         {QStringLiteral("results"), results}});
        return;
    }

    m_writer.submit(beats, [this, reply = call.reply, results, beatIndex, invalid,
                            beats](const QList<IngestOutcome> &outcomes) mutable {
        if (std::all_of(outcomes.cbegin(), outcomes.cend(),
                        [](const IngestOutcome &o) { return o.kind == IngestOutcome::Kind::StorageUnavailable; })) {
            m_metrics.rejected(Reason::StorageUnavailable, outcomes.size());
            reply.send(ApiAnswer::storageUnavailable(outcomes.first().detail)); // the writer logged it
            return;
        }
        qint64 received = 0;
        qint64 unknown = 0;
        for (qsizetype k = 0; k < outcomes.size(); ++k) {
            const IngestOutcome &o = outcomes.at(k);
            const int index = beatIndex.at(k);
            QJsonObject item;
            if (o.kind == IngestOutcome::Kind::Stored) {
                ++received;
                item = storedAnswer(o, beats.at(k));
            } else {
                ++unknown;
                item = QJsonObject{{QStringLiteral("received"), false},
                                   {QStringLiteral("error"), QStringLiteral("unknown_agent")},
                                   {QStringLiteral("detail"), o.detail}};
            }
            item.insert(QStringLiteral("index"), index);
            results[index] = item;
        }
        m_metrics.stored(received);
        if (unknown > 0)
            m_metrics.rejected(Reason::UnknownAgent, unknown);
        reply.json(200, QJsonObject{{QStringLiteral("received"), received},
                                    {QStringLiteral("rejected"), invalid + unknown},
                                    {QStringLiteral("results"), results}});
    });
}

} // namespace clev
