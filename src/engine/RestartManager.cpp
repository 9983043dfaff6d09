// SPDX-License-Identifier: MIT
#include "engine/RestartManager.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "engine/AlertEngine.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"

#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QTimer>
#include <QVariant>

namespace clev {

RestartManager::RestartManager(const Database &db, const Clock &clock, AlertEngine *alerts, const QHash<QString, Policy> &policies,
                               Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
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
    return static_cast<int>(std::count_if(m_agents.cbegin(), m_agents.cend(), [](const Agent &a) { return a.inFlight; }));
}

void RestartManager::startSupervised()
{
    for (auto it = m_agents.begin(); it != m_agents.end(); ++it) {
        if (it->policy.target.kind != RestartTarget::Kind::Process)
            continue;
        QString error;
        if (!m_supervisor.start(it.key(), &error))
            qCWarning(lcCore) << "cannot start" << it.key() << ":" << error;
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
            queries.add(agent, m_clock.nowMs(), &error); // a supervised agent that never beat yet
            a.agentId = queries.idOf(agent);
        }
    }
    return a.agentId;
}

void RestartManager::onTransition(const StateTransition &t)
{
    auto it = m_agents.find(t.agent);
    if (it == m_agents.end() || t.event != StateTransition::Event::State)
        return;
    it->agentId = t.agentId;
    if (t.to == AgentState::Dead) {
        it->needed = true;
        RestartContext known;
        if (it->policy.target.kind == RestartTarget::Kind::Process)
            known.lastLines = m_supervisor.lastLines(t.agent);
        attempt(t.agent, QStringLiteral("died: %1").arg(t.cause), known);
    } else if (t.to == AgentState::Healthy || t.to == AgentState::Warning || t.to == AgentState::Stopped) {
        it->needed = false;
        it->guard.healthy(m_clock.nowMs());
    }
}

void RestartManager::onProcessExited(const QString &agent, const RestartContext &context)
{
    auto it = m_agents.find(agent);
    if (it == m_agents.end())
        return;
    it->needed = true;
    attempt(agent, QStringLiteral("exited: %1").arg(context.summary), context);
}

void RestartManager::attempt(const QString &agent, const QString &trigger, const RestartContext &known)
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
        const QString detail = QStringLiteral("%1 (%2)").arg(d.why, trigger);
        finish(agent, trigger, false, known, QStringLiteral("gave up: %1").arg(d.why));
        m_alerts->raise(agentIdFor(agent), agent, QStringLiteral("restart_failed"),
                        QStringLiteral("Agent '%1' could not be restarted").arg(agent), detail + (known.describe().isEmpty() ? QString() : QStringLiteral("; ") + known.describe()),
                        QStringLiteral("ClevAgent stopped trying after %1 attempts; it waits for a person (incidents ack, or a new start).")
                            .arg(a.policy.guard.maxRestarts));
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
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT container_id FROM agents WHERE name = ?"));
        q.addBindValue(agent);
        container = q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    const Options options = m_options;
    const int stopTimeout = a.policy.stopTimeoutSecs;
    QPointer<RestartManager> self(this);
    QThreadPool::globalInstance()->start([self, agent, trigger, target, container, options, stopTimeout] {
        RestartContext context;
        QString error;
        bool ok = false;
        if (target.kind == RestartTarget::Kind::Docker) {
            DockerClient docker(options.dockerHost);
            if (container.isEmpty()) {
                error = QStringLiteral("no container known: the agent's beats carry no container_id");
            } else {
                QString ignored;
                docker.inspect(container, &context, &ignored);
                context.lastLines = docker.logs(container, options.logLines, &ignored);
                ok = docker.restart(container, stopTimeout, &error);
            }
        } else {
            SystemdClient systemd(target.kind == RestartTarget::Kind::SystemdUser, options.systemctl, options.journalctl);
            QString ignored;
            systemd.state(target.name, &context, &ignored);
            context.lastLines = systemd.journal(target.name, options.logLines, &ignored);
            ok = systemd.restart(target.name, &error);
        }
        if (self)
            QMetaObject::invokeMethod(self.data(), [self, agent, trigger, ok, context, error] {
                if (self)
                    self->finish(agent, trigger, ok, context, error);
            }, Qt::QueuedConnection);
    });
}

void RestartManager::finish(const QString &agent, const QString &trigger, bool ok, const RestartContext &context, const QString &error)
{
    Agent &a = m_agents[agent];
    a.inFlight = false;
    const qint64 now = m_clock.nowMs();
    const qint64 agentId = agentIdFor(agent);
    const QString target = a.policy.target.kind == RestartTarget::Kind::Process ? QStringLiteral("process") : a.policy.target.toString();
    const int attemptNo = a.guard.recentAttempts(now);
    const QString what = ok ? QStringLiteral("restarted through %1 (attempt %2 of %3)").arg(target).arg(attemptNo).arg(a.policy.guard.maxRestarts)
                            : QStringLiteral("restart through %1 failed: %2").arg(target, error);
    const QString text = QStringLiteral("%1 after %2%3").arg(what, trigger, context.describe().isEmpty() ? QString() : QStringLiteral("; ") + context.describe());
    {
        WriteTransaction tx(m_db);
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO restarts(agent_id, at, target, trigger, ok, context, error) VALUES(?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(agentId);
        q.addBindValue(now);
        q.addBindValue(target);
        q.addBindValue(trigger);
        q.addBindValue(ok ? 1 : 0);
        const QString described = context.describe();
        q.addBindValue(described.isNull() ? QStringLiteral("") : described); // a null QString would bind NULL
        q.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
        if (!tx.isOpen() || !q.exec())
            qCWarning(lcCore) << "cannot record the restart:" << tx.error() << q.lastError().text();
        // The agent's timeline gets the attempt too, its state unchanged.
        q.prepare(QStringLiteral("INSERT INTO state_changes(agent_id, at, from_state, to_state, cause)"
                                 " SELECT id, ?, state, state, ? FROM agents WHERE id = ?"));
        q.addBindValue(now);
        q.addBindValue(QString(QStringLiteral("restart: ") + text));
        q.addBindValue(agentId);
        q.exec();
        q.finish();
        tx.commit();
    }
    qCInfo(lcCore) << agent << text;
    if (a.policy.target.kind == RestartTarget::Kind::Process && trigger.startsWith(u"exited")) {
        // The supervisor saw the exit before any watchdog deadline: that is a crash incident.
        // The supervisor saw the exit before any watchdog deadline: a crash incident, or an update of the
        // one already open (a crash loop).
        if (!m_alerts->raise(agentId, agent, QStringLiteral("crash"), QStringLiteral("Agent '%1' exited").arg(agent), text, what,
                             context.lastLines.isEmpty() ? QString() : context.lastLines.last()))
            m_alerts->amend(agentId, agent, QStringLiteral("crash"), text, what, QStringLiteral("restart-%1").arg(now));
    } else {
        m_alerts->amend(agentId, agent, QStringLiteral("dead"), text, what, QStringLiteral("restart-%1").arg(now));
    }
    Q_EMIT attemptFinished(agent, ok, text);
}

bool RestartManager::restartNow(const QString &agent, QString *error)
{
    auto it = m_agents.find(agent);
    if (it == m_agents.end()) {
        *error = QStringLiteral("no restart target is configured for '%1'; nothing is restarted without one").arg(agent);
        return false;
    }
    if (it->inFlight) {
        *error = QStringLiteral("a restart of '%1' is already under way").arg(agent);
        return false;
    }
    it->guard.reset();
    it->needed = true;
    attempt(agent, QStringLiteral("asked by a person"), RestartContext());
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
