// SPDX-License-Identifier: MIT
#include "engine/RestartManager.h"

#include "core/Clock.h"
#include "core/Heartbeat.h"
#include "core/Logging.h"
#include "engine/AlertEngine.h"
#include "storage/AgentQueries.h"
#include "storage/SqliteStores.h"

#include <QPointer>
#include <QThreadPool>
#include <QTimer>

namespace clev {

namespace {
// What the target says about the agent's last run: state, exit code, OOM, health and the last log
// lines of that run. Blocking: call it on a pool thread.
RestartContext describeTarget(const RestartTarget &target, const QString &container,
                              const RestartManager::Options &options)
{
    RestartContext context;
    QString ignored;
    if (target.kind == RestartTarget::Kind::Docker) {
        if (container.isEmpty())
            return context;
        DockerClient docker(options.dockerHost);
        docker.inspect(container, &context, &ignored);
        context.lastLines = docker.logs(container, options.logLines, &ignored, context.startedAtSecs);
    } else if (target.kind != RestartTarget::Kind::Process) {
        SystemdClient systemd(target.kind == RestartTarget::Kind::SystemdUser, options.systemd());
        systemd.state(target.name, &context, &ignored);
        context.lastLines = systemd.journal(target.name, options.logLines, &ignored);
    }
    return context;
}
} // namespace

RestartManager::RestartManager(const Database &db, const Clock &clock, AlertEngine *alerts,
                               const QHash<QString, Policy> &policies, Options options, QObject *parent)
    : RestartManager(db, nullptr, clock, alerts, policies, std::move(options), parent)
{
    m_own = std::make_unique<SqliteRestartStore>(db);
    m_store = m_own.get();
}

RestartManager::RestartManager(const Database &db, RestartStore *store, const Clock &clock, AlertEngine *alerts,
                               const QHash<QString, Policy> &policies, Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_store(store)
    , m_clock(clock)
    , m_alerts(alerts)
    , m_options(std::move(options))
    , m_supervisor(this)
{
    for (auto it = policies.cbegin(); it != policies.cend(); ++it) {
        Agent a;
        a.policy = it.value();
        a.guard = RestartGuard(it.value().guard);
        if (a.policy.target.kind == RestartTarget::Kind::Process) {
            ProcessSupervisor::Spec spec = a.policy.process;
            spec.agent = it.key();
            m_supervisor.add(spec);
        }
        m_agents.insert(it.key(), a);
    }
    connect(&m_supervisor, &ProcessSupervisor::exited, this, &RestartManager::onProcessExited);
}

RestartManager::~RestartManager() = default;

bool RestartManager::setTarget(const QString &agent, const QString &target, QString *error)
{
    auto it = m_agents.find(agent);
    if (target.trimmed().isEmpty()) {
        if (it != m_agents.end() && it->policy.target.kind != RestartTarget::Kind::Process && !it->inFlight)
            m_agents.erase(it);
        return true;
    }
    const auto parsed = RestartTarget::parse(target, error);
    if (!parsed)
        return false;
    if (parsed->kind == RestartTarget::Kind::Process) {
        *error = QStringLiteral("supervised processes are set in the configuration file");
        return false;
    }
    if (it == m_agents.end()) {
        Agent a;
        a.guard = RestartGuard(a.policy.guard);
        it = m_agents.insert(agent, a);
    } else if (it->policy.target.kind == RestartTarget::Kind::Process) {
        *error = QStringLiteral("'%1' runs as a supervised process").arg(agent);
        return false;
    }
    it->policy.target = *parsed;
    return true;
}

int RestartManager::attemptsInFlight() const
{
    return static_cast<int>(
        std::count_if(m_agents.cbegin(), m_agents.cend(), [](const Agent &a) { return a.inFlight; }));
}

void RestartManager::startSupervised()
{
    for (auto it = m_agents.begin(); it != m_agents.end(); ++it) {
        if (it->policy.target.kind != RestartTarget::Kind::Process)
            continue;
        QString error;
        if (!m_supervisor.start(it.key(), &error))
            qCWarning(lcRestart) << "cannot start" << it.key() << ":" << error;
    }
}

qint64 RestartManager::agentIdFor(const QString &agent)
{
    Agent &a = m_agents[agent];
    if (a.agentId == 0) {
        AgentQueries queries(m_db);
        a.agentId = queries.idOf(agent);
        if (a.agentId == 0) {
            QString error;
            // A supervised agent that never beat yet. (Already there: added meanwhile, idOf finds it.)
            if (!queries.add(agent, m_clock.nowMs(), &error) && !error.isEmpty())
                qCWarning(lcRestart) << "cannot register" << agent << ":" << error;
            a.agentId = queries.idOf(agent);
        }
    }
    return a.agentId;
}

void RestartManager::onTransition(const StateTransition &t)
{
    if (t.event != StateTransition::Event::State)
        return;
    // A crash report is a death without a clean shutdown too: the process is on its way out.
    const bool crashed = t.to == AgentState::Error && Heartbeat::isCrashMessage(t.lastMessage);
    auto it = m_agents.find(t.agent);
    if (it == m_agents.end()) {
        if ((t.to != AgentState::Dead && !crashed) || !adoptContainer(t.agent))
            return;
        it = m_agents.find(t.agent);
    }
    it->agentId = t.agentId;
    if (t.to == AgentState::Dead || (crashed && it->policy.target.kind == RestartTarget::Kind::Docker)) {
        // A crashed container exits and nothing else starts it again; a process or a unit is restarted
        // by its supervisor when it exits, so for those only death counts.
        it->needed = true;
        RestartContext known;
        if (it->policy.target.kind == RestartTarget::Kind::Process)
            known.lastLines = m_supervisor.lastLines(t.agent);
        const Cause cause = t.causeData.isNone() ? Cause::text(t.cause) : t.causeData;
        attempt(t.agent,
                Cause(crashed ? CauseKind::RestartCrashed : CauseKind::RestartDied,
                      {{CauseParam::Cause, cause.toVariant()}}),
                known);
    } else if (t.to == AgentState::Healthy || t.to == AgentState::Warning || t.to == AgentState::Stopped) {
        it->needed = false;
        it->guard.healthy(m_clock.nowMs());
    }
}

bool RestartManager::adoptContainer(const QString &agent)
{
    if (containerFromBeats(agent).isEmpty())
        return false;
    Agent a; // the container its beats named: "docker:auto", guarded as a configured target is
    a.policy.target = RestartTarget{RestartTarget::Kind::Docker, QStringLiteral("auto")};
    a.policy.guard = m_options.containerGuard;
    a.guard = RestartGuard(m_options.containerGuard);
    m_agents.insert(agent, a);
    return true;
}

bool RestartManager::willRestart(const QString &agent) const
{
    return m_agents.contains(agent) || !containerFromBeats(agent).isEmpty();
}

QString RestartManager::containerFromBeats(const QString &agent) const
{
    return m_options.containersFromBeats ? storedContainer(agent) : QString();
}

QString RestartManager::storedContainer(const QString &agent) const
{
    QString error;
    const QString container = AgentQueries(m_db).containerOf(agent, &error);
    if (!error.isEmpty())
        qCWarning(lcRestart) << "cannot read the container of" << agent << ":" << error;
    return container;
}

void RestartManager::onProcessExited(const QString &agent, const RestartContext &context)
{
    auto it = m_agents.find(agent);
    if (it == m_agents.end())
        return;
    it->needed = true;
    attempt(agent, Cause(CauseKind::RestartExited, {{CauseParam::Summary, context.summary}}), context);
}

// Long function: one restart attempt as a sequence (guard, context before, the pool's call, the
// answer back on this thread, the stored row and the alert), kept together to read in order.
void RestartManager::attempt(const QString &agent, const Cause &trigger, const RestartContext &known)
{
    Agent &a = m_agents[agent];
    if (a.inFlight || !a.needed)
        return;
    const qint64 now = m_clock.nowMs();
    const RestartGuard::Decision d = a.guard.decide(now);
    if (d.kind == RestartGuard::Decision::Kind::GiveUp) {
        if (a.guard.gaveUp())
            return; // already reported; waiting for a person
        a.guard.giveUp();
        a.needed = false;
        const auto report = [this, agent, trigger, why = d.why](const RestartContext &context) {
            finish(agent, trigger, false, context, QStringLiteral("gave up: %1").arg(why));
            Cause detail(CauseKind::RestartGaveUp,
                         {{CauseParam::Why, why}, {CauseParam::Trigger, trigger.toVariant()}});
            if (!context.describe().isEmpty())
                detail.params.insert(CauseParam::Context, context.describe());
            m_alerts->raise(agentIdFor(agent), agent, IncidentKind::RestartFailed,
                            Cause(CauseKind::AgentNotRestarted, {{CauseParam::Agent, agent}}), detail,
                            QStringLiteral("ClevAgent stopped trying after %1 attempts; it waits for a person "
                                           "(incidents ack, or a new start).")
                                .arg(m_agents.value(agent).policy.guard.maxRestarts));
        };
        if (!known.summary.isEmpty() || a.policy.target.kind == RestartTarget::Kind::Process) {
            report(known);
            return;
        }
        // Docker or systemd: what the last run ended with (exit code, last log lines) goes into the
        // incident a person reads. Asked on a pool thread; reported back here.
        a.inFlight = true;
        const RestartTarget target = a.policy.target;
        const QString container =
            target.kind == RestartTarget::Kind::Docker && target.name == u"auto" ? storedContainer(agent) : target.name;
        const Options options = m_options;
        QPointer<RestartManager> self(this);
        restartPool().start([self, target, container, options, report] {
            const RestartContext context =
                describeTarget(target, DockerClient::validContainer(container) ? container : QString(), options);
            if (self)
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, context, report] {
                        if (!self)
                            return;
                        report(context);
                    },
                    Qt::QueuedConnection);
        });
        return;
    }
    if (d.kind == RestartGuard::Decision::Kind::Later) {
        if (!a.retry) {
            a.retry = new QTimer(this);
            a.retry->setSingleShot(true);
        }
        a.retry->disconnect();
        connect(a.retry, &QTimer::timeout, this, [this, agent, trigger, known] { attempt(agent, trigger, known); });
        a.retry->start(static_cast<int>(std::clamp<qint64>(d.atMs - now, 0, 3'600'000)));
        return;
    }

