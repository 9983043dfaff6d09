// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>

// What a clevagent-server's v1 API sends, decoded into the values the views show (and the one body the
// desktop sends that it also reads back: an agent's settings). Pure functions, so they are tested and
// fuzzed without a server. Whatever a server sends, they return a value: a missing field, null or a
// field of the wrong type gives the field's default (an optional one stays unset), never an error.
namespace clev::RemoteWire {

// A time as the API writes it (ISO 8601, UTC, e.g. "2024-05-01T12:00:00.000Z"), in ms since the epoch;
// 0 when absent or not a time.
qint64 msOf(const QJsonValue &value);

// One agent of GET /api/v1/status ("agents": [...]).
AgentRow agentRow(const QJsonObject &o);

// One page of GET /api/v1/status: its agents (one row per element, objects or not) and the total count
// of agents on the server.
struct StatusPage
{
    QList<AgentRow> agents;
    qint64 total = 0;
};
StatusPage statusPage(const QJsonObject &body);

// One incident (GET /api/v1/alerts, and the "alerts" of an agent's detail).
Incident incident(const QJsonObject &o);
// GET /api/v1/alerts.
QList<Incident> alerts(const QJsonObject &body);

// The "points" of one usage window of an agent's detail.
QList<UsagePoint> usagePoints(const QJsonObject &window);

// What was set for an agent by hand, as its detail holds it ("settings") and as PUT
// /api/v1/agents/{name}/settings takes it (unset fields are null).
AgentSettings agentSettings(const QJsonObject &o);
QJsonObject agentSettingsJson(const AgentSettings &settings);

// GET /api/v1/agents/{name}, for the agent with this id (restarts are not part of it).
AgentDetail agentDetail(const QJsonObject &body, qint64 agentId);

// GET /api/v1/costs?bucket=day.
QList<DailyCost> dailyCosts(const QJsonObject &body);

// The data of a "state" event of /api/v1/events.
StateTransition stateEvent(const QJsonObject &o);

// The data of a "usage" event: the ids of the agents that beat, or nullopt when it does not name them
// (too many, a replayed event, or an older server): then every agent may have changed.
std::optional<QList<qint64>> usageEventAgents(const QJsonObject &o);

} // namespace clev::RemoteWire
