// SPDX-License-Identifier: MIT
#include "engine/AlertEngine.h"

#include "core/Clock.h"
#include "core/Csv.h"
#include "core/Logging.h"
#include "engine/NotificationDispatcher.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace clev {

namespace {

const QString NoRestart = QStringLiteral("No automatic restart is configured for this agent; ClevAgent keeps watching it.");

} // namespace

AlertEngine::AlertEngine(const Database &db, const Clock &clock, NotificationDispatcher *dispatcher, Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_dispatcher(dispatcher)
    , m_options(options)
    , m_repeatTimer(this)
    , m_flapTimer(this)
    , m_flaps(options.flap)
{
    if (m_options.repeatMinutes > 0) {
        connect(&m_repeatTimer, &QTimer::timeout, this, &AlertEngine::repeatDue);
        m_repeatTimer.start(30'000);
    }
    connect(&m_flapTimer, &QTimer::timeout, this, &AlertEngine::flapsDue);
    m_flapTimer.setInterval(static_cast<int>(std::clamp<qint64>(m_options.flap.windowMs / 6, 500, 30'000)));
}

Notification AlertEngine::trigger(qint64 incidentId, const QString &kind, const QString &agent, const QString &summary,
                                  const QString &detail, const QString &actionTaken, qint64 sinceMs, qint64 nowMs)
{
    Notification n;
    n.action = Notification::Action::Trigger;
    n.kind = kind;
    n.agent = agent;
    n.incidentId = incidentId;
    n.summary = summary;
    n.detail = detail;
    n.actionTaken = actionTaken;
    n.sinceMs = sinceMs;
    n.atMs = nowMs;
    n.idempotencyKey = QStringLiteral("incident-%1-trigger").arg(incidentId); // once per incident, whoever sends it
    return n;
}

const QStringList &AlertEngine::kinds()
{
    static const QStringList all{QStringLiteral("dead"),           QStringLiteral("error"),  QStringLiteral("crash"),
                                 QStringLiteral("loop"),           QStringLiteral("budget"), QStringLiteral("project_budget"),
                                 QStringLiteral("restart_failed"), QStringLiteral("flapping")};
    return all;
}

QString AlertEngine::routeOf(const QString &kind)
{
    return kind == u"flapping" ? QStringLiteral("dead") : kind; // a channel that takes deaths takes flapping
}

QString AlertEngine::noRestartOr(const QString &agent) const
{
    if (m_restartCheck && m_restartCheck(agent))
        return QStringLiteral("ClevAgent restarts it through its restart target; each attempt is added here.");
    return NoRestart;
}

void AlertEngine::onDeath(const StateTransition &t, const QString &summary)
{
    switch (m_flaps.onDeath(QString::number(t.agentId), t.atMs)) {
    case FlapDamper::Death::Notify:
        open(t, QStringLiteral("dead"), summary, t.cause, noRestartOr(t.agent));
        return;
    case FlapDamper::Death::StartsFlapping: {
        const QString window = formatDuration(m_options.flap.windowMs);
        open(t, QStringLiteral("dead"), summary, t.cause, noRestartOr(t.agent), false);
        open(t, QStringLiteral("flapping"), QStringLiteral("Agent '%1' is flapping").arg(t.agent),
             QStringLiteral("It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and "
                            "recoveries are recorded but not notified one by one until it has stayed up for %2.")
                 .arg(m_options.flap.count)
                 .arg(window, t.cause),
             noRestartOr(t.agent));
        m_flapping.insert(t.agentId, t.agent);
        if (!m_flapTimer.isActive())
            m_flapTimer.start();
        return;
    }
    case FlapDamper::Death::Damped:
        open(t, QStringLiteral("dead"), summary, t.cause, noRestartOr(t.agent), false);
        return;
    }
}

void AlertEngine::flapsDue()
{
    const qint64 now = m_clock.nowMs();
    for (const QString &key : m_flaps.settled(now)) {
        const qint64 agentId = key.toLongLong();
        StateTransition t;
        t.agentId = agentId;
        t.agent = m_flapping.take(agentId);
        t.atMs = now;
        const auto dead = openIncident(agentId, QStringLiteral("dead"));
        if (dead && m_damped.remove(dead->id)) {
            // It stopped flapping by staying dead: that death is told now, and its end will be.
            resolve(t, QStringLiteral("flapping"),
                    QStringLiteral("no new death for %1, but it is dead").arg(formatDuration(m_options.flap.windowMs)));
            const Notification n = trigger(dead->id, QStringLiteral("dead"), t.agent, dead->summary,
                                           QStringLiteral("It stopped flapping and stayed dead."), NoRestart,
                                           dead->openedAtMs, now);
            WriteTransaction tx(m_db);
            if (!dead->silenced && enqueue(n, n.kind) && tx.commit() && m_dispatcher)
                m_dispatcher->pump();
        } else {
            resolve(t, QStringLiteral("flapping"),
                    QStringLiteral("stable again: no death for %1").arg(formatDuration(m_options.flap.windowMs)));
        }
    }
    if (m_flapping.isEmpty())
        m_flapTimer.stop();
}

void AlertEngine::onTransition(const StateTransition &t)
{
    using Event = StateTransition::Event;
    const QString who = QStringLiteral("Agent '%1'").arg(t.agent);
    switch (t.event) {
    case Event::State:
        // Any way back to life ends a death, also the end of a pause; pausing itself mutes a death but
        // does not undo it.
        if (t.to != AgentState::Dead && t.to != AgentState::Paused)
            resolve(t, QStringLiteral("dead"), t.cause);
        // An error or crash ends when the agent beats fine again, not when it goes silent.
        if (t.to == AgentState::Healthy || t.to == AgentState::Warning || t.to == AgentState::Stopped) {
            resolve(t, QStringLiteral("error"), t.cause);
            resolve(t, QStringLiteral("crash"), t.cause);
        }
        if (t.to == AgentState::Dead) {
            onDeath(t, who + QStringLiteral(" is dead"));
        } else if (t.to == AgentState::Error) {
            const bool crash = Heartbeat::isCrashMessage(t.lastMessage);
            open(t, crash ? QStringLiteral("crash") : QStringLiteral("error"),
                 who + (crash ? QStringLiteral(" crashed") : QStringLiteral(" reports an error")),
                 t.traceback.isEmpty() ? t.cause : t.cause + QStringLiteral("\n\n") + t.traceback.left(4000),
                 crash ? noRestartOr(t.agent) : QString());
        }
        break;
    case Event::LoopStarted:
        open(t, QStringLiteral("loop"), who + QStringLiteral(" is looping"), t.cause,
             QStringLiteral("The agent is told in every heartbeat answer (warning: loop_detected) until the loop ends."));
        break;
    case Event::LoopEnded:
        resolve(t, QStringLiteral("loop"), t.cause);
        break;
    case Event::Budget: {
        // One budget incident per day: the day's first threshold closes yesterday's, if still open.
        // A project's budget is recorded on the agent whose spending crossed the line, with the project
        // in its kind ("project_budget:NAME"), so two projects of one agent stay apart.
        const QString kind = t.project.isEmpty() ? QStringLiteral("budget") : QStringLiteral("project_budget:") + t.project;
        if (t.budgetFirstOfDay)
            resolve(t, kind, QStringLiteral("a new budget day began"));
        const QString owner = t.project.isEmpty() ? who : QStringLiteral("Project '%1'").arg(t.project);
        const QString summary = t.budgetPercent >= 100 ? owner + QStringLiteral(" spent its daily budget")
                                                       : owner + QStringLiteral(" used %1 % of its daily budget").arg(t.budgetPercent);
        const QString detail = t.project.isEmpty() ? t.cause : QStringLiteral("%1 (last spent by agent '%2')").arg(t.cause, t.agent);
        update(t, kind, summary, detail, QStringLiteral("budget-%1").arg(t.budgetPercent));
        break;
    }
    }
}

int AlertEngine::reconcile(const std::vector<StateTransition> &current)
{
    // Which agents have an error, crash or death open: only they can need a resolution.
    QSet<QPair<qint64, QString>> open;
    {
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("SELECT agent_id, kind FROM incidents WHERE resolved_at IS NULL AND kind IN "
                                   "('error', 'crash', 'dead')"))) {
            qCWarning(lcCore) << "cannot read the open incidents:" << q.lastError().text();
            return 0;
        }
        while (q.next())
            open.insert({q.value(0).toLongLong(), q.value(1).toString()});
    }
    int changed = 0;
    WriteTransaction group(m_db); // one commit for all of it
    for (const StateTransition &t : current) {
        const QString who = QStringLiteral("Agent '%1'").arg(t.agent);
        const auto has = [&](const char *kind) { return open.contains({t.agentId, QLatin1String(kind)}); };
        if (t.to == AgentState::Error) {
            const bool crash = Heartbeat::isCrashMessage(t.lastMessage);
            const QString kind = crash ? QStringLiteral("crash") : QStringLiteral("error");
            if (!has(crash ? "crash" : "error") &&
                this->open(t, kind, who + (crash ? QStringLiteral(" crashed") : QStringLiteral(" reports an error")),
                           QStringLiteral("%1 (found at start-up)").arg(t.cause), crash ? noRestartOr(t.agent) : QString()))
                ++changed;
        } else if (t.to == AgentState::Dead) {
            if (!has("dead") && this->open(t, QStringLiteral("dead"), who + QStringLiteral(" is dead"),
                                           QStringLiteral("%1 (found at start-up)").arg(t.cause), noRestartOr(t.agent)))
                ++changed;
        } else if (t.to != AgentState::Paused) {
            for (const char *kind : {"error", "crash", "dead"}) {
                if ((qstrcmp(kind, "dead") == 0 || t.to != AgentState::Late) && has(kind)) {
                    resolve(t, QLatin1String(kind), QStringLiteral("its state is %1 (found at start-up)").arg(agentStateName(t.to)));
                    ++changed;
                }
            }
        }
    }
    if (!group.commit())
        qCWarning(lcCore) << "cannot commit the incidents found at start-up:" << group.error();
    if (changed > 0)
        qCInfo(lcCore) << changed << "incidents opened or resolved at start-up to follow the agents' states";
    return changed;
}

std::optional<AlertEngine::OpenIncident> AlertEngine::openIncident(qint64 agentId, const QString &kind) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, opened_at, summary, silenced_by FROM incidents WHERE agent_id = ? AND kind = ? AND resolved_at IS NULL"));
    q.addBindValue(agentId);
    q.addBindValue(kind);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return OpenIncident{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), !q.value(3).isNull()};
}

bool AlertEngine::raise(qint64 agentId, const QString &agent, const QString &kind, const QString &summary, const QString &detail,
                        const QString &actionTaken, const QString &lastMessage)
{
    StateTransition t;
    t.agentId = agentId;
    t.agent = agent;
    t.atMs = m_clock.nowMs();
    t.lastMessage = lastMessage;
    return open(t, kind, summary, detail, actionTaken);
}

void AlertEngine::amend(qint64 agentId, const QString &agent, const QString &kind, const QString &detail, const QString &actionTaken,
                        const QString &tag)
{
    const auto incident = openIncident(agentId, kind);
    if (!incident || incident->silenced)
        return; // nothing open to amend, or muted
    Notification n;
    n.action = Notification::Action::Update;
    n.kind = kind;
    n.agent = agent;
    n.incidentId = incident->id;
    n.sinceMs = incident->openedAtMs;
    n.summary = incident->summary;
    n.detail = detail;
    n.actionTaken = actionTaken;
    n.atMs = m_clock.nowMs();
    n.idempotencyKey = QStringLiteral("incident-%1-%2").arg(n.incidentId).arg(tag);
    WriteTransaction tx(m_db);
    if (enqueue(n, kind) && tx.commit() && m_dispatcher)
        m_dispatcher->pump();
}

qint64 AlertEngine::silenceFor(const QString &agent) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, pattern FROM silences WHERE until_at > ? ORDER BY id"));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return 0;
    while (q.next()) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(q.value(1).toString()));
        if (re.match(agent).hasMatch())
            return q.value(0).toLongLong();
    }
    return 0;
}

