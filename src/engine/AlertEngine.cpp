// SPDX-License-Identifier: MIT
#include "engine/AlertEngine.h"

#include "core/Clock.h"
#include "core/Csv.h"
#include "core/Logging.h"
#include "engine/NotificationDispatcher.h"
#include "storage/SqliteStores.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QVariant>

#include <algorithm>

namespace clev {

namespace {

const QString NoRestart =
    QStringLiteral("No automatic restart is configured for this agent; ClevAgent keeps watching it.");

// The transition's cause as data (its text alone when it has none); a summary about an agent.
const auto causeOf = [](const StateTransition &t) { return t.causeData.isNone() ? Cause(t.cause) : t.causeData; };
const auto agentCause = [](CauseKind kind, const QString &agent) { return Cause(kind, {{CauseParam::Agent, agent}}); };

} // namespace

AlertEngine::AlertEngine(const Database &db, const Clock &clock, NotificationDispatcher *dispatcher, Options options,
                         QObject *parent)
    : AlertEngine(AlertStores{}, clock, dispatcher, options, parent)
{
    m_own = std::make_unique<SqliteStores>(db);
    m_stores = AlertStores{&m_own->transactions, &m_own->incidents, &m_own->silences, &m_own->outbox};
}

AlertEngine::AlertEngine(AlertStores stores, const Clock &clock, NotificationDispatcher *dispatcher, Options options,
                         QObject *parent)
    : QObject(parent)
    , m_stores(stores)
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

AlertEngine::~AlertEngine() = default;

Notification AlertEngine::trigger(qint64 incidentId, const IncidentKey &kind, const QString &agent,
                                  const QString &summary, const QString &detail, const QString &actionTaken,
                                  qint64 sinceMs, qint64 nowMs)
{
    Notification n;
    n.action = Notification::Action::Trigger;
    n.kind = kind.kind;
    n.project = kind.project;
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

IncidentKind AlertEngine::routeOf(IncidentKind kind)
{
    return kind == IncidentKind::Flapping ? IncidentKind::Dead : kind; // a channel that takes deaths takes flapping
}

QString AlertEngine::noRestartOr(const QString &agent) const
{
    if (m_restartCheck && m_restartCheck(agent))
        return QStringLiteral("ClevAgent restarts it through its restart target; each attempt is added here.");
    return NoRestart;
}

void AlertEngine::onDeath(const StateTransition &t, const Cause &summary)
{
    switch (m_flaps.onDeath(QString::number(t.agentId), t.atMs)) {
    case FlapDamper::Death::Notify:
        open(t, IncidentKey{IncidentKind::Dead}, summary, causeOf(t), noRestartOr(t.agent));
        return;
    case FlapDamper::Death::StartsFlapping: {
        open(t, IncidentKey{IncidentKind::Dead}, summary, causeOf(t), noRestartOr(t.agent), false);
        open(t, IncidentKey{IncidentKind::Flapping}, agentCause(CauseKind::AgentFlapping, t.agent),
             Cause(CauseKind::Flapping, {{CauseParam::Count, m_options.flap.count},
                                         {CauseParam::WindowMs, m_options.flap.windowMs},
                                         {CauseParam::Cause, causeOf(t).toVariant()}}),
             noRestartOr(t.agent));
        m_flapping.insert(t.agentId, t.agent);
        if (!m_flapTimer.isActive())
            m_flapTimer.start();
        return;
    }
    case FlapDamper::Death::Damped:
        open(t, IncidentKey{IncidentKind::Dead}, summary, causeOf(t), noRestartOr(t.agent), false);
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
        const auto dead = openIncident(agentId, IncidentKey{IncidentKind::Dead});
        if (dead && m_damped.remove(dead->id)) {
            // It stopped flapping by staying dead: that death is told now, and its end will be.
            resolve(t, IncidentKey{IncidentKind::Flapping},
                    QStringLiteral("no new death for %1, but it is dead").arg(formatDuration(m_options.flap.windowMs)));
            const Notification n =
                trigger(dead->id, IncidentKey{IncidentKind::Dead}, t.agent, dead->summary,
                        QStringLiteral("It stopped flapping and stayed dead."), NoRestart, dead->openedAtMs, now);
            const auto tx = m_stores.transactions->begin();
            if (!dead->silenced && enqueue(n) && committed(*tx, "the death notice of incident", dead->id) &&
                m_dispatcher)
                m_dispatcher->pump();
        } else {
            resolve(t, IncidentKey{IncidentKind::Flapping},
                    QStringLiteral("stable again: no death for %1").arg(formatDuration(m_options.flap.windowMs)));
        }
    }
    if (m_flapping.isEmpty())
        m_flapTimer.stop();
}

void AlertEngine::onTransition(const StateTransition &t)
{
    using Event = StateTransition::Event;
    switch (t.event) {
    case Event::State:
        // Any way back to life ends a death, also the end of a pause; pausing itself mutes a death but
        // does not undo it.
        if (t.to != AgentState::Dead && t.to != AgentState::Paused)
            resolve(t, IncidentKey{IncidentKind::Dead}, t.cause);
        // An error or crash ends when the agent beats fine again, not when it goes silent.
        if (t.to == AgentState::Healthy || t.to == AgentState::Warning || t.to == AgentState::Stopped) {
            resolve(t, IncidentKey{IncidentKind::Error}, t.cause);
            resolve(t, IncidentKey{IncidentKind::Crash}, t.cause);
        }
        if (t.to == AgentState::Dead) {
            onDeath(t, agentCause(CauseKind::AgentDead, t.agent));
        } else if (t.to == AgentState::Error) {
            const bool crash = Heartbeat::isCrashMessage(t.lastMessage);
            open(t, IncidentKey{crash ? IncidentKind::Crash : IncidentKind::Error},
                 agentCause(crash ? CauseKind::AgentCrashed : CauseKind::AgentError, t.agent),
                 t.traceback.isEmpty() ? causeOf(t) : causeOf(t).with(CauseParam::Traceback, t.traceback.left(4000)),
                 crash ? noRestartOr(t.agent) : QString());
        }
        break;
    case Event::LoopStarted:
        open(t, IncidentKey{IncidentKind::Loop}, agentCause(CauseKind::AgentLooping, t.agent), causeOf(t),
             QStringLiteral(
                 "The agent is told in every heartbeat answer (warning: loop_detected) until the loop ends."));
        break;
    case Event::LoopEnded:
        resolve(t, IncidentKey{IncidentKind::Loop}, t.cause);
        break;
    case Event::Budget: {
        // One budget incident per day: the day's first threshold closes yesterday's, if still open.
        // A project's budget is recorded on the agent whose spending crossed the line, with the project
        // in its kind ("project_budget:NAME"), so two projects of one agent stay apart.
        const IncidentKey kind = t.project.isEmpty() ? IncidentKey{IncidentKind::Budget}
                                                     : IncidentKey{IncidentKind::ProjectBudget, t.project};
        if (t.budgetFirstOfDay)
            resolve(t, kind, QStringLiteral("a new budget day began"));
        const Cause summary =
            (t.project.isEmpty() ? agentCause(CauseKind::AgentBudget, t.agent)
                                 : Cause(CauseKind::ProjectBudget, {{CauseParam::Project, t.project}}))
                .with(CauseParam::Percent, t.budgetPercent);
        const Cause detail = t.project.isEmpty() ? causeOf(t) : causeOf(t).with(CauseParam::LastSpentBy, t.agent);
        update(t, kind, summary, detail, QStringLiteral("budget-%1").arg(t.budgetPercent));
        break;
    }
    }
}

int AlertEngine::reconcile(const std::vector<StateTransition> &current)
{
    // Which agents have an error, crash or death open: only they can need a resolution.
    QSet<QPair<qint64, IncidentKind>> open;
    {
        const auto stored = m_stores.incidents->openErrorsAndDeaths();
        if (!stored) {
            qCWarning(lcAlerts) << "cannot read the open incidents:" << stored.error;
            return -1;
        }
        for (const auto &key : stored.value)
            open.insert(key);
    }
    int changed = 0;
    bool failed = false;
    const auto group = m_stores.transactions->begin(); // one commit for all of it
    for (const StateTransition &t : current) {
        const auto has = [&](IncidentKind kind) { return open.contains({t.agentId, kind}); };
        if (t.to == AgentState::Error) {
            const bool crash = Heartbeat::isCrashMessage(t.lastMessage);
            const IncidentKind kind = crash ? IncidentKind::Crash : IncidentKind::Error;
            if (!has(kind) &&
                this->open(t, IncidentKey{kind},
                           agentCause(crash ? CauseKind::AgentCrashed : CauseKind::AgentError, t.agent),
                           causeOf(t).with(CauseParam::FoundAtStartup, true), crash ? noRestartOr(t.agent) : QString()))
                ++changed;
        } else if (t.to == AgentState::Dead) {
            if (!has(IncidentKind::Dead) &&
                this->open(t, IncidentKey{IncidentKind::Dead}, agentCause(CauseKind::AgentDead, t.agent),
                           causeOf(t).with(CauseParam::FoundAtStartup, true), noRestartOr(t.agent)))
                ++changed;
        } else if (t.to != AgentState::Paused) {
            for (IncidentKind kind : {IncidentKind::Error, IncidentKind::Crash, IncidentKind::Dead}) {
                if ((kind == IncidentKind::Dead || t.to != AgentState::Late) && has(kind)) {
                    if (resolve(t, IncidentKey{kind},
                                QStringLiteral("its state is %1 (found at start-up)").arg(agentStateName(t.to))))
                        ++changed;
                    else
                        failed = true;
                }
            }
        }
    }
    if (!group->commit()) {
        qCWarning(lcAlerts) << "cannot commit the incidents found at start-up:" << group->error();
        return -1;
    }
    if (changed > 0)
        qCInfo(lcAlerts) << changed << "incidents opened or resolved at start-up to follow the agents' states";
    return failed ? -1 : changed;
}

std::optional<OpenIncident> AlertEngine::openIncident(qint64 agentId, const IncidentKey &kind, bool *ok) const
{
    const auto found = m_stores.incidents->findOpen(agentId, kind);
    if (ok)
        *ok = found.ok;
    if (!found) {
        qCWarning(lcAlerts) << "cannot read the open" << kind.name() << "incident of agent" << agentId << ":"
                            << found.error;
        return std::nullopt;
    }
    return found.value;
}

bool AlertEngine::raise(qint64 agentId, const QString &agent, IncidentKind kind, const Cause &summary,
                        const Cause &detail, const QString &actionTaken, const QString &lastMessage)
{
    StateTransition t;
    t.agentId = agentId;
    t.agent = agent;
    t.atMs = m_clock.nowMs();
    t.lastMessage = lastMessage;
    return open(t, IncidentKey{kind}, summary, detail, actionTaken);
}

bool AlertEngine::amend(qint64 agentId, const QString &agent, IncidentKind kind, const QString &detail,
                        const QString &actionTaken, const QString &tag)
{
    bool ok = true;
    const auto incident = openIncident(agentId, IncidentKey{kind}, &ok);
    if (!incident || incident->silenced)
        return ok; // nothing open to amend, or muted (or it could not be read: logged)
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
    const auto tx = m_stores.transactions->begin();
    if (!enqueue(n) || !committed(*tx, "an update of incident", n.incidentId))
        return false;
    if (m_dispatcher)
        m_dispatcher->pump();
    return true;
}

bool AlertEngine::committed(StoreTransaction &tx, const char *what, qint64 incidentId) const
{
    if (tx.commit())
        return true;
    qCWarning(lcAlerts) << "cannot store" << what << incidentId << ":" << tx.error();
    return false;
}

qint64 AlertEngine::silenceFor(const QString &agent) const
{
    const auto silences = m_stores.silences->active(m_clock.nowMs(), SilenceStore::Order::ById);
    if (!silences) {
        // Not known to be muted: it is notified (a notification too many rather than none).
        qCWarning(lcAlerts) << "cannot read the silences (notifying anyway):" << silences.error;
        return 0;
    }
    for (const Silence &s : silences.value) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(s.pattern));
        if (re.match(agent).hasMatch())
            return s.id;
    }
    return 0;
}