    a.guard.attempted(now);
    a.inFlight = true;
    const RestartTarget target = a.policy.target;
    if (target.kind == RestartTarget::Kind::Process) {
        QString error;
        RestartContext context = known;
        if (context.lastLines.isEmpty())
            context.lastLines = m_supervisor.lastLines(agent);
        const bool ok = m_supervisor.start(agent, &error);
        finish(agent, trigger, ok, context, error);
        return;
    }

    // Docker and systemd calls block: they run on a pool thread and report back here.
    QString container = target.name;
    if (target.kind == RestartTarget::Kind::Docker && container == u"auto") {
        // "docker:auto": the container the agent's own beats named (container_id).
        container = storedContainer(agent);
        if (!container.isEmpty() && !DockerClient::validContainer(container)) {
            finish(agent, trigger, false, known,
                   QStringLiteral("the agent's beats name '%1', which is not a Docker container id or name; nothing "
                                  "was sent to the engine")
                       .arg(container.left(80)));
            return;
        }
    }
    const Options options = m_options;
    const int stopTimeout = a.policy.stopTimeoutSecs;
    QPointer<RestartManager> self(this);
    restartPool().start([self, agent, trigger, target, container, options, stopTimeout] {
        RestartContext context = describeTarget(target, container, options);
        QString error;
        bool ok = false;
        if (target.kind == RestartTarget::Kind::Docker) {
            if (container.isEmpty())
                error = QStringLiteral("no container known: the agent's beats carry no container_id");
            else
                ok = DockerClient(options.dockerHost).restart(container, stopTimeout, &error);
        } else {
            ok = SystemdClient(target.kind == RestartTarget::Kind::SystemdUser, options.systemd())
                     .restart(target.name, &error);
        }
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, agent, trigger, ok, context, error] {
                    if (self)
                        self->finish(agent, trigger, ok, context, error);
                },
                Qt::QueuedConnection);
    });
}

