// SPDX-License-Identifier: MIT
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "storage/TimelineStore.h"
#include "support/TestEnv.h"

#include <QSqlQuery>
#include <QTest>

#include <limits>

using namespace clev;
using clev::test::TestDir;

namespace {
constexpr qint64 T0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 Day = T0 / 1000;

struct Store
{
    TestDir dir;
    Database db{{dir.file(QStringLiteral("t.db")), 1000}};
    SqliteTimelineStore timeline{db};

    Store()
    {
        QString error;
        if (!db.open(&error))
            qFatal("%s", qPrintable(error));
    }
    qint64 add(const QString &name)
    {
        QString error;
        AgentQueries agents(db);
        agents.add(name, T0, &error);
        return agents.idOf(name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql);
    }
    std::vector<StoredAgentState> load(qint64 dayStartSecs = Day)
    {
        std::vector<StoredAgentState> out;
        QString error;
        if (!timeline.loadAgents(dayStartSecs, &out, &error))
            qFatal("%s", qPrintable(error));
        return out;
    }
    StoredAgentState loadOne(qint64 id)
    {
        for (const StoredAgentState &a : load()) {
            if (a.id == id)
                return a;
        }
        qFatal("agent %lld not loaded", id);
        return {};
    }
};

StateTransition transition(qint64 agentId, AgentState from, AgentState to, qint64 atMs)
{
    StateTransition t;
    t.agentId = agentId;
    t.from = from;
    t.to = to;
    t.atMs = atMs;
    t.cause = QStringLiteral("%1 -> %2").arg(agentStateName(from), agentStateName(to));
    return t;
}
} // namespace