bool AlertEngine::enqueue(const Notification &base)
{
    const QStringList channels = m_dispatcher ? m_dispatcher->channelsFor(routeOf(base.kind)) : QStringList();
    QList<OutboxEntry> entries;
    for (const QString &channel : channels) {
        Notification n = base;
        n.idempotencyKey = base.idempotencyKey + u'-' + channel;
        OutboxEntry e;
        e.incidentId = n.incidentId;
        e.channel = channel;
        e.payload = QJsonDocument(n.toJson()).toJson(QJsonDocument::Compact);
        e.idempotencyKey = n.idempotencyKey;
        e.createdAtMs = n.atMs;
        e.nextAttemptAtMs = n.atMs;
        entries.append(e);
    }
    QString error;
    if (!m_stores.outbox->add(entries, &error)) {
        qCWarning(lcAlerts) << "cannot queue a notification:" << error;
        return false;
    }
    if (!m_stores.incidents->markNotified(base.incidentId, base.atMs, &error)) {
        qCWarning(lcAlerts) << "cannot count a notification of incident" << base.incidentId << ":" << error;
        return false;
    }
    return true;
}

bool AlertEngine::open(const StateTransition &t, const IncidentKey &kind, const Cause &summaryData,
                       const Cause &detailData, const QString &actionTaken, bool notify)
{
    const qint64 now = m_clock.nowMs();
    const auto tx = m_stores.transactions->begin();
    if (!tx->isOpen()) {
        qCWarning(lcAlerts) << "cannot open an incident:" << tx->error();
        return false;
    }
    const qint64 silence = silenceFor(t.agent);
    const QString summary = englishText(summaryData);
    const QString detail = englishText(detailData);
    const auto opened = m_stores.incidents->open(t.agentId, kind, t.atMs, summaryData, detailData, silence);
    if (!opened) {
        qCWarning(lcAlerts) << "cannot open an incident:" << opened.error;
        return false;
    }
    if (opened.value == 0)
        return false; // already open: one incident per (agent, kind)
    const qint64 id = opened.value;
    if (!notify)
        m_damped.insert(id);
    if (silence == 0 && notify) {
        Notification n = trigger(id, kind, t.agent, summary, detail, actionTaken, t.atMs, now);
        n.lastMessage = t.lastMessage;
        if (!enqueue(n))
            return false;
    }
    if (!committed(*tx, "the new incident", id))
        return false;
    if (m_dispatcher && silence == 0 && notify)
        m_dispatcher->pump();
    Q_EMIT incidentChanged(id, t.agentId, t.agent, kind, summary, false);
    return true;
}

