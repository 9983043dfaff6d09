// SPDX-License-Identifier: MIT
#include "engine/DeadlineQueue.h"
#include "engine/IntervalPolicy.h"

#include <QTest>

#include <limits>

using namespace clev;

namespace {
constexpr qint64 S = 1000;
} // namespace

// The watchdog's parts on their own: which interval and grace are in force, and the deadline queue.
class TestWatchdogParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each row sets some sources; the first set in the order settings > beat > configuration > learned >
    // configured defaults > built-in default wins. Grace: settings > configuration > defaults > interval.
    void intervalPolicy_precedence_data()
    {
        QTest::addColumn<double>("setInterval"); // 0: unset
        QTest::addColumn<double>("setGrace");
        QTest::addColumn<qint64>("sent");
        QTest::addColumn<double>("configured");
        QTest::addColumn<double>("configuredGrace");
        QTest::addColumn<qint64>("learned");
        QTest::addColumn<double>("defaultInterval");
        QTest::addColumn<double>("defaultGrace");
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<qint64>("grace");
        QTest::newRow("nothing: built-in 60 s, grace = interval")
            << 0.0 << 0.0 << 0LL << 0.0 << 0.0 << 0LL << 0.0 << 0.0 << 60 * S << 60 * S;
        QTest::newRow("configured defaults")
            << 0.0 << 0.0 << 0LL << 0.0 << 0.0 << 0LL << 30.0 << 5.0 << 30 * S << 5 * S;
        QTest::newRow("learned beats the defaults")
            << 0.0 << 0.0 << 0LL << 0.0 << 0.0 << 11 * S << 30.0 << 0.0 << 11 * S << 11 * S;
        QTest::newRow("configuration beats learned")
            << 0.0 << 0.0 << 0LL << 300.0 << 30.0 << 11 * S << 30.0 << 5.0 << 300 * S << 30 * S;
        QTest::newRow("the beat's interval beats the configuration")
            << 0.0 << 0.0 << 5 * S << 300.0 << 0.0 << 11 * S << 0.0 << 0.0 << 5 * S << 5 * S;
        QTest::newRow("settings beat everything")
            << 2.5 << 1.5 << 5 * S << 300.0 << 30.0 << 11 * S << 30.0 << 5.0 << 2500LL << 1500LL;
        QTest::newRow("set grace only") << 0.0 << 7.0 << 5 * S << 0.0 << 0.0 << 0LL << 0.0 << 0.0 << 5 * S << 7 * S;
    }
    void intervalPolicy_precedence()
    {
        QFETCH(double, setInterval);
        QFETCH(double, setGrace);
        QFETCH(qint64, sent);
        QFETCH(double, configured);
        QFETCH(double, configuredGrace);
        QFETCH(qint64, learned);
        QFETCH(double, defaultInterval);
        QFETCH(double, defaultGrace);
        QFETCH(qint64, interval);
        QFETCH(qint64, grace);
        const auto opt = [](double v) { return v > 0 ? std::optional<double>(v) : std::nullopt; };
        QHash<QString, AgentPolicy> agents;
        if (configured > 0 || configuredGrace > 0)
            agents.insert(QStringLiteral("a"), AgentPolicy{opt(configured), opt(configuredGrace), {}});
        const IntervalPolicy policy(60 * S, AgentPolicy{opt(defaultInterval), opt(defaultGrace), {}}, agents, 3);
        AgentSettings settings;
        settings.intervalSecs = opt(setInterval);
        settings.graceSecs = opt(setGrace);
        Rhythm rhythm;
        if (sent > 0)
            rhythm.sentIntervalMs = sent;
        rhythm.learnedIntervalMs = learned;
        QCOMPARE(policy.intervalMs(QStringLiteral("a"), settings, rhythm), interval);
        QCOMPARE(policy.graceMs(QStringLiteral("a"), settings, rhythm), grace);
        // Another agent follows only what is not its own.
        QCOMPARE(policy.intervalMs(QStringLiteral("b"), AgentSettings(), Rhythm()),
                 defaultInterval > 0 ? qRound64(defaultInterval * 1000) : 60 * S);
        const AgentRules::Deadlines d = policy.deadlines(QStringLiteral("a"), settings, rhythm, 1000 * S);
        QCOMPARE(d.deadAtMs, 1000 * S + interval + grace);
    }

    void intervalPolicy_budget()
    {
        QHash<QString, AgentPolicy> agents;
        agents.insert(QStringLiteral("configured"), AgentPolicy{{}, {}, 2.0});
        const IntervalPolicy policy(60 * S, AgentPolicy{{}, {}, 10.0}, agents, 3);
        QCOMPARE(policy.dailyBudgetUsd(QStringLiteral("other"), AgentSettings()), std::optional<double>(10.0));
        QCOMPARE(policy.dailyBudgetUsd(QStringLiteral("configured"), AgentSettings()), std::optional<double>(2.0));
        AgentSettings set;
        set.dailyBudgetUsd = 0.5;
        QCOMPARE(policy.dailyBudgetUsd(QStringLiteral("configured"), set), std::optional<double>(0.5));
        const IntervalPolicy none(60 * S, AgentPolicy(), {}, 3);
        QVERIFY(!none.dailyBudgetUsd(QStringLiteral("x"), AgentSettings()));
    }

    // The median of the first gaps (from the third on), bursts under a second ignored, five at most.
    void intervalPolicy_learnsTheMedianGap()
    {
        const IntervalPolicy policy(60 * S, AgentPolicy(), {}, 3);
        Rhythm r;
        QVERIFY(!policy.learnGap(r, 10 * S));
        QVERIFY(!policy.learnGap(r, 999)); // a burst: not counted
        QVERIFY(!policy.learnGap(r, 14 * S));
        QCOMPARE(r.learnedIntervalMs, 0);
        QVERIFY(policy.learnGap(r, 11 * S));
        QCOMPARE(r.learnedIntervalMs, 11 * S);
        QVERIFY(policy.learnGap(r, 30 * S));
        QVERIFY(policy.learnGap(r, 31 * S));
        QCOMPARE(r.learnedIntervalMs, 14 * S); // median of 10, 11, 14, 30, 31
        QVERIFY(!policy.learnGap(r, 1 * S));   // five kept: learned for good
        QCOMPARE(r.learnedIntervalMs, 14 * S);

        QVERIFY(IntervalPolicy::takeSentInterval(r, 5.0));
        QVERIFY(!IntervalPolicy::takeSentInterval(r, 5.0)); // unchanged
        QVERIFY(!IntervalPolicy::takeSentInterval(r, std::nullopt));
        QCOMPARE(r.sentIntervalMs, std::optional<qint64>(5 * S));
    }

    void deadlineQueue_earliestFirst_voidOnesDropped()
    {
        DeadlineQueue q;
        QVERIFY(q.empty());
        QCOMPARE(q.nextDueMs(), std::numeric_limits<qint64>::max());
        q.push({300, 1, 1, DeadlineQueue::Kind::Late});
        q.push({100, 2, 1, DeadlineQueue::Kind::Dead});
        q.push({200, 1, 0, DeadlineQueue::Kind::Late}); // of an older generation of agent 1
        q.push({400, 3, 7, DeadlineQueue::Kind::PauseEnd});
        QCOMPARE(q.nextDueMs(), 100);
        QVERIFY(!q.takeDue(99));
        const auto first = q.takeDue(100);
        QVERIFY(first);
        QCOMPARE(first->agentId, 2);
        QCOMPARE(first->kind, DeadlineQueue::Kind::Dead);
        // Agent 1 is at generation 1 now: its generation-0 deadline is void and dropped from the front.
        const auto current = [](const DeadlineQueue::Deadline &d) { return d.agentId != 1 || d.generation == 1; };
        QCOMPARE(q.dropVoid(current), 300);
        QCOMPARE(q.takeDue(1000)->dueMs, 300);
        QCOMPARE(q.takeDue(1000)->dueMs, 400);
        QVERIFY(!q.takeDue(1000));
        QCOMPARE(q.dropVoid(current), std::numeric_limits<qint64>::max());
    }
};

QTEST_GUILESS_MAIN(TestWatchdogParts)
#include "TestWatchdogParts.moc"
