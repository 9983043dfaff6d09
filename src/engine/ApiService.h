// SPDX-License-Identifier: MIT
#pragma once

#include "core/HeartbeatCodec.h"
#include "engine/ApiCall.h"
#include "engine/IngestMetrics.h"
#include "engine/KeyAuthenticator.h"
#include "server/HttpMessage.h"
#include "server/RateLimiter.h"
#include "storage/HeartbeatWriter.h"

#include <functional>
#include <optional>

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

// The ClevAgent HTTP API v1 (see docs/API.md): routes requests through one table (method, path pattern,
// scope, handler), checks keys, scopes and rate limits, validates heartbeats and hands them to the
// writer; answers only once they are committed. The handlers live by concern in ApiIngest.cpp,
// ApiRead.cpp, ApiAdmin.cpp and ApiMetrics.cpp.
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
    ApiService(const Database &db, HeartbeatWriter &writer, const Clock &clock, const DayBuckets &days, Options options,
               Watchdog *watchdog = nullptr, const PriceTable *prices = nullptr);

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

    // One row of the route table, for whoever needs to walk it (tests, documentation checks).
    struct RouteInfo
    {
        QByteArray method;                  // "GET" (which also serves HEAD), "POST", "PUT", "DELETE"; "*": any
        QByteArray pattern;                 // e.g. "/api/v1/agents/{name}/pause"
        std::optional<ApiKey::Scope> scope; // none: open to all (/healthz)
    };
    static QList<RouteInfo> routes();

private:
    using Handler = void (ApiService::*)(const ApiCall &);
    struct Route;
    static const QList<Route> &table();
    void dispatch(const Route &route, const HttpRequest &request, const HttpResponder &responder,
                  QList<QPair<QByteArray, QString>> params);
    // Checks the key, scope and rate limit; on refusal answers and returns nullopt.
    std::optional<ApiReply> admit(const HttpRequest &request, const HttpResponder &responder, ApiKey::Scope scope,
                                  qint64 *keyId);
    // The id of the named agent; or 0 after answering 404 (no such agent) or 503 (the database failed).
    qint64 agentId(const ApiCall &call, const QString &agent);
    // Parses the JSON body; on failure answers 400 (or 422) and returns false.
    bool parseBody(const ApiCall &call, QJsonValue *out);

    // Ingest (ApiIngest.cpp).
    void heartbeat(const ApiCall &call);
    void batch(const ApiCall &call);
    // Prices the beat (on the I/O thread) before it is stored.
    void price(Heartbeat *beat) const;
    // The answer for a stored beat: the watchdog's verdict (state, warning, reason).
    QJsonObject storedAnswer(const IngestOutcome &outcome, const Heartbeat &beat);

    // Reading (ApiRead.cpp).
    void status(const ApiCall &call);
    void alerts(const ApiCall &call);
    void alertNotifications(const ApiCall &call);
    // The alert of a /alerts/{id}/… route; nullopt (answered 404) when the id is not a number or this
    // server keeps no alerts.
    std::optional<qint64> alertIdOf(const ApiCall &call) const;
    void events(const ApiCall &call);
    void agentDetail(const ApiCall &call);
    void costs(const ApiCall &call);
    void history(const ApiCall &call);

    // Actions (ApiAdmin.cpp).
    void pause(const ApiCall &call);
    void resume(const ApiCall &call);
    void restart(const ApiCall &call) { restartOrStop(call, true); }
    void stop(const ApiCall &call) { restartOrStop(call, false); }
    void restartOrStop(const ApiCall &call, bool restart);
    void putSettings(const ApiCall &call);
    void forgetAgent(const ApiCall &call);
    void acknowledge(const ApiCall &call);
    void silence(const ApiCall &call);
    // The agent an action names, when the watchdog runs; or 0 after answering.
    qint64 actionAgent(const ApiCall &call, const QString &agent);

    // Health and metrics (ApiMetrics.cpp).
    void healthz(const ApiCall &call);
    void prometheus(const ApiCall &call);

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
