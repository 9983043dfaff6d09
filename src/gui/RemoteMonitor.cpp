// SPDX-License-Identifier: MIT
#include "gui/RemoteMonitor.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "core/ApiWire.h"
#include "remote/BoundedReply.h"
#include "remote/CertificatePin.h"

#include <QDateTime>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QSslConfiguration>
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

QString describeNetworkError(QNetworkReply *reply)
{
    const QUrl url = reply->url();
    switch (reply->error()) {
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
        if (url.scheme() == u"https" && (reply->errorString().contains(u"wrong version number", Qt::CaseInsensitive)
                                         || reply->errorString().contains(u"packet length too long", Qt::CaseInsensitive)))
            return RemoteMonitor::tr("%1:%2 answers, but without TLS: that clevagent-server runs plain HTTP. Use "
                                     "http://%1:%2 (or start the server with --tls-cert and --tls-key).")
                .arg(url.host())
                .arg(url.port(9475));
        return RemoteMonitor::tr("the TLS handshake failed: %1").arg(reply->errorString());
    case QNetworkReply::RemoteHostClosedError:
        return RemoteMonitor::tr(
                   "%1 closed the connection (is it HTTPS where HTTP is expected, or the other way round?)")
            .arg(url.host());
    default:
        return reply->errorString();
    }
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
    CertificatePin::guard(&m_net, m_endpoint.pinnedFingerprint,
                          [this](CertificatePin::Verdict verdict, const QByteArray &seen) {
                              const QString shown = QString::fromLatin1(seen);
                              if (verdict == CertificatePin::Verdict::Changed)
                                  m_pinProblem =
                                      tr("REFUSED: the server's certificate changed. Pinned %1, now %2. Someone may "
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
            std::sort(m_rows.begin(), m_rows.end(), [](const AgentRow &a, const AgentRow &b) { return a.name < b.name; });
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

void RemoteMonitor::requestAlerts(const AlertEngine::Filter &filter)
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

void RemoteMonitor::restart(qint64, const QString &name)
{
    // POST /api/v1/agents/{name}/restart: the remote server restarts it (an admin key's action).
    action(tr("restart %1").arg(name),
           send("POST", QStringLiteral("/api/v1/agents/%1/restart").arg(QString::fromUtf8(QUrl::toPercentEncoding(name))), QJsonObject()));
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

void RemoteMonitor::probe(const RemoteEndpoint &endpoint, QObject *context, std::function<void(const Probe &)> done)
{
    if (!endpoint.url.isValid() || (endpoint.url.scheme() != u"http" && endpoint.url.scheme() != u"https") ||
        endpoint.url.host().isEmpty()) {
        done({false, tr("The address must look like https://host:9475 or http://host:9475."), {}, false, {}});
        return;
    }
    // DNS first, so its failure is named as such.
    QHostInfo::lookupHost(endpoint.url.host(), context, [endpoint, context, done](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError) {
            done({false,
                  tr("The name %1 cannot be resolved (DNS): %2").arg(endpoint.url.host(), info.errorString()),
                  {},
                  false,
                  {}});
            return;
        }
        auto *net = new QNetworkAccessManager(context);
        auto fingerprint = std::make_shared<QByteArray>();
        auto untrusted = std::make_shared<bool>(false);
        auto pinMismatch = std::make_shared<bool>(false);
        CertificatePin::guard(net, endpoint.pinnedFingerprint,
                              [fingerprint, untrusted, pinMismatch](CertificatePin::Verdict verdict, const QByteArray &seen) {
                                  *fingerprint = seen;
                                  (verdict == CertificatePin::Verdict::Changed ? *pinMismatch : *untrusted) = true;
                              });
        QObject::connect(net, &QNetworkAccessManager::encrypted, net, [fingerprint](QNetworkReply *reply) {
            *fingerprint = CertificatePin::fingerprintOf(reply->sslConfiguration().peerCertificate());
        });
        QUrl health = endpoint.url;
        health.setPath(QStringLiteral("/healthz"));
        QNetworkRequest hr(health);
        hr.setTransferTimeout(10'000);
        QNetworkReply *reply = net->get(hr);
        QObject::connect(reply, &QNetworkReply::finished, net, [=] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError ||
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                Probe p;
                p.fingerprint = *fingerprint;
                if (*pinMismatch)
                    p.message =
                        tr("REFUSED: the certificate changed. Pinned %1, the server shows %2.")
                            .arg(QString::fromLatin1(endpoint.pinnedFingerprint), QString::fromLatin1(*fingerprint));
                else if (*untrusted) {
                    p.untrustedCertificate = true;
                    p.message =
                        tr("TLS works, but the certificate is not signed by an authority this computer trusts. Its "
                           "SHA-256 "
                           "fingerprint is %1. Compare it with the one clevagent-server printed, then trust it.")
                            .arg(QString::fromLatin1(*fingerprint));
                } else if (reply->error() != QNetworkReply::NoError)
                    p.message = describeNetworkError(reply);
                else
                    p.message = tr("%1 answers, but not as clevagent-server (HTTP %2 on /healthz).")
                                    .arg(endpoint.url.host())
                                    .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
                net->deleteLater();
                done(p);
                return;
            }
            const QString version =
                QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("version")).toString();
            QUrl status = endpoint.url;
            status.setPath(QStringLiteral("/api/v1/status"));
            status.setQuery(QStringLiteral("limit=1"));
            QNetworkRequest sr(status);
            sr.setRawHeader("X-API-Key", endpoint.key.toUtf8());
            sr.setTransferTimeout(10'000);
            QNetworkReply *statusReply = net->get(sr);
            QObject::connect(statusReply, &QNetworkReply::finished, net, [=] {
                statusReply->deleteLater();
                net->deleteLater();
                const int code = statusReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                Probe p;
                p.fingerprint = *fingerprint;
                p.version = version;
                if (code == 200) {
                    p.ok = true;
                    const ApiWire::StatusPage page =
                        ApiWire::statusPage(QJsonDocument::fromJson(statusReply->readAll()).object());
                    p.message = tr("Connected: clevagent-server %1, %n agent(s).", nullptr, int(page.total)).arg(version);
                } else if (code == 401) {
                    p.message =
                        tr("The server (version %1) refuses this key (401): check it, or create a read key there with "
                           "'clevagent-server keys create --scope read'.")
                            .arg(version);
                } else if (code == 403) {
                    p.message = tr(
                        "This key may not read (403): it needs the read scope; an ingest key only sends heartbeats.");
                } else {
                    p.message = tr("The server answered HTTP %1 on /api/v1/status.").arg(code);
                }
                done(p);
            });
        });
    });
}

} // namespace clev
