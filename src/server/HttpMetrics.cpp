// SPDX-License-Identifier: MIT
#include "server/HttpMetrics.h"

namespace clev {

void HttpMetrics::observe(int status, qint64 micros)
{
    const double secs = micros / 1e6;
    size_t i = 0;
    while (i < Buckets.size() && secs > Buckets[i])
        ++i;
    m_buckets[i].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sumMicros.fetch_add(static_cast<quint64>(std::max<qint64>(0, micros)), std::memory_order_relaxed);
    const int cls = status / 100;
    m_byClass[(cls >= 1 && cls <= 5) ? cls - 1 : 5].fetch_add(1, std::memory_order_relaxed);
}

void appendMetricSample(QByteArray *out, const char *name, const QByteArray &labels, const QByteArray &value)
{
    out->append(name);
    if (!labels.isEmpty()) {
        out->append('{');
        out->append(labels);
        out->append('}');
    }
    out->append(' ');
    out->append(value);
    out->append('\n');
}

namespace {
constexpr auto sample = &appendMetricSample;
} // namespace

void HttpMetrics::render(QByteArray *out, int openConnections) const
{
    out->append("# HELP clevagent_http_request_duration_seconds Time from a complete request to its answer.\n"
                "# TYPE clevagent_http_request_duration_seconds histogram\n");
    quint64 cumulative = 0;
    for (size_t i = 0; i < Buckets.size(); ++i) {
        cumulative += m_buckets[i].load(std::memory_order_relaxed);
        sample(out, "clevagent_http_request_duration_seconds_bucket",
               QByteArray("le=\"").append(QByteArray::number(Buckets[i])).append('"'), QByteArray::number(cumulative));
    }
    cumulative += m_buckets[Buckets.size()].load(std::memory_order_relaxed);
    sample(out, "clevagent_http_request_duration_seconds_bucket", "le=\"+Inf\"", QByteArray::number(cumulative));
    sample(out, "clevagent_http_request_duration_seconds_sum", {},
           QByteArray::number(m_sumMicros.load(std::memory_order_relaxed) / 1e6, 'f', 6));
    sample(out, "clevagent_http_request_duration_seconds_count", {}, QByteArray::number(m_count.load()));

    out->append("# HELP clevagent_http_responses_total HTTP responses by status class.\n"
                "# TYPE clevagent_http_responses_total counter\n");
    static const char *const classes[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "other"};
    for (size_t i = 0; i < m_byClass.size(); ++i)
        sample(out, "clevagent_http_responses_total", QByteArray("code=\"").append(classes[i]).append('"'),
               QByteArray::number(m_byClass[i].load(std::memory_order_relaxed)));

    out->append("# HELP clevagent_http_connections_total Connections accepted.\n"
                "# TYPE clevagent_http_connections_total counter\n");
    sample(out, "clevagent_http_connections_total", {}, QByteArray::number(m_connectionsTotal.load()));
    out->append("# HELP clevagent_http_connections_rejected_total Connections refused because too many were open.\n"
                "# TYPE clevagent_http_connections_rejected_total counter\n");
    sample(out, "clevagent_http_connections_rejected_total", {}, QByteArray::number(m_connectionsRejected.load()));
    out->append("# HELP clevagent_http_connections_reclaimed_total Connections closed before sending a request head, "
                "to make room for a new one when the server was full.\n"
                "# TYPE clevagent_http_connections_reclaimed_total counter\n");
    sample(out, "clevagent_http_connections_reclaimed_total", {}, QByteArray::number(m_connectionsReclaimed.load()));
    out->append("# HELP clevagent_http_connections_open Connections open now.\n"
                "# TYPE clevagent_http_connections_open gauge\n");
    sample(out, "clevagent_http_connections_open", {}, QByteArray::number(openConnections));
}

} // namespace clev
