// SPDX-License-Identifier: MIT
// The desktop's detail panel, actions and tray behaviour, offscreen, with the real embedded engine:
// heartbeats go over HTTP on loopback into a real SQLite file.
#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/CostsView.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/StatusWindow.h"
#include "gui/TrayController.h"
#include "gui/UsageChart.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "support/HttpTestClient.h"
#include "support/NextDialog.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <functional>
#include <numeric>

using namespace clev;
using clev::test::onNextDialog;

namespace {

// A notification server on the session bus (the freedesktop.org Notifications interface over real D-Bus,
// on its own connection): it records each Notify call and, like a user's click, sends ActionInvoked. It
// stands in for the desktop's (GNOME Shell, Plasma, dunst), which draws on a screen this test has not.
class NotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        uint id;
        QString summary, body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Shown> shown;

    bool start()
    {
        m_bus = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("notification-server")));
        return m_bus->isConnected() &&
               m_bus->registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                                     QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals) &&
               m_bus->registerService(QStringLiteral("org.freedesktop.Notifications"));
    }
    ~NotificationServer() override
    {
        if (m_bus) {
            m_bus->unregisterService(QStringLiteral("org.freedesktop.Notifications"));
            QDBusConnection::disconnectFromBus(QStringLiteral("notification-server"));
        }
    }
    void click(uint id, const QString &action) { Q_EMIT ActionInvoked(id, action); }

public Q_SLOTS:
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int)
    {
        shown.append({++m_next, summary, body, actions, hints});
        return m_next;
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);

private:
    std::unique_ptr<QDBusConnection> m_bus;
    uint m_next = 100;
};

struct Desk
{
    clev::test::TestDir dir;
    std::unique_ptr<LocalMonitor> monitor;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<TrayController> tray;
    clev::test::HttpTestClient client;
    QByteArray key;

    const Clock *clock = &Clock::system();
    QTimeZone zone = QTimeZone::systemTimeZone();

    bool start(const QList<ChannelConfig> &channels = {})
    {
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("desk.db"));
        config.http.port = 0;
        config.timeZone = zone;
        config.channels = channels;
        monitor = std::make_unique<LocalMonitor>(config, clock);
        window = std::make_unique<MainWindow>(monitor.get(), *clock);
        tray = std::make_unique<TrayController>(window.get(), monitor.get(), *clock);
        monitor->start();
        key = monitor->firstRunKey();
        window->show();
        return monitor->isListening() && !key.isEmpty() && client.connectTo(monitor->server().port());
    }
    // JSON written with single quotes (moc cannot read raw strings).
    int beat(const char *singleQuoted)
    {
        const QByteArray json = QByteArray(singleQuoted).replace('\'', '"');
        return client.request("POST", "/api/v1/heartbeat", json, {{"X-API-Key", key}}).status;
    }
    template <typename T> T *child(const char *name) { return window->findChild<T *>(QLatin1String(name)); }
};

} // namespace

class TestDesktopActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location, not the user's
        QSettings().clear();
    }

    // The detail panel reads the agent's beats, usage series and alerts; the charts sum what was sent.
    void detail_showsBeatsUsageAndAlerts()
    {
        Desk d;
        QVERIFY(d.start());
        QCOMPARE(d.beat("{'agent':'worker','interval':60,'input_tokens':1000,'output_tokens':200,'cost_usd':0.25,'"
                        "message':'step 1'}"),
                 200);
        QCOMPARE(d.beat("{'agent':'worker','interval':60,'input_tokens':3000,'output_tokens':800,'cost_usd':0.5,'"
                        "message':'step 2'}"),
                 200);
        QTRY_COMPARE(d.window->model().rowCount(), 1);
        QVERIFY(d.window->selectAgent(QStringLiteral("worker")));
        auto *beats = d.child<QTableWidget>("beatsTableWidget");
        QTRY_COMPARE(beats->rowCount(), 2);
        QCOMPARE(beats->item(0, 4)->text(), QStringLiteral("step 2")); // newest first
        QCOMPARE(beats->item(0, 3)->text(), QStringLiteral("$0.500"));
        auto *chart = d.child<UsageChart>("usageChart");
        auto *range = d.child<QComboBox>("rangeComboBox");
        auto *metric = d.child<QComboBox>("metricComboBox");
        const auto sum = [chart] {
            double total = 0;
            for (double v : chart->values())
                total += v;
            return total;
        };
        for (int r = 0; r < 3; ++r) { // the last hour, day and 30 days all hold both beats
            range->setCurrentIndex(r);
            metric->setCurrentIndex(0);
            QCOMPARE(chart->values().size(), r == 0 ? 60 : r == 1 ? 24 : 30);
            QVERIFY2(qFuzzyCompare(sum(), 0.75), qPrintable(QString::number(sum())));
            QVERIFY(qFuzzyCompare(chart->values().last(), 0.75)); // now is the last bucket
            metric->setCurrentIndex(1);
            QCOMPARE(sum(), 5000.0);
        }
        QVERIFY(d.child<QLabel>("usageSummaryLabel")->text().contains(u"5,000"));
    }

    // Settings from the dialog reach the watchdog at once: a short interval makes the agent dead, the
    // budget marks it over budget and shows in the costs tab; invalid values cannot be saved.
    void settings_applyAtOnce_andAreStored()
    {
        Desk d;
        QVERIFY(d.start());
        QCOMPARE(d.beat("{'agent':'slow','interval':3600,'cost_usd':1.5}"), 200);
        QTRY_COMPARE(d.window->model().rowCount(), 1);
        QVERIFY(d.window->selectAgent(QStringLiteral("slow")));
        QTRY_COMPARE(d.window->detail().beats.size(), 1);
        QCOMPARE(d.window->model().row(0).state, AgentState::Healthy);

        bool sawInvalid = false;
        onNextDialog([&sawInvalid](QWidget *dialog) {
            auto *budget = dialog->findChild<QCheckBox *>(QStringLiteral("budgetCheckBox"));
            auto *budgetValue = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("budgetSpinBox"));
            auto *save =
                dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save);
            budget->setChecked(true);
            budgetValue->setValue(0); // no sense: refused with a reason
            sawInvalid =
                !save->isEnabled() && !dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text().isEmpty();
            budgetValue->setValue(1.0);
            dialog->findChild<QCheckBox *>(QStringLiteral("intervalCheckBox"))->setChecked(true);
            dialog->findChild<QDoubleSpinBox *>(QStringLiteral("intervalSpinBox"))->setValue(1);
            dialog->findChild<QCheckBox *>(QStringLiteral("graceCheckBox"))->setChecked(true);
            dialog->findChild<QDoubleSpinBox *>(QStringLiteral("graceSpinBox"))->setValue(1);
            dialog->findChild<QCheckBox *>(QStringLiteral("loopCheckBox"))->setChecked(true);
            dialog->findChild<QSpinBox *>(QStringLiteral("loopSpinBox"))->setValue(3);
            auto *restart = dialog->findChild<QComboBox *>(QStringLiteral("restartComboBox"));
            restart->setCurrentIndex(restart->findData(QStringLiteral("systemd")));
            sawInvalid = sawInvalid && !save->isEnabled(); // a systemd unit needs its name
            dialog->findChild<QLineEdit *>(QStringLiteral("restartLineEdit"))
                ->setText(QStringLiteral("slow-agent.service"));
            save->click();
        });
        d.window->editSelectedSettings();
        QVERIFY(sawInvalid);
        // Interval 1 s + grace 1 s from the last beat: dead within about two seconds.
        QTRY_COMPARE_WITH_TIMEOUT(d.window->model().countIn(AgentState::Dead), 1, 5000);
        QTRY_VERIFY(d.window->model().row(0).overBudget); // $1.50 spent of $1.00
        QCOMPARE(d.window->model().row(0).expectedIntervalSecs, 1.0);
        const AgentSettings stored = AgentQueries(d.monitor->server().database()).settings(d.window->model().row(0).id);
        QCOMPARE(stored.intervalSecs, std::optional<double>(1.0));
        QCOMPARE(stored.graceSecs, std::optional<double>(1.0));
        QCOMPARE(stored.dailyBudgetUsd, std::optional<double>(1.0));
        QCOMPARE(stored.toolLoopRepeats, std::optional<int>(3));
        QCOMPARE(stored.restartTarget, QStringLiteral("systemd:slow-agent.service"));
        // Three identical tool calls are a loop for this agent now (five by default).
        for (int i = 0; i < 3; ++i)
            QCOMPARE(d.beat("{'agent':'slow','tool_call_log':[{'name':'search','args':'same'}]}"), 200);
        QTRY_VERIFY(d.window->model().row(0).looping);
        // The costs tab: today against the budget.
        d.window->showCostsTab();
        QTableWidget *budgets = d.window->costs().budgetsTable();
        QTRY_COMPARE(budgets->rowCount(), 1);
        QCOMPARE(budgets->item(0, 0)->text(), QStringLiteral("slow"));
        QCOMPARE(budgets->item(0, 3)->text(), QStringLiteral("150 %"));
        QCOMPARE(budgets->item(0, 4)->text(), QStringLiteral("over budget"));
        // Its timeline shows the death.
        QTRY_VERIFY(!d.window->detail().timeline.isEmpty() && d.window->detail().timeline.first().to == u"dead");
    }

    // The views take "now" from the injected clock and count days in the source's time zone, not the
    // desktop's: at 13:30 UTC on 10 March it is already 11 March in Kiritimati (UTC+14), so a beat now is
    // the last day of the 30-day chart and exports as 2026-03-11.
    void costs_followTheInjectedClock_andTheSourcesTimeZone()
    {
        ManualClock manual(QDateTime(QDate(2026, 3, 10), QTime(13, 30), QTimeZone::utc()).toMSecsSinceEpoch());
        Desk d;
        d.clock = &manual;
        d.zone = QTimeZone("Pacific/Kiritimati");
        QVERIFY(d.zone.isValid());
        QVERIFY(d.start());
        QCOMPARE(d.beat("{'agent':'spender','cost_usd':2.5}"), 200);
        QTRY_COMPARE(d.window->model().rowCount(), 1);
        d.window->showCostsTab();
        QTRY_COMPARE(d.window->costs().series().size(), 1);
        const auto series = d.window->costs().series().first();
        QCOMPARE(series.first, QStringLiteral("spender"));
        QCOMPARE(series.second.size(), 30);
        QCOMPARE(series.second.last(), 2.5);
        QCOMPARE(std::accumulate(series.second.begin(), series.second.end(), 0.0), 2.5);
        const QString csv = d.dir.file(QStringLiteral("costs.csv"));
        QString error;
        QVERIFY2(d.window->costs().exportCsv(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll().contains("2026-03-11,spender,2.500000"), qPrintable(csv));
    }

    // Forgetting deletes the agent and what it stored; a later beat makes a new agent.
    void forget_deletesTheAgent_andABeatBringsItBack()
    {
        Desk d;
        QVERIFY(d.start());
        QCOMPARE(d.beat("{'agent':'old-bot','cost_usd':2}"), 200);
        QCOMPARE(d.beat("{'agent':'keeper'}"), 200);
        QTRY_COMPARE(d.window->model().rowCount(), 2);
        const qint64 oldId = AgentQueries(d.monitor->server().database()).idOf(QStringLiteral("old-bot"));
        QVERIFY(oldId > 0);
        QVERIFY(d.window->selectAgent(QStringLiteral("old-bot")));
        onNextDialog([](QWidget *box) { // the question first: "No" keeps it
            box->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        });
        d.child<QPushButton>("forgetButton")->click();
        QTest::qWait(300);
        QCOMPARE(d.window->model().rowCount(), 2);
        onNextDialog(
            [](QWidget *box) { box->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Yes)->click(); });
        d.child<QPushButton>("forgetButton")->click();
        QTRY_COMPARE(d.window->model().rowCount(), 1);
        QCOMPARE(d.window->model().row(0).name, QStringLiteral("keeper"));
        const AgentQueries queries(d.monitor->server().database());
        QCOMPARE(queries.idOf(QStringLiteral("old-bot")), 0);
        QVERIFY(queries.usage(oldId, 86400, 0).isEmpty());                             // its usage went with it
        QTRY_VERIFY(d.child<QGroupBox>("agentDetailGroupBox")->title() != u"old-bot"); // the detail moved on
        // It beats again: a new agent, with nothing of the old one.
        QCOMPARE(d.beat("{'agent':'old-bot'}"), 200);
        QTRY_COMPARE(d.window->model().rowCount(), 2);
        const qint64 newId = queries.idOf(QStringLiteral("old-bot"));
        QVERIFY(newId > 0 && newId != oldId);
        QCOMPARE(d.window->model().find(newId)->costTodayUsd, 0.0);
    }

    // The alerts tab: when each alert opened and resolved, how long it lasted, whether it was acknowledged,
    // open and resolved drawn apart; the selected alert's notifications below, channel by channel, with
    // what each receiver (real HTTP servers on loopback) made of it.
    void alertsTab_durationsColours_andEachChannelsDelivery()
    {
        clev::test::RecordingReceiver good, broken;
        QVERIFY(good.start() && broken.start());
        broken.setStatus(500);
        const auto hook = [](const QString &name, const QString &url) {
            ChannelConfig c;
            c.name = name;
            QString error;
            if (!c.setType(QStringLiteral("webhook"), &error))
                qFatal("%s", qPrintable(error));
            c.url = url;
            c.timeoutMs = 3000;
            return c;
        };
        Desk d;
        QVERIFY(d.start({hook(QStringLiteral("ops-hook"), good.url(QStringLiteral("/ops"))),
                         hook(QStringLiteral("broken-hook"), broken.url(QStringLiteral("/broken")))}));
        QCOMPARE(d.beat("{'agent':'mailer','interval':1}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(d.window->model().countIn(AgentState::Dead), 1, 5000);
        QTRY_VERIFY(good.count() >= 1 && broken.count() >= 1);

        d.window->showAlertsTab();
        AlertsModel &alerts = d.window->alerts();
        QTRY_COMPARE(alerts.rowCount(), 1);
        QCOMPARE(alerts.index(0, AlertsModel::Resolved).data().toString(), QStringLiteral("—"));
        QVERIFY(alerts.index(0, AlertsModel::Duration).data().toString().endsWith(u"so far"));
        QVERIFY(alerts.index(0, AlertsModel::Acknowledged).data().toString().isEmpty());
        const QColor openColour = alerts.index(0, AlertsModel::Status).data(Qt::ForegroundRole).value<QColor>();

        // Nothing selected: the notifications pane says what to do.
        auto *label = d.child<QLabel>("deliveriesLabel");
        QVERIFY(label->text().contains(u"Select an alert"));
        d.child<QTableView>("alertsTableView")->setCurrentIndex(alerts.index(0, 0));
        DeliveriesModel &deliveries = d.window->deliveries();
        QTRY_COMPARE(deliveries.rowCount(), 2);
        QCOMPARE(deliveries.incidentId(), alerts.incidents().first().id);
        QHash<QString, int> row;
        for (int r = 0; r < 2; ++r)
            row.insert(deliveries.index(r, DeliveriesModel::Channel).data().toString(), r);
        QVERIFY(row.contains(QStringLiteral("ops-hook")) && row.contains(QStringLiteral("broken-hook")));
        const int ok = row.value(QStringLiteral("ops-hook")), bad = row.value(QStringLiteral("broken-hook"));
        QCOMPARE(deliveries.index(ok, DeliveriesModel::Result).data().toString(), QStringLiteral("sent"));
        QVERIFY(!deliveries.index(ok, DeliveriesModel::Finished).data().toString().isEmpty());
        QCOMPARE(deliveries.index(bad, DeliveriesModel::Result).data().toString(), QStringLiteral("pending"));
        const QString why = deliveries.index(bad, DeliveriesModel::Error).data().toString();
        QVERIFY2(why.contains(u"HTTP 500") && why.contains(u"next attempt"), qPrintable(why));
        QVERIFY(deliveries.index(ok, DeliveriesModel::Result).data(Qt::ForegroundRole).value<QColor>() !=
                deliveries.index(bad, DeliveriesModel::Result).data(Qt::ForegroundRole).value<QColor>());
        QVERIFY(label->text().contains(u"2 channel"));
        QVERIFY(d.child<QTableView>("deliveriesTableView")->isVisibleTo(d.window.get()));

        // It comes back: resolved, with when and how long, in another colour.
        QCOMPARE(d.beat("{'agent':'mailer','interval':60}"), 200);
        QTRY_COMPARE(alerts.index(0, AlertsModel::Status).data().toString(), QStringLiteral("resolved"));
        QVERIFY(alerts.index(0, AlertsModel::Resolved).data().toString().contains(u':')); // a time
        QVERIFY(!alerts.index(0, AlertsModel::Duration).data().toString().contains(u"so far"));
        QVERIFY(alerts.index(0, AlertsModel::Status).data(Qt::ForegroundRole).value<QColor>() != openColour);
        QCOMPARE(AlertsModel::durationText(95'000), QStringLiteral("95 s"));
        QCOMPARE(AlertsModel::durationText(3 * 3600'000 + 20 * 60'000), QStringLiteral("3 h 20 min"));
    }

    // The tray's menu lists the agents in trouble, worst first (a click opens one); notifications carry
    // "Open" and "Mute 1 h" buttons where the desktop's notification server has them, and a dead agent
    // that comes back is notified too.
    void tray_listsAgentsInTrouble_andNotificationButtonsOpenAndMute()
    {
        NotificationServer server;
        QVERIFY2(server.start(), "no session bus (run under dbus-run-session, as scripts/test does)");
        Desk d;
        QVERIFY(d.start());
        QTRY_VERIFY(d.tray->notifier().isReady());
        auto texts = [&d] {
            QStringList out;
            for (QAction *a : d.tray->problemActions())
                out << a->text();
            return out;
        };
        QCOMPARE(texts(), QStringList{QStringLiteral("All agents are fine")});
        QCOMPARE(d.beat("{'agent':'steady','interval':60}"), 200);
        QCOMPARE(d.beat("{'agent':'alpha','interval':1}"), 200);
        QCOMPARE(d.beat("{'agent':'grumpy','interval':60,'status':'warning','message':'slow'}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(d.window->model().countIn(AgentState::Dead), 1, 5000);

        // Worst first; the healthy one is not listed; each entry names the state.
        QTRY_COMPARE(texts().size(), 2);
        QVERIFY2(texts().at(0).startsWith(u"alpha — dead"), qPrintable(texts().join(u'|')));
        QVERIFY2(texts().at(1).startsWith(u"grumpy — warning"), qPrintable(texts().join(u'|')));
        const QList<QAction *> entries = d.tray->problemActions();
        QVERIFY(d.tray->menu()->actions().contains(entries.first()));
        QCOMPARE(entries.first()->icon().cacheKey() != 0, true);
        d.window->selectAgent(QStringLiteral("steady"));
        entries.first()->trigger();
        const auto selected = [&d] {
            return d.child<QTableView>("agentsTableView")->currentIndex().siblingAtColumn(AgentsModel::Name).data();
        };
        QTRY_COMPARE(selected().toString(), QStringLiteral("alpha"));

        // The death went to the notification server, critical, with both buttons.
        QTRY_VERIFY(!server.shown.isEmpty());
        const NotificationServer::Shown death = server.shown.first();
        QCOMPARE(death.summary, QStringLiteral("alpha is dead"));
        QVERIFY(death.actions.contains(QStringLiteral("open")) && death.actions.contains(QStringLiteral("mute")));
        QCOMPARE(death.hints.value(QStringLiteral("urgency")).toInt(), 2);

        // It comes back: a recovery notice; "Open" on the death notice opens it, "Mute 1 h" mutes it.
        QCOMPARE(d.beat("{'agent':'alpha','interval':60}"), 200);
        QTRY_COMPARE(server.shown.size(), 2);
        QCOMPARE(server.shown.at(1).summary, QStringLiteral("alpha is back"));
        QCOMPARE(server.shown.at(1).hints.value(QStringLiteral("urgency")).toInt(), 0);
        d.window->selectAgent(QStringLiteral("steady"));
        server.click(death.id, QStringLiteral("open"));
        QTRY_COMPARE(selected().toString(), QStringLiteral("alpha"));
        QVERIFY(!d.tray->agentMuted(QStringLiteral("alpha")));
        server.click(death.id, QStringLiteral("mute"));
        QTRY_VERIFY(d.tray->agentMuted(QStringLiteral("alpha")));
        QVERIFY(!d.tray->agentMuted(QStringLiteral("grumpy")));
        server.click(9999, QStringLiteral("mute")); // another application's notice: nothing happens
        QTest::qWait(100);
        QTRY_COMPARE(texts().size(), 1); // alpha is fine again (once the next list came)
    }

    // No tray here (offscreen): the status window shows the state and the notification; a muted
    // agent's death notifies nobody; the alerts tab filters by agent (wildcards) and silences.
    void trayless_statusWindow_agentMute_andAlertFilters()
    {
        Desk d;
        QVERIFY(d.start());
        QVERIFY(!d.tray->isAvailable());
        StatusWindow *status = d.tray->statusWindow();
        QVERIFY(status && status->isVisible());
        QVERIFY(status->windowFlags() & Qt::WindowStaysOnTopHint);
        QSignalSpy notifications(d.tray.get(), &TrayController::notificationRequested);
        d.tray->muteAgentFor(QStringLiteral("batch-2"), 3600'000);
        QCOMPARE(d.beat("{'agent':'batch-1','interval':1}"), 200);
        QCOMPARE(d.beat("{'agent':'batch-2','interval':1}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(d.window->model().countIn(AgentState::Dead), 2, 5000);
        QTRY_COMPARE(notifications.size(), 1); // batch-2 is muted
        QCOMPARE(notifications.first().at(0).toString(), QStringLiteral("batch-1 is dead"));
        QVERIFY(status->notificationText().contains(u"batch-1 is dead"));
        QTRY_VERIFY(status->summaryText().contains(u"2 dead"));

        d.window->showAlertsTab();
        QTRY_COMPARE(d.window->alerts().rowCount(), 2);
        d.child<QLineEdit>("alertAgentLineEdit")->setText(QStringLiteral("batch-1"));
        QTRY_COMPARE(d.window->alerts().rowCount(), 1);
        d.child<QLineEdit>("alertAgentLineEdit")->setText(QStringLiteral("batch-*"));
        QTRY_COMPARE(d.window->alerts().rowCount(), 2);
        d.child<QLineEdit>("alertAgentLineEdit")->setText(QStringLiteral("nobody"));
        QTRY_COMPARE(d.window->alerts().rowCount(), 0);
        d.child<QLineEdit>("alertAgentLineEdit")->setText(QStringLiteral("batch-1"));
        QTRY_COMPARE(d.window->alerts().rowCount(), 1);
        d.child<QTableView>("alertsTableView")->setCurrentIndex(d.window->alerts().index(0, 0));
        QSignalSpy done(d.monitor.get(), &MonitorSource::actionDone);
        onNextDialog(
            [](QWidget *input) { input->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click(); });
        d.child<QPushButton>("silenceButton")->click();
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.first().at(1).toString(), QString()); // no error
        QString error;
        // The silence is stored: an incident of batch-1 opened now would be silenced.
        QVERIFY(d.monitor->server().alerts().history({}, &error).size() == 2);
        QSqlQuery q(d.monitor->server().database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT pattern, until_at FROM silences")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("batch-1"));
        QVERIFY(q.value(1).toLongLong() > QDateTime::currentMSecsSinceEpoch() + 3500'000);
    }
};

QTEST_MAIN(TestDesktopActions)
#include "TestDesktopActions.moc"