bool AlertEngine::enqueue(const Notification &base, const QString &kind)
{
    const QStringList channels = m_dispatcher ? m_dispatcher->channelsFor(routeOf(kind)) : QStringList();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO outbox(incident_id, channel, payload, idempotency_key, created_at, next_attempt_at)"
                             " VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING"));
    for (const QString &channel : channels) {
        Notification n = base;
        n.idempotencyKey = base.idempotencyKey + u'-' + channel;
        q.addBindValue(n.incidentId);
        q.addBindValue(channel);
        q.addBindValue(QString::fromUtf8(QJsonDocument(n.toJson()).toJson(QJsonDocument::Compact)));
        q.addBindValue(n.idempotencyKey);
        q.addBindValue(n.atMs);
        q.addBindValue(n.atMs);
        if (!q.exec()) {
            qCWarning(lcCore) << "cannot queue a notification:" << q.lastError().text();
            return false;
        }
    }
    QSqlQuery u(m_db.connection());
    u.prepare(QStringLiteral("UPDATE incidents SET notified_at = ?, notifications = notifications + 1 WHERE id = ?"));
    u.addBindValue(base.atMs);
    u.addBindValue(base.incidentId);
    return u.exec();
}

bool AlertEngine::open(const StateTransition &t, const QString &kind, const QString &summary, const QString &detail,
                       const QString &actionTaken, bool notify)
{
    const qint64 now = m_clock.nowMs();
    WriteTransaction tx(m_db);
    if (!tx.isOpen())
        return false;
    const qint64 silence = silenceFor(t.agent);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO incidents(agent_id, kind, opened_at, summary, detail, silenced_by) VALUES(?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT(agent_id, kind) WHERE resolved_at IS NULL DO NOTHING"));
    q.addBindValue(t.agentId);
    q.addBindValue(kind);
    q.addBindValue(t.atMs);
    q.addBindValue(summary);
    q.addBindValue(detail);
    q.addBindValue(silence > 0 ? QVariant(silence) : QVariant());
    if (!q.exec()) {
        qCWarning(lcCore) << "cannot open an incident:" << q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() == 0)
        return false; // already open: one incident per (agent, kind)
    const qint64 id = q.lastInsertId().toLongLong();
    if (!notify)
        m_damped.insert(id);
    if (silence == 0 && notify) {
        Notification n = trigger(id, kind, t.agent, summary, detail, actionTaken, t.atMs, now);
        n.lastMessage = t.lastMessage;
        if (!enqueue(n, kind))
            return false;
    }
    if (!tx.commit())
        return false;
    if (m_dispatcher && silence == 0 && notify)
        m_dispatcher->pump();
    Q_EMIT incidentChanged(id, t.agentId, t.agent, kind, summary, false);
    return true;
}

void AlertEngine::update(const StateTransition &t, const QString &kind, const QString &summary, const QString &detail,
                         const QString &tag)
{
    // The first threshold opens the incident; later ones are updates of the same incident.
    const auto incident = openIncident(t.agentId, kind);
    if (!incident) {
        open(t, kind, summary, detail,
             t.budgetPercent >= 100 ? QStringLiteral("The agent is told in every heartbeat answer (warning: cost_exceeded) for the rest of the day.")
                                    : QString());
        return;
    }
    const qint64 id = incident->id;
    const qint64 openedAt = incident->openedAtMs;
    const bool silenced = incident->silenced;
    WriteTransaction tx(m_db);
    QSqlQuery u(m_db.connection());
    u.prepare(QStringLiteral("UPDATE incidents SET summary = ?, detail = ? WHERE id = ?"));
    u.addBindValue(summary);
    u.addBindValue(detail);
    u.addBindValue(id);
    if (!u.exec())
        return;
    if (!silenced) {
        Notification n;
        n.action = Notification::Action::Update;
        n.kind = kind;
        n.agent = t.agent;
        n.incidentId = id;
        n.summary = summary;
        n.detail = detail;
        n.sinceMs = openedAt;
        n.atMs = m_clock.nowMs();
        n.actionTaken = t.budgetPercent >= 100
                            ? QStringLiteral("The agent is told in every heartbeat answer (warning: cost_exceeded) for the rest of the day.")
                            : QString();
        n.idempotencyKey = QStringLiteral("incident-%1-%2").arg(id).arg(tag);
        if (!enqueue(n, kind))
            return;
    }
    if (!tx.commit())
        return;
    if (m_dispatcher && !silenced)
        m_dispatcher->pump();
    Q_EMIT incidentChanged(id, t.agentId, t.agent, kind, summary, true);
}

void AlertEngine::resolve(const StateTransition &t, const QString &kind, const QString &detail)
{
    const auto incident = openIncident(t.agentId, kind);
    if (!incident)
        return; // nothing open
    const qint64 id = incident->id;
    const qint64 openedAt = incident->openedAtMs;
    const QString summary = incident->summary;
    const bool damped = m_damped.remove(id); // never told: its end is not either
    const bool silenced = incident->silenced || damped;
    const qint64 now = m_clock.nowMs();
    WriteTransaction tx(m_db);
    QSqlQuery u(m_db.connection());
    u.prepare(QStringLiteral("UPDATE incidents SET resolved_at = ? WHERE id = ?"));
    u.addBindValue(t.atMs);
    u.addBindValue(id);
    if (!u.exec())
        return;
    if (!silenced) {
        Notification n;
        n.action = Notification::Action::Resolve;
        n.kind = kind;
        n.agent = t.agent;
        n.incidentId = id;
        n.summary = summary;
        n.detail = QStringLiteral("%1 (open for %2)").arg(detail, formatDuration(std::max<qint64>(0, t.atMs - openedAt)));
        n.sinceMs = openedAt;
        n.atMs = now;
        n.idempotencyKey = QStringLiteral("incident-%1-resolve").arg(id);
        if (!enqueue(n, kind))
            return;
    }
    if (tx.commit() && m_dispatcher && !silenced)
        m_dispatcher->pump();
}

void AlertEngine::repeatDue()
{
    if (m_options.repeatMinutes <= 0)
        return;
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT i.id, i.kind, a.name, i.summary, i.detail, i.opened_at, i.notifications FROM incidents i"
                             " JOIN agents a ON a.id = i.agent_id WHERE i.resolved_at IS NULL AND i.acked_at IS NULL"
                             " AND i.silenced_by IS NULL AND i.notified_at <= ?"));
    q.addBindValue(now - qint64(m_options.repeatMinutes) * 60'000);
    if (!q.exec())
        return;
    QList<Notification> due;
    while (q.next()) {
        Notification n;
        n.action = Notification::Action::Repeat;
        n.incidentId = q.value(0).toLongLong();
        n.kind = q.value(1).toString();
        n.agent = q.value(2).toString();
        n.summary = QStringLiteral("Still open: %1").arg(q.value(3).toString());
        n.detail = q.value(4).toString();
        n.sinceMs = q.value(5).toLongLong();
        n.atMs = now;
        n.idempotencyKey = QStringLiteral("incident-%1-repeat-%2").arg(n.incidentId).arg(q.value(6).toInt());
        due.append(n);
    }
    q.finish();
    if (due.isEmpty())
        return;
    WriteTransaction tx(m_db);
    for (const Notification &n : std::as_const(due))
        enqueue(n, n.kind);
    if (tx.commit() && m_dispatcher)
        m_dispatcher->pump();
}