bool AlertEngine::update(const StateTransition &t, const IncidentKey &kind, const Cause &summaryData,
                         const Cause &detailData, const QString &tag)
{
    // The first threshold opens the incident; later ones are updates of the same incident.
    bool ok = true;
    const auto incident = openIncident(t.agentId, kind, &ok);
    if (!ok)
        return false;
    if (!incident) {
        return open(
            t, kind, summaryData, detailData,
            t.budgetPercent >= 100
                ? QStringLiteral(
                      "The agent is told in every heartbeat answer (warning: cost_exceeded) for the rest of the day.")
                : QString());
    }
    const qint64 id = incident->id;
    const qint64 openedAt = incident->openedAtMs;
    const bool silenced = incident->silenced;
    const QString summary = englishText(summaryData);
    const QString detail = englishText(detailData);
    const auto tx = m_stores.transactions->begin();
    QString error;
    if (!m_stores.incidents->setText(id, summaryData, detailData, &error)) {
        qCWarning(lcAlerts) << "cannot update incident" << id << ":" << error;
        return false;
    }
    if (!silenced) {
        Notification n;
        n.action = Notification::Action::Update;
        n.kind = kind.kind;
        n.project = kind.project;
        n.agent = t.agent;
        n.incidentId = id;
        n.summary = summary;
        n.detail = detail;
        n.sinceMs = openedAt;
        n.atMs = m_clock.nowMs();
        n.actionTaken =
            t.budgetPercent >= 100
                ? QStringLiteral(
                      "The agent is told in every heartbeat answer (warning: cost_exceeded) for the rest of the day.")
                : QString();
        n.idempotencyKey = QStringLiteral("incident-%1-%2").arg(id).arg(tag);
        if (!enqueue(n))
            return false;
    }
    if (!committed(*tx, "the update of incident", id))
        return false;
    if (m_dispatcher && !silenced)
        m_dispatcher->pump();
    Q_EMIT incidentChanged(id, t.agentId, t.agent, kind, summary, true);
    return true;
}

