// SPDX-License-Identifier: MIT
#include "core/AgentState.h"
#include "core/AlertKinds.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace clev;

Q_DECLARE_METATYPE(clev::IncidentKind)
Q_DECLARE_METATYPE(clev::ChannelType)
Q_DECLARE_METATYPE(clev::AgentState)

namespace {

QString doc(const char *name)
{
    QFile f(QStringLiteral(CLEV_SOURCE_DIR "/docs/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.readAll());
}

// The `code` words of the first column of the table under `heading` in a doc.
QSet<QString> tableColumn(const QString &text, const QString &heading)
{
    QSet<QString> names;
    const qsizetype at = text.indexOf(heading);
    if (at < 0)
        return names;
    bool inTable = false;
    for (const QString &line : text.mid(at + heading.size()).split(u'\n')) {
        if (!line.startsWith(u'|')) {
            if (inTable)
                break;
            continue;
        }
        inTable = true;
        const QString first = line.section(u'|', 1, 1);
        static const QRegularExpression code(QStringLiteral("`([a-z_]+)`"));
        for (auto m = code.globalMatch(first); m.hasNext();)
            names.insert(m.next().captured(1));
    }
    return names;
}

// The `code` words of the first parenthesis from `marker` on in a doc.
QSet<QString> listAfter(const QString &text, const QString &marker)
{
    QSet<QString> names;
    const qsizetype at = text.indexOf(marker);
    if (at < 0)
        return names;
    const qsizetype open = text.indexOf(u'(', at);
    const qsizetype close = text.indexOf(u')', open);
    static const QRegularExpression code(QStringLiteral("`([a-z_]+)`"));
    for (auto m = code.globalMatch(text.mid(open, close - open)); m.hasNext();)
        names.insert(m.next().captured(1));
    return names;
}

} // namespace

// The names of the closed sets of alerting: one table each (core/AlertKinds.cpp, core/AgentState.cpp),
// and they are exactly the documented wire names.
class TestAlertKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void incidentKinds_data()
    {
        QTest::addColumn<IncidentKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("dead") << IncidentKind::Dead << QStringLiteral("dead");
        QTest::newRow("error") << IncidentKind::Error << QStringLiteral("error");
        QTest::newRow("crash") << IncidentKind::Crash << QStringLiteral("crash");
        QTest::newRow("loop") << IncidentKind::Loop << QStringLiteral("loop");
        QTest::newRow("budget") << IncidentKind::Budget << QStringLiteral("budget");
        QTest::newRow("project_budget") << IncidentKind::ProjectBudget << QStringLiteral("project_budget");
        QTest::newRow("restart_failed") << IncidentKind::RestartFailed << QStringLiteral("restart_failed");
        QTest::newRow("flapping") << IncidentKind::Flapping << QStringLiteral("flapping");
    }
    void incidentKinds()
    {
        QFETCH(IncidentKind, kind);
        QFETCH(QString, name);
        QCOMPARE(incidentKindName(kind), name);
        QCOMPARE(incidentKindFromName(name), std::optional<IncidentKind>(kind));
        QVERIFY(std::find(allIncidentKinds.begin(), allIncidentKinds.end(), kind) != allIncidentKinds.end());
    }

    void everyIncidentKindRoundTrips()
    {
        QSet<QString> names;
        for (IncidentKind kind : allIncidentKinds) {
            const QString name = incidentKindName(kind);
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(int(kind))));
            QCOMPARE(incidentKindFromName(name), std::optional<IncidentKind>(kind));
            names.insert(name);
        }
        QCOMPARE(names.size(), int(allIncidentKinds.size()));                    // no two share a name
        QCOMPARE(int(allIncidentKinds.size()), int(IncidentKind::Flapping) + 1); // none left out of the list
    }

    void incidentKeys_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<IncidentKind>("kind");
        QTest::addColumn<QString>("project");
        QTest::newRow("plain kind") << QStringLiteral("dead") << true << IncidentKind::Dead << QString();
        QTest::newRow("agent budget") << QStringLiteral("budget") << true << IncidentKind::Budget << QString();
        QTest::newRow("project budget") << QStringLiteral("project_budget:research") << true
                                        << IncidentKind::ProjectBudget << QStringLiteral("research");
        QTest::newRow("project with colon")
            << QStringLiteral("project_budget:a:b") << true << IncidentKind::ProjectBudget << QStringLiteral("a:b");
        QTest::newRow("project budget without project")
            << QStringLiteral("project_budget") << false << IncidentKind::Dead << QString();
        QTest::newRow("empty project") << QStringLiteral("project_budget:") << false << IncidentKind::Dead << QString();
        QTest::newRow("project on another kind")
            << QStringLiteral("dead:research") << false << IncidentKind::Dead << QString();
        QTest::newRow("unknown") << QStringLiteral("meltdown") << false << IncidentKind::Dead << QString();
    }
    void incidentKeys()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(IncidentKind, kind);
        QFETCH(QString, project);
        const auto key = IncidentKey::fromName(text);
        QCOMPARE(bool(key), valid);
        if (!valid)
            return;
        QCOMPARE(key->kind, kind);
        QCOMPARE(key->project, project);
        QCOMPARE(key->name(), text);
    }

    void channelTypes_data()
    {
        QTest::addColumn<ChannelType>("type");
        QTest::addColumn<QString>("name");
        QTest::newRow("slack") << ChannelType::Slack << QStringLiteral("slack");
        QTest::newRow("discord") << ChannelType::Discord << QStringLiteral("discord");
        QTest::newRow("webhook") << ChannelType::Webhook << QStringLiteral("webhook");
        QTest::newRow("pagerduty") << ChannelType::PagerDuty << QStringLiteral("pagerduty");
        QTest::newRow("email") << ChannelType::Email << QStringLiteral("email");
    }
    void channelTypes()
    {
        QFETCH(ChannelType, type);
        QFETCH(QString, name);
        QCOMPARE(channelTypeName(type), name);
        QCOMPARE(channelTypeFromName(name), std::optional<ChannelType>(type));
    }

    void everyChannelTypeRoundTrips()
    {
        QSet<QString> names;
        for (ChannelType type : allChannelTypes) {
            QCOMPARE(channelTypeFromName(channelTypeName(type)), std::optional<ChannelType>(type));
            names.insert(channelTypeName(type));
        }
        QCOMPARE(names.size(), int(allChannelTypes.size()));
        QCOMPARE(int(allChannelTypes.size()), int(ChannelType::Email) + 1);
    }

    void everyAgentStateRoundTrips()
    {
        QSet<QString> names;
        for (AgentState state : allAgentStates) {
            QCOMPARE(agentStateFromName(agentStateName(state)), std::optional<AgentState>(state));
            names.insert(agentStateName(state));
        }
        QCOMPARE(names.size(), int(allAgentStates.size()));
        QCOMPARE(int(allAgentStates.size()), int(AgentState::Paused) + 1);
    }

    void unknownNamesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("case") << QStringLiteral("Dead");
        QTest::newRow("space") << QStringLiteral(" dead");
        QTest::newRow("spelled otherwise") << QStringLiteral("restart-failed");
        QTest::newRow("a project budget key") << QStringLiteral("project_budget:research");
        QTest::newRow("old channel name") << QStringLiteral("generic");
        QTest::newRow("PagerDuty's own spelling") << QStringLiteral("PagerDuty");
        QTest::newRow("test notification") << QStringLiteral("test");
        QTest::newRow("a status") << QStringLiteral("ok");
    }
    void unknownNamesAreRefused()
    {
        QFETCH(QString, name);
        QVERIFY(!incidentKindFromName(name));
        QVERIFY(!channelTypeFromName(name));
        QVERIFY(!agentStateFromName(name));
    }

    // docs/WATCHDOG.md's table of incidents, docs/API.md's `kind` parameter, docs/CONFIG.md's channel
    // kinds and types, docs/API.md's states: each lists exactly the names of the code.
    void namesAreTheDocumentedOnes()
    {
        const QString watchdog = doc("WATCHDOG.md");
        const QString api = doc("API.md");
        const QString config = doc("CONFIG.md");
        QVERIFY(!watchdog.isEmpty() && !api.isEmpty() && !config.isEmpty());

        QSet<QString> kinds;
        for (IncidentKind kind : allIncidentKinds)
            kinds.insert(incidentKindName(kind));
        QCOMPARE(tableColumn(watchdog, QStringLiteral("## Incidents")), kinds);
        QCOMPARE(listAfter(api, QStringLiteral("`kind` (")), kinds);
        // A channel takes every kind but flapping, which goes where deaths go.
        QSet<QString> channelKinds = kinds;
        channelKinds.remove(incidentKindName(IncidentKind::Flapping));
        const qsizetype at = config.indexOf(QStringLiteral("(default: all of "));
        QVERIFY(at > 0);
        const QString list = config.mid(at, config.indexOf(u')', at) - at).section(QStringLiteral("all of "), 1);
        QSet<QString> documented;
        for (const QString &k : list.split(u','))
            documented.insert(k.trimmed());
        QCOMPARE(documented, channelKinds);

        QSet<QString> types;
        for (ChannelType type : allChannelTypes)
            types.insert(channelTypeName(type));
        QCOMPARE(tableColumn(config, QStringLiteral("Channel fields:")), types);

        QSet<QString> states;
        for (AgentState state : allAgentStates)
            states.insert(agentStateName(state));
        const qsizetype row = api.indexOf(QStringLiteral("| `state` | string |"));
        QVERIFY(row > 0);
        QSet<QString> documentedStates;
        static const QRegularExpression code(QStringLiteral("`([a-z_]+)`"));
        for (auto m = code.globalMatch(api.mid(row, api.indexOf(u'\n', row) - row)); m.hasNext();)
            documentedStates.insert(m.next().captured(1));
        documentedStates.remove(QStringLiteral("state"));
        QCOMPARE(documentedStates, states);
    }
};

QTEST_GUILESS_MAIN(TestAlertKinds)
#include "TestAlertKinds.moc"
