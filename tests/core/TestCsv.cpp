// SPDX-License-Identifier: MIT
// CSV fields as every export writes them: RFC 4180 quoting and formula cells neutralised.
#include "core/Csv.h"
#include "engine/AlertEngine.h"

#include <QTest>

using namespace clev;

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << QStringLiteral("research-bot") << QStringLiteral("research-bot");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("line 1\nline 2") << QStringLiteral("\"line 1\nline 2\"");
        QTest::newRow("carriage return inside") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("formula =") << QStringLiteral("=cmd|' /C calc'!A0") << QStringLiteral("'=cmd|' /C calc'!A0");
        QTest::newRow("formula +") << QStringLiteral("+1+1") << QStringLiteral("'+1+1");
        QTest::newRow("formula -") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab first") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("CR first") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("formula with comma")
            << QStringLiteral("=HYPERLINK(\"x\",\"y\")") << QStringLiteral("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        QTest::newRow("= later is text") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }
    void field()
    {
        QFETCH(QString, value);
        QFETCH(QString, written);
        QCOMPARE(Csv::field(value), written);
    }

    // The incidents export (API, CLI, desktop) writes a hostile agent name as text.
    void incidents_neutraliseFormulaNames()
    {
        Incident i;
        i.id = 7;
        i.agent = QStringLiteral("=cmd|' /C calc'!A0");
        i.kind = IncidentKind::Dead;
        i.summary = QStringLiteral("Agent '=cmd' is dead, again");
        i.openedAtMs = 1'700'000'000'000;
        const QByteArray csv = AlertEngine::toCsv({i});
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(csv.startsWith("id,agent,kind,opened,resolved,acknowledged,silenced,notifications,summary,detail\r\n"));
        QVERIFY2(lines.value(1).startsWith(
                     "7,'=cmd|' /C calc'!A0,dead,2023-11-14T22:13:20Z,,,no,0,\"Agent '=cmd' is dead, again\","),
                 lines.value(1).constData());
    }
};

QTEST_MAIN(TestCsv)
#include "TestCsv.moc"
