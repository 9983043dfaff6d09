// SPDX-License-Identifier: MIT
#include "engine/Watchdog.h"

#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "core/Logging.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <algorithm>

namespace clev {

namespace {
constexpr qint64 MaxTimerMs = 3600 * 1000;

QString money(double usd)
{
    return QStringLiteral("$%1").arg(usd, 0, 'f', usd < 10 ? 2 : 0);
}
} // namespace

Watchdog::Watchdog(const Database &db, const Clock &clock, const DayBuckets &days, Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_days(days)
    , m_options(std::move(options))
    , m_timer(this) // children, so they move with the watchdog to its thread
    , m_flushTimer(this)
    , m_settingsTimer(this)
{
    qRegisterMetaType<clev::StateTransition>();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Watchdog::poll);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(200);
    for (const ProjectPolicy &p : m_options.projects) {
        m_projectBudgets.emplace_back();
        m_projectBudgets.back().setBudget(p.dailyBudgetUsd);
    }
    connect(&m_flushTimer, &QTimer::timeout, this, &Watchdog::flush);
    m_settingsTimer.setInterval(3000);
    connect(&m_settingsTimer, &QTimer::timeout, this, &Watchdog::reloadSettings);
}

Watchdog::~Watchdog()
{
    flush();
}

const AgentPolicy *Watchdog::policyFor(const QString &name) const
{
    auto it = m_options.agents.constFind(name);
    return it == m_options.agents.cend() ? nullptr : &*it;
}

Watchdog::Agent &Watchdog::agentFor(qint64 id, const QString &name)
{
    auto it = m_agents.find(id);
    if (it != m_agents.end() && (name.isEmpty() || it->name == name))
        return *it;
    // SQLite may give a forgotten agent's id to the next new one: that is another agent, and the old
    // one's deadlines (of its generations) must not reach it.
    Agent a;
    if (it != m_agents.end())
        a.generation = it->generation + 1;
    a.id = id;
    a.name = name;
    applyLoop(a);
    applyBudget(a);
    for (int i = 0; i < m_options.projects.size(); ++i) {
        for (const QString &pattern : m_options.projects.at(i).agents) {
            if (QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern)).match(name).hasMatch()) {
                a.projects.append(i);
                break;
            }
        }
    }
    return *m_agents.insert(id, std::move(a));
}

void Watchdog::applyLoop(Agent &a)
{
    LoopDetector::Options o = m_options.loop;
    if (a.settings.toolLoopRepeats) {
        o.toolLoop = std::max(2, *a.settings.toolLoopRepeats);
        o.toolWarn = std::min(o.toolWarn, o.toolLoop - 1);
    }
    if (a.settings.iterationCap)
        o.iterationCap = *a.settings.iterationCap;
    a.loop = LoopDetector(o);
}

void Watchdog::applyBudget(Agent &a)
{
    const AgentPolicy *p = policyFor(a.name);
    a.budget.setBudget(a.settings.dailyBudgetUsd ? a.settings.dailyBudgetUsd
                       : p && p->dailyBudgetUsd  ? p->dailyBudgetUsd
                                                 : m_options.defaults.dailyBudgetUsd);
}

qint64 Watchdog::intervalMs(const Agent &a) const
{
    if (a.settings.intervalSecs)
        return qRound64(*a.settings.intervalSecs * 1000);
    if (a.sentIntervalMs)
        return *a.sentIntervalMs;
    const AgentPolicy *p = policyFor(a.name);
    if (p && p->intervalSecs)
        return qRound64(*p->intervalSecs * 1000);
    if (a.learnedIntervalMs > 0)
        return a.learnedIntervalMs;
    if (m_options.defaults.intervalSecs)
        return qRound64(*m_options.defaults.intervalSecs * 1000);
    return m_options.defaultIntervalMs;
}

qint64 Watchdog::graceMs(const Agent &a) const
{
    if (a.settings.graceSecs)
        return qRound64(*a.settings.graceSecs * 1000);
    const AgentPolicy *p = policyFor(a.name);
    if (p && p->graceSecs)
        return qRound64(*p->graceSecs * 1000);
    if (m_options.defaults.graceSecs)
        return qRound64(*m_options.defaults.graceSecs * 1000);
    return intervalMs(a); // one missed beat is late, two are dead
}