void RestartManager::finish(const QString &agent, const Cause &trigger, bool ok, const RestartContext &context,
                            const QString &error)
{
    Agent &a = m_agents[agent];
    a.inFlight = false;
    const qint64 now = m_clock.nowMs();
    const qint64 agentId = agentIdFor(agent);
    const QString target =
        a.policy.target.kind == RestartTarget::Kind::Process ? QStringLiteral("process") : a.policy.target.toString();
    const int attemptNo = a.guard.recentAttempts(now);
    const QString what = ok ? QStringLiteral("restarted through %1 (attempt %2 of %3)")
                                  .arg(target)
                                  .arg(attemptNo)
                                  .arg(a.policy.guard.maxRestarts)
                            : QStringLiteral("restart through %1 failed: %2").arg(target, error);
    Cause result(CauseKind::RestartResult,
                 {{CauseParam::Ok, ok}, {CauseParam::Target, target}, {CauseParam::Trigger, trigger.toVariant()}});
    if (ok) {
        result.params.insert(CauseParam::Attempt, attemptNo);
        result.params.insert(CauseParam::Max, a.policy.guard.maxRestarts);
    } else {
        result.params.insert(CauseParam::Error, error);
    }
    if (!context.describe().isEmpty())
        result.params.insert(CauseParam::Context, context.describe());
    const QString text = englishText(result);
    {
        RestartAttempt record;
        record.agentId = agentId;
        record.atMs = now;
        record.target = target;
        record.trigger = englishText(trigger);
        record.ok = ok;
        record.context = context.describe();
        record.error = error;
        record.timelineCauseData = Cause(CauseKind::Restart, result.params);
        record.timelineCause = englishText(record.timelineCauseData);
        QString storeError;
        if (!m_store->record(record, &storeError))
            qCWarning(lcRestart) << "cannot record the restart of" << agent << ":" << storeError;
    }
    qCInfo(lcRestart) << agent << text;
    if (trigger.kind == CauseKind::RestartCrashed) {
        m_alerts->amend(agentId, agent, IncidentKind::Crash, text, what, QStringLiteral("restart-%1").arg(now));
    } else if (a.policy.target.kind == RestartTarget::Kind::Process && trigger.kind == CauseKind::RestartExited) {
        // The supervisor saw the exit before any watchdog deadline: a crash incident, or an update of the
        // one already open (a crash loop).
        if (!m_alerts->raise(agentId, agent, IncidentKind::Crash,
                             Cause(CauseKind::AgentExited, {{CauseParam::Agent, agent}}), result, what,
                             context.lastLines.isEmpty() ? QString() : context.lastLines.last()))
            m_alerts->amend(agentId, agent, IncidentKind::Crash, text, what, QStringLiteral("restart-%1").arg(now));
    } else {
        m_alerts->amend(agentId, agent, IncidentKind::Dead, text, what, QStringLiteral("restart-%1").arg(now));
    }
    Q_EMIT attemptFinished(agent, ok, text);
}

