// SPDX-License-Identifier: MIT
#include "core/AgentHistory.h"
#include "storage/Database.h"
#include "storage/HistoryQueries.h"
#include "support/TestEnv.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <cstdlib>
#include <numeric>

using namespace clev;
using clev::test::TestDir;

namespace {
constexpr qint64 T0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 S = 1000;
constexpr qint64 Day = 86'400'000;

// A strip written as text: '.' none, 'o' on time, 'l' late, 'm' missed, 'e' error.
QByteArray tail(const char *text)
{
    const QByteArray tail = HistoryRules::stripFromText(QString::fromLatin1(text));
    return QByteArray(HistoryRules::StripSlots - tail.size(), static_cast<char>(BeatSlot::None)) + tail;
}

struct Store
{
    TestDir dir;
    Database db{{dir.file(QStringLiteral("h.db")), 1000}};

    Store()
    {
        QString error;
        if (!db.open(&error))
            qFatal("%s", qPrintable(error));
    }
    void exec(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db.connection());
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }
    qint64 agent(const QString &name, qint64 createdAtMs, double intervalSecs, const QString &state)
    {
        exec(QStringLiteral("INSERT INTO agents(name, created_at, expected_interval_s, state) VALUES(?, ?, ?, ?)"),
             {name, createdAtMs, intervalSecs, state});
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT last_insert_rowid()"));
        q.next();
        return q.value(0).toLongLong();
    }
    void beat(qint64 agentId, qint64 atMs, const QString &status = QStringLiteral("ok"))
    {
        exec(QStringLiteral("INSERT INTO heartbeats(agent_id, received_at, occurred_at, status) VALUES(?, ?, ?, ?)"),
             {agentId, atMs, atMs, status});
    }
    void change(qint64 agentId, qint64 atMs, const QString &from, const QString &to)
    {
        exec(QStringLiteral(
                 "INSERT INTO state_changes(agent_id, at, from_state, to_state, cause) VALUES(?, ?, ?, ?, '')"),
             {agentId, atMs, from, to});
    }
    void cost(qint64 agentId, int granularity, qint64 bucketStartSecs, double usd)
    {
        exec(QStringLiteral(
                 "INSERT INTO usage_rollups(agent_id, granularity, bucket_start, cost_usd) VALUES(?, ?, ?, ?)"),
             {agentId, granularity, bucketStartSecs, usd});
    }
    AgentHistory historyOf(qint64 agentId, qint64 nowMs)
    {
        QString error;
        const auto page = HistoryQueries(db).history(nowMs, &error);
        if (!page)
            qFatal("%s", qPrintable(error));
        for (const AgentHistory &h : page->agents) {
            if (h.agentId == agentId)
                return h;
        }
        qFatal("agent %lld has no history", agentId);
        return {};
    }
};
} // namespace

