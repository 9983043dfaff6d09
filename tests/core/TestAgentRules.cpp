// SPDX-License-Identifier: MIT
#include "core/AgentRules.h"

#include <QTest>

using namespace clev;
using namespace clev::AgentRules;

Q_DECLARE_METATYPE(clev::AgentState)
Q_DECLARE_METATYPE(clev::BeatStatus)
Q_DECLARE_METATYPE(clev::AgentRules::Lateness)

namespace {
constexpr qint64 S = 1000;
constexpr qint64 T0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
} // namespace

// The rules the storage writer and the watchdog share, one table each.
class TestAgentRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateForBeatStatus_data()
    {
        QTest::addColumn<BeatStatus>("status");
        QTest::addColumn<AgentState>("state");
        QTest::addColumn<QString>("stored"); // the agents.state column the writer stores
        QTest::newRow("ok") << BeatStatus::Ok << AgentState::Healthy << QStringLiteral("healthy");
        QTest::newRow("warning") << BeatStatus::Warning << AgentState::Warning << QStringLiteral("warning");
        QTest::newRow("error") << BeatStatus::Error << AgentState::Error << QStringLiteral("error");
        QTest::newRow("shutdown") << BeatStatus::Shutdown << AgentState::Stopped << QStringLiteral("stopped");
    }
    void stateForBeatStatus()
    {
        QFETCH(BeatStatus, status);
        QFETCH(AgentState, state);
        QFETCH(QString, stored);
        QCOMPARE(AgentRules::stateForBeatStatus(status), state);
        QCOMPARE(agentStateName(AgentRules::stateForBeatStatus(status)), stored);
        // The watchdog's transition on a beat goes to the same state.
        const auto change = StateRules::onBeat(AgentState::New, status, QString(), 0);
        QVERIFY(change);
        QCOMPARE(change->to, state);
    }

    void beatStatusFromName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status"); // -1: not a status
        QTest::newRow("ok") << QStringLiteral("ok") << static_cast<int>(BeatStatus::Ok);
        QTest::newRow("warning") << QStringLiteral("warning") << static_cast<int>(BeatStatus::Warning);
        QTest::newRow("error") << QStringLiteral("error") << static_cast<int>(BeatStatus::Error);
        QTest::newRow("shutdown") << QStringLiteral("shutdown") << static_cast<int>(BeatStatus::Shutdown);
        QTest::newRow("empty (never beat)") << QString() << -1;
        QTest::newRow("a state, not a status") << QStringLiteral("healthy") << -1;
        QTest::newRow("case matters") << QStringLiteral("ERROR") << -1;
    }
    void beatStatusFromName()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        const std::optional<BeatStatus> s = AgentRules::beatStatusFromName(name);
        QCOMPARE(s.has_value(), status >= 0);
        if (s) {
            QCOMPARE(static_cast<int>(*s), status);
            QCOMPARE(beatStatusName(*s), name);
        }
    }

    void deadlinesAfter_data()
    {
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<qint64>("grace");
        QTest::addColumn<qint64>("lateAfter");
        QTest::addColumn<qint64>("deadAfter");
        QTest::newRow("60 s, grace 60 s: slack capped at 1 s") << 60 * S << 60 * S << 61 * S << 120 * S;
        QTest::newRow("10 s, grace 10 s: slack 1 s") << 10 * S << 10 * S << 11 * S << 20 * S;
        QTest::newRow("5 s: slack a tenth, 500 ms") << 5 * S << 5 * S << 5500LL << 10 * S;
        QTest::newRow("1 s, grace 0.5 s") << 1 * S << 500LL << 1100LL << 1500LL;
        QTest::newRow("grace shorter than the slack") << 10 * S << 200LL << 11 * S << 10200LL;
        QTest::newRow("1 h, grace 0") << 3600 * S << 0LL << 3601 * S << 3600 * S;
    }
    void deadlinesAfter()
    {
        QFETCH(qint64, interval);
        QFETCH(qint64, grace);
        QFETCH(qint64, lateAfter);
        QFETCH(qint64, deadAfter);
        const Deadlines d = AgentRules::deadlinesAfter(T0, interval, grace);
        QCOMPARE(d.lateAtMs, T0 + lateAfter);
        QCOMPARE(d.deadAtMs, T0 + deadAfter);
    }

    void judge_data()
    {
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<qint64>("grace");
        QTest::addColumn<qint64>("silentFor");
        QTest::addColumn<Lateness>("lateness");
        // Interval 10 s, grace 10 s: late at 11 s, dead at 20 s.
        QTest::newRow("just beat") << 10 * S << 10 * S << 0LL << Lateness::OnTime;
        QTest::newRow("at the interval: within the slack") << 10 * S << 10 * S << 10 * S << Lateness::OnTime;
        QTest::newRow("1 ms before late") << 10 * S << 10 * S << 11 * S - 1 << Lateness::OnTime;
        QTest::newRow("at late") << 10 * S << 10 * S << 11 * S << Lateness::Late;
        QTest::newRow("between") << 10 * S << 10 * S << 15 * S << Lateness::Late;
        QTest::newRow("1 ms before dead") << 10 * S << 10 * S << 20 * S - 1 << Lateness::Late;
        QTest::newRow("at dead") << 10 * S << 10 * S << 20 * S << Lateness::Dead;
        QTest::newRow("long gone") << 10 * S << 10 * S << 86'400 * S << Lateness::Dead;
        // A grace shorter than the slack: dead before ever late.
        QTest::newRow("short grace: on time") << 10 * S << 200LL << 10 * S << Lateness::OnTime;
        QTest::newRow("short grace: dead first") << 10 * S << 200LL << 10200LL << Lateness::Dead;
        // A clock behind the last beat (a beat stamped ahead): on time.
        QTest::newRow("clock behind the beat") << 10 * S << 10 * S << -5 * S << Lateness::OnTime;
    }
    void judge()
    {
        QFETCH(qint64, interval);
        QFETCH(qint64, grace);
        QFETCH(qint64, silentFor);
        QFETCH(Lateness, lateness);
        QCOMPARE(AgentRules::judge(T0, interval, grace, T0 + silentFor), lateness);
        QCOMPARE(AgentRules::judge(AgentRules::deadlinesAfter(T0, interval, grace), T0 + silentFor), lateness);
    }
};

QTEST_GUILESS_MAIN(TestAgentRules)
#include "TestAgentRules.moc"
