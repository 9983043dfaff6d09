// SPDX-License-Identifier: MIT
// Long file: one remote source (paging, the event stream, reconnecting, detail, costs, alerts and
// actions) over one HTTP client; parsing, pinning, the probe and the wire format are in src/remote and
// core/ApiWire.
#include "gui/RemoteMonitor.h"

#include "core/ApiWire.h"
#include "core/Clock.h"
#include "core/Logging.h"
#include "remote/BoundedReply.h"
#include "remote/CertificatePin.h"
#include "remote/ConnectionProbe.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QUrlQuery>

#include <algorithm>

namespace clev {

namespace {

constexpr int PageSize = 1000;
constexpr int MaxBackoffMs = 30'000;
// What a server may send at most: one answer (a page of 1000 agents is about 0.4 MiB), one event.
constexpr qint64 MaxAnswerBytes = 64 << 20;
constexpr qint64 MaxEventBytes = 1 << 20;
constexpr int DefaultStreamWatchMs = 45'000;
constexpr qint64 StableStreamMs = 30'000; // three missed keep-alives of a server that does not say its interval

QString describeNetworkError(QNetworkReply::NetworkError error, const QString &errorString, const QUrl &url)
{
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return RemoteMonitor::tr("the name %1 cannot be resolved (DNS)").arg(url.host());
    case QNetworkReply::ConnectionRefusedError:
        return RemoteMonitor::tr(
                   "nothing listens on %1:%2 (TCP connection refused); is clevagent-server running there?")
            .arg(url.host())
            .arg(url.port());
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return RemoteMonitor::tr("no answer from %1 in time").arg(url.host());
    case QNetworkReply::SslHandshakeFailedError:
        // A plain-HTTP server answering a TLS hello ("wrong version number"): say what to type instead.
        if (url.scheme() == u"https" && (errorString.contains(u"wrong version number", Qt::CaseInsensitive) ||
                                         errorString.contains(u"packet length too long", Qt::CaseInsensitive)))
            return RemoteMonitor::tr("%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use "
                                     "http://%1:%2 (or start the server with --tls-cert and --tls-key).")
                .arg(url.host())
                .arg(url.port(9475));
        return RemoteMonitor::tr("the TLS handshake failed: %1").arg(errorString);
    case QNetworkReply::RemoteHostClosedError:
        return RemoteMonitor::tr(
                   "%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)")
            .arg(url.host());
    default:
        return errorString;
    }
}

QString describeNetworkError(QNetworkReply *reply)
{
    return describeNetworkError(reply->error(), reply->errorString(), reply->url());
}

} // namespace

RemoteMonitor::RemoteMonitor(RemoteEndpoint endpoint, const Clock &clock, QObject *parent)
    : MonitorSource(parent)
    , m_endpoint(std::move(endpoint))
    , m_clock(clock)
    , m_net(this)
    , m_reconnect(this)
    , m_snapshotTimer(this)
    , m_usageTimer(this)
    , m_streamWatch(this)
{
    m_streamWatch.setSingleShot(true);
    m_streamWatch.setInterval(DefaultStreamWatchMs);
    connect(&m_streamWatch, &QTimer::timeout, this, [this] {
        if (m_events)
            m_events->abort(); // reported as lost, then reconnected
    });
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RemoteMonitor::openEvents);
    m_snapshotTimer.setSingleShot(true);
    m_snapshotTimer.setInterval(250); // at most four snapshots a second
    connect(&m_snapshotTimer, &QTimer::timeout, this, [this] { Q_EMIT snapshot(m_rows); });
    m_usageTimer.setSingleShot(true);
    m_usageTimer.setInterval(2000);
    connect(&m_usageTimer, &QTimer::timeout, this, &RemoteMonitor::refreshUsage);
    // The pinning policy (remote/CertificatePin): a refusal is kept to say why the connection failed.
    CertificatePin::guard(
        &m_net, m_endpoint.pinnedFingerprint, [this](CertificatePin::Verdict verdict, const QByteArray &seen) {
            const QString shown = QString::fromLatin1(seen);
            if (verdict == CertificatePin::Verdict::Changed)
                m_pinProblem = tr("REFUSED: the server's certificate changed. Pinned %1, now %2. Someone may "
                                  "be in between; if the server got a new certificate, remove and add the "
                                  "connection again.")
                                   .arg(QString::fromLatin1(m_endpoint.pinnedFingerprint), shown);
            else
                m_pinProblem = tr("the server's certificate is not trusted (SHA-256 %1); test the "
                                  "connection to pin it")
                                   .arg(shown);
        });
}