// The agents table's history: the pure rules (strip, uptime) and HistoryQueries on a real SQLite file.
class TestHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strip_rules_data()
    {
        QTest::addColumn<QList<qint64>>("beatsSecs"); // negative: an error beat at that second
        QTest::addColumn<qint64>("nowSecs");
        QTest::addColumn<bool>("expecting");
        QTest::addColumn<QByteArray>("expected");
        // interval 10 s, grace 10 s: late from 11 s, dead from 20 s.
        QTest::newRow("never beat") << QList<qint64>{} << qint64(100) << true << tail("");
        QTest::newRow("on time") << QList<qint64>{0, 10, 20} << qint64(25) << true << tail("ooo");
        QTest::newRow("late, not dead") << QList<qint64>{0, 12} << qint64(15) << true << tail("ol");
        QTest::newRow("dead 30 s: two missed, then late") << QList<qint64>{0, 30} << qint64(31) << true << tail("omml");
        QTest::newRow("error beat on time") << QList<qint64>{0, -10} << qint64(12) << true << tail("oe");
        QTest::newRow("silent since: missed up to now") << QList<qint64>{0, 10} << qint64(45) << true << tail("oommm");
        QTest::newRow("silent but paused: nothing due") << QList<qint64>{0, 10} << qint64(45) << false << tail("oo");
        QTest::newRow("late but not dead yet: nothing added") << QList<qint64>{0} << qint64(15) << true << tail("o");
        QTest::newRow("a long gap is at most a strip")
            << QList<qint64>{0, 100'000} << qint64(100'001) << true
            << QByteArray(QByteArray(29, char(BeatSlot::Missed)) + char(BeatSlot::Late));
    }
    void strip_rules()
    {
        QFETCH(QList<qint64>, beatsSecs);
        QFETCH(qint64, nowSecs);
        QFETCH(bool, expecting);
        QFETCH(QByteArray, expected);
        QList<HistoryRules::BeatMark> beats;
        for (const qint64 s : beatsSecs)
            beats.append({std::abs(s) * S, s < 0, false});
        QCOMPARE(HistoryRules::strip(beats, 10 * S, 10 * S, nowSecs * S, expecting), expected);
    }

    void strip_afterShutdown_nothingMissed()
    {
        const QList<HistoryRules::BeatMark> beats{{0, false, false}, {10 * S, false, true}, {500 * S, false, false}};
        QCOMPARE(HistoryRules::strip(beats, 10 * S, 10 * S, 505 * S, true), tail("ooo"));
        QCOMPARE(HistoryRules::strip(beats.mid(0, 2), 10 * S, 10 * S, 1000 * S, true), tail("oo"));
    }

    void strip_wireText_roundTrips()
    {
        const QByteArray s = tail("olmeo");
        QCOMPARE(HistoryRules::stripText(s), QString(25, u'.') + QStringLiteral("olmeo"));
        QCOMPARE(HistoryRules::stripFromText(HistoryRules::stripText(s)), s);
    }

    void uptime_rules()
    {
        using HistoryRules::StateMark;
        const auto A = AgentState::Healthy, D = AgentState::Dead, P = AgentState::Paused, N = AgentState::New;
        // Up 10 s, dead 10 s, paused 10 s (not counted), up 10 s: 20 of 30 counted.
        const QList<StateMark> changes{{0, N, A}, {10 * S, A, D}, {20 * S, D, P}, {30 * S, P, A}};
        QCOMPARE(HistoryRules::uptime(std::nullopt, changes, A, 0, 0, 40 * S), 100.0 * 20 / 30);
        // Before the first beat does not count: from 15 s on, dead 5 s and up 10 s.
        QCOMPARE(HistoryRules::uptime(std::nullopt, changes, A, 15 * S, 0, 40 * S), 100.0 * 10 / 15);
        // Changes before the window only set the state.
        QCOMPARE(HistoryRules::uptime(std::nullopt, changes, A, 0, 25 * S, 40 * S), 100.0);
        // Nothing counted (only paused): unknown.
        QCOMPARE(HistoryRules::uptime(P, {}, P, 0, 0, 40 * S), -1.0);
        // No change at all: the current state throughout.
        QCOMPARE(HistoryRules::uptime(std::nullopt, {}, D, 0, 0, 40 * S), 0.0);
    }

    void history_fromTheStore_stripUptimeAndHourlyCost()
    {
        Store store;
        const qint64 a = store.agent(QStringLiteral("a"), T0, 10, QStringLiteral("healthy"));
        // On time, on time, late (11.5 s), dead 30 s (two missed, then late), error, on time.
        for (const qint64 at : {T0, T0 + 10 * S, T0 + 21'500, T0 + 51'500, T0 + 71'500})
            store.beat(a, at);
        store.beat(a, T0 + 61'500, QStringLiteral("error"));
        store.change(a, T0, QStringLiteral("new"), QStringLiteral("healthy"));
        store.change(a, T0 + 30 * S, QStringLiteral("healthy"), QStringLiteral("dead"));
        store.change(a, T0 + 51'500, QStringLiteral("dead"), QStringLiteral("healthy"));
        store.change(a, T0 + 55 * S, QStringLiteral("healthy"), QStringLiteral("healthy")); // an event: no change
        store.change(a, T0 + 61'500, QStringLiteral("healthy"), QStringLiteral("error"));
        store.change(a, T0 + 71'500, QStringLiteral("error"), QStringLiteral("healthy"));
        const qint64 now = T0 + 75 * S;
        const qint64 hour = now / 1000 / 3600 * 3600;
        store.cost(a, 3600, hour, 0.5);              // the newest hour
        store.cost(a, 3600, hour - 23 * 3600, 0.25); // the oldest of the 24
        store.cost(a, 3600, hour - 24 * 3600, 9.0);  // too old
        store.cost(a, 60, hour, 7.0);                // a minute bucket: not this series

        AgentHistory h = store.historyOf(a, now);
        QCOMPARE(h.strip, tail("oolmmleo"));
        // Up 30 + 10 + 3.5 s, down (dead, error) 21.5 + 10 s.
        QCOMPARE(h.uptime24h, 100.0 * 43.5 / 75);
        QCOMPARE(h.uptime30d, h.uptime24h);
        QCOMPARE(h.cost24h.size(), 24);
        QCOMPARE(h.cost24h.at(23), 0.5f);
        QCOMPARE(h.cost24h.at(0), 0.25f);
        QCOMPARE(std::accumulate(h.cost24h.cbegin(), h.cost24h.cend(), 0.0f), 0.75f);

        // Silent for 35 s more: three slots missed up to now.
        h = store.historyOf(a, T0 + 106'500);
        QCOMPARE(h.strip, tail("oolmmleommm"));
    }

    void history_stateBeforeTheWindow_countsFromItsStart()
    {
        Store store;
        const qint64 now = T0;
        const qint64 old = store.agent(QStringLiteral("old"), now - 40 * Day, 60, QStringLiteral("healthy"));
        store.change(old, now - 35 * Day, QStringLiteral("new"), QStringLiteral("healthy"));
        store.change(old, now - 10 * Day, QStringLiteral("healthy"), QStringLiteral("dead"));
        store.change(old, now - 5 * Day, QStringLiteral("dead"), QStringLiteral("healthy"));
        const qint64 young = store.agent(QStringLiteral("young"), now - 1000, 60, QStringLiteral("new"));
        const AgentHistory h = store.historyOf(old, now);
        QCOMPARE(h.uptime30d, 100.0 * 25 / 30);
        QCOMPARE(h.uptime24h, 100.0);
        QCOMPARE(h.strip, tail("")); // no beats kept
        const AgentHistory y = store.historyOf(young, now);
        QCOMPARE(y.uptime24h, -1.0); // new: nothing counted yet
    }

    // 10 000 agents with 40 beats each: one read of the whole table's history, timed.
    void history_tenThousandAgents_oneRead()
    {
        Store store;
        const qint64 now = T0 + 40 * 10 * S;
        store.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
                                  " INSERT INTO agents(id, name, created_at, expected_interval_s, state)"
                                  " SELECT i, 'agent-' || i, ?, 10, 'healthy' FROM n"),
                   {T0});
        store.exec(QStringLiteral("WITH RECURSIVE b(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM b WHERE k < 39)"
                                  " INSERT INTO heartbeats(agent_id, received_at, occurred_at, status)"
                                  " SELECT a.id, ? + b.k * 10000 + (a.id % 7) * 10, ? + b.k * 10000,"
                                  " CASE WHEN b.k % 10 = 9 THEN 'error' ELSE 'ok' END FROM agents a, b"),
                   {T0, T0});
        store.exec(QStringLiteral("INSERT INTO state_changes(agent_id, at, from_state, to_state, cause)"
                                  " SELECT id, ?, 'new', 'healthy', '' FROM agents"),
                   {T0});
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto page = HistoryQueries(store.db).history(now, &error);
        const qint64 ms = timer.elapsed();
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->agents.size(), 10000);
        QCOMPARE(page->total, 10000);
        qInfo("history of 10 000 agents x 40 beats: %lld ms", ms);
        for (const AgentHistory &h : page->agents) {
            QCOMPARE(HistoryRules::count(h.strip, BeatSlot::None), 0);
            QCOMPARE(HistoryRules::count(h.strip, BeatSlot::Error), 3);
            QCOMPARE(h.uptime24h, 100.0);
        }
        // Paged by agent id, as the API reads it.
        const auto second = HistoryQueries(store.db).history(now, &error, 100, 100);
        QVERIFY(second);
        QCOMPARE(second->agents.size(), 100);
        QCOMPARE(second->agents.first().agentId, 101);
        QCOMPARE(second->agents.first().strip, page->agents.at(100).strip);
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "TestHistory.moc"