bool AlertEngine::resolve(const StateTransition &t, const IncidentKey &kind, const QString &detail)
{
    bool ok = true;
    const auto incident = openIncident(t.agentId, kind, &ok);
    if (!incident)
        return ok; // nothing open (or it could not be read: logged)
    const qint64 id = incident->id;
    const qint64 openedAt = incident->openedAtMs;
    const QString summary = incident->summary;
    const bool damped = m_damped.remove(id); // never told: its end is not either
    const bool silenced = incident->silenced || damped;
    const qint64 now = m_clock.nowMs();
    const auto tx = m_stores.transactions->begin();
    QString error;
    if (!m_stores.incidents->resolve(id, t.atMs, &error)) {
        qCWarning(lcAlerts) << "cannot resolve incident" << id << ":" << error;
        return false;
    }
    if (!silenced) {
        Notification n;
        n.action = Notification::Action::Resolve;
        n.kind = kind.kind;
        n.project = kind.project;
        n.agent = t.agent;
        n.incidentId = id;
        n.summary = summary;
        n.detail =
            QStringLiteral("%1 (open for %2)").arg(detail, formatDuration(std::max<qint64>(0, t.atMs - openedAt)));
        n.sinceMs = openedAt;
        n.atMs = now;
        n.idempotencyKey = QStringLiteral("incident-%1-resolve").arg(id);
        if (!enqueue(n))
            return false;
    }
    if (!committed(*tx, "the resolution of incident", id))
        return false;
    if (m_dispatcher && !silenced)
        m_dispatcher->pump();
    return true;
}

