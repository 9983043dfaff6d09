// SPDX-License-Identifier: MIT
#include "engine/EventHub.h"

#include "core/ApiWire.h"
#include "server/HttpMessage.h"
#include "storage/HeartbeatWriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace clev {

namespace {
constexpr size_t MaxRecent = 10'000;
} // namespace

EventHub::EventHub(HeartbeatWriter *writer, int keepAliveMs, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_epoch(QByteArray::number(QDateTime::currentMSecsSinceEpoch()))
    , m_keepAliveMs(keepAliveMs)
    , m_tickTimer(this)
    , m_keepAliveTimer(this)
{
    m_tickTimer.setInterval(2000);
    connect(&m_tickTimer, &QTimer::timeout, this, &EventHub::tick);
    m_tickTimer.start();
    m_keepAliveTimer.setInterval(m_keepAliveMs);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, [this] {
        std::lock_guard lock(m_mutex);
        for (const auto &weak : m_streams) {
            if (auto s = weak.lock())
                s->write(": keep-alive\n\n");
        }
    });
    m_keepAliveTimer.start();
}

EventHub::~EventHub()
{
    std::lock_guard lock(m_mutex);
    for (const auto &weak : m_streams) {
        if (auto s = weak.lock())
            s->close();
    }
}

QByteArray EventHub::format(const QByteArray &id, const QByteArray &type, const QByteArray &json)
{
    return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
}

void EventHub::onTransition(const StateTransition &t)
{
    const QJsonObject o = ApiWire::stateEventJson(t);
    publish("state", QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void EventHub::onIncident(qint64 incidentId, qint64 agentId, const QString &agent, const IncidentKey &kind,
                          const QString &summary, bool resolved)
{
    const QJsonObject o = ApiWire::alertEventJson(incidentId, agentId, agent, kind, summary, resolved);
    publish("alert", QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void EventHub::tick()
{
    if (!m_writer)
        return;
    const HeartbeatWriter::Touched touched = m_writer->takeTouched();
    if (touched.agentIds.isEmpty() && !touched.overflow)
        return;
    const qint64 commits = m_writer->stats().commits;
    const QJsonObject all = ApiWire::usageEventJson(commits, std::nullopt);
    if (touched.overflow) { // too many to name: read the whole list
        publish("usage", QJsonDocument(all).toJson(QJsonDocument::Compact));
        return;
    }
    const QJsonObject named = ApiWire::usageEventJson(commits, touched.agentIds);
    // Kept for replay without the names (up to 1000 ids each, 10 000 events would hold megabytes): a
    // client that missed it reads the whole list.
    publish("usage", QJsonDocument(named).toJson(QJsonDocument::Compact),
            QJsonDocument(all).toJson(QJsonDocument::Compact));
}

void EventHub::publish(const QByteArray &type, const QByteArray &json, const QByteArray &replayJson)
{
    std::lock_guard lock(m_mutex);
    const quint64 n = m_next++;
    const QByteArray id = m_epoch + '-' + QByteArray::number(n);
    const QByteArray event = format(id, type, json);
    m_recent.emplace_back(n, replayJson.isEmpty() ? event : format(id, type, replayJson));
    if (m_recent.size() > MaxRecent)
        m_recent.pop_front();
    // Streams whose client left are dropped here.
    m_streams.erase(std::remove_if(m_streams.begin(), m_streams.end(),
                                   [&event](const std::weak_ptr<HttpStream> &weak) {
                                       auto s = weak.lock();
                                       if (!s || !s->isOpen())
                                           return true;
                                       s->write(event);
                                       return false;
                                   }),
                    m_streams.end());
}

void EventHub::subscribe(const std::shared_ptr<HttpStream> &stream, const QByteArray &lastEventId)
{
    std::lock_guard lock(m_mutex);
    // Without an id: a reader that reconnects resumes from the last event it was sent before this.
    stream->setOverflowMessage(
        "event: overflow\ndata: {\"error\":\"reader_too_slow\",\"detail\":\"this stream fell too far behind its "
        "events and ends; reconnect with Last-Event-ID\"}\n\n");
    stream->write("retry: 2000\n\n");
    if (!lastEventId.isEmpty()) {
        const qsizetype dash = lastEventId.lastIndexOf('-');
        bool ok = false;
        const quint64 seen = lastEventId.mid(dash + 1).toULongLong(&ok);
        const bool sameRun = dash > 0 && lastEventId.left(dash) == m_epoch && ok;
        const bool inWindow = sameRun && (m_recent.empty() ? seen + 1 == m_next : seen + 1 >= m_recent.front().first);
        if (inWindow) {
            for (const auto &[n, event] : m_recent) {
                if (n > seen)
                    stream->write(event);
            }
        } else {
            // Another run of the server, or too far behind: read the status again.
            stream->write(format(m_epoch + '-' + QByteArray::number(m_next - 1), "reset", "{}"));
        }
    } else {
        stream->write(format(m_epoch + '-' + QByteArray::number(m_next - 1), "hello", "{}"));
    }
    m_streams.push_back(stream);
}

int EventHub::subscribers() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(std::count_if(m_streams.cbegin(), m_streams.cend(), [](const auto &w) {
        auto s = w.lock();
        return s && s->isOpen();
    }));
}

} // namespace clev