RemoteMonitor::~RemoteMonitor()
{
    if (m_events) {
        m_events->disconnect(this); // going away is not "disconnected, retrying"
        m_events->abort();
    }
}

void RemoteMonitor::start()
{
    m_disconnectedSinceMs = m_clock.nowMs();
    openEvents();
}

QNetworkRequest RemoteMonitor::request(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_endpoint.url;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setRawHeader("X-API-Key", m_endpoint.key.toUtf8());
    r.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("ClevAgent-Desktop/" CLEV_VERSION));
    r.setTransferTimeout(15'000);
    return r;
}

QNetworkReply *RemoteMonitor::get(const QString &path, const QUrlQuery &query)
{
    return m_net.get(request(path, query));
}

QNetworkReply *RemoteMonitor::send(const QByteArray &verb, const QString &path, const QJsonObject &body)
{
    QNetworkRequest r = request(path);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    return m_net.sendCustomRequest(r, verb, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString RemoteMonitor::tooLargeText(qint64 limitBytes)
{
    return tr("the server sent more than %1 MiB in one answer or event; it was not read").arg(limitBytes >> 20);
}

void RemoteMonitor::onReply(QNetworkReply *reply, std::function<void(const QJsonObject &, int, const QString &)> done)
{
    boundReply(reply, MaxAnswerBytes); // a server (or something posing as one) cannot make this app buffer without end
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool tooLarge = replyTooLarge(reply);
        const QJsonObject body = tooLarge ? QJsonObject() : QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->hasRawHeader("X-Key-Scopes") && status >= 200 && status < 300) {
            // Actions need the admin scope: a read key shows them disabled, saying why.
            const bool canAct = reply->rawHeader("X-Key-Scopes").split(',').contains("admin");
            if (canAct != m_canAct) {
                m_canAct = canAct;
                Q_EMIT capabilitiesChanged();
            }
        }
        QString error;
        if (tooLarge)
            error = tooLargeText(MaxAnswerBytes);
        else if (!m_pinProblem.isEmpty() && status == 0)
            error = m_pinProblem;
        else if (status == 401)
            error = tr("the key was refused (401): %1").arg(body.value(QLatin1String("detail")).toString());
        else if (status == 403)
            error = tr("the key may not do this (403): %1").arg(body.value(QLatin1String("detail")).toString());
        else if (status >= 400)
            error = tr("the server answered %1: %2")
                        .arg(status)
                        .arg(body.value(QLatin1String("detail")).toVariant().toString());
        else if (status == 0)
            error = describeNetworkError(reply);
        done(body, status, error);
    });
}

void RemoteMonitor::setConnected(bool connected, const QString &message)
{
    const bool changed = connected != m_connected;
    m_connected = connected;
    if (connected) {
        if (changed)
            m_connectedAtMs = m_clock.nowMs();
        m_disconnectedSinceMs = 0;
    } else if (m_disconnectedSinceMs == 0) {
        m_disconnectedSinceMs = m_clock.nowMs();
    }
    if (changed || !connected)
        Q_EMIT connectionChanged(connected, message);
}

void RemoteMonitor::lost(const QString &why)
{
    // The back-off starts again only after a stream that held for a while: one that breaks at once (a
    // server that answers and then fails) is retried ever more slowly, not every second.
    if (m_connectedAtMs > 0 && m_clock.nowMs() - m_connectedAtMs >= StableStreamMs)
        m_backoffMs = 1000;
    m_connectedAtMs = 0;
    if (m_disconnectedSinceMs == 0)
        m_disconnectedSinceMs = m_clock.nowMs();
    const QString since =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_disconnectedSinceMs), QLocale::ShortFormat);
    setConnected(false, tr("%1: disconnected since %2 (%3); retrying in %4 s")
                            .arg(m_endpoint.name, since, why)
                            .arg(m_backoffMs / 1000));
    m_reconnect.start(m_backoffMs);
    m_backoffMs = std::min(MaxBackoffMs, m_backoffMs * 2);
}