qint64 Watchdog::lateAtMs(const Agent &a) const
{
    // A beat sent every `interval` arrives a little after it (the sender's own work, the network): late
    // only once it is overdue by a tenth of the interval, at most 1 s, so punctual agents never blip.
    const qint64 interval = intervalMs(a);
    return a.lastBeatMs + interval + std::min<qint64>(1000, interval / 10);
}

qint64 Watchdog::deadAtMs(const Agent &a) const
{
    return a.lastBeatMs + intervalMs(a) + graceMs(a);
}

void Watchdog::change(Agent &a, AgentState to, const QString &cause, qint64 atMs, StateTransition::Event event,
                      int percent, const QString &message, const QString &project)
{
    StateTransition t{a.id,
                      a.name,
                      a.state,
                      to,
                      cause,
                      atMs,
                      event,
                      percent,
                      false,
                      project,
                      message.isEmpty() ? a.lastMessage : message};
    a.state = to;
    a.flagsDirty = true;
    m_unsaved.push_back(t);
    m_unsignalled.push_back(t);
    m_backlog.fetch_add(1);
}

void Watchdog::budgetEvent(Agent &a, const BudgetTracker::Crossing &c, qint64 atMs, const QString &project)
{
    const QString owner =
        project.isEmpty() ? QStringLiteral("budget") : QStringLiteral("project '%1' budget").arg(project);
    StateTransition t{a.id,
                      a.name,
                      a.state,
                      a.state,
                      QStringLiteral("%1: %2 % of the daily %3 spent (%4)")
                          .arg(owner)
                          .arg(c.percent)
                          .arg(money(c.budgetUsd), money(c.spentUsd)),
                      atMs,
                      StateTransition::Event::Budget,
                      c.percent,
                      c.firstOfDay,
                      project,
                      a.lastMessage};
    m_unsaved.push_back(t);
    m_unsignalled.push_back(t);
    m_backlog.fetch_add(1);
}

void Watchdog::schedule(const Agent &a, DeadlineKind kind, qint64 dueMs)
{
    m_deadlines.push(Deadline{dueMs, a.id, a.generation, kind});
}

namespace {
constexpr qint64 MinLearnedGapMs = 1000;
}