// The watchdog's store of timelines and flags in SQLite: what append() writes, loadAgents() reads back.
class TestTimelineStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neverSeenAgent_loadsAsNew()
    {
        Store s;
        const qint64 id = s.add(QStringLiteral("fresh"));
        const StoredAgentState a = s.loadOne(id);
        QCOMPARE(a.name, QStringLiteral("fresh"));
        QCOMPARE(a.state, AgentState::New);
        QCOMPARE(a.lastBeatMs, 0);
        QVERIFY(!a.sentIntervalMs && !a.expectedIntervalMs);
        QCOMPARE(a.lastStatus, BeatStatus::Ok);
        QCOMPARE(a.pausedUntilMs, 0);
        QCOMPARE(a.lastChangeAtMs, 0);
        QCOMPARE(a.costTodayUsd, 0.0);
    }

    void append_thenLoad_roundTrip()
    {
        Store s;
        const qint64 id = s.add(QStringLiteral("a"));
        // What the storage writer records of the last beat.
        QVERIFY(s.exec(QStringLiteral("UPDATE agents SET last_seen_at = %1, interval_s = 10, last_status = 'warning',"
                                      " last_message = 'slow disk' WHERE id = %2")
                           .arg(T0 + 5000)
                           .arg(id)));
        QVERIFY(s.exec(QStringLiteral("INSERT INTO usage_rollups(agent_id, granularity, bucket_start, cost_usd)"
                                      " VALUES(%1, 86400, %2, 1.25), (%1, 86400, %3, 7.5)")
                           .arg(id)
                           .arg(Day)
                           .arg(Day - 86400)));
        QString error;
        QVERIFY2(s.timeline.append({transition(id, AgentState::New, AgentState::Healthy, T0),
                                    transition(id, AgentState::Healthy, AgentState::Warning, T0 + 5000)},
                                   {AgentFlags{id, AgentState::Warning, true, true, 10.0, false, 0, QString()}},
                                   &error),
                 qPrintable(error));
        const StoredAgentState a = s.loadOne(id);
        QCOMPARE(a.state, AgentState::Warning);
        QCOMPARE(a.lastBeatMs, T0 + 5000);
        QCOMPARE(a.sentIntervalMs, std::optional<qint64>(10'000));
        QCOMPARE(a.expectedIntervalMs, std::optional<qint64>(10'000));
        QVERIFY(a.looping);
        QCOMPARE(a.lastStatus, BeatStatus::Warning);
        QCOMPARE(a.lastMessage, QStringLiteral("slow disk"));
        QCOMPARE(a.lastChangeAtMs, T0 + 5000); // the newest stored change
        QCOMPARE(a.costTodayUsd, 1.25);        // the day asked for only
        QCOMPARE(s.loadOne(id).costTodayUsd, 1.25);
        QCOMPARE(s.load(Day - 86400).front().costTodayUsd, 7.5);

        QSqlQuery q(s.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT from_state, to_state, cause FROM state_changes ORDER BY id")));
        QStringList rows;
        while (q.next())
            rows << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString();
        QCOMPARE(rows, (QStringList{QStringLiteral("new healthy new -> healthy"),
                                    QStringLiteral("healthy warning healthy -> warning")}));
        QVERIFY(q.exec(QStringLiteral("SELECT over_budget FROM agents WHERE id = %1").arg(id)) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void cause_storedAsData_andAnOldRowAsItsText()
    {
        Store s;
        const qint64 id = s.add(QStringLiteral("a"));
        // A row from before causes had kinds (schema version 8): its text only.
        QVERIFY(s.exec(QStringLiteral("INSERT INTO state_changes(agent_id, at, from_state, to_state, cause)"
                                      " VALUES(%1, %2, 'new', 'healthy', 'beat: ok')")
                           .arg(id)
                           .arg(T0)));
        StateTransition t = transition(id, AgentState::Healthy, AgentState::Dead, T0 + 95'000);
        t.causeData = Cause(CauseKind::Dead, {{CauseParam::SilentMs, qint64(95'000)}});
        t.cause = englishText(t.causeData);
        QString error;
        QVERIFY2(s.timeline.append({t}, {}, &error), qPrintable(error));

        const QList<TimelineEntry> timeline = AgentQueries(s.db).timeline(id, 10, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(timeline.size(), 2);
        QCOMPARE(timeline.at(0).cause, QStringLiteral("no beat for 95 s")); // the English is kept
        QCOMPARE(timeline.at(0).causeData.kind, CauseKind::Dead);
        QCOMPARE(timeline.at(0).causeData.params.value(CauseParam::SilentMs).toLongLong(), 95'000);
        QCOMPARE(timeline.at(0).causeData, t.causeData);
        QCOMPARE(timeline.at(1).cause, QStringLiteral("beat: ok"));
        QVERIFY(timeline.at(1).causeData.isNone());
        QVERIFY(timeline.at(1).causeData.params.isEmpty());

        QSqlQuery q(s.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT cause_kind, cause_params FROM state_changes ORDER BY id")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull() && q.value(1).isNull());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("dead"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("{\"silent_ms\":95000}")); // compact JSON
        // A kind a newer version wrote is no kind here: its text tells.
        QVERIFY(s.exec(
            QStringLiteral("UPDATE state_changes SET cause_kind = 'from_the_future' WHERE cause_kind = 'dead'")));
        const QList<TimelineEntry> newer = AgentQueries(s.db).timeline(id, 10, &error);
        QVERIFY(newer.at(0).causeData.isNone());
        QCOMPARE(newer.at(0).cause, QStringLiteral("no beat for 95 s"));
    }

    void pauseFields_storedOnlyWhenChanged()
    {
        Store s;
        const qint64 id = s.add(QStringLiteral("p"));
        QString error;
        const qint64 until = T0 + 3600'000;
        QVERIFY(s.timeline.append(
            {}, {AgentFlags{id, AgentState::Paused, false, false, 60.0, true, until, QStringLiteral("deploy")}},
            &error));
        StoredAgentState a = s.loadOne(id);
        QCOMPARE(a.state, AgentState::Paused);
        QCOMPARE(a.pausedUntilMs, until);
        QCOMPARE(a.pauseComment, QStringLiteral("deploy"));
        // Flags without a pause change leave the pause as stored.
        QVERIFY(s.timeline.append({}, {AgentFlags{id, AgentState::Paused, false, false, 60.0, false, 0, QString()}},
                                  &error));
        QCOMPARE(s.loadOne(id).pausedUntilMs, until);
        // Until resumed, then resumed (0 and no comment: NULL columns).
        QVERIFY(s.timeline.append({},
                                  {AgentFlags{id, AgentState::Paused, false, false, 60.0, true,
                                              std::numeric_limits<qint64>::max(), QString()}},
                                  &error));
        QCOMPARE(s.loadOne(id).pausedUntilMs, std::numeric_limits<qint64>::max());
        QVERIFY(s.timeline.append({}, {AgentFlags{id, AgentState::Healthy, false, false, 60.0, true, 0, QString()}},
                                  &error));
        a = s.loadOne(id);
        QCOMPARE(a.state, AgentState::Healthy);
        QCOMPARE(a.pausedUntilMs, 0);
        QVERIFY(a.pauseComment.isEmpty());
        QSqlQuery q(s.db.connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT paused_until IS NULL AND pause_comment IS NULL FROM agents WHERE id = %1").arg(id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void failedAppend_storesNothing()
    {
        Store s;
        const qint64 id = s.add(QStringLiteral("a"));
        QString error;
        // The second transition names an agent that does not exist (its rows were deleted): the whole
        // batch is refused, so the caller can keep it and retry.
        QVERIFY(!s.timeline.append({transition(id, AgentState::New, AgentState::Healthy, T0),
                                    transition(424242, AgentState::New, AgentState::Healthy, T0)},
                                   {AgentFlags{id, AgentState::Healthy, false, false, 60.0, false, 0, QString()}},
                                   &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(s.loadOne(id).state, AgentState::New);
        QCOMPARE(s.loadOne(id).lastChangeAtMs, 0);
        QVERIFY(s.timeline.append({}, {}, &error)); // nothing to store
    }
};

QTEST_GUILESS_MAIN(TestTimelineStore)
#include "TestTimelineStore.moc"