void RemoteMonitor::openEvents()
{
    if (m_events)
        return;
    m_pinProblem.clear();
    QNetworkRequest r = request(QStringLiteral("/api/v1/events"));
    r.setTransferTimeout(0); // a stream: the server's keep-alive comments show it is alive
    r.setRawHeader("Accept", "text/event-stream");
    if (!m_lastEventId.isEmpty())
        r.setRawHeader("Last-Event-ID", m_lastEventId);
    m_eventParser = SseParser(MaxEventBytes); // a new stream
    m_events = m_net.get(r);
    QNetworkReply *reply = m_events;
    connect(reply, &QNetworkReply::readyRead, this, &RemoteMonitor::onEventsData);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        // The server says how often it writes a keep-alive comment; three missed ones mean a dead link.
        bool ok = false;
        const qint64 keepAlive = reply->rawHeader("X-Event-Keepalive-Ms").toLongLong(&ok);
        m_streamWatch.setInterval(ok && keepAlive > 0 ? int(std::clamp<qint64>(3 * keepAlive, 2000, 600'000))
                                                      : DefaultStreamWatchMs);
        m_streamWatch.start();
        // A resumed stream replays only what was missed, which may be nothing: the answer itself says we are
        // back (a fresh stream says so with its "hello"). The numbers are read again soon, so a read that
        // failed while the link was down is made good; not at once, because a "reset" that may follow must
        // compare the list before and after to report what changed meanwhile.
        if (!m_connected && !m_lastEventId.isEmpty() &&
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
            setConnected(true, tr("Connected to %1").arg(m_endpoint.name));
            retryUsageLater();
        }
    });
    m_streamWatch.start();
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->isOpen() ? reply->readAll() : QByteArray()).object();
        m_events.clear();
        m_streamWatch.stop();
        QString why;
        if (replyTooLarge(reply))
            why = tooLargeText(MaxEventBytes);
        else if (!m_pinProblem.isEmpty())
            why = m_pinProblem;
        else if (status == 401)
            why = tr("the key was refused (401): %1").arg(body.value(QLatin1String("detail")).toString());
        else if (status == 403)
            why = tr("the key lacks the read scope (403)");
        else if (status >= 400)
            why = tr("the server answered %1").arg(status);
        else if (status == 0)
            why = describeNetworkError(reply);
        else
            why = tr("the server ended the event stream");
        lost(why);
    });
}

void RemoteMonitor::onEventsData()
{
    if (!m_events)
        return;
    m_streamWatch.start(); // alive
    m_eventParser.feed(m_events->readAll());
    for (const SseEvent &e : m_eventParser.takeEvents()) {
        // Our server names every event; an unnamed one (the standard's "message") means nothing here.
        if (e.type != "message")
            dispatchEvent(e.id, e.type, e.data);
        if (!m_events)
            return; // an event ended the stream
    }
    // An event not ended yet is bounded, so a server cannot make this app buffer without end.
    if (m_eventParser.failed()) {
        qCWarning(lcRemote) << m_endpoint.name << "sent an event larger than" << MaxEventBytes << "bytes";
        markReplyTooLarge(m_events); // reported as lost, then reconnected
    }
}