Watchdog::Verdict Watchdog::observe(qint64 agentId, const Heartbeat &beat)
{
    waitForBacklog();
    Verdict verdict;
    {
        std::lock_guard lock(m_mutex);
        Agent &a = agentFor(agentId, beat.agent);
        const qint64 now = std::max(a.lastBeatMs, beat.receivedAtMs);
        const qint64 silentFor = a.lastBeatMs > 0 ? now - a.lastBeatMs : 0;

        // Beats less than a second apart are a burst (a buffer flushed, a batch), not the agent's rhythm:
        // they teach nothing, or a backfill would make it "dead" within milliseconds.
        if (a.lastBeatMs > 0 && a.gaps.size() < 5 && silentFor >= MinLearnedGapMs) {
            a.gaps.push_back(silentFor);
            if (static_cast<int>(a.gaps.size()) >= m_options.learnFromGaps) {
                std::vector<qint64> sorted = a.gaps;
                std::sort(sorted.begin(), sorted.end());
                a.learnedIntervalMs = sorted[sorted.size() / 2];
                a.flagsDirty = true;
            }
        }
        if (beat.intervalSecs && qRound64(*beat.intervalSecs * 1000) != a.sentIntervalMs.value_or(-1)) {
            a.sentIntervalMs = qRound64(*beat.intervalSecs * 1000);
            a.flagsDirty = true;
        }
        a.lastBeatMs = now;
        const bool crash = beat.isCrash();
        // A beat the process sent before its crash report (in flight, or delivered from its buffer after
        // it) counts its usage but cannot bring the crashed agent back.
        // Also a regular beat that raced the crash or shutdown report out of the same process: it counts,
        // but does not overturn the last word.
        const bool beforeCrash = (!crash && a.crashedAtMs > 0 && beat.occurredAtMs < a.crashedAtMs) ||
                                 (a.lastWordAtMs > 0 && beat.occurredAtMs >= a.lastWordAtMs &&
                                  !Heartbeat::overturnsLastWord(a.lastWordAtMs, beat));
        if (beat.isLastWord())
            a.lastWordAtMs = beat.occurredAtMs;
        else if (!beforeCrash)
            a.lastWordAtMs = 0;
        if (crash)
            a.crashedAtMs = beat.occurredAtMs;
        else if (!beforeCrash)
            a.crashedAtMs = 0;
        if (!beforeCrash) {
            ++a.generation; // every deadline queued before this beat is void
            if (!beat.message.isEmpty())
                a.lastMessage = beat.message;
            a.lastStatus = beat.status;
        }
        const bool paused = a.state == AgentState::Paused;
        if (paused || beforeCrash) {
            // Muted: the beat counts, but states, deadlines and timeline events wait for the pause to end.
        } else if (auto c = StateRules::onBeat(a.state, beat.status, beat.message, silentFor)) {
            change(a, c->to, c->cause, now, StateTransition::Event::State, 0, beat.message);
            if (crash && !beat.customData.isEmpty()) // for the crash incident: what people need to read
                m_unsignalled.back().traceback =
                    QJsonDocument::fromJson(beat.customData.toUtf8()).object().value(QLatin1String("traceback")).toString();
        }

        const LoopDetector::Verdict loop = a.loop.observe(beat);
        const bool looping = loop.level == LoopDetector::Level::Loop;
        if (looping != a.looping) {
            a.looping = looping;
            a.flagsDirty = true;
            a.loopReason = loop.reason;
        }
        if (!paused && a.looping != a.loopSignalled) {
            // Also catches up on a loop that began or ended during a pause.
            a.loopSignalled = a.looping;
            const QString cause =
                a.looping ? QStringLiteral("loop detected: %1").arg(a.loopReason) : QStringLiteral("loop ended");
            change(a, a.state, cause, now,
                   a.looping ? StateTransition::Event::LoopStarted : StateTransition::Event::LoopEnded, 0,
                   beat.message);
        }

        const bool wasOver = a.budget.overBudget();
        const auto crossings = a.budget.add(beat.costUsd.value_or(0), beat.occurredAtMs, m_days);
        for (const BudgetTracker::Crossing &c : paused ? QList<BudgetTracker::Crossing>() : crossings)
            budgetEvent(a, c, now, QString());
        if (wasOver != a.budget.overBudget())
            a.flagsDirty = true;
        const ProjectPolicy *overProject = nullptr;
        for (int i : std::as_const(a.projects)) {
            BudgetTracker &project = m_projectBudgets[static_cast<size_t>(i)];
            const QString &projectName = m_options.projects.at(i).name;
            for (const BudgetTracker::Crossing &c : project.add(beat.costUsd.value_or(0), beat.occurredAtMs, m_days)) {
                if (!paused)
                    budgetEvent(a, c, now, projectName);
            }
            if (project.overBudget() && !overProject)
                overProject = &m_options.projects.at(i);
        }

        // A crash report is the process's last word, like a shutdown: it is not expected to beat again,
        // so it is not found late or dead (which would be a second incident for the same death).
        if (beat.status != BeatStatus::Shutdown && a.crashedAtMs == 0 && !beforeCrash
            && StateRules::expectsBeats(a.state)) {
            const qint64 due = lateAtMs(a);
            schedule(a, DeadlineKind::Late, due);
            if (due < m_armedForMs)
                requestRearm();
        }
        if (!m_unsaved.empty() || a.flagsDirty)
            requestRearm(); // also starts the flush timer

        verdict.state = a.state;
        if (looping) {
            verdict.warning = QStringLiteral("loop_detected");
            verdict.reason = loop.reason;
        } else if (a.budget.overBudget()) {
            verdict.warning = QStringLiteral("cost_exceeded");
            verdict.reason = QStringLiteral("spent %1 today; the daily budget is %2")
                                 .arg(money(a.budget.spentToday()), money(*a.budget.budget()));
        } else if (overProject) {
            const BudgetTracker &project =
                m_projectBudgets[static_cast<size_t>(overProject - m_options.projects.data())];
            verdict.warning = QStringLiteral("cost_exceeded");
            verdict.reason =
                QStringLiteral("project '%1' spent %2 today; its daily budget is %3")
                    .arg(overProject->name, money(project.spentToday()), money(overProject->dailyBudgetUsd));
        }
    }
    return verdict;
}

// Called with m_mutex held, from any thread: one queued call does the re-arming on the watchdog thread.
void Watchdog::requestRearm()
{
    if (m_rearmPosted)
        return;
    m_rearmPosted = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            {
                std::lock_guard lock(m_mutex);
                m_rearmPosted = false;
            }
            rearm();
            emitPending();
            if (!m_flushTimer.isActive())
                m_flushTimer.start();
        },
        Qt::QueuedConnection);
}