bool AlertEngine::repeatDue()
{
    if (m_options.repeatMinutes <= 0)
        return true;
    const qint64 now = m_clock.nowMs();
    const auto stored = m_stores.incidents->dueForRepeat(now - qint64(m_options.repeatMinutes) * 60'000);
    if (!stored) {
        qCWarning(lcAlerts) << "cannot read the incidents due for a repeat:" << stored.error;
        return false;
    }
    QList<Notification> due;
    for (const Incident &i : stored.value) {
        Notification n;
        n.action = Notification::Action::Repeat;
        n.incidentId = i.id;
        n.kind = i.kind;
        n.project = i.project;
        n.agent = i.agent;
        n.summary = QStringLiteral("Still open: %1").arg(i.summary);
        n.detail = i.detail;
        n.sinceMs = i.openedAtMs;
        n.atMs = now;
        n.idempotencyKey = QStringLiteral("incident-%1-repeat-%2").arg(n.incidentId).arg(i.notifications);
        due.append(n);
    }
    if (due.isEmpty())
        return true;
    const auto tx = m_stores.transactions->begin();
    bool ok = true;
    for (const Notification &n : std::as_const(due))
        ok = enqueue(n) && ok; // each logs its failure; the others still go
    if (!committed(*tx, "the repeats of incidents up to", due.last().incidentId))
        return false;
    if (m_dispatcher)
        m_dispatcher->pump();
    return ok;
}

bool AlertEngine::acknowledge(qint64 incidentId, QString *error, bool *missing)
{
    if (missing)
        *missing = false;
    const auto tx = m_stores.transactions->begin();
    const auto acked = m_stores.incidents->acknowledge(incidentId, m_clock.nowMs());
    if (!acked) {
        qCWarning(lcAlerts) << "cannot acknowledge incident" << incidentId << ":" << acked.error;
        *error = acked.error;
        return false;
    }
    if (!acked.value) {
        if (missing)
            *missing = true;
        *error = QStringLiteral("no unacknowledged incident #%1").arg(incidentId);
        return false;
    }
    if (!tx->commit()) {
        qCWarning(lcAlerts) << "cannot store the acknowledgement of incident" << incidentId << ":" << tx->error();
        *error = tx->error();
        return false;
    }
    return true;
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
    const auto tx = m_stores.transactions->begin();
    const auto added = m_stores.silences->add(pattern.trimmed(), untilMs, comment.trimmed(), m_clock.nowMs());
    if (!added) {
        qCWarning(lcAlerts) << "cannot store a silence:" << added.error;
        *error = added.error;
        return 0;
    }
    if (!tx->commit()) {
        qCWarning(lcAlerts) << "cannot store a silence:" << tx->error();
        *error = tx->error();
        return 0;
    }
    return added.value;
}

} // namespace clev
