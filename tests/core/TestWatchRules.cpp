// SPDX-License-Identifier: MIT
#include "core/AgentState.h"
#include "core/BudgetTracker.h"
#include "core/DayBuckets.h"
#include "core/LoopDetector.h"
#include "core/PriceTable.h"

#include <QDateTime>
#include <QTest>

using namespace clev;

Q_DECLARE_METATYPE(clev::AgentState)
Q_DECLARE_METATYPE(clev::BeatStatus)

namespace {
constexpr qint64 T0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

Heartbeat beat(qint64 atMs, qint64 tokens = 0)
{
    Heartbeat b;
    b.agent = QStringLiteral("a");
    b.occurredAtMs = b.receivedAtMs = atMs;
    b.inputTokens = tokens;
    return b;
}

Heartbeat withCall(qint64 atMs, const QString &name, const QString &args)
{
    Heartbeat b = beat(atMs);
    b.toolCallLog.append({name, args});
    return b;
}
} // namespace

// The pure rules the watchdog applies: state transitions, loop and budget detectors, pricing.
class TestWatchRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onBeat_data()
    {
        QTest::addColumn<AgentState>("from");
        QTest::addColumn<BeatStatus>("status");
        QTest::addColumn<int>("to"); // -1: no change
        const AgentState all[] = {AgentState::New,  AgentState::Healthy, AgentState::Warning, AgentState::Error,
                                  AgentState::Late, AgentState::Dead,    AgentState::Stopped};
        const struct
        {
            BeatStatus status;
            AgentState to;
        } beats[] = {{BeatStatus::Ok, AgentState::Healthy},
                     {BeatStatus::Warning, AgentState::Warning},
                     {BeatStatus::Error, AgentState::Error},
                     {BeatStatus::Shutdown, AgentState::Stopped}};
        for (AgentState from : all) {
            for (const auto &b : beats) {
                QTest::addRow("%s + %s", qPrintable(agentStateName(from)), qPrintable(beatStatusName(b.status)))
                    << from << b.status << (from == b.to ? -1 : static_cast<int>(b.to));
            }
        }
    }
    void onBeat()
    {
        QFETCH(AgentState, from);
        QFETCH(BeatStatus, status);
        QFETCH(int, to);
        const auto change = StateRules::onBeat(from, status, QStringLiteral("boom"), 90'000);
        if (to < 0) {
            QVERIFY(!change);
            return;
        }
        QVERIFY(change);
        QCOMPARE(static_cast<int>(change->to), to);
        QVERIFY(!change->cause.isEmpty());
        if (from == AgentState::Dead || from == AgentState::Late)
            QVERIFY2(change->cause.contains(u"back after 90 s"), qPrintable(change->cause));
        if (status == BeatStatus::Error)
            QVERIFY(change->cause.contains(u"boom"));
    }

    void deadlines_data()
    {
        QTest::addColumn<AgentState>("from");
        QTest::addColumn<bool>("late");
        QTest::addColumn<bool>("dead");
        QTest::newRow("new") << AgentState::New << false << false;
        QTest::newRow("healthy") << AgentState::Healthy << true << true;
        QTest::newRow("warning") << AgentState::Warning << true << true;
        QTest::newRow("error") << AgentState::Error << true << true;
        QTest::newRow("late") << AgentState::Late << false << true;
        QTest::newRow("dead") << AgentState::Dead << false << false;
        QTest::newRow("stopped: a clean shutdown never dies") << AgentState::Stopped << false << false;
        QTest::newRow("paused") << AgentState::Paused << false << false;
    }
    void deadlines()
    {
        QFETCH(AgentState, from);
        QFETCH(bool, late);
        QFETCH(bool, dead);
        const auto l = StateRules::onLateDeadline(from, 60'000);
        QCOMPARE(l.has_value(), late);
        if (l)
            QCOMPARE(l->to, AgentState::Late);
        const auto d = StateRules::onDeadDeadline(from, 120'000);
        QCOMPARE(d.has_value(), dead);
        if (d) {
            QCOMPARE(d->to, AgentState::Dead);
            QCOMPARE(d->cause, QStringLiteral("no beat for 2 min"));
        }
    }

    void stateNames_roundTrip()
    {
        for (AgentState s : {AgentState::New, AgentState::Healthy, AgentState::Warning, AgentState::Error,
                             AgentState::Late, AgentState::Dead, AgentState::Stopped, AgentState::Paused})
            QCOMPARE(agentStateFromName(agentStateName(s)), s);
        QVERIFY(!agentStateFromName(QStringLiteral("zombie")));
        QVERIFY(agentStateSeverity(AgentState::Dead) > agentStateSeverity(AgentState::Late));
    }

    void loop_sameToolSameArgs_warnsAt3_loopsAt5()
    {
        LoopDetector d;
        QCOMPARE(d.observe(withCall(T0, QStringLiteral("search"), QStringLiteral("q=x"))).level,
                 LoopDetector::Level::None);
        QCOMPARE(d.observe(withCall(T0 + 1, QStringLiteral("search"), QStringLiteral("q=x"))).level,
                 LoopDetector::Level::None);
        QCOMPARE(d.observe(withCall(T0 + 2, QStringLiteral("search"), QStringLiteral("q=x"))).level,
                 LoopDetector::Level::Warning);
        QCOMPARE(d.observe(withCall(T0 + 3, QStringLiteral("search"), QStringLiteral("q=x"))).level,
                 LoopDetector::Level::Warning);
        const auto v = d.observe(withCall(T0 + 4, QStringLiteral("search"), QStringLiteral("q=x")));
        QCOMPARE(v.level, LoopDetector::Level::Loop);
        QVERIFY2(v.reason.contains(u"'search'") && v.reason.contains(u"5 times"), qPrintable(v.reason));
        // Other arguments break the run.
        QCOMPARE(d.observe(withCall(T0 + 5, QStringLiteral("search"), QStringLiteral("q=y"))).level,
                 LoopDetector::Level::None);
    }

    void loop_backgroundBeatsInBetween_doNotEndIt_evidenceOrQuietDoes()
    {
        // The SDK's loop: ping() with the same tool call every 3 s, its own background beat (no tool calls,
        // no tokens) every 10 s in between. One loop, not one per ping.
        LoopDetector::Options o;
        o.quietMs = 60'000;
        LoopDetector d(o);
        qint64 t = T0;
        for (int i = 0; i < 5; ++i)
            d.observe(withCall(t += 3000, QStringLiteral("search"), QStringLiteral("same args")));
        QCOMPARE(d.observe(beat(t)).level, LoopDetector::Level::Loop); // the fifth call was in the ping before
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(d.observe(beat(t += 1000)).level, LoopDetector::Level::Loop); // a background beat
            QCOMPARE(d.observe(withCall(t += 2000, QStringLiteral("search"), QStringLiteral("same args"))).level,
                     LoopDetector::Level::Loop);
        }
        // Evidence: another call ends it at once.
        QCOMPARE(d.observe(withCall(t += 3000, QStringLiteral("fetch"), QStringLiteral("page 2"))).level,
                 LoopDetector::Level::None);
        // Again, then only background beats: it ends once the quiet period passed, not before.
        for (int i = 0; i < 5; ++i)
            d.observe(withCall(t += 3000, QStringLiteral("search"), QStringLiteral("same args")));
        const qint64 lastSeen = t;
        while (t + 10'000 < lastSeen + o.quietMs)
            QCOMPARE(d.observe(beat(t += 10'000)).level, LoopDetector::Level::Loop);
        QCOMPARE(d.observe(beat(lastSeen + o.quietMs)).level, LoopDetector::Level::None);
        QCOMPARE(d.observe(beat(lastSeen + o.quietMs + 10'000)).level, LoopDetector::Level::None);
    }

    void loop_spikeRun_isNotBrokenByIdleBeats()
    {
        LoopDetector d;
        for (int i = 0; i < 30; ++i)
            d.observe(beat(T0 + i * 60'000, 3000));
        qint64 t = T0 + 30 * 60'000;
        for (int i = 0; i < 3; ++i) {
            d.observe(beat(t += 10'000, 40'000));
            d.observe(beat(t += 10'000, 0)); // a liveness beat between two spikes
        }
        QCOMPARE(d.observe(beat(t += 10'000, 0)).level, LoopDetector::Level::Loop);
        QCOMPARE(d.observe(beat(t += 10'000, 3000)).level, LoopDetector::Level::None); // normal usage again
    }

    void loop_eighteenDifferentToolCalls_isNotALoop()
    {
        LoopDetector d;
        Heartbeat b = beat(T0, 500);
        for (int i = 0; i < 18; ++i)
            b.toolCallLog.append({QStringLiteral("tool_%1").arg(i % 6), QStringLiteral("item=%1").arg(i)});
        QCOMPARE(d.observe(b).level, LoopDetector::Level::None);
        QCOMPARE(d.observe(b).level, LoopDetector::Level::None); // the same varied batch again is still fine
    }

    void loop_repeatedPromptWindow_onlyWhileTokensFlow()
    {
        LoopDetector d;
        const QStringList window{QStringLiteral("aaaa"), QStringLiteral("bbbb")};
        // Idle beats re-send the same window without tokens: never a loop.
        for (int i = 0; i < 10; ++i) {
            Heartbeat b = beat(T0 + i);
            b.promptHashes = window;
            QCOMPARE(d.observe(b).level, LoopDetector::Level::None);
        }
        for (int i = 0; i < 4; ++i) {
            Heartbeat b = beat(T0 + 100 + i, 800);
            b.promptHashes = window;
            QCOMPARE(d.observe(b).level, LoopDetector::Level::None);
            Heartbeat idle = beat(T0 + 200 + i); // interleaved liveness beats neither extend nor break the run
            idle.promptHashes = window;
            d.observe(idle);
        }
        Heartbeat fifth = beat(T0 + 300, 800);
        fifth.promptHashes = window;
        QCOMPARE(d.observe(fifth).level, LoopDetector::Level::Loop);
        Heartbeat moved = beat(T0 + 301, 800);
        moved.promptHashes = {QStringLiteral("bbbb"), QStringLiteral("cccc")};
        QCOMPARE(d.observe(moved).level, LoopDetector::Level::None);
    }

    void loop_tokenSpike_needsThreeBeatsOverTenTimesTheMeanAndTheFloor()
    {
        LoopDetector d;
        for (int i = 0; i < 20; ++i)
            QCOMPARE(d.observe(beat(T0 + i * 60'000, 3000)).level, LoopDetector::Level::None);
        // 10x the mean but under the 20 000 floor: fine.
        LoopDetector small;
        for (int i = 0; i < 20; ++i)
            small.observe(beat(T0 + i * 60'000, 100));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(small.observe(beat(T0 + (30 + i) * 60'000, 5000)).level, LoopDetector::Level::None);
        // Two spiking beats, then a normal one: no loop.
        QCOMPARE(d.observe(beat(T0 + 30 * 60'000, 40'000)).level, LoopDetector::Level::None);
        QCOMPARE(d.observe(beat(T0 + 31 * 60'000, 40'000)).level, LoopDetector::Level::None);
        QCOMPARE(d.observe(beat(T0 + 32 * 60'000, 3000)).level, LoopDetector::Level::None);
        // Three in a row: a loop.
        d.observe(beat(T0 + 33 * 60'000, 40'000));
        d.observe(beat(T0 + 34 * 60'000, 40'000));
        const auto v = d.observe(beat(T0 + 35 * 60'000, 40'000));
        QCOMPARE(v.level, LoopDetector::Level::Loop);
        QVERIFY2(v.reason.contains(u"40000 tokens per beat"), qPrintable(v.reason));
    }

    void loop_iterationCap()
    {
        LoopDetector::Options o;
        o.iterationCap = 100;
        LoopDetector d(o);
        Heartbeat b = beat(T0);
        b.iterationCount = 100;
        QCOMPARE(d.observe(b).level, LoopDetector::Level::None);
        b.iterationCount = 101;
        QCOMPARE(d.observe(b).level, LoopDetector::Level::Loop);
        LoopDetector uncapped;
        b.iterationCount = 1'000'000;
        QCOMPARE(uncapped.observe(b).level, LoopDetector::Level::None);
    }

    void budget_thresholdsOncePerDay_andForecast()
    {
        const DayBuckets days(QTimeZone::utc());
        BudgetTracker t;
        t.setBudget(10.0);
        QVERIFY(t.add(7.0, T0 + 3600'000, days).isEmpty());
        auto crossed = t.add(1.0, T0 + 3601'000, days); // 8.0: 80 %
        QCOMPARE(crossed.size(), 1);
        QCOMPARE(crossed.first().percent, 80);
        QVERIFY(t.add(0.5, T0 + 3602'000, days).isEmpty()); // 8.5: nothing new
        crossed = t.add(5.0, T0 + 3603'000, days);          // 13.5: 95 and 100 at once
        QCOMPARE(crossed.size(), 2);
        QCOMPARE(crossed.at(0).percent, 95);
        QCOMPARE(crossed.at(1).percent, 100);
        QVERIFY(t.overBudget());
        QVERIFY(t.add(5.0, T0 + 3604'000, days).isEmpty()); // each once per period
        // The next day starts from zero.
        QVERIFY(t.add(1.0, T0 + 25 * 3600'000, days).isEmpty());
        QVERIFY(!t.overBudget());
        QCOMPARE(t.spentToday(), 1.0);

        // $1 in the last hour with $9 to go: nine hours from now, inside the day.
        BudgetTracker f;
        f.setBudget(10.0);
        const qint64 now = T0 + 2 * 3600'000;
        f.add(0.5, now - 30 * 60'000, days);
        f.add(0.5, now - 10 * 60'000, days);
        const auto at = f.forecastExhaustionMs(now, days);
        QVERIFY(at);
        QCOMPARE(*at, now + 9 * 3600'000);
        QVERIFY(!f.forecastExhaustionMs(now + 2 * 3600'000, days)); // no spend in the last hour
    }

    void budget_lateBeatFromYesterday_doesNotResetToday()
    {
        const DayBuckets days(QTimeZone::utc());
        BudgetTracker t;
        t.setBudget(10.0);
        t.add(9.0, T0 + 30 * 3600'000, days);               // day 2
        QVERIFY(t.add(5.0, T0 + 3600'000, days).isEmpty()); // a buffered beat from day 1
        QCOMPARE(t.spentToday(), 9.0);
        const auto crossed = t.add(1.0, T0 + 31 * 3600'000, days); // 10.0: 95 and 100 % (80 % was day 2's first)
        QCOMPARE(crossed.size(), 2);
        QCOMPARE(crossed.last().percent, 100);
        QVERIFY(!crossed.first().firstOfDay);
    }

    void budget_seed_doesNotRepeatPassedThresholds()
    {
        const DayBuckets days(QTimeZone::utc());
        BudgetTracker t;
        t.setBudget(10.0);
        t.seed(days.dayStartSecs(T0), 9.0); // 90 % already spent before a restart
        const auto crossed = t.add(0.6, T0 + 1000, days);
        QCOMPARE(crossed.size(), 1);
        QCOMPARE(crossed.first().percent, 95);
    }

    void prices_fromBucketsAndModel()
    {
        const PriceTable table = PriceTable::bundled();
        QVERIFY2(table.size() > 200, qPrintable(QString::number(table.size())));
        Heartbeat b = beat(T0);
        b.model = QStringLiteral("gpt-4o");
        b.inputTokens = 1'000'000;
        b.outputTokens = 100'000;
        b.cacheReadTokens = 200'000;
        QCOMPARE(*table.costOf(b), 2.5 + 1.0 + 0.25); // $2.50/M in, $10/M out, $1.25/M cached
        b.model = QStringLiteral("openai/GPT-4o");    // provider prefix and case do not matter
        QVERIFY(table.costOf(b));
        b.costUsd = 0.01; // the agent's own figure wins
        QCOMPARE(*table.costOf(b), 0.01);
        b.costUsd.reset();
        b.model = QStringLiteral("my-private-model");
        QVERIFY(!table.costOf(b)); // unpriced, not $0
        Heartbeat bare = beat(T0);
        bare.tokensUsed = 500; // no buckets: input and output prices differ, so no guess
        bare.model = QStringLiteral("gpt-4o");
        QVERIFY(!table.costOf(bare));
        QCOMPARE(*table.costOf(beat(T0)), 0.0); // no usage at all

        // An estimate has the bound a sent cost has (2^53-1 tokens each way priced $112 589 990 684.26).
        b.model = QStringLiteral("gpt-4o");
        b.inputTokens = b.outputTokens = Heartbeat::MaxCount;
        QCOMPARE(*table.costOf(b), Heartbeat::MaxCostUsd);
    }

    // Sums of many beats' counts stop at qint64's ends instead of wrapping to -2^63.
    void saturatingAdd_holdsAtTheEnds()
    {
        const qint64 max = std::numeric_limits<qint64>::max(), min = std::numeric_limits<qint64>::min();
        QCOMPARE(saturatingAdd(2, 3), qint64(5));
        QCOMPARE(saturatingAdd(max - 1, 5), max);
        QCOMPARE(saturatingAdd(max, max), max);
        QCOMPARE(saturatingAdd(min + 1, -5), min);
        // The loop detector's 24 h baseline over such beats stays huge, not negative: ordinary beats
        // after them are no "spike" (a wrapped sum made every beat one, and a loop after three).
        LoopDetector d(LoopDetector::Options{});
        for (int i = 0; i < 4; ++i) {
            Heartbeat h = beat(T0 + i * 1000);
            h.tokensUsed = max / 2;
            d.observe(h);
        }
        for (int i = 4; i < 10; ++i) {
            Heartbeat h = beat(T0 + i * 1000);
            h.tokensUsed = 50'000;
            const LoopDetector::Verdict v = d.observe(h);
            QVERIFY2(v.level == LoopDetector::Level::None, qPrintable(v.reason));
        }
    }

    void prices_overrideFile()
    {
        PriceTable table = PriceTable::bundled();
        QString error;
        QVERIFY(table.loadJson(
            "{\"my-private-model\": {\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6}}", &error));
        Heartbeat b = beat(T0, 1000);
        b.model = QStringLiteral("my-private-model");
        QCOMPARE(*table.costOf(b), 0.001);
        QVERIFY(!table.loadJson("{\"broken\": {\"input_cost_per_token\": \"free\"}}", &error));
        QVERIFY2(error.contains(u"broken"), qPrintable(error));
        QVERIFY(!table.load(QStringLiteral("/nonexistent/prices.json"), &error));
        QVERIFY(error.contains(u"cannot read"));
    }
};

QTEST_GUILESS_MAIN(TestWatchRules)
#include "TestWatchRules.moc"