void Watchdog::emitPending()
{
    std::vector<StateTransition> pending;
    {
        std::lock_guard lock(m_mutex);
        pending.swap(m_unsignalled);
    }
    // What the receivers write for these transitions (incidents, their notifications, restarts) shares
    // one commit per group instead of one each: under a burst that is what keeps up with ingest.
    constexpr size_t Group = 256;
    for (size_t first = 0; first < pending.size(); first += Group) {
        {
            WriteTransaction group(m_db);
            for (size_t i = first; i < std::min(pending.size(), first + Group); ++i)
                Q_EMIT transitioned(pending[i]);
            if (!group.commit())
                qCWarning(lcCore) << "cannot commit the alerts of" << std::min(Group, pending.size() - first)
                                  << "state changes:" << group.error();
        }
        m_backlog.fetch_sub(static_cast<qint64>(std::min(Group, pending.size() - first)));
        m_backlogDrained.notify_all();
    }
}

void Watchdog::waitForBacklog()
{
    // Back-pressure on ingest: the writer thread (which calls observe() after each commit) waits while
    // the alerts are far behind, so acknowledgements slow down instead of memory growing without bound.
    if (QThread::currentThread() == thread() || m_backlog.load() < MaxBacklog)
        return;
    std::unique_lock lock(m_backlogMutex);
    m_backlogDrained.wait_for(lock, std::chrono::seconds(2), [this] { return m_backlog.load() < MaxBacklog / 2; });
}

void Watchdog::rearm()
{
    std::lock_guard lock(m_mutex);
    while (!m_deadlines.empty()) {
        const Deadline &d = m_deadlines.top();
        auto it = m_agents.constFind(d.agentId);
        if (it != m_agents.cend() && (it->generation == d.generation || d.kind == DeadlineKind::PauseEnd))
            break;
        m_deadlines.pop(); // void: the agent beat since
    }
    if (m_deadlines.empty()) {
        m_armedForMs = std::numeric_limits<qint64>::max();
        m_timer.stop();
        return;
    }
    m_armedForMs = m_deadlines.top().dueMs;
    m_timer.start(static_cast<int>(std::clamp<qint64>(m_armedForMs - m_clock.nowMs(), 0, MaxTimerMs)));
}

void Watchdog::poll()
{
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock.nowMs();
        while (!m_deadlines.empty() && m_deadlines.top().dueMs <= now) {
            const Deadline d = m_deadlines.top();
            m_deadlines.pop();
            auto it = m_agents.find(d.agentId);
            if (it == m_agents.end() || (it->generation != d.generation && d.kind != DeadlineKind::PauseEnd))
                continue;
            Agent &a = *it;
            if (d.kind == DeadlineKind::PauseEnd) {
                if (a.state == AgentState::Paused && a.pausedUntilMs == d.dueMs)
                    judge(a, d.dueMs, QStringLiteral("pause ended"));
                continue;
            }
            if (a.state == AgentState::Paused)
                continue;
            if (d.kind == DeadlineKind::Late) {
                if (auto c = StateRules::onLateDeadline(a.state, intervalMs(a)))
                    change(a, c->to, c->cause, d.dueMs);
                if (StateRules::expectsBeats(a.state))
                    schedule(a, DeadlineKind::Dead, deadAtMs(a));
            } else if (auto c = StateRules::onDeadDeadline(a.state, d.dueMs - a.lastBeatMs)) {
                change(a, c->to, c->cause, d.dueMs);
            }
        }
    }
    rearm();
    emitPending(); // at once: storing the transitions can wait for the flush, telling people cannot
    std::lock_guard lock(m_mutex);
    if (!m_unsaved.empty() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

qint64 Watchdog::nextDeadlineMs() const
{
    std::lock_guard lock(m_mutex);
    return m_deadlines.empty() ? std::numeric_limits<qint64>::max() : m_deadlines.top().dueMs;
}

int Watchdog::agentCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_agents.size());
}

std::optional<AgentState> Watchdog::stateOf(qint64 agentId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.constFind(agentId);
    return it == m_agents.cend() ? std::nullopt : std::optional<AgentState>(it->state);
}

std::optional<qint64> Watchdog::expectedIntervalOf(qint64 agentId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.constFind(agentId);
    return it == m_agents.cend() ? std::nullopt : std::optional<qint64>(intervalMs(*it));
}

std::optional<qint64> Watchdog::forecastExhaustionOf(qint64 agentId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.constFind(agentId);
    return it == m_agents.cend() ? std::nullopt : it->budget.forecastExhaustionMs(m_clock.nowMs(), m_days);
}

