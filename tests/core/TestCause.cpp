// SPDX-License-Identifier: MIT
// Causes as data (core/Cause): the one name table, and englishText giving exactly the English the engine
// wrote before causes had kinds (each compared with the literal text the old code produced).
#include "core/AgentState.h"
#include "core/Cause.h"
#include "core/Heartbeat.h"
#include "core/LoopDetector.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace clev;

Q_DECLARE_METATYPE(clev::Cause)

namespace {

QVariantMap nestedDead95()
{
    return Cause(CauseKind::Dead, {{CauseParam::SilentMs, qint64(95'000)}}).toVariant();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate);
}

} // namespace

class TestCause : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_roundTripEveryKind()
    {
        QSet<QString> seen;
        for (CauseKind kind : allCauseKinds) {
            const QString name = causeKindName(kind);
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(int(kind))));
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
            QCOMPARE(causeKindFromName(name), std::optional<CauseKind>(kind));
            QVERIFY(name == name.toLower() && !name.contains(u' '));
        }
        QVERIFY(causeKindName(CauseKind::None).isEmpty());
    }

    void names_unknownRefused()
    {
        for (const QString &bad : {QString(), QStringLiteral("none"), QStringLiteral("Dead"), QStringLiteral("dead "),
                                   QStringLiteral("beat-ok"), QStringLiteral("loop"), QStringLiteral("text")})
            QVERIFY2(!causeKindFromName(bad), qPrintable(bad));
        // An unknown kind from storage or the wire is no kind, with the text it came with.
        const Cause c = Cause::fromParts(QStringLiteral("from_the_future"), {{QStringLiteral("x"), 1}},
                                         QStringLiteral("some text"));
        QVERIFY(c.isNone());
        QCOMPARE(englishText(c), QStringLiteral("some text"));
        QVERIFY(Cause::fromParts(QString(), {}).isNone());
    }

    void english_data()
    {
        QTest::addColumn<Cause>("cause");
        QTest::addColumn<QString>("expected");
        using K = CauseKind;
        namespace P = CauseParam;
        const qint64 lastBeat = 1'795'000'000'000;
        QTest::newRow("beat ok") << Cause(K::BeatOk) << "beat: ok";
        QTest::newRow("beat ok back") << Cause(K::BeatOk, {{P::BackAfterMs, qint64(180'000)}})
                                      << "beat: ok (back after 3 min of silence)";
        QTest::newRow("beat warning") << Cause(K::BeatWarning) << "beat: warning";
        QTest::newRow("beat warning msg") << Cause(K::BeatWarning, {{P::Message, "slow"}}) << "beat: warning: slow";
        QTest::newRow("beat error msg") << Cause(K::BeatError, {{P::Message, "boom"}}) << "beat: error: boom";
        QTest::newRow("beat error") << Cause(K::BeatError) << "beat: error";
        QTest::newRow("stored beat")
            << Cause(K::BeatError, {{P::Message, "x"}, {P::BackAfterMs, qint64(0)}, {P::FromStoredBeat, true}})
            << "beat: error: x (back after 0 s of silence) (from the last stored beat, at start-up)";
        QTest::newRow("shutdown") << Cause(K::Shutdown) << "clean shutdown";
        QTest::newRow("late") << Cause(K::Late, {{P::ExpectedMs, qint64(60'000)}})
                              << "no beat for 60 s (expected every 60 s)";
        QTest::newRow("dead") << Cause(K::Dead, {{P::SilentMs, qint64(95'000)}}) << "no beat for 95 s";
        QTest::newRow("dead 2 min") << Cause(K::Dead, {{P::SilentMs, qint64(120'000)}}) << "no beat for 2 min";
        QTest::newRow("dead at start-up")
            << Cause(K::DeadAtStartup, {{P::LastBeatMs, lastBeat}, {P::SilentMs, qint64(15'000'000)}})
            << QStringLiteral("no beat since %1 (4 h 10 min); found at start-up").arg(iso(lastBeat));
        QTest::newRow("late at start-up") << Cause(K::LateAtStartup, {{P::LastBeatMs, lastBeat}})
                                          << QStringLiteral("no beat since %1; found at start-up").arg(iso(lastBeat));
        const QVariantMap tool = Cause(K::LoopToolRepeat, {{P::Tool, "search"}, {P::Count, qint64(5)}}).toVariant();
        QTest::newRow("loop detected")
            << Cause(K::LoopDetected, {{P::Reason, tool}})
            << "loop detected: the tool 'search' was called 5 times in a row with the same arguments";
        QTest::newRow("loop ended") << Cause(K::LoopEnded) << "loop ended";
        QTest::newRow("prompts") << Cause(K::LoopPromptRepeat, {{P::Beats, qint64(5)}})
                                 << "the same prompts were sent on 5 beats in a row while tokens kept flowing";
        QTest::newRow("token spike")
            << Cause(K::LoopTokenSpike,
                     {{P::Tokens, qint64(40000)}, {P::Beats, qint64(3)}, {P::Factor, 10.0}, {P::Mean, 1000.0}})
            << "40000 tokens per beat on 3 beats running, over 10 x the 24 h mean of 1000";
        QTest::newRow("tool spike")
            << Cause(K::LoopToolSpike,
                     {{P::Calls, qint64(60)}, {P::Beats, qint64(3)}, {P::Factor, 10.0}, {P::Mean, 2.34}})
            << "60 tool calls per beat on 3 beats running, over 10 x the 24 h mean of 2.3";
        QTest::newRow("iteration cap") << Cause(K::LoopIterationCap,
                                                {{P::Iteration, qint64(101)}, {P::Cap, qint64(100)}})
                                       << "iteration 101 is past the cap of 100";
        QTest::newRow("budget") << Cause(K::Budget, {{P::Percent, 80}, {P::BudgetUsd, 5.0}, {P::SpentUsd, 4.0}})
                                << "budget: 80 % of the daily $5.00 spent ($4.00)";
        QTest::newRow("project budget")
            << Cause(K::Budget,
                     {{P::Percent, 100}, {P::BudgetUsd, 50.0}, {P::SpentUsd, 51.7}, {P::Project, "research"}})
            << "project 'research' budget: 100 % of the daily $50 spent ($52)";
        QTest::newRow("paused resumed") << Cause(K::Paused) << "paused until resumed";
        QTest::newRow("paused until") << Cause(K::Paused, {{P::UntilMs, lastBeat}, {P::Comment, "deploy"}})
                                      << QStringLiteral("paused until %1: deploy").arg(iso(lastBeat));
        QTest::newRow("pause ended") << Cause(K::PauseEnded, {{P::ThenSilentMs, qint64(95'000)}})
                                     << "pause ended; no beat for 95 s";
        QTest::newRow("pause ended unwatched") << Cause(K::PauseEndedUnwatched) << "pause ended while nothing watched";
        QTest::newRow("resumed") << Cause(K::Resumed) << "resumed";
        QTest::newRow("interval changed") << Cause(K::IntervalChanged, {{P::ThenSilentMs, qint64(30'000)}})
                                          << "interval or grace changed; no beat for 30 s";
        QTest::newRow("interval due later")
            << Cause(K::IntervalChangedDueLater) << "interval or grace changed; the next beat is due later";
        QTest::newRow("current state") << Cause(K::CurrentState, {{P::State, "dead"}}) << "the agent is dead";
        QTest::newRow("current state msg") << Cause(K::CurrentState, {{P::State, "error"}, {P::Message, "Crashed: x"}})
                                           << "the agent is error; its last message: Crashed: x";
        const QVariantMap died = Cause(K::RestartDied, {{P::Cause, nestedDead95()}}).toVariant();
        const QVariantMap restarted{{P::Ok, true}, {P::Target, "docker:auto"}, {P::Trigger, died}, {P::Attempt, 1},
                                    {P::Max, 3},   {P::Context, "exit 137"}};
        QTest::newRow("restart") << Cause(K::Restart, restarted)
                                 << "restart: restarted through docker:auto (attempt 1 of 3) after died: no beat for "
                                    "95 s; exit 137";
        const QVariantMap failed{{P::Ok, false},
                                 {P::Target, "systemd:bot.service"},
                                 {P::Error, "no such unit"},
                                 {P::Trigger, Cause(K::RestartAsked).toVariant()}};
        QTest::newRow("restart result failed")
            << Cause(K::RestartResult, failed)
            << "restart through systemd:bot.service failed: no such unit after asked by a person";
        QTest::newRow("died") << Cause(K::RestartDied, {{P::Cause, nestedDead95()}}) << "died: no beat for 95 s";
        QTest::newRow("crashed") << Cause(
                                        K::RestartCrashed,
                                        {{P::Cause, Cause(K::BeatError, {{P::Message, "Crashed: boom"}}).toVariant()}})
                                 << "crashed: beat: error: Crashed: boom";
        QTest::newRow("crashed text") << Cause(K::RestartCrashed, {{P::Cause, Cause::text("old words").toVariant()}})
                                      << "crashed: old words";
        QTest::newRow("exited") << Cause(K::RestartExited, {{P::Summary, "exit code 1"}}) << "exited: exit code 1";
        QTest::newRow("asked") << Cause(K::RestartAsked) << "asked by a person";
        QTest::newRow("gave up") << Cause(K::RestartGaveUp, {{P::Why, "3 restarts within 10 min"},
                                                             {P::Trigger, died},
                                                             {P::Context, "exit 1"}})
                                 << "3 restarts within 10 min (died: no beat for 95 s); exit 1";
        QTest::newRow("agent dead") << Cause(K::AgentDead, {{P::Agent, "crawler"}}) << "Agent 'crawler' is dead";
        QTest::newRow("agent error") << Cause(K::AgentError, {{P::Agent, "crawler"}})
                                     << "Agent 'crawler' reports an error";
        QTest::newRow("agent crashed") << Cause(K::AgentCrashed, {{P::Agent, "crawler"}}) << "Agent 'crawler' crashed";
        QTest::newRow("agent looping") << Cause(K::AgentLooping, {{P::Agent, "crawler"}})
                                       << "Agent 'crawler' is looping";
        QTest::newRow("agent flapping") << Cause(K::AgentFlapping, {{P::Agent, "crawler"}})
                                        << "Agent 'crawler' is flapping";
        QTest::newRow("agent budget 80") << Cause(K::AgentBudget, {{P::Agent, "crawler"}, {P::Percent, 80}})
                                         << "Agent 'crawler' used 80 % of its daily budget";
        QTest::newRow("agent budget 100") << Cause(K::AgentBudget, {{P::Agent, "crawler"}, {P::Percent, 100}})
                                          << "Agent 'crawler' spent its daily budget";
        QTest::newRow("project budget summary") << Cause(K::ProjectBudget, {{P::Project, "research"}, {P::Percent, 95}})
                                                << "Project 'research' used 95 % of its daily budget";
        QTest::newRow("not restarted") << Cause(K::AgentNotRestarted, {{P::Agent, "crawler"}})
                                       << "Agent 'crawler' could not be restarted";
        QTest::newRow("exited summary") << Cause(K::AgentExited, {{P::Agent, "crawler"}}) << "Agent 'crawler' exited";
        QTest::newRow("flapping")
            << Cause(K::Flapping, {{P::Count, 3}, {P::WindowMs, qint64(600'000)}, {P::Cause, nestedDead95()}})
            << "It died 3 times within 10 min and came back each time; it is dead now (no beat for "
               "95 s). Its deaths and recoveries are recorded but not notified one by one until "
               "it has stayed up for 10 min.";
        QTest::newRow("found at start-up") << Cause(K::CurrentState, {{P::State, "dead"}, {P::FoundAtStartup, true}})
                                           << "the agent is dead (found at start-up)";
        QTest::newRow("last spent by")
            << Cause(K::Budget, {{P::Percent, 80},
                                 {P::BudgetUsd, 5.0},
                                 {P::SpentUsd, 4.0},
                                 {P::Project, "r"},
                                 {P::LastSpentBy, "crawler"}})
            << "project 'r' budget: 80 % of the daily $5.00 spent ($4.00) (last spent by agent 'crawler')";
        QTest::newRow("traceback") << Cause(K::BeatError,
                                            {{P::Message, "Crashed: x"}, {P::Traceback, "Traceback:\n  y"}})
                                   << "beat: error: Crashed: x\n\nTraceback:\n  y";
        QTest::newRow("text") << Cause::text(QStringLiteral("found dead after reconnecting"))
                              << "found dead after reconnecting";
    }

    void english()
    {
        QFETCH(Cause, cause);
        QFETCH(QString, expected);
        QCOMPARE(englishText(cause), expected);
        // Stored and read back (params as JSON), it says the same.
        const Cause back = Cause::fromParts(causeKindName(cause.kind), Cause::paramsFromJson(cause.paramsJson()),
                                            cause.isNone() ? englishText(cause) : QString());
        QCOMPARE(back, cause.isNone() ? Cause::text(expected) : cause);
        QCOMPARE(englishText(back), expected);
        // Nested in another cause too.
        QCOMPARE(englishText(Cause::fromVariant(cause.toVariant())), expected);
    }

    void english_everyKindCovered()
    {
        // Each kind has a row in english_data (the table above names them all).
        QSet<CauseKind> covered{CauseKind::BeatOk,
                                CauseKind::BeatWarning,
                                CauseKind::BeatError,
                                CauseKind::Shutdown,
                                CauseKind::Late,
                                CauseKind::Dead,
                                CauseKind::DeadAtStartup,
                                CauseKind::LateAtStartup,
                                CauseKind::LoopDetected,
                                CauseKind::LoopEnded,
                                CauseKind::LoopToolRepeat,
                                CauseKind::LoopPromptRepeat,
                                CauseKind::LoopTokenSpike,
                                CauseKind::LoopToolSpike,
                                CauseKind::LoopIterationCap,
                                CauseKind::Budget,
                                CauseKind::Paused,
                                CauseKind::PauseEnded,
                                CauseKind::PauseEndedUnwatched,
                                CauseKind::Resumed,
                                CauseKind::IntervalChanged,
                                CauseKind::IntervalChangedDueLater,
                                CauseKind::CurrentState,
                                CauseKind::Restart,
                                CauseKind::RestartResult,
                                CauseKind::RestartDied,
                                CauseKind::RestartCrashed,
                                CauseKind::RestartExited,
                                CauseKind::RestartAsked,
                                CauseKind::RestartGaveUp,
                                CauseKind::AgentDead,
                                CauseKind::AgentError,
                                CauseKind::AgentCrashed,
                                CauseKind::AgentLooping,
                                CauseKind::AgentFlapping,
                                CauseKind::AgentBudget,
                                CauseKind::ProjectBudget,
                                CauseKind::AgentNotRestarted,
                                CauseKind::AgentExited,
                                CauseKind::Flapping};
        QCOMPARE(covered.size(), qsizetype(allCauseKinds.size()));
    }

    void rules_giveTheirCauseAsData()
    {
        // The pure rules: their text is the English of their data.
        const auto back = StateRules::onBeat(AgentState::Dead, BeatStatus::Ok, QString(), 180'000);
        QVERIFY(back);
        QCOMPARE(back->cause, QStringLiteral("beat: ok (back after 3 min of silence)"));
        QCOMPARE(back->causeData.kind, CauseKind::BeatOk);
        QCOMPARE(englishText(back->causeData), back->cause);
        const auto dead = StateRules::onDeadDeadline(AgentState::Late, 95'000);
        QVERIFY(dead);
        QCOMPARE(dead->cause, QStringLiteral("no beat for 95 s"));
        QCOMPARE(dead->causeData, Cause(CauseKind::Dead, {{CauseParam::SilentMs, 95000}}));

        LoopDetector loop;
        Heartbeat beat;
        beat.agent = QStringLiteral("a");
        LoopDetector::Verdict v;
        for (int i = 0; i < 5; ++i) {
            beat.toolCallLog = {ToolCall{QStringLiteral("search"), QStringLiteral("{\"q\":1}")}};
            beat.occurredAtMs = beat.receivedAtMs = 1000 * (i + 1);
            v = loop.observe(beat);
        }
        QCOMPARE(v.level, LoopDetector::Level::Loop);
        QCOMPARE(v.reason, QStringLiteral("the tool 'search' was called 5 times in a row with the same arguments"));
        QCOMPARE(v.reasonData.kind, CauseKind::LoopToolRepeat);
        QCOMPARE(englishText(v.reasonData), v.reason);
    }

    // docs/API.md's table of kinds names exactly the kinds of the code.
    void names_areTheDocumentedOnes()
    {
        QFile f(QStringLiteral(CLEV_SOURCE_DIR "/docs/API.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString api = QString::fromUtf8(f.readAll());
        const qsizetype at = api.indexOf(QStringLiteral("| Kind | Parameters | English |"));
        QVERIFY(at > 0);
        QSet<QString> documented;
        static const QRegularExpression code(QStringLiteral("`([a-z_]+)`"));
        for (const QString &line : api.mid(at).split(u'\n').mid(2)) {
            if (!line.startsWith(u'|'))
                break;
            const QString first = line.section(u'|', 1, 1);
            for (auto m = code.globalMatch(first); m.hasNext();)
                documented.insert(m.next().captured(1));
        }
        QSet<QString> names;
        for (CauseKind kind : allCauseKinds)
            names.insert(causeKindName(kind));
        QCOMPARE(documented, names);
    }

    void equality_comparesNumbersByValue()
    {
        QCOMPARE(Cause(CauseKind::Dead, {{CauseParam::SilentMs, qint64(95000)}}),
                 Cause(CauseKind::Dead, {{CauseParam::SilentMs, 95000.0}}));
        QVERIFY(Cause(CauseKind::Dead, {{CauseParam::SilentMs, 1}}) !=
                Cause(CauseKind::Dead, {{CauseParam::SilentMs, 2}}));
        QVERIFY(Cause(CauseKind::Dead) != Cause(CauseKind::Late));
    }
};

QTEST_GUILESS_MAIN(TestCause)
#include "TestCause.moc"
