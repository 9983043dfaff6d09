// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentHistory.h"
#include "core/AgentRecords.h"
#include "core/AlertRecords.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

// The JSON shapes of the v1 API (docs/API.md) that the server sends and the desktop reads, in one place:
// the server encodes with these functions and the desktop decodes with them, so the two cannot drift.
// Pure functions, tested by round trips (decode(encode(x)) == x) and fuzzed.
//
// Decoding promises a value for whatever a server sends: a missing field, null or a field of the wrong
// type gives the field's default (an optional one stays unset), never an error.
namespace clev::ApiWire {

// --- Times ------------------------------------------------------------------------------------------

// A time as the API writes it: ISO 8601 in UTC with milliseconds ("2024-05-01T12:00:00.000Z"); null
// for 0 (never).
QJsonValue timeJson(qint64 ms);
// The same to the second ("2024-05-01T12:00:00Z"), for times that are forecasts or deadlines.
QJsonValue secondsTimeJson(qint64 ms);
// A time as the API writes it, in ms since the epoch; 0 when absent or not a time.
qint64 msOf(const QJsonValue &value);

// --- GET /api/v1/status -----------------------------------------------------------------------------

// One agent of the status list: what the views show (`row`) and the fields only the API carries.
// `row.dailyBudgetUsd` is not on the wire.
struct StatusAgent
{
    AgentRow row;
    std::optional<double> intervalSecs; // the interval the agent declared in its beats
    QString lastStatus;
    QString agentType;
    qint64 beats = 0;
};
// `nowMs` gives seconds_since_last_seen (sent, not read back).
QJsonObject statusAgentJson(const StatusAgent &agent, qint64 nowMs);
StatusAgent statusAgent(const QJsonObject &o);
// One agent as the views show it.
AgentRow agentRow(const QJsonObject &o);

// One page of the list: its agents (one row per element, objects or not) and the number of agents on
// the server.
struct StatusPage
{
    QList<AgentRow> agents;
    qint64 total = 0;
    QByteArray timeZone; // IANA id of the zone the server counts its days in; empty from older servers
};
QJsonObject statusPageJson(const QList<StatusAgent> &agents, qint64 total, int limit, int offset, qint64 nowMs,
                           const QByteArray &timeZone);
StatusPage statusPage(const QJsonObject &body);

// --- Alerts -----------------------------------------------------------------------------------------

// One incident (GET /api/v1/alerts, and the "alerts" of an agent's detail). The wire says only whether
// it is silenced: `silencedBy` reads back as 1 or 0.
QJsonObject incidentJson(const Incident &incident);
// nullopt when its kind is none this version knows (a newer server's).
std::optional<Incident> incident(const QJsonObject &o);
// GET /api/v1/alerts.
QJsonObject alertsJson(const QList<Incident> &incidents, int limit, int offset);
QList<Incident> alerts(const QJsonObject &body);
// GET /api/v1/alerts/{id}/notifications: how each channel's notification went.
QJsonObject deliveriesJson(qint64 incidentId, const QList<Delivery> &deliveries);
QList<Delivery> deliveries(const QJsonObject &body);

// --- GET /api/v1/agents/{name} ----------------------------------------------------------------------

// One usage window of the detail ("hour", "day", "month"): its start, bucket size and points.
QJsonObject usageWindowJson(qint64 fromSecs, int bucketSecs, const QList<UsagePoint> &points);
QList<UsagePoint> usagePoints(const QJsonObject &window);
// An agent's usage by model over a window (the detail's "models": {"day": […], "month": […]}).
QJsonArray modelUsageJson(const QList<ModelUsage> &models);
QList<ModelUsage> modelUsage(const QJsonArray &list);

// What was set for an agent by hand, as its detail holds it ("settings") and as PUT
// /api/v1/agents/{name}/settings takes it (unset fields are null).
QJsonObject agentSettingsJson(const AgentSettings &settings);
AgentSettings agentSettings(const QJsonObject &o);

QJsonObject timelineEntryJson(const TimelineEntry &entry);
QJsonObject beatJson(const BeatRecord &beat);

// The whole detail of one agent (restarts are not part of it); `state` is null when unknown.
QJsonObject agentDetailJson(const AgentDetail &detail, const QString &name, std::optional<AgentState> state);
// For the agent with this id.
AgentDetail agentDetail(const QJsonObject &body, qint64 agentId);

// --- GET /api/v1/costs ------------------------------------------------------------------------------

// `bucket` is "hour" or "day"; `from` the first bucket's start; `total` the agents with usage.
QJsonObject costsJson(const QString &bucket, qint64 fromSecs, int total, int limit, int offset,
                      const QList<DailyCost> &series);
struct CostsPage
{
    QList<DailyCost> series;
    qint64 total = 0; // 0 from servers that did not page (then the page is all there is)
};
CostsPage costsPage(const QJsonObject &body);
QList<DailyCost> dailyCosts(const QJsonObject &body);

// --- GET /api/v1/history -----------------------------------------------------------------------------

// Each agent's heartbeat strip (HistoryRules::stripText), uptimes in percent (null: unknown) and hourly
// cost of the 24 hours from `costFromSecs` on; `total` all agents (paged by agent id like /status).
QJsonObject historyJson(const QList<AgentHistory> &agents, qint64 total, int limit, int offset, qint64 costFromSecs);
struct HistoryPage
{
    QList<AgentHistory> agents;
    qint64 total = 0;
};
HistoryPage historyPage(const QJsonObject &body);

// --- GET /api/v1/events (data of each event) --------------------------------------------------------

// "state": a change of state, or a loop or budget event (traceback and budgetFirstOfDay stay local).
QJsonObject stateEventJson(const StateTransition &t);
StateTransition stateEvent(const QJsonObject &o);

// "usage": agents beat. `agentIds` names them, or nullopt for "every agent may have changed" (too many
// to name, or a replayed event).
QJsonObject usageEventJson(qint64 commits, const std::optional<QList<qint64>> &agentIds);
// The ids of the agents that beat, or nullopt when the event does not name them (then every agent may
// have changed).
std::optional<QList<qint64>> usageEventAgents(const QJsonObject &o);

// "alert": an incident opened or resolved (the desktop reads the history again).
QJsonObject alertEventJson(qint64 incidentId, qint64 agentId, const QString &agent, const IncidentKey &kind,
                           const QString &summary, bool resolved);

} // namespace clev::ApiWire
