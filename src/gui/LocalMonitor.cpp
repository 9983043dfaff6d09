// SPDX-License-Identifier: MIT
#include "gui/LocalMonitor.h"

#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "core/Logging.h"
#include "core/RestartGuard.h"
#include "engine/AgentRows.h"
#include "engine/LocalQueries.h"

#include <QPointer>
#include <QTimer>

namespace clev {

LocalMonitor::LocalMonitor(ServerConfig config, const Clock *clock, QObject *parent)
    : MonitorSource(parent)
    , m_config(std::move(config))
    , m_clock(clock ? *clock : Clock::system())
{
    qRegisterMetaType<QList<clev::AgentRow>>();
    qRegisterMetaType<QList<clev::Incident>>();
    qRegisterMetaType<clev::AgentDetail>();
    qRegisterMetaType<QList<clev::StoredKey>>();
    qRegisterMetaType<clev::StoredKey>();
    qRegisterMetaType<QList<clev::DailyCost>>();
    qRegisterMetaType<QList<clev::AgentHistory>>();
}

LocalMonitor::~LocalMonitor()
{
    stopSnapshots();
    if (m_server)
        m_server->stop(5000);
}

QString LocalMonitor::endpoint() const
{
    return QStringLiteral("http://%1:%2")
        .arg(m_config.http.address.toString())
        .arg(m_server && m_server->port() ? m_server->port() : m_config.http.port);
}

void LocalMonitor::start()
{
    m_server = std::make_unique<ServerInstance>(m_config, &m_clock);
    QString error;
    m_listening = m_server->start(&error);
    if (!m_listening) {
        // The port may be taken (another ClevAgent): the window says so and offers another port.
        m_server.reset();
        Q_EMIT listenerChanged(false, error);
        return;
    }
    Q_EMIT listenerChanged(true, tr("Listening on %1").arg(endpoint()));

    const LocalQueries store(m_server->database());
    if (store.keys().isEmpty()) {
        QString keyError;
        if (const auto created =
                store.createKey(QStringLiteral("first key"),
                                ApiKey::Scope::Ingest, // agents send with it; the app reads through the engine
                                m_clock.nowMs(), &keyError))
            m_firstRunKey = created->key;
    }

    connect(
        &m_server->watchdog(), &Watchdog::transitioned, this,
        [this](const StateTransition &t) {
            m_changes.fetch_add(1);
            Q_EMIT transitioned(t);
        },
        Qt::QueuedConnection);

    // A restart's outcome (the detail's history) comes after the action that asked for it.
    connect(
        &m_server->restarts(), &RestartManager::attemptFinished, this,
        [this](const QString &agent) { Q_EMIT agentChanged(agent); }, Qt::QueuedConnection);

    m_snapshotThread = std::make_unique<QThread>();
    m_snapshotThread->setObjectName(QStringLiteral("clev-snapshots"));
    m_snapshotWorker = new QObject;
    auto *timer = new QTimer(m_snapshotWorker); // a child: it moves with the worker to its thread
    timer->setInterval(250);                    // at most four snapshots a second
    connect(timer, &QTimer::timeout, m_snapshotWorker, [this] { takeSnapshot(); });
    connect(m_snapshotThread.get(), &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(m_snapshotThread.get(), &QThread::finished, m_snapshotWorker, &QObject::deleteLater);
    m_snapshotWorker->moveToThread(m_snapshotThread.get());
    m_snapshotThread->start();
}

void LocalMonitor::stopSnapshots()
{
    if (!m_snapshotThread)
        return;
    m_snapshotThread->quit();
    m_snapshotThread->wait(); // the worker and its timer are deleted on their thread as it finishes
    m_snapshotThread.reset();
    m_snapshotWorker = nullptr;
}

void LocalMonitor::takeSnapshot()
{
    const qint64 commits = m_server->writer().stats().commits;
    const quint64 changes = m_changes.load();
    if (commits == m_seenCommits && changes == m_seenChanges)
        return; // nothing new: no work, no signal
    m_seenCommits = commits;
    m_seenChanges = changes;
    QString error;
    const auto agents =
        LocalQueries(m_server->database()).agents(DayBuckets(m_config.timeZone).dayStartSecs(m_clock.nowMs()), &error);
    if (!agents)
        return;
    QList<AgentRow> rows;
    rows.reserve(agents->size());
    Watchdog &w = m_server->watchdog();
    for (const AgentSummary &a : *agents)
        rows.append(statusAgentOf(a, w.viewOf(a.id)).row); // one lock per agent; the same mapping as /status
    Q_EMIT snapshot(rows);                                 // queued to the GUI thread
}

template <typename F> void LocalMonitor::offGuiThread(F work)
{
    if (!m_server || !m_snapshotWorker) {
        Q_EMIT actionDone(tr("reach the engine"), tr("the local engine is not running"));
        return;
    }
    QMetaObject::invokeMethod(m_snapshotWorker, std::move(work), Qt::QueuedConnection);
}

template <typename F> void LocalMonitor::onOwnerThread(QObject *(LocalMonitor::*owner)() const, F work)
{
    QObject *target = m_server ? (this->*owner)() : nullptr;
    if (!target) {
        Q_EMIT actionDone(tr("reach the engine"), tr("the local engine is not running"));
        return;
    }
    QMetaObject::invokeMethod(target, std::move(work), Qt::QueuedConnection);
}

QObject *LocalMonitor::alertsObject() const
{
    return &m_server->alerts();
}

QObject *LocalMonitor::watchdogObject() const
{
    return &m_server->watchdog();
}

void LocalMonitor::requestAlerts(const IncidentFilter &filter)
{
    // The history query is read-only and uses the snapshot thread's connection.
    offGuiThread([this, filter] {
        QString error;
        const QList<Incident> list = m_server->alerts().history(filter, &error);
        Q_EMIT alertsReady(list);
    });
}

void LocalMonitor::requestDeliveries(qint64 incidentId)
{
    offGuiThread([this, incidentId] {
        QString error;
        const auto list = m_server->alerts().deliveries(incidentId, &error);
        if (!list && error.isEmpty())
            error = tr("no such alert");
        Q_EMIT deliveriesReady(incidentId, list.value_or(QList<Delivery>()), error);
    });
}

void LocalMonitor::acknowledge(qint64 incidentId)
{
    // Writes run on the thread of the engine object that owns the data (the alert engine and the
    // watchdog live on the watchdog's thread), as the API's admin actions do.
    onOwnerThread(&LocalMonitor::alertsObject, [this, incidentId] {
        QString error;
        m_server->alerts().acknowledge(incidentId, &error);
        Q_EMIT actionDone(tr("acknowledge"), error);
    });
}

void LocalMonitor::requestDetail(qint64 agentId, const QString &name)
{
    offGuiThread([this, agentId, name] {
        m_server->watchdog().flush(); // the newest transitions too (flush is thread-safe)
        const LocalQueries queries(m_server->database());
        const DayBuckets buckets(m_config.timeZone);
        const qint64 nowSecs = m_clock.nowMs() / 1000;
        AgentDetail d;
        d.agentId = agentId;
        d.timeline = queries.timeline(agentId, 200);
        d.beats = queries.recentBeats(agentId, 50);
        AlertEngine::Filter f;
        f.agent = name;
        f.limit = 50;
        d.incidents = m_server->alerts().history(f);
        d.restarts = queries.restarts(agentId, 50);
        d.settings = queries.settings(agentId);
        d.hourFromSecs = (nowSecs / 60 - 59) * 60;
        d.dayFromSecs = (nowSecs / 3600 - 23) * 3600;
        const qint64 today = buckets.dayStartSecs(m_clock.nowMs());
        d.monthFromSecs = buckets.dayStartSecs((today - 29 * 86400 + 43200) * 1000);
        d.hour = queries.usage(agentId, 60, d.hourFromSecs);
        d.day = queries.usage(agentId, 3600, d.dayFromSecs);
        d.month = queries.usage(agentId, 86400, d.monthFromSecs);
        d.dayModels = queries.modelUsage(agentId, 3600, d.dayFromSecs);
        d.monthModels = queries.modelUsage(agentId, 86400, d.monthFromSecs);
        d.costPerIterationUsd = queries.costPerIteration(agentId, d.dayFromSecs * 1000);
        Q_EMIT detailReady(d);
    });
}

void LocalMonitor::pause(qint64 agentId, const QString &name, qint64 untilMs)
{
    if (!m_server)
        return;
    const bool ok = m_server->watchdog().pause(agentId, name, untilMs, tr("paused from the desktop app"));
    m_changes.fetch_add(1); // a new snapshot shows it
    Q_EMIT actionDone(tr("pause %1").arg(name), ok ? QString() : tr("unknown agent"));
}

void LocalMonitor::resume(qint64 agentId)
{
    if (!m_server)
        return;
    const bool ok = m_server->watchdog().resume(agentId);
    m_changes.fetch_add(1);
    Q_EMIT actionDone(tr("resume"), ok ? QString() : tr("the agent is not paused"));
}

void LocalMonitor::requestCosts(int days)
{
    offGuiThread([this, days] {
        const DayBuckets buckets(m_config.timeZone);
        const qint64 today = buckets.dayStartSecs(m_clock.nowMs());
        // The day `days - 1` before today, in local time (days are not all 24 h long).
        const qint64 from = buckets.dayStartSecs((today - qint64(days - 1) * 86400 + 43200) * 1000);
        Q_EMIT costsReady(LocalQueries(m_server->database()).dailyCosts(from));
    });
}

void LocalMonitor::requestHistory()
{
    if (!m_server || !m_snapshotWorker)
        return; // not running (yet): the window asks again when the first agents appear
    offGuiThread([this] {
        m_server->watchdog().flush(); // the newest transitions too
        QString error;
        const auto history = LocalQueries(m_server->database()).history(m_clock.nowMs(), &error);
        if (!history) {
            qCWarning(lcGui) << "the agents' history cannot be read:" << error;
            return;
        }
        Q_EMIT historyReady(*history);
    });
}

void LocalMonitor::forget(qint64 agentId, const QString &name)
{
    offGuiThread([this, agentId, name] {
        // The writer deletes it between two commits; then the watchdog lets go of what it knew.
        const HeartbeatWriter::ForgetResult forgotten = m_server->writer().forget(name).get();
        if (forgotten.ok)
            m_server->watchdog().forget(agentId, name);
        m_changes.fetch_add(1);
        Q_EMIT actionDone(tr("forget %1").arg(name), forgotten.error);
    });
}

void LocalMonitor::restart(qint64, const QString &name)
{
    if (!m_server)
        return;
    RestartManager *restarts = &m_server->restarts();
    QPointer<LocalMonitor> self(this);
    QMetaObject::invokeMethod(
        restarts,
        [self, restarts, name] {
            QString error;
            restarts->restartNow(name, &error);
            if (self)
                Q_EMIT self->actionDone(tr("restart %1").arg(name), error);
        },
        Qt::QueuedConnection);
}

void LocalMonitor::applyRestartTarget(const QString &agent, const QString &target)
{
    RestartManager *restarts = &m_server->restarts();
    QMetaObject::invokeMethod(
        restarts,
        [restarts, agent, target] {
            QString error;
            if (!restarts->setTarget(agent, target, &error))
                qCWarning(lcGui) << "restart target of" << agent << "not applied:" << error;
        },
        Qt::QueuedConnection);
}

void LocalMonitor::setSettings(qint64 agentId, const QString &name, const AgentSettings &settings)
{
    if (!settings.restartTarget.isEmpty()) {
        QString error;
        if (!RestartTarget::parse(settings.restartTarget, &error)) {
            Q_EMIT actionDone(tr("save the settings of %1").arg(name), error);
            return;
        }
    }
    onOwnerThread(&LocalMonitor::watchdogObject, [this, agentId, name, settings] {
        QString error;
        if (m_server->watchdog().setSettings(agentId, name, settings, &error))
            applyRestartTarget(name, settings.restartTarget);
        m_changes.fetch_add(1);
        Q_EMIT actionDone(tr("save the settings of %1").arg(name), error);
    });
}

void LocalMonitor::silence(const QString &pattern, qint64 untilMs, const QString &comment)
{
    onOwnerThread(&LocalMonitor::alertsObject, [this, pattern, untilMs, comment] {
        QString error;
        m_server->alerts().addSilence(pattern, untilMs, comment, &error);
        Q_EMIT actionDone(tr("silence %1").arg(pattern), error);
    });
}

void LocalMonitor::reconfigure(const ServerConfig &config)
{
    const QList<ChannelConfig> channels = m_config.channels;
    stopSnapshots();
    if (m_server)
        m_server->stop(5000);
    m_server.reset();
    m_config = config;
    m_config.channels = channels;
    m_seenCommits = -1;
    start();
}

void LocalMonitor::setChannels(const QList<ChannelConfig> &channels)
{
    m_config.channels = channels;
    if (!m_server)
        return;
    NotificationDispatcher *dispatcher = &m_server->dispatcher();
    QMetaObject::invokeMethod(
        dispatcher, [dispatcher, channels] { dispatcher->setChannels(channels); }, Qt::QueuedConnection);
}

void LocalMonitor::testChannel(const ChannelConfig &config, QObject *context, std::function<void(const QString &)> done)
{
    if (!m_server) {
        done(tr("the local engine is not running"));
        return;
    }
    QPointer<QObject> guard(context);
    NotificationDispatcher *dispatcher = &m_server->dispatcher();
    // On the dispatcher's thread (it owns the network access); the answer comes back to `context`.
    QMetaObject::invokeMethod(
        dispatcher,
        [dispatcher, config, guard, done] {
            dispatcher->sendTest(config, [guard, done](const QString &error) {
                if (guard)
                    QMetaObject::invokeMethod(
                        guard.data(), [done, error] { done(error); }, Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void LocalMonitor::requestKeys()
{
    offGuiThread([this] {
        QString error;
        const QList<StoredKey> keys = LocalQueries(m_server->database()).keys(&error);
        if (!error.isEmpty())
            Q_EMIT actionDone(tr("list the API keys"), error);
        Q_EMIT keysReady(keys);
    });
}

void LocalMonitor::createKey(const QString &name, ApiKey::Scopes scopes)
{
    offGuiThread([this, name, scopes] {
        QString error;
        const auto created = LocalQueries(m_server->database()).createKey(name, scopes, m_clock.nowMs(), &error);
        Q_EMIT keyCreated(created ? created->key : QByteArray(), created ? created->stored : StoredKey(), error);
    });
}

void LocalMonitor::revokeKey(const QByteArray &prefix)
{
    offGuiThread([this, prefix] {
        QString error;
        const int n =
            LocalQueries(m_server->database()).revokeKey(QString::fromLatin1(prefix), m_clock.nowMs(), &error);
        if (n == 0 && error.isEmpty())
            error = tr("no active key %1").arg(QString::fromLatin1(prefix));
        Q_EMIT actionDone(tr("revoke %1").arg(QString::fromLatin1(prefix)), error);
    });
}

void LocalMonitor::rebind(quint16 port)
{
    ServerConfig config = m_config;
    config.http.port = port;
    reconfigure(config);
}

} // namespace clev
