// SPDX-License-Identifier: MIT
// The desktop words the engine's causes in its language: German with the German catalogue installed,
// and without a catalogue exactly the English the engine stored.
#include "core/Cause.h"
#include "gui/AlertsModel.h"
#include "gui/CauseText.h"
#include "gui/Translations.h"

#include <QApplication>
#include <QLocale>
#include <QTest>

using namespace clev;

class TestCauseText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void english_withoutCatalogue_isTheStoredText()
    {
        namespace P = CauseParam;
        const QList<Cause> causes{
            Cause(CauseKind::Dead, {{P::SilentMs, qint64(95'000)}}),
            Cause(CauseKind::BeatOk, {{P::BackAfterMs, qint64(180'000)}}),
            Cause(CauseKind::BeatError, {{P::Message, QStringLiteral("disk full")}, {P::FoundAtStartup, true}}),
            Cause(CauseKind::Late, {{P::ExpectedMs, qint64(7'200'000)}}),
            Cause(
                CauseKind::LoopDetected,
                {{P::Reason,
                  Cause(CauseKind::LoopToolRepeat, {{P::Tool, QStringLiteral("search")}, {P::Count, 5}}).toVariant()}}),
            Cause(CauseKind::AgentDead, {{P::Agent, QStringLiteral("crawler")}}),
            Cause(CauseKind::ProjectBudget, {{P::Project, QStringLiteral("research")}, {P::Percent, 80}}),
            Cause(CauseKind::Resumed, {{P::ThenSilentMs, qint64(3 * 86'400'000)}}),
            Cause(CauseKind::Restart, {{P::Ok, true},
                                       {P::Target, QStringLiteral("process")},
                                       {P::Attempt, 1},
                                       {P::Max, 3},
                                       {P::Trigger, Cause(CauseKind::RestartAsked).toVariant()}}),
            Cause(CauseKind::Flapping, {{P::Count, 3},
                                        {P::WindowMs, qint64(600'000)},
                                        {P::Cause, Cause(CauseKind::Dead, {{P::SilentMs, 95'000}}).toVariant()}}),
        };
        for (const Cause &c : causes)
            QCOMPARE(CauseText::render(c, englishText(c)), englishText(c));
        // No kind: the stored text, whatever it says.
        QCOMPARE(CauseText::render(Cause(), QStringLiteral("no beat for 95 s (an old row)")),
                 QStringLiteral("no beat for 95 s (an old row)"));
    }

    void german_withTheGermanCatalogue()
    {
        Translations translations;
        QVERIFY(translations.install(QStringLiteral("de")).startsWith(u"de"));
        const Cause dead(CauseKind::Dead, {{CauseParam::SilentMs, qint64(95'000)}});
        const QString german = CauseText::render(dead, englishText(dead));
        QCOMPARE(german, QStringLiteral("seit 95 s kein Heartbeat"));
        const Cause summary(CauseKind::AgentDead, {{CauseParam::Agent, QStringLiteral("crawler")}});
        QCOMPARE(CauseText::render(summary, englishText(summary)), QStringLiteral("Agent „crawler“ ist tot"));
        // A stored row without kind stays as it was stored.
        QCOMPARE(CauseText::render(Cause(), QStringLiteral("no beat for 95 s")), QStringLiteral("no beat for 95 s"));

        // The alerts tab shows the incident's summary and detail in German, its English where it has no kind.
        Incident i;
        i.id = 1;
        i.agent = QStringLiteral("crawler");
        i.summaryData = summary;
        i.summary = englishText(summary);
        i.detailData = dead;
        i.detail = englishText(dead);
        Incident old = i;
        old.id = 2;
        old.summaryData = old.detailData = Cause();
        AlertsModel model;
        model.setIncidents({i, old});
        QCOMPARE(model.index(0, AlertsModel::Summary).data().toString(), QStringLiteral("Agent „crawler“ ist tot"));
        QCOMPARE(model.index(0, AlertsModel::Detail).data().toString(), german);
        QCOMPARE(model.index(1, AlertsModel::Summary).data().toString(), QStringLiteral("Agent 'crawler' is dead"));
        QCOMPARE(model.index(1, AlertsModel::Detail).data().toString(), QStringLiteral("no beat for 95 s"));
        translations.install(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestCauseText)
#include "TestCauseText.moc"