void RemoteMonitor::dispatchEvent(const QByteArray &id, const QByteArray &type, const QByteArray &data)
{
    if (type == "hello" || type == "reset") {
        // A fresh stream, or one that cannot replay what we missed: read the whole list (again) and report
        // what changed meanwhile once.
        m_lastEventId = id;
        setConnected(true, tr("Connected to %1").arg(m_endpoint.name));
        readStatus(m_loaded);
        return;
    }
    if (!id.isEmpty())
        m_lastEventId = id;
    if (!m_connected) {
        setConnected(true, tr("Connected to %1").arg(m_endpoint.name)); // a replay after a reconnect
        readStatus(false);
    }
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    if (type == "usage") {
        // Newer servers name the agents that beat; then only those are read again.
        if (const auto ids = ApiWire::usageEventAgents(o)) {
            for (const qint64 agentId : *ids)
                m_usageIds.insert(agentId);
        } else {
            m_usageAll = true;
        }
        if (!m_usageTimer.isActive())
            m_usageTimer.start();
        return;
    }
    if (type == "alert") {
        Q_EMIT alertsChanged(); // the alerts views read the history again
        return;
    }
    if (type != "state")
        return;
    const StateTransition t = ApiWire::stateEvent(o);
    bool known = false;
    for (AgentRow &r : m_rows) {
        if (r.id == t.agentId) {
            known = true;
            if (t.event == StateTransition::Event::State)
                r.state = t.to;
            else if (t.event == StateTransition::Event::LoopStarted)
                r.looping = true;
            else if (t.event == StateTransition::Event::LoopEnded)
                r.looping = false;
        }
    }
    if (!known) {
        m_usageIds.insert(t.agentId); // a new agent: read it soon
        if (!m_usageTimer.isActive())
            m_usageTimer.start();
    }
    scheduleSnapshot();
    Q_EMIT transitioned(t);
}

void RemoteMonitor::readStatus(bool reportChanges)
{
    if (m_readingStatus) {
        m_statusAgain = true;
        m_statusAgainReport = m_statusAgainReport || reportChanges; // a reconnect's report is not lost
        return;
    }
    m_readingStatus = true;
    readPage(0, {}, reportChanges);
}

void RemoteMonitor::readPage(int offset, QList<AgentRow> rows, bool reportChanges)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    onReply(get(QStringLiteral("/api/v1/status"), q),
            [this, offset, rows, reportChanges](const QJsonObject &body, int, const QString &error) mutable {
                ++m_pagesRead;
                if (!error.isEmpty()) {
                    m_readingStatus = false;
                    if (std::exchange(m_statusAgain, false))
                        retryUsageLater();
                    Q_EMIT actionDone(tr("read the agents of %1").arg(m_endpoint.name), error);
                    return;
                }
                const ApiWire::StatusPage page = ApiWire::statusPage(body);
                if (const QTimeZone zone(page.timeZone); !page.timeZone.isEmpty() && zone.isValid())
                    m_timeZone = zone;
                rows.append(page.agents);
                if (!page.agents.isEmpty() && offset + page.agents.size() < page.total) {
                    readPage(offset + static_cast<int>(page.agents.size()), rows, reportChanges);
                    return;
                }
                // Complete. An agent seen twice (the list shifted between pages) is kept once, its newest.
                QSet<qint64> seen;
                for (qsizetype i = rows.size() - 1; i >= 0; --i) {
                    if (seen.contains(rows.at(i).id))
                        rows.removeAt(i);
                    else
                        seen.insert(rows.at(i).id);
                }
                // What changed while we were away is told once, as the events would have.
                if (reportChanges) {
                    QHash<qint64, AgentState> before;
                    for (const AgentRow &r : std::as_const(m_rows))
                        before.insert(r.id, r.state);
                    for (const AgentRow &r : std::as_const(rows)) {
                        const auto it = before.constFind(r.id);
                        if (it == before.cend() || *it == r.state)
                            continue;
                        StateTransition t;
                        t.agentId = r.id;
                        t.agent = r.name;
                        t.from = *it;
                        t.to = r.state;
                        t.atMs = m_clock.nowMs();
                        t.cause = tr("found %1 after reconnecting").arg(agentStateName(r.state));
                        t.lastMessage = r.lastMessage;
                        Q_EMIT transitioned(t);
                    }
                }
                m_rows = rows;
                m_loaded = true;
                m_readingStatus = false;
                Q_EMIT snapshot(m_rows);
                if (std::exchange(m_statusAgain, false))
                    readStatus(std::exchange(m_statusAgainReport, false));
            });
}