bool RestartManager::restartNow(const QString &agent, QString *error)
{
    auto it = m_agents.find(agent);
    if (it == m_agents.end() && adoptContainer(agent))
        it = m_agents.find(agent);
    if (it == m_agents.end()) {
        *error = QStringLiteral("no restart target is configured for '%1' and its beats name no container; nothing is "
                                "restarted without one")
                     .arg(agent);
        return false;
    }
    if (it->inFlight) {
        *error = QStringLiteral("a restart of '%1' is already under way").arg(agent);
        return false;
    }
    it->guard.reset();
    it->needed = true;
    attempt(agent, Cause(CauseKind::RestartAsked), RestartContext());
    return true;
}

bool RestartManager::stop(const QString &agent, QString *error)
{
    auto it = m_agents.find(agent);
    if (it == m_agents.end() || it->policy.target.kind != RestartTarget::Kind::Process) {
        *error = QStringLiteral("'%1' is not a process this server supervises").arg(agent);
        return false;
    }
    it->needed = false;
    if (it->retry)
        it->retry->stop();
    m_supervisor.stop(agent);
    return true;
}

bool RestartManager::reset(const QString &agent)
{
    auto it = m_agents.find(agent);
    if (it == m_agents.end())
        return false;
    it->guard.reset();
    return true;
}

} // namespace clev
