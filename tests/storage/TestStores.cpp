// SPDX-License-Identifier: MIT
// The stores behind the alert engine, the dispatcher and restarts: what they keep, and that a store that
// fails says so (false and the database's reason) and that the engine logs it and hands it on.
#include "core/Clock.h"
#include "engine/AlertEngine.h"
#include "engine/NotificationDispatcher.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "storage/SqliteStores.h"
#include "support/TestEnv.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <limits>

using namespace clev;
using clev::test::TestDir;

namespace {

struct Fixture
{
    TestDir dir;
    ManualClock clock;
    Database db{{dir.file(QStringLiteral("stores.db")), 1000}};
    SqliteStores stores{db};
    qint64 agentId = 0;

    Fixture()
    {
        QString error;
        if (!db.open(&error))
            qFatal("%s", qPrintable(error));
        AgentQueries agents(db);
        agents.add(QStringLiteral("worker"), clock.nowMs(), &error);
        agentId = agents.idOf(QStringLiteral("worker"));
    }
    AlertStores alertStores() { return {&stores.transactions, &stores.incidents, &stores.silences, &stores.outbox}; }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql);
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(db.connection());
        q.exec(sql);
        q.next();
        return q.value(0).toLongLong();
    }
};

ChannelConfig hook()
{
    ChannelConfig c;
    c.name = QStringLiteral("hook");
    c.type = ChannelType::Webhook;
    c.url = QStringLiteral("http://127.0.0.1:9/hook"); // never reached in these tests
    return c;
}

} // namespace

class TestStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Kinds are stored by their names (a project's budget with the project); a filter on the project
    // budget lists every project's; a row of a kind this version does not know is left out, never read
    // as another kind.
    void incidents_kindsByName_unknownLeftOut()
    {
        Fixture f;
        const auto tx = f.stores.transactions.begin();
        QVERIFY(
            f.stores.incidents
                .open(f.agentId, IncidentKey{IncidentKind::Crash}, 1000, QStringLiteral("c"), QStringLiteral("d"), 0)
                .value > 0);
        QVERIFY(f.stores.incidents
                    .open(f.agentId, IncidentKey{IncidentKind::ProjectBudget, QStringLiteral("research")}, 1100,
                          QStringLiteral("r"), QStringLiteral("d"), 0)
                    .value > 0);
        QVERIFY(f.stores.incidents
                    .open(f.agentId, IncidentKey{IncidentKind::ProjectBudget, QStringLiteral("ops")}, 1200,
                          QStringLiteral("o"), QStringLiteral("d"), 0)
                    .value > 0);
        QVERIFY(tx->commit());
        QVERIFY(f.exec(QStringLiteral("INSERT INTO incidents(agent_id, kind, opened_at, summary, detail) VALUES(%1, "
                                      "'meltdown', 1300, 'm', '')")
                           .arg(f.agentId)));
        QVERIFY(f.exec(QStringLiteral("INSERT INTO incidents(agent_id, kind, opened_at, summary, detail) VALUES(%1, "
                                      "'project_budget', 1400, 'p', '')")
                           .arg(f.agentId)));
        QCOMPARE(f.scalar(QStringLiteral("SELECT count(*) FROM incidents WHERE kind IN ('crash', "
                                         "'project_budget:research', 'project_budget:ops')")),
                 3);

        const auto all = f.stores.incidents.history(IncidentFilter());
        QVERIFY(all.ok);
        QCOMPARE(all.value.size(), 3); // not 'meltdown', not a project budget without its project
        QCOMPARE(all.value.at(0).kind, IncidentKind::ProjectBudget);
        QCOMPARE(all.value.at(0).project, QStringLiteral("ops"));
        QCOMPARE(all.value.at(2).kind, IncidentKind::Crash);
        QVERIFY(all.value.at(2).project.isEmpty());

        IncidentFilter budgets;
        budgets.kind = IncidentKind::ProjectBudget;
        const auto projects = f.stores.incidents.history(budgets);
        QVERIFY(projects.ok);
        QCOMPARE(projects.value.size(), 2);
        QCOMPARE(projects.value.at(1).project, QStringLiteral("research"));

        const auto open = f.stores.incidents.findOpen(
            f.agentId, IncidentKey{IncidentKind::ProjectBudget, QStringLiteral("research")});
        QVERIFY(open.ok && open.value);
        QCOMPARE(open.value->summary, QStringLiteral("r"));
        const auto errors = f.stores.incidents.openErrorsAndDeaths();
        QVERIFY(errors.ok);
        QCOMPARE(errors.value, (QList<QPair<qint64, IncidentKind>>{{f.agentId, IncidentKind::Crash}}));
        QVERIFY(f.exec(QStringLiteral("UPDATE incidents SET notified_at = 0")));
        const auto due = f.stores.incidents.dueForRepeat(std::numeric_limits<qint64>::max());
        QVERIFY(due.ok);
        QCOMPARE(due.value.size(), 3);
        for (const Incident &i : due.value)
            QVERIFY(i.summary != u"m" && i.summary != u"p");
    }

    void incidents_openOncePerKind_findResolveAndList()
    {
        Fixture f;
        const auto tx = f.stores.transactions.begin();
        const auto first = f.stores.incidents.open(f.agentId, IncidentKey{IncidentKind::Dead}, 1000,
                                                   QStringLiteral("dead"), QStringLiteral("why"), 0);
        QVERIFY(first.ok);
        QVERIFY(first.value > 0);
        const auto again = f.stores.incidents.open(f.agentId, IncidentKey{IncidentKind::Dead}, 2000,
                                                   QStringLiteral("dead"), QStringLiteral("again"), 0);
        QVERIFY(again.ok);
        QCOMPARE(again.value, 0); // one open per (agent, kind)
        QVERIFY(tx->commit());

        const auto open = f.stores.incidents.findOpen(f.agentId, IncidentKey{IncidentKind::Dead});
        QVERIFY(open.ok);
        QVERIFY(open.value.has_value());
        QCOMPARE(open.value->id, first.value);
        QCOMPARE(open.value->openedAtMs, 1000);
        QVERIFY(!open.value->silenced);
        QString error;
        QVERIFY(f.stores.incidents.markNotified(first.value, 1500, &error));
        QVERIFY(f.stores.incidents.resolve(first.value, 3000, &error));
        const auto none = f.stores.incidents.findOpen(f.agentId, IncidentKey{IncidentKind::Dead});
        QVERIFY(none.ok);
        QVERIFY(!none.value.has_value()); // nothing open is not a failure

        const auto list = f.stores.incidents.history(IncidentFilter());
        QVERIFY(list.ok);
        QCOMPARE(list.value.size(), 1);
        QCOMPARE(list.value.first().agent, QStringLiteral("worker"));
        QCOMPARE(list.value.first().resolvedAtMs, 3000);
        QCOMPARE(list.value.first().notifications, 1);
    }

    void incidents_summaryAndDetailAsData_andOldRowsAsText()
    {
        Fixture f;
        const Cause summary(CauseKind::AgentDead, {{CauseParam::Agent, QStringLiteral("worker")}});
        const Cause detail(CauseKind::Dead, {{CauseParam::SilentMs, qint64(95'000)}});
        {
            const auto tx = f.stores.transactions.begin();
            QVERIFY(
                f.stores.incidents.open(f.agentId, IncidentKey{IncidentKind::Dead}, 1000, summary, detail, 0).value >
                0);
            // One from before texts had kinds.
            QVERIFY(f.stores.incidents
                        .open(f.agentId, IncidentKey{IncidentKind::Error}, 500,
                              QStringLiteral("Agent 'worker' reports an error"),
                              QStringLiteral("beat: error: disk full"), 0)
                        .value > 0);
            QVERIFY(tx->commit());
        }
        auto list = f.stores.incidents.history(IncidentFilter());
        QVERIFY(list.ok);
        QCOMPARE(list.value.size(), 2);
        const Incident &dead = list.value.at(0);
        QCOMPARE(dead.summary, QStringLiteral("Agent 'worker' is dead"));
        QCOMPARE(dead.detail, QStringLiteral("no beat for 95 s"));
        QCOMPARE(dead.summaryData, summary);
        QCOMPARE(dead.detailData, detail);
        const Incident &old = list.value.at(1);
        QCOMPARE(old.summary, QStringLiteral("Agent 'worker' reports an error"));
        QCOMPARE(old.detail, QStringLiteral("beat: error: disk full"));
        QVERIFY(old.summaryData.isNone() && old.detailData.isNone());

        // An update keeps text and data together.
        const Cause budget(CauseKind::AgentBudget,
                           {{CauseParam::Agent, QStringLiteral("worker")}, {CauseParam::Percent, 95}});
        QString error;
        QVERIFY2(f.stores.incidents.setText(dead.id, budget, detail, &error), qPrintable(error));
        list = f.stores.incidents.history(IncidentFilter());
        QCOMPARE(list.value.at(0).summary, QStringLiteral("Agent 'worker' used 95 % of its daily budget"));
        QCOMPARE(list.value.at(0).summaryData, budget);
    }

    void silences_activeInBothOrders()
    {
        Fixture f;
        QVERIFY(f.stores.silences.add(QStringLiteral("b-*"), 9000, QStringLiteral("later"), 100).ok);
        QVERIFY(f.stores.silences.add(QStringLiteral("a-*"), 5000, QStringLiteral("sooner"), 100).ok);
        QVERIFY(f.stores.silences.add(QStringLiteral("old"), 1000, QStringLiteral("over"), 100).ok);
        const auto byId = f.stores.silences.active(2000, SilenceStore::Order::ById);
        QVERIFY(byId.ok);
        QCOMPARE(byId.value.size(), 2);
        QCOMPARE(byId.value.at(0).pattern, QStringLiteral("b-*"));
        const auto byEnd = f.stores.silences.active(2000, SilenceStore::Order::ByEnd);
        QVERIFY(byEnd.ok);
        QCOMPARE(byEnd.value.at(0).pattern, QStringLiteral("a-*"));
        QCOMPARE(byEnd.value.at(0).untilMs, 5000);
        QCOMPARE(byEnd.value.at(0).comment, QStringLiteral("sooner"));
    }

    void silencesGone_storeFailsWithReason_andAlertEngineLogsAndReturnsIt()
    {
        Fixture f;
        QVERIFY(f.exec(QStringLiteral("DROP TABLE silences")));
        const auto active = f.stores.silences.active(f.clock.nowMs(), SilenceStore::Order::ById);
        QVERIFY(!active.ok);
        QVERIFY2(active.error.contains(QStringLiteral("no such table: silences")), qPrintable(active.error));

        AlertEngine alerts(f.alertStores(), f.clock, nullptr, {});
        QString error;
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot store a silence:.*no such table: silences")));
        QCOMPARE(alerts.addSilence(QStringLiteral("worker"), f.clock.nowMs() + 60'000, QStringLiteral("maintenance"),
                                   &error),
                 0);
        QVERIFY2(error.contains(QStringLiteral("no such table: silences")), qPrintable(error));

        // Unknown silences do not swallow an incident: it is opened (and would be notified), and the failure logged.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot read the silences \\(notifying anyway\\)")));
        QVERIFY(alerts.raise(f.agentId, QStringLiteral("worker"), IncidentKind::Crash, QStringLiteral("crashed"),
                             QStringLiteral("exit 1"), QString()));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM incidents WHERE silenced_by IS NULL")), 1);
    }

    void incidentsGone_everyAlertEngineCallSaysSo()
    {
        Fixture f;
        QVERIFY(f.exec(QStringLiteral("DROP TABLE outbox")));
        QVERIFY(f.exec(QStringLiteral("DROP TABLE incidents")));
        const auto found = f.stores.incidents.findOpen(f.agentId, IncidentKey{IncidentKind::Dead});
        QVERIFY(!found.ok);
        QVERIFY2(found.error.contains(QStringLiteral("incidents")), qPrintable(found.error));

        AlertEngine alerts(f.alertStores(), f.clock, nullptr, {});
        QString error;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read the incidents:")));
        QVERIFY(alerts.history(AlertEngine::Filter(), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("no such table")), qPrintable(error)); // not an empty history

        error.clear();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot acknowledge incident 7")));
        QVERIFY(!alerts.acknowledge(7, &error));
        QVERIFY2(error.contains(QStringLiteral("no such table")), qPrintable(error));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot open an incident:.*no such table")));
        QVERIFY(!alerts.raise(f.agentId, QStringLiteral("worker"), IncidentKind::Crash, QStringLiteral("crashed"),
                              QStringLiteral("exit 1"), QString()));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot read the open \"crash\" incident")));
        QVERIFY(!alerts.amend(f.agentId, QStringLiteral("worker"), IncidentKind::Crash, QStringLiteral("restarted"),
                              QString(), QStringLiteral("restart-1")));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read the open incidents:")));
        StateTransition dead;
        dead.agentId = f.agentId;
        dead.agent = QStringLiteral("worker");
        dead.to = AgentState::Dead;
        QCOMPARE(alerts.reconcile({dead}), -1);

        AlertEngine::Options repeating;
        repeating.repeatMinutes = 5;
        AlertEngine repeater(f.alertStores(), f.clock, nullptr, repeating);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot read the incidents due for a repeat:")));
        QVERIFY(!repeater.repeatDue());
    }

    void outboxGone_incidentIsNotStoredWithoutItsNotification()
    {
        Fixture f;
        QVERIFY(f.exec(QStringLiteral("DROP TABLE outbox")));
        NotificationDispatcher dispatcher(&f.stores.transactions, &f.stores.outbox, f.clock, {hook()},
                                          NotificationDispatcher::Options());
        AlertEngine alerts(f.alertStores(), f.clock, &dispatcher, {});
        // The incident and its notification are one transaction: neither is kept.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot queue a notification:.*no such table: outbox")));
        QVERIFY(!alerts.raise(f.agentId, QStringLiteral("worker"), IncidentKind::Crash, QStringLiteral("crashed"),
                              QStringLiteral("exit 1"), QString()));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM incidents")), 0);
        // The dispatcher's first pump (queued by its constructor) cannot read the outbox: it says so.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("cannot read the outbox:.*no such table: outbox")));
        QCoreApplication::processEvents();
    }

    // A queued notification of a kind this version does not know (a newer version queued it) is given
    // up with that reason, never sent as another kind.
    void outboxEntryOfUnknownKind_isGivenUp()
    {
        Fixture f;
        const auto tx = f.stores.transactions.begin();
        const auto incident = f.stores.incidents.open(f.agentId, IncidentKey{IncidentKind::Crash}, 1000,
                                                      QStringLiteral("c"), QStringLiteral("d"), 0);
        QVERIFY(incident.value > 0);
        QVERIFY(tx->commit());
        OutboxEntry e;
        e.incidentId = incident.value;
        e.channel = QStringLiteral("hook");
        e.payload = QByteArrayLiteral("{\"action\": \"trigger\", \"kind\": \"meltdown\", \"agent\": \"worker\"}");
        e.idempotencyKey = QStringLiteral("k");
        e.createdAtMs = f.clock.nowMs();
        e.nextAttemptAtMs = f.clock.nowMs();
        QString error;
        QVERIFY2(f.stores.outbox.add({e}, &error), qPrintable(error));
        NotificationDispatcher dispatcher(&f.stores.transactions, &f.stores.outbox, f.clock, {hook()},
                                          NotificationDispatcher::Options());
        dispatcher.pump();
        QCOMPARE(
            f.scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL AND sent_at IS NULL"
                                    " AND last_error = 'the notification is of a kind this version does not know'")),
            1);
    }

    // The alerts view's "how did its notifications go": per channel, in queued order, with the outcome;
    // an incident that notified nobody reads as an empty list, a missing one as none at all.
    void deliveries_perIncident_withOutcome_missingIncidentIsNone()
    {
        Fixture f;
        const auto tx = f.stores.transactions.begin();
        const auto notified = f.stores.incidents.open(f.agentId, IncidentKey{IncidentKind::Crash}, 1000,
                                                      QStringLiteral("c"), QStringLiteral("d"), 0);
        const auto quiet = f.stores.incidents.open(f.agentId, IncidentKey{IncidentKind::Loop}, 1000,
                                                   QStringLiteral("l"), QStringLiteral("d"), 0);
        QVERIFY(notified.value > 0 && quiet.value > 0);
        QVERIFY(tx->commit());
        QList<OutboxEntry> entries;
        for (const char *channel : {"slack", "mail", "pager"}) {
            OutboxEntry e;
            e.incidentId = notified.value;
            e.channel = QString::fromLatin1(channel);
            e.payload = "{}";
            e.idempotencyKey = e.channel;
            e.createdAtMs = 5000;
            e.nextAttemptAtMs = 5000;
            entries.append(e);
        }
        QString error;
        QVERIFY2(f.stores.outbox.add(entries, &error), qPrintable(error));
        const qint64 first = f.scalar(QStringLiteral("SELECT MIN(id) FROM outbox"));
        QVERIFY(f.stores.outbox.markSent(first, 6000, 1, &error));
        QVERIFY(
            f.stores.outbox.markFailed(first + 1, 7000, 5, QStringLiteral("the receiver answered HTTP 500"), &error));
        QVERIFY(f.stores.outbox.scheduleRetry(first + 2, 2, 9000, QStringLiteral("timed out"), &error));

        const auto got = f.stores.outbox.forIncident(notified.value);
        QVERIFY(got.ok);
        QVERIFY(got.value.has_value());
        QCOMPARE(got.value->size(), 3);
        const Delivery &sent = got.value->at(0), &failed = got.value->at(1), &pending = got.value->at(2);
        QCOMPARE(sent.channel, QStringLiteral("slack"));
        QCOMPARE(sent.sentAtMs, 6000);
        QCOMPARE(sent.attempts, 1);
        QVERIFY(sent.lastError.isEmpty());
        QCOMPARE(failed.channel, QStringLiteral("mail"));
        QCOMPARE(failed.failedAtMs, 7000);
        QCOMPARE(failed.sentAtMs, 0);
        QCOMPARE(failed.lastError, QStringLiteral("the receiver answered HTTP 500"));
        QCOMPARE(pending.channel, QStringLiteral("pager"));
        QCOMPARE(pending.nextAttemptAtMs, 9000);
        QCOMPARE(pending.attempts, 2);
        QCOMPARE(pending.createdAtMs, 5000);

        const auto none = f.stores.outbox.forIncident(quiet.value);
        QVERIFY(none.ok && none.value.has_value());
        QVERIFY(none.value->isEmpty());
        const auto missing = f.stores.outbox.forIncident(quiet.value + 100);
        QVERIFY(missing.ok);
        QVERIFY(!missing.value.has_value());

        // The engine hands on the store's failure with its reason.
        NotificationDispatcher dispatcher(&f.stores.transactions, &f.stores.outbox, f.clock, {hook()},
                                          NotificationDispatcher::Options());
        AlertEngine alerts(f.alertStores(), f.clock, &dispatcher, {});
        QCOMPARE(alerts.deliveries(notified.value)->size(), 3);
        QVERIFY(f.exec(QStringLiteral("DROP TABLE outbox")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read the notifications of")));
        QString why;
        QVERIFY(!alerts.deliveries(notified.value, &why).has_value());
        QVERIFY2(why.contains(QStringLiteral("outbox")), qPrintable(why));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read the outbox")));
        QCoreApplication::processEvents();
    }

    void restarts_recordedWithTheirTimelineLine_andAFailureNamesWhat()
    {
        Fixture f;
        RestartAttempt a;
        a.agentId = f.agentId;
        a.atMs = 5000;
        a.target = QStringLiteral("docker:auto");
        a.trigger = QStringLiteral("died: silent");
        a.ok = true;
        a.timelineCause = QStringLiteral("restart: restarted");
        QString error;
        QVERIFY2(f.stores.restarts.record(a, &error), qPrintable(error));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM restarts WHERE context = '' AND error IS NULL")), 1);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM state_changes WHERE cause = 'restart: restarted'")), 1);

        QVERIFY(f.exec(QStringLiteral("DROP TABLE restarts")));
        a.atMs = 6000;
        QVERIFY(!f.stores.restarts.record(a, &error));
        QVERIFY2(error.contains(QStringLiteral("no such table: restarts")), qPrintable(error));
        // What could be stored is kept: the timeline line of the attempt.
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM state_changes WHERE cause = 'restart: restarted'")), 2);
    }
};

QTEST_GUILESS_MAIN(TestStores)
#include "TestStores.moc"
