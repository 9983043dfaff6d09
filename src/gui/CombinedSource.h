// SPDX-License-Identifier: MIT
#pragma once

#include "gui/MonitorSource.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace clev {

// "All sources": every watched instance in one view. Its list is the lists of this computer and of each
// remote instance together, a remote's agents named "label: name"; its alerts and costs are theirs,
// merged. Each agent and alert keeps the source it came from, so reading its detail, acknowledging,
// pausing or restarting it goes to that source (and a read-only remote refuses there, saying so).
class CombinedSource final : public MonitorSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CombinedSource)

public:
    explicit CombinedSource(QObject *parent = nullptr);
    ~CombinedSource() override;

    // `label` names a remote's agents ("" for this computer: its agents keep their names).
    void addSource(MonitorSource *source, const QString &label);
    void removeSource(MonitorSource *source);
    int sourceCount() const { return static_cast<int>(m_members.size()); }

    void start() override {}
    QString endpoint() const override;
    void requestAlerts(const IncidentFilter &filter) override;
    void acknowledge(qint64 incidentId) override;
    void requestDeliveries(qint64 incidentId) override;
    void requestDetail(qint64 agentId, const QString &name) override;
    void pause(qint64 agentId, const QString &name, qint64 untilMs) override;
    void resume(qint64 agentId) override;
    void requestCosts(int days) override;
    void forget(qint64 agentId, const QString &name) override;
    void restart(qint64 agentId, const QString &name) override;
    void setSettings(qint64 agentId, const QString &name, const AgentSettings &settings) override;
    void silence(const QString &pattern, qint64 untilMs, const QString &comment) override;
    void requestSnapshot() override;
    void requestHistory() override;
    bool canAct() const override;

    // The ids of the combined view: the member's tag in the high bits, its own id below.
    static constexpr int IdBits = 40;

private:
    struct Member
    {
        QPointer<MonitorSource> source;
        QString label;
        qint64 tag = 0;
        QList<AgentRow> rows;
        QList<AgentHistory> history; // its last, with the combined ids
        QList<QMetaObject::Connection> connections;
    };
    // Questions put to every member, oldest first: each is answered when all members did, or after a few
    // seconds with what came, and in the order they were asked (the window counts its answers).
    template <typename T> struct Gather
    {
        QSet<qint64> waiting; // members' tags
        QList<T> items;
        qint64 deadlineMs = 0;
    };
    template <typename T> using Gathers = QList<Gather<T>>;

    Member *memberOf(qint64 combinedId);
    Member *memberFor(MonitorSource *source);
    static qint64 combine(qint64 tag, qint64 id) { return (tag << IdBits) | id; }
    static qint64 ownId(qint64 combinedId) { return combinedId & ((qint64(1) << IdBits) - 1); }
    QString nameIn(const Member &m, const QString &name) const;
    QString ownName(const Member &m, const QString &combinedName) const;
    void emitSnapshot();
    // Starts a question to every member (ask(member) puts it); false when there is none to ask.
    template <typename T> void ask(Gathers<T> &gathers, const std::function<void(const Member &)> &ask);
    // A member's answer: to the oldest question still waiting for it.
    template <typename T> void answer(Gathers<T> &gathers, qint64 tag, const QList<T> &items);
    void finishDue(bool expired);

    QList<Member> m_members;
    qint64 m_nextTag = 1;
    QTimer m_snapshotTimer; // coalesces the members' lists into one
    Gathers<Incident> m_alerts;
    Gathers<DailyCost> m_costs;
    QTimer m_deadline;
};

} // namespace clev