void RemoteMonitor::refreshUsage()
{
    if (m_usageIds.isEmpty() && !m_usageAll)
        return;
    if (m_usageAll || !m_loaded || m_usageIds.size() > PageSize) {
        m_usageAll = false;
        m_usageIds.clear();
        readStatus(false);
        return;
    }
    if (m_readingStatus) { // it may have read these agents before they beat: read the list again after it
        m_usageIds.clear();
        m_statusAgain = true;
        return;
    }
    QList<qint64> ids = m_usageIds.values();
    m_usageIds.clear();
    std::sort(ids.begin(), ids.end());
    readAgents(ids);
}

void RemoteMonitor::retryUsageLater()
{
    // Which agents were asked for is not kept: the next refresh reads the whole list. While the link is
    // down the reconnect does that.
    m_usageAll = true;
    if (m_connected && !m_usageTimer.isActive())
        m_usageTimer.start();
}

void RemoteMonitor::readAgents(const QList<qint64> &ids)
{
    QStringList list;
    list.reserve(ids.size());
    for (const qint64 id : ids)
        list.append(QString::number(id));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("agent_id"), list.join(u','));
    onReply(get(QStringLiteral("/api/v1/status"), q), [this](const QJsonObject &body, int, const QString &error) {
        ++m_partialReads;
        if (!error.isEmpty()) {
            retryUsageLater();
            Q_EMIT actionDone(tr("read the agents of %1").arg(m_endpoint.name), error);
            return;
        }
        QHash<qint64, qsizetype> at;
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            at.insert(m_rows.at(i).id, i);
        bool added = false;
        const ApiWire::StatusPage page = ApiWire::statusPage(body);
        for (const AgentRow &row : page.agents) {
            const auto it = at.constFind(row.id);
            if (it != at.cend()) {
                m_rows[*it] = row;
            } else {
                m_rows.append(row);
                added = true;
            }
        }
        if (added)
            std::sort(m_rows.begin(), m_rows.end(),
                      [](const AgentRow &a, const AgentRow &b) { return a.name < b.name; });
        // An agent forgotten on the server (or one that beat unnamed): the counts disagree, read the list.
        if (page.total != m_rows.size())
            readStatus(false);
        scheduleSnapshot();
    });
}

void RemoteMonitor::scheduleSnapshot()
{
    if (!m_snapshotTimer.isActive())
        m_snapshotTimer.start();
}

void RemoteMonitor::requestSnapshot()
{
    if (m_loaded)
        Q_EMIT snapshot(m_rows);
}

void RemoteMonitor::action(const QString &what, QNetworkReply *reply)
{
    onReply(reply, [this, what](const QJsonObject &, int, const QString &error) {
        Q_EMIT actionDone(what, error);
        readStatus(false);
    });
}

void RemoteMonitor::requestAlerts(const IncidentFilter &filter)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(std::min(filter.limit, 1000)));
    if (!filter.agent.isEmpty())
        q.addQueryItem(QStringLiteral("agent"), filter.agent);
    if (filter.kind)
        q.addQueryItem(QStringLiteral("kind"), incidentKindName(*filter.kind));
    if (filter.open >= 0)
        q.addQueryItem(QStringLiteral("state"), filter.open == 1 ? QStringLiteral("open") : QStringLiteral("resolved"));
    if (filter.fromMs > 0)
        q.addQueryItem(QStringLiteral("from"),
                       QDateTime::fromMSecsSinceEpoch(filter.fromMs, Qt::UTC).toString(Qt::ISODateWithMs));
    onReply(get(QStringLiteral("/api/v1/alerts"), q), [this](const QJsonObject &body, int, const QString &error) {
        if (!error.isEmpty())
            Q_EMIT actionDone(tr("read the alerts"), error);
        Q_EMIT alertsReady(ApiWire::alerts(body));
    });
}

void RemoteMonitor::requestDeliveries(qint64 incidentId)
{
    onReply(get(QStringLiteral("/api/v1/alerts/%1/notifications").arg(incidentId)),
            [this, incidentId](const QJsonObject &body, int, const QString &error) {
                Q_EMIT deliveriesReady(incidentId, error.isEmpty() ? ApiWire::deliveries(body) : QList<Delivery>(),
                                       error);
            });
}

