// SPDX-License-Identifier: MIT
#include "engine/Watchdog.h"

#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "core/Logging.h"
#include "storage/Database.h"
#include "storage/TimelineStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

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
    , m_intervals(m_options.defaultIntervalMs, m_options.defaults, m_options.agents, m_options.learnFromGaps)
    , m_store(std::make_unique<SqliteTimelineStore>(db))
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
    a.budget.setBudget(m_intervals.dailyBudgetUsd(a.name, a.settings));
}

qint64 Watchdog::intervalMs(const Agent &a) const
{
    return m_intervals.intervalMs(a.name, a.settings, a.rhythm);
}

AgentRules::Deadlines Watchdog::deadlines(const Agent &a) const
{
    return m_intervals.deadlines(a.name, a.settings, a.rhythm, a.lastBeatMs);
}

void Watchdog::change(Agent &a, AgentState to, const Cause &cause, qint64 atMs, StateTransition::Event event,
                      int percent, const QString &message, const QString &project)
{
    StateTransition t{a.id,
                      a.name,
                      a.state,
                      to,
                      englishText(cause),
                      atMs,
                      event,
                      percent,
                      false,
                      project,
                      message.isEmpty() ? a.lastMessage : message};
    t.causeData = cause;
    a.state = to;
    a.flagsDirty = true;
    m_unsaved.push_back(t);
    m_unsignalled.push_back(t);
    m_backlog.fetch_add(1);
}

void Watchdog::budgetEvent(Agent &a, const BudgetTracker::Crossing &c, qint64 atMs, const QString &project)
{
    Cause cause(
        CauseKind::Budget,
        {{CauseParam::Percent, c.percent}, {CauseParam::BudgetUsd, c.budgetUsd}, {CauseParam::SpentUsd, c.spentUsd}});
    if (!project.isEmpty())
        cause.params.insert(CauseParam::Project, project);
    StateTransition t{
        a.id,      a.name,       a.state, a.state,      englishText(cause), atMs, StateTransition::Event::Budget,
        c.percent, c.firstOfDay, project, a.lastMessage};
    t.causeData = cause;
    m_unsaved.push_back(t);
    m_unsignalled.push_back(t);
    m_backlog.fetch_add(1);
}

void Watchdog::schedule(const Agent &a, DeadlineKind kind, qint64 dueMs)
{
    m_deadlines.push(DeadlineQueue::Deadline{dueMs, a.id, a.generation, kind});
}

bool Watchdog::isCurrent(const DeadlineQueue::Deadline &d) const
{
    auto it = m_agents.constFind(d.agentId);
    return it != m_agents.cend() && (it->generation == d.generation || d.kind == DeadlineKind::PauseEnd);
}

// A beat the process sent before its crash report (in flight, or delivered from its buffer after it)
// counts its usage but cannot bring the crashed agent back. Nor can a regular beat that raced the crash
// or shutdown report out of the same process: it counts, but does not overturn the last word. Returns
// whether the beat is such a one ("before the crash").
bool Watchdog::takeLastWord(Agent &a, const Heartbeat &beat)
{
    const bool crash = beat.isCrash();
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
    return beforeCrash;
}

void Watchdog::observeLoop(Agent &a, const Heartbeat &beat, bool paused, qint64 nowMs, LoopDetector::Verdict *loop)
{
    *loop = a.loop.observe(beat);
    const bool looping = loop->level == LoopDetector::Level::Loop;
    if (looping != a.looping) {
        a.looping = looping;
        a.flagsDirty = true;
        a.loopReason = loop->reasonData;
    }
    if (!paused && a.looping != a.loopSignalled) {
        // Also catches up on a loop that began or ended during a pause.
        a.loopSignalled = a.looping;
        const Cause cause = a.looping ? Cause(CauseKind::LoopDetected, {{CauseParam::Reason, a.loopReason.toVariant()}})
                                      : Cause(CauseKind::LoopEnded);
        change(a, a.state, cause, nowMs,
               a.looping ? StateTransition::Event::LoopStarted : StateTransition::Event::LoopEnded, 0, beat.message);
    }
}

// The beat's cost on the agent's and its projects' budgets; returns the first project over its budget.
const ProjectPolicy *Watchdog::observeCost(Agent &a, const Heartbeat &beat, bool paused, qint64 nowMs)
{
    const bool wasOver = a.budget.overBudget();
    const auto crossings = a.budget.add(beat.costUsd.value_or(0), beat.occurredAtMs, m_days);
    for (const BudgetTracker::Crossing &c : paused ? QList<BudgetTracker::Crossing>() : crossings)
        budgetEvent(a, c, nowMs, QString());
    if (wasOver != a.budget.overBudget())
        a.flagsDirty = true;
    const ProjectPolicy *overProject = nullptr;
    for (int i : std::as_const(a.projects)) {
        BudgetTracker &project = m_projectBudgets[static_cast<size_t>(i)];
        const QString &projectName = m_options.projects.at(i).name;
        for (const BudgetTracker::Crossing &c : project.add(beat.costUsd.value_or(0), beat.occurredAtMs, m_days)) {
            if (!paused)
                budgetEvent(a, c, nowMs, projectName);
        }
        if (project.overBudget() && !overProject)
            overProject = &m_options.projects.at(i);
    }
    return overProject;
}

