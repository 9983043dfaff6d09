// SPDX-License-Identifier: MIT
#pragma once

#include "core/HeartbeatCodec.h"
#include "engine/IngestMetrics.h"
#include "engine/KeyAuthenticator.h"
#include "server/HttpMessage.h"
#include "server/RateLimiter.h"
#include "storage/HeartbeatWriter.h"

#include <functional>

namespace clev {

class Clock;
class Database;
class DayBuckets;
class HeartbeatWriter;
class AlertEngine;
class EventHub;
class RestartManager;
class PriceTable;
class Watchdog;

// The ClevAgent HTTP API v1 (see docs/API.md): routes requests, checks keys, scopes and rate limits,
// validates heartbeats and hands them to the writer; answers only once they are committed.
class ApiService final : public HttpHandler
{
public:
    struct Options
    {
        int defaultRateLimitPerMin = 10'000;
        int maxBatchItems = 1000;
        HeartbeatCodec::Limits beatLimits;
    };

    // `watchdog` and `prices` may be null (then states come from beats alone and usage is not priced).
    ApiService(const Database &db, HeartbeatWriter &writer, const Clock &clock, const DayBuckets &days,
               Options options, Watchdog *watchdog = nullptr, const PriceTable *prices = nullptr);

    void handle(const HttpRequest &request, const HttpResponder &responder) override;

    // Extra text appended to /metrics (the HTTP server's own metrics).
    void setMetricsSource(std::function<void(QByteArray *)> source) { m_extraMetrics = std::move(source); }
    // Serves the alert history and acknowledgements (thread-safe parts of the engine only).
    void setAlerts(AlertEngine *alerts) { m_alerts = alerts; }
    // Serves restart and stop requests (the manager lives on another thread; calls are queued to it).
    void setRestarts(RestartManager *restarts) { m_restarts = restarts; }
    // Serves GET /api/v1/events (server-sent events).
    void setEvents(EventHub *events) { m_events = events; }
    const IngestMetrics &metrics() const { return m_metrics; }
    KeyAuthenticator &authenticator() { return m_auth; }

private:
    struct Caller
    {
        qint64 keyId = 0;
        HttpHeaders rateHeaders;
    };
    // Checks the key, scope and rate limit; on refusal answers and returns false.
    bool admit(const HttpRequest &request, const HttpResponder &responder, ApiKey::Scope scope, Caller *caller);
    // The id of the named agent; or 0 after answering 404 (no such agent) or 503 (the database failed).
    qint64 agentId(const QString &agent, const HttpResponder &responder, const Caller &caller);
    // Parses the JSON body; on failure answers 400 and returns false.
    bool parseBody(const HttpRequest &request, const HttpResponder &responder, QJsonValue *out);

    void heartbeat(const HttpRequest &request, const HttpResponder &responder);
    void batch(const HttpRequest &request, const HttpResponder &responder);
    void status(const HttpRequest &request, const HttpResponder &responder);
    void prometheus(const HttpRequest &request, const HttpResponder &responder);
    void alerts(const HttpRequest &request, const HttpResponder &responder);
    void acknowledge(const HttpRequest &request, const HttpResponder &responder);
    void pauseOrResume(const HttpRequest &request, const HttpResponder &responder, const QString &agent, bool pause);
    void restartOrStop(const HttpRequest &request, const HttpResponder &responder, const QString &agent, bool restart);
    void events(const HttpRequest &request, const HttpResponder &responder);
    void agentDetail(const HttpRequest &request, const HttpResponder &responder, const QString &agent);
    void forgetAgent(const HttpRequest &request, const HttpResponder &responder, const QString &agent);
    void costs(const HttpRequest &request, const HttpResponder &responder);
    void silence(const HttpRequest &request, const HttpResponder &responder);
    void putSettings(const HttpRequest &request, const HttpResponder &responder, const QString &agent);
    // Prices the beat (on the I/O thread) before it is stored.
    void price(Heartbeat *beat) const;
    // The answer for a stored beat: the watchdog's verdict (state, warning, reason).
    QJsonObject storedAnswer(const IngestOutcome &outcome, const Heartbeat &beat);

    const Database &m_db;
    HeartbeatWriter &m_writer;
    const Clock &m_clock;
    const DayBuckets &m_days;
    const Options m_options;
    KeyAuthenticator m_auth;
    RateLimiter m_limiter;
    IngestMetrics m_metrics;
    std::function<void(QByteArray *)> m_extraMetrics;
    Watchdog *m_watchdog;
    const PriceTable *m_prices;
    AlertEngine *m_alerts = nullptr;
    RestartManager *m_restarts = nullptr;
    EventHub *m_events = nullptr;
};

} // namespace clev