void Watchdog::judge(Agent &a, qint64 nowMs, const QString &why)
{
    a.pausedUntilMs = 0;
    a.pauseComment.clear();
    a.pauseDirty = true;
    ++a.generation;
    if (a.lastBeatMs <= 0) {
        change(a, AgentState::New, why, nowMs);
        return;
    }
    const qint64 lateAt = lateAtMs(a);
    const qint64 deadAt = deadAtMs(a);
    AgentState byBeat = AgentState::Healthy;
    switch (a.lastStatus) {
    case BeatStatus::Ok:
        byBeat = AgentState::Healthy;
        break;
    case BeatStatus::Warning:
        byBeat = AgentState::Warning;
        break;
    case BeatStatus::Error:
        byBeat = AgentState::Error;
        break;
    case BeatStatus::Shutdown:
        byBeat = AgentState::Stopped;
        break;
    }
    if (byBeat == AgentState::Stopped || a.crashedAtMs > 0) {
        change(a, byBeat, why, nowMs);
    } else if (nowMs >= deadAt) {
        change(a, AgentState::Dead, QStringLiteral("%1; no beat for %2").arg(why, formatDuration(nowMs - a.lastBeatMs)),
               nowMs);
    } else if (nowMs >= lateAt) {
        change(a, AgentState::Late, QStringLiteral("%1; no beat for %2").arg(why, formatDuration(nowMs - a.lastBeatMs)),
               nowMs);
        schedule(a, DeadlineKind::Dead, deadAt);
    } else {
        change(a, byBeat, why, nowMs);
        schedule(a, DeadlineKind::Late, lateAt);
    }
}

bool Watchdog::pause(qint64 agentId, const QString &name, qint64 untilMs, const QString &comment)
{
    {
        std::lock_guard lock(m_mutex);
        auto it = m_agents.find(agentId);
        if (it == m_agents.end() && name.isEmpty())
            return false;
        // An agent registered but never seen (strict mode) can be paused too.
        Agent &a = it == m_agents.end() ? agentFor(agentId, name) : *it;
        const qint64 now = m_clock.nowMs();
        a.pausedUntilMs = untilMs > 0 ? untilMs : std::numeric_limits<qint64>::max();
        a.pauseComment = comment;
        a.pauseDirty = true;
        ++a.generation; // no late or dead while paused
        const QString until =
            untilMs > 0 ? QDateTime::fromMSecsSinceEpoch(untilMs).toString(Qt::ISODate) : QStringLiteral("resumed");
        change(a, AgentState::Paused,
               comment.isEmpty() ? QStringLiteral("paused until %1").arg(until)
                                 : QStringLiteral("paused until %1: %2").arg(until, comment),
               now);
        if (untilMs > 0)
            schedule(a, DeadlineKind::PauseEnd, untilMs);
        requestRearm();
    }
    return true;
}

bool Watchdog::setSettings(qint64 agentId, const QString &name, const AgentSettings &settings, QString *error)
{
    if (!AgentQueries(m_db).setSettings(agentId, settings, m_clock.nowMs(), error))
        return false;
    std::lock_guard lock(m_mutex);
    auto it = m_agents.find(agentId);
    if (it == m_agents.end() && name.isEmpty())
        return true; // stored; applied when the agent is loaded
    Agent &a = it == m_agents.end() ? agentFor(agentId, name) : *it;
    applySettings(a, settings);
    return true;
}

void Watchdog::applySettings(Agent &a, const AgentSettings &settings)
{
    const bool loopChanged =
        a.settings.toolLoopRepeats != settings.toolLoopRepeats || a.settings.iterationCap != settings.iterationCap;
    a.settings = settings;
    applyBudget(a);
    if (loopChanged)
        applyLoop(a);    // a fresh detector with the new thresholds
    a.flagsDirty = true; // the expected interval, and perhaps the over-budget flag
    reschedule(a, m_clock.nowMs());
    requestRearm();
}

int Watchdog::reloadSettings()
{
    QString error;
    const QHash<qint64, AgentSettings> stored = AgentQueries(m_db).allSettings(&error);
    if (!error.isEmpty())
        return 0; // the database is busy or gone: the next round tries again
    int changed = 0;
    std::lock_guard lock(m_mutex);
    for (Agent &a : m_agents) {
        const AgentSettings s = stored.value(a.id);
        if (s == a.settings)
            continue;
        qCInfo(lcCore) << "applying the stored settings of agent" << a.name;
        applySettings(a, s);
        ++changed;
    }
    return changed;
}

