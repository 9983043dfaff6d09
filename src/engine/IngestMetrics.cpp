// SPDX-License-Identifier: MIT
#include "engine/IngestMetrics.h"

#include "server/HttpMetrics.h"

namespace clev {

const char *IngestMetrics::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::Unauthorized:
        return "unauthorized";
    case Reason::Forbidden:
        return "forbidden";
    case Reason::RateLimited:
        return "rate_limited";
    case Reason::InvalidJson:
        return "invalid_json";
    case Reason::Validation:
        return "validation_error";
    case Reason::UnknownAgent:
        return "unknown_agent";
    case Reason::StorageUnavailable:
        return "storage_unavailable";
    case Reason::Count:
        break;
    }
    return "other";
}

void IngestMetrics::render(QByteArray *out) const
{
    out->append("# HELP clevagent_heartbeats_received_total Heartbeats committed to storage.\n"
                "# TYPE clevagent_heartbeats_received_total counter\n");
    appendMetricSample(out, "clevagent_heartbeats_received_total", {}, QByteArray::number(m_stored.load()));
    out->append("# HELP clevagent_heartbeats_rejected_total Heartbeat requests or items refused, by reason.\n"
                "# TYPE clevagent_heartbeats_rejected_total counter\n");
    for (size_t i = 0; i < m_rejected.size(); ++i)
        appendMetricSample(out, "clevagent_heartbeats_rejected_total",
                           QByteArray("reason=\"").append(reasonName(static_cast<Reason>(i))).append('"'),
                           QByteArray::number(m_rejected[i].load()));
}

} // namespace clev
