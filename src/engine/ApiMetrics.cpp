// SPDX-License-Identifier: MIT
// Health and metrics: GET /healthz (no key) and GET /metrics (Prometheus text, read scope).
#include "engine/ApiService.h"

#include "core/AgentState.h"
#include "core/Logging.h"
#include "server/HttpMetrics.h"
#include "storage/AgentQueries.h"
#include "storage/HeartbeatWriter.h"

namespace clev {

void ApiService::healthz(const ApiCall &call)
{
    call.reply.json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                     {QStringLiteral("version"), QStringLiteral(CLEV_VERSION)}});
}

void ApiService::prometheus(const ApiCall &call)
{
    QByteArray text;
    text.reserve(4096);
    m_metrics.render(&text);
    QString error;
    if (const auto counts = AgentQueries(m_db).countByState(&error)) {
        text.append("# HELP clevagent_agents Agents by state.\n# TYPE clevagent_agents gauge\n");
        for (AgentState state : allAgentStates) {
            const QString name = agentStateName(state);
            qint64 n = 0;
            for (const auto &c : *counts) {
                if (c.first == name)
                    n = c.second;
            }
            appendMetricSample(&text, "clevagent_agents", QByteArray("state=\"").append(name.toLatin1()).append('"'),
                               QByteArray::number(n));
        }
    } else {
        // The other metrics still tell something; the gauge is left out rather than shown as zeros.
        qCWarning(lcApi) << "/metrics: the agents by state cannot be read:" << error;
    }
    const HeartbeatWriter::Stats w = m_writer.stats();
    text.append("# HELP clevagent_storage_commits_total Transactions committed by the writer (group commits).\n"
                "# TYPE clevagent_storage_commits_total counter\n");
    appendMetricSample(&text, "clevagent_storage_commits_total", {}, QByteArray::number(w.commits));
    text.append("# HELP clevagent_storage_commit_failures_total Transactions that could not commit.\n"
                "# TYPE clevagent_storage_commit_failures_total counter\n");
    appendMetricSample(&text, "clevagent_storage_commit_failures_total", {}, QByteArray::number(w.failedCommits));
    if (m_extraMetrics)
        m_extraMetrics(&text);
    HttpResponse r;
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    r.body = text;
    call.reply.send(r);
}

} // namespace clev