void Watchdog::reschedule(Agent &a, qint64 nowMs)
{
    if (a.state == AgentState::Paused || !StateRules::expectsBeats(a.state) || a.lastBeatMs <= 0 || a.crashedAtMs > 0)
        return;
    ++a.generation; // the old deadlines are void
    const qint64 lateAt = lateAtMs(a);
    const qint64 deadAt = deadAtMs(a);
    const QString why =
        QStringLiteral("interval or grace changed; no beat for %1").arg(formatDuration(nowMs - a.lastBeatMs));
    if (nowMs >= deadAt) {
        change(a, AgentState::Dead, why, nowMs);
    } else if (nowMs >= lateAt) {
        if (a.state != AgentState::Late)
            change(a, AgentState::Late, why, nowMs);
        schedule(a, DeadlineKind::Dead, deadAt);
    } else {
        if (a.state == AgentState::Late) // back in time: what its last beat said
            change(a,
                   a.lastStatus == BeatStatus::Warning ? AgentState::Warning
                   : a.lastStatus == BeatStatus::Error ? AgentState::Error
                                                       : AgentState::Healthy,
                   QStringLiteral("interval or grace changed; the next beat is due later"), nowMs);
        schedule(a, DeadlineKind::Late, lateAt);
    }
}

std::optional<Watchdog::LiveView> Watchdog::viewOf(qint64 agentId) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.constFind(agentId);
    if (it == m_agents.cend())
        return std::nullopt;
    LiveView v;
    v.state = it->state;
    v.expectedIntervalMs = intervalMs(*it);
    v.dailyBudgetUsd = it->budget.budget();
    if (v.dailyBudgetUsd)
        v.budgetExhaustedAtMs = it->budget.forecastExhaustionMs(m_clock.nowMs(), m_days);
    return v;
}

std::vector<StateTransition> Watchdog::currentStates() const
{
    std::lock_guard lock(m_mutex);
    std::vector<StateTransition> out;
    out.reserve(static_cast<size_t>(m_agents.size()));
    for (const Agent &a : m_agents) {
        StateTransition t;
        t.agentId = a.id;
        t.agent = a.name;
        t.from = t.to = a.state;
        t.atMs = a.lastBeatMs > 0 ? a.lastBeatMs : m_clock.nowMs();
        t.lastMessage = a.lastMessage;
        t.cause = a.lastMessage.isEmpty() ? QStringLiteral("the agent is %1").arg(agentStateName(a.state))
                                          : QStringLiteral("the agent is %1; its last message: %2")
                                                .arg(agentStateName(a.state), a.lastMessage);
        out.push_back(std::move(t));
    }
    return out;
}

void Watchdog::forget(qint64 agentId, const QString &name)
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.find(agentId);
    if (it == m_agents.end() || it->name != name)
        return;         // gone already, or the id went to a new agent meanwhile
    m_agents.erase(it); // its deadlines are skipped when they come up
    const auto ofAgent = [agentId](const StateTransition &t) { return t.agentId == agentId; };
    m_unsaved.erase(std::remove_if(m_unsaved.begin(), m_unsaved.end(), ofAgent), m_unsaved.end());
    const auto kept = std::remove_if(m_unsignalled.begin(), m_unsignalled.end(), ofAgent);
    m_backlog.fetch_sub(static_cast<qint64>(m_unsignalled.end() - kept));
    m_unsignalled.erase(kept, m_unsignalled.end());
}

bool Watchdog::resume(qint64 agentId)
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.find(agentId);
    if (it == m_agents.end() || it->state != AgentState::Paused)
        return false;
    judge(*it, m_clock.nowMs(), QStringLiteral("resumed"));
    requestRearm();
    return true;
}