void RemoteMonitor::acknowledge(qint64 incidentId)
{
    action(tr("acknowledge"), send("POST", QStringLiteral("/api/v1/alerts/%1/ack").arg(incidentId), {}));
}

void RemoteMonitor::requestDetail(qint64 agentId, const QString &name)
{
    onReply(get(QStringLiteral("/api/v1/agents/") + QString::fromUtf8(QUrl::toPercentEncoding(name))),
            [this, agentId](const QJsonObject &body, int, const QString &error) {
                if (!error.isEmpty())
                    return;
                Q_EMIT detailReady(ApiWire::agentDetail(body, agentId));
            });
}

void RemoteMonitor::pause(qint64, const QString &name, qint64 untilMs)
{
    QJsonObject body{{QStringLiteral("comment"), tr("paused from ClevAgent Desktop")}};
    if (untilMs > 0)
        body.insert(QStringLiteral("until"),
                    QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC).toString(Qt::ISODateWithMs));
    action(tr("pause %1").arg(name),
           send("POST", QStringLiteral("/api/v1/agents/%1/pause").arg(QString::fromUtf8(QUrl::toPercentEncoding(name))),
                body));
}

void RemoteMonitor::resume(qint64 agentId)
{
    QString name;
    for (const AgentRow &r : std::as_const(m_rows)) {
        if (r.id == agentId)
            name = r.name;
    }
    action(tr("resume"),
           send("POST",
                QStringLiteral("/api/v1/agents/%1/resume").arg(QString::fromUtf8(QUrl::toPercentEncoding(name))), {}));
}

void RemoteMonitor::requestCosts(int days)
{
    readCostsPage(days, 0, {});
}

void RemoteMonitor::readCostsPage(int days, int offset, QList<DailyCost> costs)
{
    // The server pages costs by agent; the chart needs every agent, so read on until the last page.
    constexpr int PageSize = 1000;
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("bucket"), QStringLiteral("day"));
    q.addQueryItem(QStringLiteral("days"), QString::number(days));
    q.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    onReply(get(QStringLiteral("/api/v1/costs"), q),
            [this, days, offset, costs = std::move(costs)](const QJsonObject &body, int, const QString &error) mutable {
                if (!error.isEmpty()) {
                    Q_EMIT actionDone(tr("read the costs"), error);
                    return;
                }
                const ApiWire::CostsPage page = ApiWire::costsPage(body);
                costs += page.series;
                const qint64 total = page.total; // absent from older servers: one page
                if (offset + PageSize < total && offset + PageSize < 1'000'000) {
                    readCostsPage(days, offset + PageSize, std::move(costs));
                    return;
                }
                Q_EMIT costsReady(costs);
            });
}

void RemoteMonitor::requestHistory()
{
    readHistoryPage(0, {});
}

void RemoteMonitor::readHistoryPage(int offset, QList<AgentHistory> history)
{
    constexpr int PageSize = 5000; // about 150 bytes an agent
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    onReply(get(QStringLiteral("/api/v1/history"), q),
            [this, offset, history = std::move(history)](const QJsonObject &body, int, const QString &error) mutable {
                if (!error.isEmpty()) {
                    // A server from before /history answers 404: the table then shows no history.
                    qCInfo(lcRemote) << "the agents' history of" << m_endpoint.name << "cannot be read:" << error;
                    return;
                }
                ApiWire::HistoryPage page = ApiWire::historyPage(body);
                history += std::move(page.agents);
                if (offset + PageSize < page.total && offset + PageSize < 1'000'000) {
                    readHistoryPage(offset + PageSize, std::move(history));
                    return;
                }
                Q_EMIT historyReady(history);
            });
}

void RemoteMonitor::restart(qint64, const QString &name)
{
    // POST /api/v1/agents/{name}/restart: the remote server restarts it (an admin key's action).
    action(tr("restart %1").arg(name),
           send("POST",
                QStringLiteral("/api/v1/agents/%1/restart").arg(QString::fromUtf8(QUrl::toPercentEncoding(name))),
                QJsonObject()));
}