bool AlertEngine::acknowledge(qint64 incidentId, QString *error)
{
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE incidents SET acked_at = ? WHERE id = ? AND acked_at IS NULL"));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(incidentId);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() == 0) {
        *error = QStringLiteral("no unacknowledged incident #%1").arg(incidentId);
        return false;
    }
    return tx.commit();
}

qint64 AlertEngine::addSilence(const QString &pattern, qint64 untilMs, const QString &comment, QString *error)
{
    if (pattern.trimmed().isEmpty() || comment.trimmed().isEmpty()) {
        *error = QStringLiteral("a silence needs an agent pattern and a comment");
        return 0;
    }
    if (untilMs <= m_clock.nowMs()) {
        *error = QStringLiteral("a silence must end in the future");
        return 0;
    }
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO silences(pattern, until_at, comment, created_at) VALUES(?, ?, ?, ?)"));
    q.addBindValue(pattern.trimmed());
    q.addBindValue(untilMs);
    q.addBindValue(comment.trimmed());
    q.addBindValue(m_clock.nowMs());
    if (!q.exec()) {
        *error = q.lastError().text();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    return tx.commit() ? id : 0;
}

QList<Incident> AlertEngine::history(const Filter &f, QString *error) const
{
    QString sql = QStringLiteral("SELECT i.id, i.agent_id, a.name, i.kind, i.opened_at, COALESCE(i.resolved_at, 0), COALESCE(i.acked_at, 0),"
                                 " i.summary, i.detail, i.notifications, COALESCE(i.silenced_by, 0)"
                                 " FROM incidents i JOIN agents a ON a.id = i.agent_id WHERE i.opened_at >= ? AND i.opened_at < ?");
    // A name, or a wildcard such as "batch-*" (SQLite GLOB: * and ?).
    const bool wildcard = f.agent.contains(u'*') || f.agent.contains(u'?');
    if (!f.agent.isEmpty())
        sql += wildcard ? QStringLiteral(" AND a.name GLOB ?") : QStringLiteral(" AND a.name = ?");
    if (!f.kind.isEmpty())
        sql += QStringLiteral(" AND i.kind = ?");
    if (f.open == 1)
        sql += QStringLiteral(" AND i.resolved_at IS NULL");
    else if (f.open == 0)
        sql += QStringLiteral(" AND i.resolved_at IS NOT NULL");
    sql += QStringLiteral(" ORDER BY i.opened_at DESC, i.id DESC LIMIT ? OFFSET ?");
    QSqlQuery q(m_db.connection());
    q.prepare(sql);
    q.addBindValue(f.fromMs);
    q.addBindValue(f.toMs);
    if (!f.agent.isEmpty())
        q.addBindValue(f.agent);
    if (!f.kind.isEmpty())
        q.addBindValue(f.kind);
    q.addBindValue(f.limit);
    q.addBindValue(f.offset);
    QList<Incident> out;
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        Incident i;
        i.id = q.value(0).toLongLong();
        i.agentId = q.value(1).toLongLong();
        i.agent = q.value(2).toString();
        i.kind = q.value(3).toString();
        i.openedAtMs = q.value(4).toLongLong();
        i.resolvedAtMs = q.value(5).toLongLong();
        i.ackedAtMs = q.value(6).toLongLong();
        i.summary = q.value(7).toString();
        i.detail = q.value(8).toString();
        i.notifications = q.value(9).toInt();
        i.silencedBy = q.value(10).toLongLong();
        out.append(i);
    }
    return out;
}

QByteArray AlertEngine::toCsv(const QList<Incident> &incidents)
{
    auto when = [](qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString(); };
    QByteArray out = Csv::row({QStringLiteral("id"), QStringLiteral("agent"), QStringLiteral("kind"), QStringLiteral("opened"),
                               QStringLiteral("resolved"), QStringLiteral("acknowledged"), QStringLiteral("silenced"),
                               QStringLiteral("notifications"), QStringLiteral("summary"), QStringLiteral("detail")});
    for (const Incident &i : incidents) {
        out += Csv::row({QString::number(i.id), Csv::field(i.agent), Csv::field(i.kind), when(i.openedAtMs), when(i.resolvedAtMs),
                         when(i.ackedAtMs), i.silencedBy ? QStringLiteral("yes") : QStringLiteral("no"),
                         QString::number(i.notifications), Csv::field(i.summary), Csv::field(i.detail)});
    }
    return out;
}

} // namespace clev