bool Watchdog::load(QString *error)
{
    QSqlQuery q(m_db.connection());
    const qint64 now = m_clock.nowMs();
    q.prepare(
        QStringLiteral("SELECT a.id, a.name, a.state, a.last_seen_at, a.interval_s, a.expected_interval_s, a.looping,"
                       " COALESCE(r.cost_usd, 0), a.last_message, a.paused_until, a.pause_comment, a.last_status,"
                       " (SELECT MAX(s.at) FROM state_changes s WHERE s.agent_id = a.id) FROM "
                       "agents a LEFT JOIN usage_rollups r"
                       " ON r.agent_id = a.id AND r.granularity = 86400 AND r.bucket_start = ?"));
    q.addBindValue(m_days.dayStartSecs(now));
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    QString settingsError;
    const QHash<qint64, AgentSettings> settings = AgentQueries(m_db).allSettings(&settingsError);
    if (!settingsError.isEmpty()) {
        *error = settingsError;
        return false;
    }
    int judged = 0;
    int reconciled = 0;
    {
        std::lock_guard lock(m_mutex);
        while (q.next()) {
            Agent &a = agentFor(q.value(0).toLongLong(), q.value(1).toString());
            a.settings = settings.value(a.id);
            applyBudget(a);
            applyLoop(a);
            a.state = agentStateFromName(q.value(2).toString()).value_or(AgentState::New);
            a.lastBeatMs = q.value(3).toLongLong();
            if (!q.value(4).isNull())
                a.sentIntervalMs = qRound64(q.value(4).toDouble() * 1000);
            else if (!q.value(5).isNull())
                a.learnedIntervalMs = qRound64(q.value(5).toDouble() * 1000);
            a.looping = q.value(6).toBool();
            a.lastMessage = q.value(8).toString();
            a.budget.seed(m_days.dayStartSecs(now), q.value(7).toDouble());
            const QString lastStatus = q.value(11).toString();
            a.lastStatus = lastStatus == u"warning"    ? BeatStatus::Warning
                           : lastStatus == u"error"    ? BeatStatus::Error
                           : lastStatus == u"shutdown" ? BeatStatus::Shutdown
                                                       : BeatStatus::Ok;
            if (a.state == AgentState::Paused) {
                const qint64 until = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
                if (until > now) {
                    a.pausedUntilMs = until;
                    a.pauseComment = q.value(10).toString();
                    if (until != std::numeric_limits<qint64>::max())
                        schedule(a, DeadlineKind::PauseEnd, until);
                } else {
                    judge(a, until > 0 ? until : now, QStringLiteral("pause ended while nothing watched"));
                }
                continue;
            }
            const bool crashed = a.lastStatus == BeatStatus::Error && Heartbeat::isCrashMessage(a.lastMessage);
            if (crashed)
                a.crashedAtMs = a.lastBeatMs; // crashed: not found dead at start-up either
            if (crashed || a.lastStatus == BeatStatus::Shutdown)
                a.lastWordAtMs = a.lastBeatMs;
            // The state the last stored beat implies, when its consequences were not stored (the process
            // was killed between the beat's commit and the watchdog's): a stored change newer than the beat
            // means it was applied. The transition goes to the alerts like any other, so the incident a
            // lost change would have opened (or resolved) is opened (or resolved) now.
            if (a.lastBeatMs > 0 && a.lastBeatMs > q.value(12).toLongLong()) {
                if (auto c = StateRules::onBeat(a.state, a.lastStatus, a.lastMessage, 0)) {
                    change(a, c->to, c->cause + QStringLiteral(" (from the last stored beat, at start-up)"), a.lastBeatMs,
                           StateTransition::Event::State, 0, a.lastMessage);
                    ++reconciled;
                }
            }
            if (!StateRules::expectsBeats(a.state) || a.lastBeatMs <= 0 || a.crashedAtMs > 0)
                continue;
            const qint64 lateAt = lateAtMs(a);
            const qint64 deadAt = deadAtMs(a);
            const QString lastBeat = QDateTime::fromMSecsSinceEpoch(a.lastBeatMs).toString(Qt::ISODate);
            if (now >= deadAt) {
                change(a, AgentState::Dead,
                       QStringLiteral("no beat since %1 (%2); found at start-up")
                           .arg(lastBeat, formatDuration(now - a.lastBeatMs)),
                       deadAt);
                ++judged;
            } else if (now >= lateAt) {
                if (a.state != AgentState::Late) {
                    change(a, AgentState::Late, QStringLiteral("no beat since %1; found at start-up").arg(lastBeat),
                           lateAt);
                    ++judged;
                }
                schedule(a, DeadlineKind::Dead, deadAt);
            } else {
                schedule(a, DeadlineKind::Late, lateAt);
            }
        }
    }
    q.finish();
    {
        std::lock_guard lock(m_mutex);
        std::vector<double> spent(m_projectBudgets.size(), 0.0);
        for (const Agent &a : std::as_const(m_agents)) {
            for (int i : a.projects)
                spent[static_cast<size_t>(i)] += a.budget.spentToday();
        }
        for (size_t i = 0; i < m_projectBudgets.size(); ++i)
            m_projectBudgets[i].seed(m_days.dayStartSecs(now), spent[i]);
    }
    if (judged > 0)
        qCInfo(lcCore) << judged << "agents went silent while nothing watched them";
    if (reconciled > 0)
        qCInfo(lcCore) << reconciled << "agents' last stored beats had not been applied (the server stopped before); applied now";
    flush();
    rearm();
    m_settingsTimer.start();
    return true;
}

