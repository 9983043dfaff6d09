// SPDX-License-Identifier: MIT
// An API answer (or event data) as a remote clevagent-server might send it, through every ApiWire
// decoder. They promise a value for anything: checks that lists keep one entry per element (incidents:
// per element of a known kind), that times are 0 or real, that a usage event names its agents exactly
// when it has a list, and that an agent's settings survive the round trip through the body the desktop
// sends.
#include "core/ApiWire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

using namespace clev;

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "fuzz_remote_wire: %s\n", what);
    std::abort();
}

void expect(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

qsizetype lengthOf(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray().size();
}

// The incidents of an answer whose kind this version knows (the others are left out).
qsizetype knownIncidents(const QJsonObject &o)
{
    qsizetype n = 0;
    for (const QJsonValue &v : o.value(QLatin1String("alerts")).toArray())
        n += IncidentKey::fromName(v.toObject().value(QLatin1String("kind")).toString()) ? 1 : 0;
    return n;
}

void checkTime(qint64 ms)
{
    expect(ms == 0 || QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).isValid(), "a time that is not one");
}

void decodeObject(const QJsonObject &o)
{
    const ApiWire::StatusPage page = ApiWire::statusPage(o);
    expect(page.agents.size() == lengthOf(o, "agents"), "status page: not one row per element");
    for (const AgentRow &r : page.agents) {
        checkTime(r.lastSeenMs);
        if (r.budgetExhaustedAtMs)
            expect(*r.budgetExhaustedAtMs > 0, "budget_exhausted_at set to 0");
    }
    const AgentRow row = ApiWire::agentRow(o);
    checkTime(row.lastSeenMs);

    const QList<Incident> incidents = ApiWire::alerts(o);
    expect(incidents.size() == knownIncidents(o), "alerts: not one incident per element of a known kind");
    for (const Incident &i : incidents) {
        checkTime(i.openedAtMs);
        checkTime(i.resolvedAtMs);
        checkTime(i.ackedAtMs);
    }
    ApiWire::incident(o);
    expect(ApiWire::usagePoints(o).size() == lengthOf(o, "points"), "usage: not one point per element");
    expect(ApiWire::dailyCosts(o).size() == lengthOf(o, "series"), "costs: not one entry per element");

    const AgentDetail detail = ApiWire::agentDetail(o, 7);
    expect(detail.agentId == 7 && detail.timeline.size() == lengthOf(o, "timeline") &&
               detail.beats.size() == lengthOf(o, "beats") && detail.incidents.size() == knownIncidents(o),
           "agent detail: lists do not match the answer");

    const StateTransition t = ApiWire::stateEvent(o);
    checkTime(t.atMs);
    const std::optional<QList<qint64>> ids = ApiWire::usageEventAgents(o);
    expect(ids.has_value() == o.value(QLatin1String("agent_ids")).isArray(),
           "usage event: names agents without a list");
    if (ids)
        expect(ids->size() == lengthOf(o, "agent_ids"), "usage event: not one id per element");
    checkTime(ApiWire::msOf(o.value(QLatin1String("at"))));

    // Settings: what the desktop sends back (PUT .../settings) reads as the same settings. The server
    // keeps iteration_cap within 10^12; beyond 2^53 a JSON number cannot carry every integer.
    for (const QJsonObject &source : {o, o.value(QLatin1String("settings")).toObject()}) {
        const AgentSettings s = ApiWire::agentSettings(source);
        if (s.iterationCap && (*s.iterationCap > (qint64(1) << 53) || *s.iterationCap < -(qint64(1) << 53)))
            continue;
        const QJsonObject sent = ApiWire::agentSettingsJson(s);
        const QJsonObject reparsed =
            QJsonDocument::fromJson(QJsonDocument(sent).toJson(QJsonDocument::Compact)).object();
        expect(ApiWire::agentSettings(sent) == s, "settings: the body the desktop sends reads differently");
        expect(ApiWire::agentSettings(reparsed) == s, "settings: the body, once serialised, reads differently");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return 0;
    if (doc.isObject()) {
        decodeObject(doc.object());
    } else {
        for (const QJsonValue &v : doc.array()) {
            decodeObject(v.toObject());
            checkTime(ApiWire::msOf(v));
        }
    }
    return 0;
}
