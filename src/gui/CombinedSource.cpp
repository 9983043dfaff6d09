// SPDX-License-Identifier: MIT
#include "gui/CombinedSource.h"

#include <QDateTime>

#include <algorithm>

namespace clev {

namespace {
constexpr int GatherTimeoutMs = 8000; // a member that never answers holds the merged answer this long at most
} // namespace

CombinedSource::CombinedSource(QObject *parent)
    : MonitorSource(parent)
{
    m_snapshotTimer.setSingleShot(true);
    m_snapshotTimer.setInterval(50);
    connect(&m_snapshotTimer, &QTimer::timeout, this, &CombinedSource::emitSnapshot);
    m_deadline.setInterval(1000);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finishDue(true); });
}

template <typename T> void CombinedSource::ask(Gathers<T> &gathers, const std::function<void(const Member &)> &put)
{
    Gather<T> g;
    g.deadlineMs = QDateTime::currentMSecsSinceEpoch() + GatherTimeoutMs;
    for (const Member &m : std::as_const(m_members)) {
        if (m.source)
            g.waiting.insert(m.tag);
    }
    gathers.append(g);
    for (const Member &m : std::as_const(m_members)) {
        if (m.source)
            put(m);
    }
    if (!m_deadline.isActive())
        m_deadline.start();
    finishDue(false); // no member: answered at once, empty
}

template <typename T> void CombinedSource::answer(Gathers<T> &gathers, qint64 tag, const QList<T> &items)
{
    for (Gather<T> &g : gathers) {
        if (g.waiting.remove(tag)) {
            g.items.append(items);
            break;
        }
    }
    finishDue(false);
}

void CombinedSource::finishDue(bool expired)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto due = [expired, now](const auto &g) { return g.waiting.isEmpty() || (expired && now >= g.deadlineMs); };
    while (!m_alerts.isEmpty() && due(m_alerts.first())) {
        QList<Incident> merged = m_alerts.takeFirst().items;
        std::stable_sort(merged.begin(), merged.end(),
                         [](const Incident &a, const Incident &b) { return a.openedAtMs > b.openedAtMs; });
        Q_EMIT alertsReady(merged);
    }
    while (!m_costs.isEmpty() && due(m_costs.first()))
        Q_EMIT costsReady(m_costs.takeFirst().items);
    if (m_alerts.isEmpty() && m_costs.isEmpty())
        m_deadline.stop();
}

CombinedSource::~CombinedSource()
{
    for (const Member &m : std::as_const(m_members)) {
        for (const QMetaObject::Connection &c : m.connections)
            disconnect(c);
    }
}

QString CombinedSource::endpoint() const
{
    return tr("all sources");
}

void CombinedSource::addSource(MonitorSource *source, const QString &label)
{
    Member m;
    m.source = source;
    m.label = label;
    m.tag = m_nextTag++;
    const qint64 tag = m.tag;
    m.connections << connect(source, &MonitorSource::snapshot, this, [this, source](const QList<AgentRow> &rows) {
        if (Member *member = memberFor(source)) {
            member->rows = rows;
            if (!m_snapshotTimer.isActive())
                m_snapshotTimer.start();
        }
    });
    m.connections << connect(source, &MonitorSource::transitioned, this, [this, source](const StateTransition &t) {
        if (Member *member = memberFor(source)) {
            StateTransition out = t;
            out.agentId = combine(member->tag, t.agentId);
            out.agent = nameIn(*member, t.agent);
            Q_EMIT transitioned(out);
        }
    });
    m.connections << connect(source, &MonitorSource::alertsReady, this, [this, source](QList<Incident> list) {
        const Member *member = memberFor(source);
        if (!member)
            return;
        for (Incident &i : list) {
            i.id = combine(member->tag, i.id);
            i.agentId = combine(member->tag, i.agentId);
            i.agent = nameIn(*member, i.agent);
        }
        answer(m_alerts, member->tag, list);
    });
    m.connections << connect(source, &MonitorSource::costsReady, this, [this, source](QList<DailyCost> list) {
        const Member *member = memberFor(source);
        if (!member)
            return;
        for (DailyCost &c : list)
            c.agent = nameIn(*member, c.agent);
        answer(m_costs, member->tag, list);
    });
    m.connections << connect(source, &MonitorSource::detailReady, this, [this, tag](const AgentDetail &detail) {
        AgentDetail out = detail;
        out.agentId = combine(tag, detail.agentId);
        for (Incident &i : out.incidents) {
            i.id = combine(tag, i.id);
            i.agentId = combine(tag, i.agentId);
        }
        Q_EMIT detailReady(out);
    });
    m.connections << connect(source, &MonitorSource::deliveriesReady, this,
                             [this, tag](qint64 incidentId, const QList<Delivery> &list, const QString &error) {
                                 Q_EMIT deliveriesReady(combine(tag, incidentId), list, error);
                             });
    m.connections << connect(source, &MonitorSource::historyReady, this, [this, source](QList<AgentHistory> history) {
        Member *member = memberFor(source);
        if (!member)
            return;
        for (AgentHistory &h : history)
            h.agentId = combine(member->tag, h.agentId);
        member->history = std::move(history);
        // Every member's last together: the view replaces what it had.
        QList<AgentHistory> all;
        for (const Member &mm : std::as_const(m_members))
            all.append(mm.history);
        Q_EMIT historyReady(all);
    });
    m.connections << connect(source, &MonitorSource::actionDone, this, &MonitorSource::actionDone);
    m.connections << connect(source, &MonitorSource::alertsChanged, this, &MonitorSource::alertsChanged);
    m.connections << connect(source, &MonitorSource::capabilitiesChanged, this, &MonitorSource::capabilitiesChanged);
    m.connections << connect(source, &MonitorSource::agentChanged, this, [this, source](const QString &agent) {
        if (const Member *member = memberFor(source))
            Q_EMIT agentChanged(nameIn(*member, agent));
    });
    m_members.append(m);
    source->requestSnapshot();
}

