// SPDX-License-Identifier: MIT
#pragma once

#include "core/AlertKinds.h"
#include "engine/Watchdog.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace clev {

class HeartbeatWriter;
class HttpStream;

// Server-sent events for remote dashboards (GET /api/v1/events): every state change the watchdog
// reports ("state"), every incident opened or resolved ("alert"), and a "usage" tick when new beats were stored (at
// most every two seconds, naming the agents unless more than 1000 beat), each with an id "<epoch>-<n>". A client that
// reconnects with Last-Event-ID gets what it missed from the last 10 000 events; when that is not possible (another
// server run, or too far behind) it gets a "reset" event and reads /api/v1/status again. Comments keep idle streams
// alive. Lives on the watchdog's thread; subscribe() is thread-safe.
class EventHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    // `keepAliveMs`: a comment on every stream this often; clients are told (X-Event-Keepalive-Ms) so they
    // can tell a dead link from a quiet server.
    EventHub(HeartbeatWriter *writer, int keepAliveMs, QObject *parent = nullptr);
    ~EventHub() override;

    void onTransition(const StateTransition &t);
    void onIncident(qint64 incidentId, qint64 agentId, const QString &agent, const clev::IncidentKey &kind,
                    const QString &summary, bool resolved);
    // Replays what came after `lastEventId` (or sends "reset"), then streams live events.
    void subscribe(const std::shared_ptr<HttpStream> &stream, const QByteArray &lastEventId);
    int subscribers() const;
    QByteArray epoch() const { return m_epoch; }
    int keepAliveMs() const { return m_keepAliveMs; }

    static QByteArray format(const QByteArray &id, const QByteArray &type, const QByteArray &json);

private:
    // `replayJson`: a smaller form kept for Last-Event-ID replay (default: the same).
    void publish(const QByteArray &type, const QByteArray &json, const QByteArray &replayJson = {});
    void tick();

    HeartbeatWriter *m_writer;
    const QByteArray m_epoch;
    const int m_keepAliveMs;
    mutable std::mutex m_mutex;
    quint64 m_next = 1;
    std::deque<std::pair<quint64, QByteArray>> m_recent; // id number -> formatted event
    std::vector<std::weak_ptr<HttpStream>> m_streams;
    QTimer m_tickTimer;
    QTimer m_keepAliveTimer;
};

} // namespace clev