void RemoteMonitor::forget(qint64, const QString &name)
{
    action(tr("forget %1").arg(name), m_net.deleteResource(request(QStringLiteral("/api/v1/agents/") +
                                                                   QString::fromUtf8(QUrl::toPercentEncoding(name)))));
}

void RemoteMonitor::setSettings(qint64, const QString &name, const AgentSettings &settings)
{
    // Needs an admin key on that server; a read key gets a 403 that says so.
    action(tr("save the settings of %1").arg(name),
           send("PUT",
                QStringLiteral("/api/v1/agents/%1/settings").arg(QString::fromUtf8(QUrl::toPercentEncoding(name))),
                ApiWire::agentSettingsJson(settings)));
}

void RemoteMonitor::silence(const QString &pattern, qint64 untilMs, const QString &comment)
{
    action(tr("silence %1").arg(pattern),
           send("POST", QStringLiteral("/api/v1/silences"),
                QJsonObject{{QStringLiteral("pattern"), pattern},
                            {QStringLiteral("until"),
                             QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                            {QStringLiteral("comment"), comment}}));
}

namespace {

// The probe's outcome in the UI's language.
QString describe(const ConnectionProbe::Result &r, const QByteArray &pinned)
{
    using O = ConnectionProbe::Outcome;
    switch (r.outcome) {
    case O::Connected:
        return RemoteMonitor::tr("Connected: clevagent-server %1, %n agent(s).", nullptr, int(r.agents)).arg(r.version);
    case O::BadAddress:
        return RemoteMonitor::tr("The address must look like https://host:9475 or http://host:9475.");
    case O::NameNotResolved:
        return RemoteMonitor::tr("The name %1 cannot be resolved (DNS): %2").arg(r.url.host(), r.hostError);
    case O::NetworkError:
        return describeNetworkError(r.networkError, r.networkErrorString, r.url);
    case O::CertificateChanged:
        return RemoteMonitor::tr("REFUSED: the certificate changed. Pinned %1, the server shows %2.")
            .arg(QString::fromLatin1(pinned), QString::fromLatin1(r.fingerprint));
    case O::UntrustedCertificate:
        return RemoteMonitor::tr(
                   "TLS works, but the certificate is not signed by an authority this computer trusts. Its "
                   "SHA-256 "
                   "fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.")
            .arg(QString::fromLatin1(r.fingerprint));
    case O::NotClevagent:
        return RemoteMonitor::tr("%1 answers, but not as clevagent-server (HTTP %2 on /healthz).")
            .arg(r.url.host())
            .arg(r.httpStatus);
    case O::KeyRefused:
        return RemoteMonitor::tr(
                   "The server (version %1) refuses this key (401): check it, or create a read key there with "
                   "'clevagent-server keys create --scope read'.")
            .arg(r.version);
    case O::KeyMayNotRead:
        return RemoteMonitor::tr(
            "This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.");
    case O::UnexpectedStatus:
        return RemoteMonitor::tr("The server answered HTTP %1 on /api/v1/status.").arg(r.httpStatus);
    }
    return {};
}

} // namespace

void RemoteMonitor::probe(const RemoteEndpoint &endpoint, QObject *context, std::function<void(const Probe &)> done)
{
    auto *check = new ConnectionProbe(endpoint.url, endpoint.key.toUtf8(), endpoint.pinnedFingerprint, 10'000, context);
    QObject::connect(check, &ConnectionProbe::finished, context,
                     [check, done, pinned = endpoint.pinnedFingerprint](const ConnectionProbe::Result &r) {
                         check->deleteLater();
                         Probe p;
                         p.ok = r.outcome == ConnectionProbe::Outcome::Connected;
                         p.untrustedCertificate = r.outcome == ConnectionProbe::Outcome::UntrustedCertificate;
                         p.fingerprint = r.fingerprint;
                         p.version = r.version;
                         p.message = describe(r, pinned);
                         done(p);
                     });
    check->start();
}

} // namespace clev