void CombinedSource::removeSource(MonitorSource *source)
{
    for (auto it = m_members.begin(); it != m_members.end(); ++it) {
        if (it->source == source) {
            for (const QMetaObject::Connection &c : std::as_const(it->connections))
                disconnect(c);
            const qint64 tag = it->tag;
            m_members.erase(it);
            for (auto &g : m_alerts)
                g.waiting.remove(tag);
            for (auto &g : m_costs)
                g.waiting.remove(tag);
            finishDue(false);
            emitSnapshot();
            return;
        }
    }
}

CombinedSource::Member *CombinedSource::memberFor(MonitorSource *source)
{
    for (Member &m : m_members) {
        if (m.source == source)
            return &m;
    }
    return nullptr;
}

CombinedSource::Member *CombinedSource::memberOf(qint64 combinedId)
{
    const qint64 tag = combinedId >> IdBits;
    for (Member &m : m_members) {
        if (m.tag == tag && m.source)
            return &m;
    }
    return nullptr;
}

QString CombinedSource::nameIn(const Member &m, const QString &name) const
{
    return m.label.isEmpty() ? name : QStringLiteral("%1: %2").arg(m.label, name);
}

QString CombinedSource::ownName(const Member &m, const QString &combinedName) const
{
    const QString prefix = m.label + QStringLiteral(": ");
    return !m.label.isEmpty() && combinedName.startsWith(prefix) ? combinedName.mid(prefix.size()) : combinedName;
}

void CombinedSource::emitSnapshot()
{
    QList<AgentRow> all;
    qsizetype total = 0;
    for (const Member &m : std::as_const(m_members))
        total += m.rows.size();
    all.reserve(total);
    for (const Member &m : std::as_const(m_members)) {
        for (const AgentRow &r : m.rows) {
            all.append(r);
            all.last().id = combine(m.tag, r.id);
            if (!m.label.isEmpty())
                all.last().name = nameIn(m, r.name);
        }
    }
    Q_EMIT snapshot(all);
}

void CombinedSource::requestSnapshot()
{
    for (const Member &m : std::as_const(m_members)) {
        if (m.source)
            m.source->requestSnapshot();
    }
    m_snapshotTimer.start();
}

void CombinedSource::requestHistory()
{
    for (const Member &m : std::as_const(m_members)) {
        if (m.source)
            m.source->requestHistory();
    }
}

void CombinedSource::requestAlerts(const IncidentFilter &filter)
{
    ask(m_alerts, [this, filter](const Member &m) {
        IncidentFilter own = filter;
        own.agent = ownName(m, filter.agent);
        m.source->requestAlerts(own);
    });
}

void CombinedSource::requestCosts(int days)
{
    ask(m_costs, [days](const Member &m) { m.source->requestCosts(days); });
}

void CombinedSource::acknowledge(qint64 incidentId)
{
    if (Member *m = memberOf(incidentId))
        m->source->acknowledge(ownId(incidentId));
}

void CombinedSource::requestDeliveries(qint64 incidentId)
{
    if (Member *m = memberOf(incidentId))
        m->source->requestDeliveries(ownId(incidentId));
}

void CombinedSource::requestDetail(qint64 agentId, const QString &name)
{
    if (Member *m = memberOf(agentId))
        m->source->requestDetail(ownId(agentId), ownName(*m, name));
}

void CombinedSource::pause(qint64 agentId, const QString &name, qint64 untilMs)
{
    if (Member *m = memberOf(agentId))
        m->source->pause(ownId(agentId), ownName(*m, name), untilMs);
}

void CombinedSource::resume(qint64 agentId)
{
    if (Member *m = memberOf(agentId))
        m->source->resume(ownId(agentId));
}

void CombinedSource::forget(qint64 agentId, const QString &name)
{
    if (Member *m = memberOf(agentId))
        m->source->forget(ownId(agentId), ownName(*m, name));
}

void CombinedSource::restart(qint64 agentId, const QString &name)
{
    if (Member *m = memberOf(agentId))
        m->source->restart(ownId(agentId), ownName(*m, name));
}

void CombinedSource::setSettings(qint64 agentId, const QString &name, const AgentSettings &settings)
{
    if (Member *m = memberOf(agentId))
        m->source->setSettings(ownId(agentId), ownName(*m, name), settings);
}

void CombinedSource::silence(const QString &pattern, qint64 untilMs, const QString &comment)
{
    // A pattern names agents as this view does: "label: name" goes to that remote, any other to all.
    for (const Member &m : std::as_const(m_members)) {
        if (!m.source)
            continue;
        const QString own = ownName(m, pattern);
        if (own != pattern || m.label.isEmpty() || !pattern.contains(QStringLiteral(": ")))
            m.source->silence(own, untilMs, comment);
    }
}

bool CombinedSource::canAct() const
{
    // Acting on an agent goes to its own source, which may refuse (a read key): allowed when any may.
    return std::any_of(m_members.cbegin(), m_members.cend(),
                       [](const Member &m) { return m.source && m.source->canAct(); });
}

} // namespace clev