Watchdog::Verdict Watchdog::verdictFor(const Agent &a, const LoopDetector::Verdict &loop,
                                       const ProjectPolicy *overProject) const
{
    Verdict verdict;
    verdict.state = a.state;
    if (loop.level == LoopDetector::Level::Loop) {
        verdict.warning = QStringLiteral("loop_detected");
        verdict.reason = loop.reason;
    } else if (a.budget.overBudget()) {
        verdict.warning = QStringLiteral("cost_exceeded");
        verdict.reason = QStringLiteral("spent %1 today; the daily budget is %2")
                             .arg(money(a.budget.spentToday()), money(*a.budget.budget()));
    } else if (overProject) {
        const BudgetTracker &project = m_projectBudgets[static_cast<size_t>(overProject - m_options.projects.data())];
        verdict.warning = QStringLiteral("cost_exceeded");
        verdict.reason = QStringLiteral("project '%1' spent %2 today; its daily budget is %3")
                             .arg(overProject->name, money(project.spentToday()), money(overProject->dailyBudgetUsd));
    }
    return verdict;
}

Watchdog::Verdict Watchdog::observe(qint64 agentId, const Heartbeat &beat)
{
    waitForBacklog();
    std::lock_guard lock(m_mutex);
    Agent &a = agentFor(agentId, beat.agent);
    const qint64 now = std::max(a.lastBeatMs, beat.receivedAtMs);
    const qint64 silentFor = a.lastBeatMs > 0 ? now - a.lastBeatMs : 0;
    if (a.lastBeatMs > 0 && m_intervals.learnGap(a.rhythm, silentFor))
        a.flagsDirty = true;
    if (IntervalPolicy::takeSentInterval(a.rhythm, beat.intervalSecs))
        a.flagsDirty = true;
    a.lastBeatMs = now;
    const bool beforeCrash = takeLastWord(a, beat);
    const bool paused = a.state == AgentState::Paused;
    if (paused || beforeCrash) {
        // Muted: the beat counts, but states, deadlines and timeline events wait for the pause to end.
    } else if (auto c = StateRules::onBeat(a.state, beat.status, beat.message, silentFor)) {
        change(a, c->to, c->causeData, now, StateTransition::Event::State, 0, beat.message);
        if (beat.isCrash() && !beat.customData.isEmpty()) // for the crash incident: what people need to read
            m_unsignalled.back().traceback =
                QJsonDocument::fromJson(beat.customData.toUtf8()).object().value(QLatin1String("traceback")).toString();
    }
    LoopDetector::Verdict loop;
    observeLoop(a, beat, paused, now, &loop);
    const ProjectPolicy *overProject = observeCost(a, beat, paused, now);

    // A crash report is the process's last word, like a shutdown: it is not expected to beat again,
    // so it is not found late or dead (which would be a second incident for the same death).
    if (beat.status != BeatStatus::Shutdown && a.crashedAtMs == 0 && !beforeCrash &&
        StateRules::expectsBeats(a.state)) {
        const qint64 due = deadlines(a).lateAtMs;
        schedule(a, DeadlineKind::Late, due);
        if (due < m_armedForMs)
            requestRearm();
    }
    if (!m_unsaved.empty() || a.flagsDirty)
        requestRearm(); // also starts the flush timer and emits the transitions
    return verdictFor(a, loop, overProject);
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

void Watchdog::deliver()
{
    if (QThread::currentThread() == thread()) {
        emitPending();
        return;
    }
    std::lock_guard lock(m_mutex);
    if (!m_unsignalled.empty())
        requestRearm(); // its queued call emits them on the watchdog's thread
}

void Watchdog::emitPending()
{
    Q_ASSERT(QThread::currentThread() == thread()); // signals leave from the watchdog's own thread only
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
                qCWarning(lcWatchdog) << "cannot commit the alerts of" << std::min(Group, pending.size() - first)
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
    m_armedForMs = m_deadlines.dropVoid([this](const DeadlineQueue::Deadline &d) { return isCurrent(d); });
    if (m_deadlines.empty()) {
        m_timer.stop();
        return;
    }
    m_timer.start(static_cast<int>(std::clamp<qint64>(m_armedForMs - m_clock.nowMs(), 0, MaxTimerMs)));
}

// One due deadline (m_mutex held).
void Watchdog::applyDeadline(const DeadlineQueue::Deadline &d)
{
    if (!isCurrent(d))
        return; // void: the agent beat since, or is gone
    Agent &a = m_agents[d.agentId];
    if (d.kind == DeadlineKind::PauseEnd) {
        if (a.state == AgentState::Paused && a.pausedUntilMs == d.dueMs)
            judge(a, d.dueMs, Cause(CauseKind::PauseEnded));
        return;
    }
    if (a.state == AgentState::Paused)
        return;
    if (d.kind == DeadlineKind::Late) {
        if (auto c = StateRules::onLateDeadline(a.state, intervalMs(a)))
            change(a, c->to, c->causeData, d.dueMs);
        if (StateRules::expectsBeats(a.state))
            schedule(a, DeadlineKind::Dead, deadlines(a).deadAtMs);
    } else if (auto c = StateRules::onDeadDeadline(a.state, d.dueMs - a.lastBeatMs)) {
        change(a, c->to, c->causeData, d.dueMs);
    }
}

void Watchdog::poll()
{
    {
        std::lock_guard lock(m_mutex);
        const qint64 now = m_clock.nowMs();
        while (const auto d = m_deadlines.takeDue(now))
            applyDeadline(*d);
    }
    rearm();
    deliver(); // at once: storing the transitions can wait for the flush, telling people cannot
    std::lock_guard lock(m_mutex);
    if (!m_unsaved.empty() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

qint64 Watchdog::nextDeadlineMs() const
{
    std::lock_guard lock(m_mutex);
    return m_deadlines.nextDueMs();
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

} // namespace clev