void Watchdog::flush()
{
    emitPending();
    // Other threads flush too (before reading the timeline): one flush at a time, so an older batch
    // never commits after a newer one.
    std::lock_guard flushing(m_flushMutex);
    std::vector<StateTransition> unsaved;
    struct Flags
    {
        qint64 id;
        QString state;
        bool looping;
        bool over;
        double intervalSecs;
        bool pauseDirty;
        qint64 pausedUntil;
        QString pauseComment;
    };
    std::vector<Flags> flags;
    {
        std::lock_guard lock(m_mutex);
        unsaved.swap(m_unsaved);
        for (Agent &a : m_agents) {
            if (!a.flagsDirty && !a.pauseDirty)
                continue;
            a.flagsDirty = false;
            flags.push_back({a.id, agentStateName(a.state), a.looping, a.budget.overBudget(), intervalMs(a) / 1000.0,
                             a.pauseDirty, a.pausedUntilMs, a.pauseComment});
            a.pauseDirty = false;
        }
    }
    if (!unsaved.empty() || !flags.empty()) {
        WriteTransaction tx(m_db);
        QSqlQuery q(m_db.connection());
        bool ok = tx.isOpen();
        q.prepare(QStringLiteral(
            "INSERT INTO state_changes(agent_id, at, from_state, to_state, cause) VALUES(?, ?, ?, ?, ?)"));
        for (const StateTransition &t : unsaved) {
            q.addBindValue(t.agentId);
            q.addBindValue(t.atMs);
            q.addBindValue(agentStateName(t.from));
            q.addBindValue(agentStateName(t.to));
            q.addBindValue(t.cause);
            ok = ok && q.exec();
        }
        q.prepare(QStringLiteral(
            "UPDATE agents SET state = ?, looping = ?, over_budget = ?, expected_interval_s = ? WHERE id = ?"));
        for (const Flags &f : flags) {
            q.addBindValue(f.state);
            q.addBindValue(f.looping ? 1 : 0);
            q.addBindValue(f.over ? 1 : 0);
            q.addBindValue(f.intervalSecs);
            q.addBindValue(f.id);
            ok = ok && q.exec();
        }
        q.prepare(QStringLiteral("UPDATE agents SET paused_until = ?, pause_comment = ? WHERE id = ?"));
        for (const Flags &f : flags) {
            if (!f.pauseDirty)
                continue;
            q.addBindValue(f.pausedUntil > 0 ? QVariant(f.pausedUntil) : QVariant());
            q.addBindValue(f.pauseComment.isEmpty() ? QVariant() : QVariant(f.pauseComment));
            q.addBindValue(f.id);
            ok = ok && q.exec();
        }
        q.finish();
        if (!(ok && tx.commit())) {
            qCWarning(lcCore) << "cannot store the timeline now, will retry:"
                              << (tx.error().isEmpty() ? q.lastError().text() : tx.error());
            std::lock_guard lock(m_mutex);
            // Not those of an agent forgotten meanwhile: their rows are gone, so they could never be stored.
            unsaved.erase(std::remove_if(unsaved.begin(), unsaved.end(),
                                         [this](const StateTransition &t) { return !m_agents.contains(t.agentId); }),
                          unsaved.end());
            m_unsaved.insert(m_unsaved.begin(), unsaved.begin(), unsaved.end());
            for (const Flags &f : flags) {
                if (auto it = m_agents.find(f.id); it != m_agents.end()) {
                    it->flagsDirty = true;
                    it->pauseDirty =
                        it->pauseDirty || f.pauseDirty; // the pause fields too, or a restart forgets the pause
                }
            }
            // The timer belongs to the watchdog's thread, whichever thread flushed.
            QMetaObject::invokeMethod(
                this, [this] { m_flushTimer.start(1000); }, Qt::QueuedConnection);
        }
    }
}

} // namespace clev
