// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/CostsView.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/Money.h"
#include "gui/StateBadgeDelegate.h"
#include "gui/StatusStrip.h"
#include "gui/Theme.h"
#include "gui/TrayController.h"
#include "support/HttpTestClient.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QEnterEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

using namespace clev;

namespace {
AgentRow row(qint64 id, const QString &name, AgentState state, qint64 lastSeenMs, double cost = 0,
             const QString &message = {})
{
    AgentRow r;
    r.id = id;
    r.name = name;
    r.state = state;
    r.lastSeenMs = lastSeenMs;
    r.costTodayUsd = cost;
    r.lastMessage = message;
    r.expectedIntervalSecs = 60;
    return r;
}
} // namespace

class TestAgentsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_updateInPlace_insertAndRemove()
    {
        ManualClock clock;
        AgentsModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 now = clock.nowMs();
        model.applySnapshot({row(1, QStringLiteral("alpha"), AgentState::Healthy, now),
                             row(2, QStringLiteral("beta"), AgentState::Late, now - 90'000)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AgentsModel::Name).data().toString(), QStringLiteral("alpha"));
        QCOMPARE(model.index(1, AgentsModel::LastSeen).data().toString(), QStringLiteral("1 min ago"));
        QCOMPARE(model.worstState(), AgentState::Late);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        // beta dies, alpha is unchanged, gamma appears.
        model.applySnapshot({row(1, QStringLiteral("alpha"), AgentState::Healthy, now),
                             row(2, QStringLiteral("beta"), AgentState::Dead, now - 90'000),
                             row(3, QStringLiteral("gamma"), AgentState::Healthy, now)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1); // only beta's row
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, AgentsModel::State).data().toString(), QStringLiteral("dead"));
        QVERIFY(
            !model.index(1, AgentsModel::State).data(Qt::DecorationRole).value<QIcon>().isNull()); // the SVG state icon
        QCOMPARE(model.countIn(AgentState::Dead), 1);
        // alpha is forgotten.
        model.applySnapshot({row(2, QStringLiteral("beta"), AgentState::Dead, now - 90'000),
                             row(3, QStringLiteral("gamma"), AgentState::Healthy, now)});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AgentsModel::Name).data().toString(), QStringLiteral("beta"));
    }

    void lastSeen_movesWithTheClock()
    {
        ManualClock clock;
        AgentsModel model(clock);
        model.applySnapshot({row(1, QStringLiteral("a"), AgentState::Healthy, clock.nowMs() - 12'000)});
        QCOMPARE(model.index(0, AgentsModel::LastSeen).data().toString(), QStringLiteral("12 s ago"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.advance(3 * 3600'000);
        model.tick();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, AgentsModel::LastSeen).data().toString(), QStringLiteral("3 h ago"));
        model.applySnapshot({row(1, QStringLiteral("a"), AgentState::Healthy, 0)});
        QCOMPARE(model.index(0, AgentsModel::LastSeen).data().toString(), QStringLiteral("never"));
    }

    // Every view shows dollars one way, in the UI's language.
    void money_oneFormatEverywhere()
    {
        const QLocale en(QLocale::English, QLocale::UnitedStates);
        const QLocale de(QLocale::German, QLocale::Germany);
        QCOMPARE(usd(0, en), QStringLiteral("$0.00"));
        QCOMPARE(usd(1234.5, en), QStringLiteral("$1,234.50"));
        QCOMPARE(usd(1234.5, de), QStringLiteral("$1.234,50"));
        QCOMPARE(usd(0.765, de), QStringLiteral("$0,765"));
        QCOMPARE(usd(0.004, en), QStringLiteral("$0.004"));
        QCOMPARE(usd(0.00042, en), QStringLiteral("$0.0004")); // not "$0.000"
    }

    void sortingAndFiltering()
    {
        ManualClock clock;
        AgentsModel model(clock);
        const qint64 now = clock.nowMs();
        model.applySnapshot(
            {row(1, QStringLiteral("crawler"), AgentState::Healthy, now, 0.5, QStringLiteral("fetched 20 pages")),
             row(2, QStringLiteral("Planner"), AgentState::Dead, now, 3.25, QStringLiteral("CRASH: KeyError")),
             row(3, QStringLiteral("billing"), AgentState::Warning, now, 0.004, QStringLiteral("slow API"))});
        AgentFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.sort(AgentsModel::State, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, AgentsModel::Name).data().toString(), QStringLiteral("Planner")); // the worst first
        filter.sort(AgentsModel::Name, Qt::AscendingOrder); // names without regard to case
        QCOMPARE(filter.index(0, AgentsModel::Name).data().toString(), QStringLiteral("billing"));
        QCOMPARE(filter.index(2, AgentsModel::Name).data().toString(), QStringLiteral("Planner"));
        filter.sort(AgentsModel::Cost, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, AgentsModel::Cost).data().toString(), QStringLiteral("$3.25"));
        QCOMPARE(filter.index(2, AgentsModel::Cost).data().toString(),
                 QStringLiteral("$0.004")); // small spend stays visible

        filter.setText(QStringLiteral("crash")); // the message matches too
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QStringLiteral("L"));
        QCOMPARE(filter.rowCount(), 3);
        filter.setState(AgentState::Warning);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, AgentsModel::Name).data().toString(), QStringLiteral("billing"));
        filter.setState(std::nullopt);
        filter.setText(QString());
        QCOMPARE(filter.rowCount(), 3);
    }

    // The window offscreen, with the real embedded engine: the first-run panel shows a key that works,
    // a heartbeat sent with it turns into a row, and silence turns into "dead".
    void window_firstRunKeyWorks_andAgentsAppearAndDie()
    {
        clev::test::TestDir dir;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("desk.db"));
        config.http.port = 0;
        LocalMonitor monitor(config);
        MainWindow window(&monitor, Clock::system());
        TrayController tray(&window, &monitor, Clock::system());
        QSignalSpy deaths(&monitor, &MonitorSource::transitioned);
        QSignalSpy notifications(&tray, &TrayController::notificationRequested);
        monitor.start();
        QVERIFY(monitor.isListening());
        window.setFirstRunKey(monitor.firstRunKey());
        window.show();
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("firstRunPage"));
        const QString key = window.findChild<QLineEdit *>(QStringLiteral("keyLineEdit"))->text();
        QVERIFY(key.startsWith(u"cv_"));
        QVERIFY(window.snippet().contains(key));
        QVERIFY(
            window.findChild<QLineEdit *>(QStringLiteral("endpointLineEdit"))->text().startsWith(u"http://127.0.0.1:"));

        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(monitor.server().port()));
        QCOMPARE(c.request("POST", "/api/v1/heartbeat",
                           "{\"agent\":\"desk-agent\",\"interval\":1,\"message\":\"hello\"}",
                           {{"X-API-Key", key.toLatin1()}})
                     .status,
                 200);
        QTRY_COMPARE(window.model().rowCount(), 1);
        QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("agentsPage"));
        QCOMPARE(window.model().index(0, AgentsModel::Name).data().toString(), QStringLiteral("desk-agent"));
        QVERIFY(window.windowTitle().contains(u"1 agent"));
        // Silence: late after 1 s, dead after 2 s; the model follows and a transition is signalled (the
        // tray shows it).
        QTRY_COMPARE_WITH_TIMEOUT(window.model().countIn(AgentState::Dead), 1, 5000);
        QVERIFY(window.windowTitle().contains(u"1 dead"));
        QVERIFY(std::any_of(deaths.cbegin(), deaths.cend(), [](const QList<QVariant> &args) {
            return args.first().value<StateTransition>().to == AgentState::Dead;
        }));
        QTRY_COMPARE(notifications.size(), 1); // the tray was asked to tell
        QCOMPARE(notifications.first().at(0).toString(), QStringLiteral("desk-agent is dead"));
        QTRY_COMPARE(window.windowIcon().pixmap(16).toImage(),
                     AgentsModel::stateIcon(AgentState::Dead).pixmap(16).toImage());

        QString error;
        // The agent's detail: its timeline, and pausing its alerts.
        QVERIFY(window.selectAgent(QStringLiteral("desk-agent")));
        auto *timeline = window.findChild<QListWidget *>(QStringLiteral("timelineListWidget"));
        QTRY_VERIFY_WITH_TIMEOUT(timeline->count() >= 3, 10000); // new → healthy, healthy → late, late → dead
        QVERIFY2(timeline->item(0)->text().contains(u"late → dead"), qPrintable(timeline->item(0)->text()));
        window.findChild<QPushButton *>(QStringLiteral("pause1hButton"))->click();
        QTRY_COMPARE(window.model().countIn(AgentState::Paused), 1);
        QTRY_VERIFY(timeline->item(0)->text().contains(u"dead → paused"));
        auto *resume = window.findChild<QPushButton *>(QStringLiteral("resumeButton"));
        QTRY_VERIFY(resume->isEnabled());
        resume->click();
        QTRY_COMPARE(window.model().countIn(AgentState::Dead), 1); // judged again from its last beat

        // The costs tab: today's spend, by agent, and its CSV.
        QCOMPARE(c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"spender\",\"cost_usd\":0.75}",
                           {{"X-API-Key", key.toLatin1()}})
                     .status,
                 200);
        QCOMPARE(c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"spender\",\"cost_usd\":0.5}",
                           {{"X-API-Key", key.toLatin1()}})
                     .status,
                 200);
        window.showCostsTab();
        QTRY_VERIFY(!window.costs().series().isEmpty());
        const auto series = window.costs().series();
        QCOMPARE(series.first().first, QStringLiteral("spender"));
        QCOMPARE(series.first().second.size(), 30);
        QCOMPARE(series.first().second.last(), 1.25); // today, the last bar
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("costsSummaryLabel"))->text().contains(u"$1.25"));
        QVERIFY(window.costs().exportCsv(dir.file(QStringLiteral("costs.csv")), &error));
        QFile costsCsv(dir.file(QStringLiteral("costs.csv")));
        QVERIFY(costsCsv.open(QIODevice::ReadOnly));
        QVERIFY(costsCsv.readAll().contains(",spender,1.250000,"));

        // The alerts tab: the death is there, it can be acknowledged and exported.
        window.showAlertsTab();
        QTRY_COMPARE(window.alerts().rowCount(), 1);
        QCOMPARE(window.alerts().index(0, AlertsModel::Kind).data().toString(), QStringLiteral("dead"));
        QCOMPARE(window.alerts().index(0, AlertsModel::Status).data().toString(), QStringLiteral("open"));
        auto *table = window.findChild<QTableView *>(QStringLiteral("alertsTableView"));
        table->setCurrentIndex(window.alerts().index(0, 0));
        window.findChild<QPushButton *>(QStringLiteral("ackButton"))->click();
        QTRY_COMPARE(window.alerts().index(0, AlertsModel::Status).data().toString(), QStringLiteral("acknowledged"));
        QVERIFY(window.exportAlerts(dir.file(QStringLiteral("alerts.csv")), &error));
        QFile csv(dir.file(QStringLiteral("alerts.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QVERIFY(text.startsWith("id,agent,kind,opened"));
        QVERIFY(text.contains(",desk-agent,dead,"));
    }

    // Status at a glance: the strip over the table counts each state as the model does; a count is a
    // filter (click again: all agents); it shows the open incidents and today's spend against the daily
    // budgets. With nothing selected the detail pane says what to do.
    // The state badge: a pill tinted with the state's colour, the flag's icon for a healthy agent that
    // loops or is over budget (the state's for one that is dead: that comes first), as wide as its text.
    void stateBadge_tintedPill_flagIcon_fitsItsText()
    {
        ManualClock clock;
        AgentsModel model(clock);
        AgentFilterModel filter;
        filter.setSourceModel(&model);
        AgentRow looping = row(1, QStringLiteral("looper"), AgentState::Healthy, clock.nowMs());
        looping.looping = true;
        AgentRow spender = row(2, QStringLiteral("spender"), AgentState::Healthy, clock.nowMs());
        spender.overBudget = true;
        AgentRow deadLooper = row(3, QStringLiteral("gone"), AgentState::Dead, clock.nowMs());
        deadLooper.looping = true;
        model.applySnapshot({looping, spender, deadLooper});
        const auto at = [&filter](const QString &name) {
            for (int r = 0; r < filter.rowCount(); ++r)
                if (filter.index(r, AgentsModel::Name).data().toString() == name)
                    return filter.index(r, AgentsModel::State);
            return QModelIndex();
        };
        QCOMPARE(StateBadgeDelegate::flagOf(at(QStringLiteral("looper"))), StateBadgeDelegate::Flag::Looping);
        QCOMPARE(StateBadgeDelegate::flagOf(at(QStringLiteral("spender"))), StateBadgeDelegate::Flag::OverBudget);
        QCOMPARE(StateBadgeDelegate::flagOf(at(QStringLiteral("gone"))), StateBadgeDelegate::Flag::None);

        QTableView view;
        view.setModel(&filter);
        StateBadgeDelegate delegate;
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.decorationSize = QSize(16, 16);
        option.rect = QRect(0, 0, 220, 26);
        const QModelIndex dead = at(QStringLiteral("gone"));
        const QSize hint = delegate.sizeHint(option, dead);
        QVERIFY(hint.width() >= option.fontMetrics.horizontalAdvance(dead.data().toString()) + 16);
        QImage image(option.rect.size(), QImage::Format_ARGB32);
        image.fill(option.palette.color(QPalette::Base));
        {
            QPainter p(&image);
            delegate.paint(&p, option, dead);
        }
        // Inside the pill, right of the text: tinted toward the dead colour; outside it: the plain base.
        const QColor inside = image.pixelColor(hint.width() - 6, 13);
        const QColor outside = image.pixelColor(215, 13);
        const QColor deadColour = theme::stateColour(AgentState::Dead, option.palette);
        QCOMPARE(outside, option.palette.color(QPalette::Base));
        QVERIFY2(inside != outside, qPrintable(inside.name()));
        QVERIFY(std::abs(inside.hue() - deadColour.hue()) < 20 || inside.red() > inside.green() + 10);
    }

    // Rows hold still under the pointer: sorted by state, an agent whose state changes keeps its row while
    // the pointer is over the table, and moves to its place when the pointer leaves.
    void rows_holdStillUnderThePointer()
    {
        clev::test::TestDir dir;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("desk.db"));
        config.http.port = 0;
        LocalMonitor monitor(config);
        MainWindow window(&monitor, Clock::system());
        monitor.start();
        window.show();
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(monitor.server().port()));
        const QByteArray key = monitor.firstRunKey();
        const auto beat = [&c, &key](const QByteArray &json) {
            return c.request("POST", "/api/v1/heartbeat", json, {{"X-API-Key", key}}).status;
        };
        for (const char *name : {"aa", "bb", "cc"})
            QCOMPARE(beat(QByteArray("{\"agent\":\"") + name + "\",\"interval\":600}"), 200);
        QTRY_COMPARE(window.model().countIn(AgentState::Healthy), 3);
        auto *table = window.findChild<QTableView *>(QStringLiteral("agentsTableView"));
        table->sortByColumn(AgentsModel::Name, Qt::AscendingOrder);
        table->sortByColumn(AgentsModel::State, Qt::DescendingOrder); // worst first; equal states keep name order
        const auto order = [&window] {
            QStringList names;
            for (int r = 0; r < window.filter().rowCount(); ++r)
                names << window.filter().index(r, AgentsModel::Name).data().toString();
            return names;
        };
        QCOMPARE(order(), (QStringList{QStringLiteral("aa"), QStringLiteral("bb"), QStringLiteral("cc")}));

        QEnterEvent enter(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5));
        QApplication::sendEvent(table->viewport(), &enter);
        QCOMPARE(beat("{\"agent\":\"cc\",\"interval\":600,\"status\":\"error\",\"message\":\"boom\"}"), 200);
        QTRY_COMPARE(window.model().countIn(AgentState::Error), 1);
        QTest::qWait(300); // a few more lists arrive: still no move
        QCOMPARE(order(), (QStringList{QStringLiteral("aa"), QStringLiteral("bb"), QStringLiteral("cc")}));

        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(table->viewport(), &leave);
        QCOMPARE(order().first(), QStringLiteral("cc")); // the error now sorts first
    }

    void statusStrip_countsFilters_andDetailPlaceholder()
    {
        clev::test::TestDir dir;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("desk.db"));
        config.http.port = 0;
        LocalMonitor monitor(config);
        MainWindow window(&monitor, Clock::system());
        monitor.start();
        window.setFirstRunKey(monitor.firstRunKey());
        window.resize(1100, 700);
        window.show();
        auto *placeholder = window.findChild<QLabel *>(QStringLiteral("detailPlaceholderLabel"));
        auto *detailBox = window.findChild<QWidget *>(QStringLiteral("agentDetailGroupBox"));
        QCOMPARE(placeholder->text(), QStringLiteral("Select an agent to see its timeline, incidents and costs"));

        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(monitor.server().port()));
        const QByteArray key = monitor.firstRunKey();
        const auto beat = [&c, &key](const QByteArray &json) {
            return c.request("POST", "/api/v1/heartbeat", json, {{"X-API-Key", key}}).status;
        };
        QCOMPARE(beat("{\"agent\":\"ok-1\",\"interval\":600,\"cost_usd\":1.5}"), 200);
        QCOMPARE(beat("{\"agent\":\"ok-2\",\"interval\":600,\"cost_usd\":0.25}"), 200);
        QCOMPARE(beat("{\"agent\":\"broken\",\"interval\":600,\"status\":\"error\",\"message\":\"boom\"}"), 200);
        QCOMPARE(beat("{\"agent\":\"goner\",\"interval\":1}"), 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.model().countIn(AgentState::Dead), 1, 8000);
        StatusStrip &strip = window.statusStrip();
        QVERIFY(strip.isVisible());
        for (AgentState s :
             {AgentState::Healthy, AgentState::Error, AgentState::Dead, AgentState::Late, AgentState::Paused})
            QCOMPARE(strip.count(s), window.model().countIn(s));
        QCOMPARE(strip.count(AgentState::Healthy), 2);
        QCOMPARE(strip.count(AgentState::Error), 1);
        QCOMPARE(strip.button(AgentState::Healthy)->text(), QStringLiteral("2 healthy"));
        QCOMPARE(strip.button(AgentState::Dead)->text(), QStringLiteral("1 dead"));
        QVERIFY(strip.button(AgentState::Late)->isVisible());    // "0 late" is worth seeing
        QVERIFY(!strip.button(AgentState::Paused)->isVisible()); // an empty, rarer state is not
        // The dead agent's incident is open (the failing one's too, when its error opened one).
        QTRY_VERIFY_WITH_TIMEOUT(strip.openIncidents() >= 1, 5000);
        QCOMPARE(window.findChild<QToolButton *>(QStringLiteral("openIncidentsButton"))->text(),
                 StatusStrip::tr("%n open incident(s)", nullptr, strip.openIncidents()));
        QCOMPARE(strip.spendText(), QStringLiteral("Today $1.75 (no daily budgets)"));
        const AgentRow *ok1 = nullptr;
        for (const AgentRow &r : window.model().rows())
            if (r.name == u"ok-1")
                ok1 = &r;
        QVERIFY(ok1);
        AgentSettings budget;
        budget.dailyBudgetUsd = 10;
        monitor.setSettings(ok1->id, ok1->name, budget);
        QCOMPARE(beat("{\"agent\":\"ok-1\",\"interval\":600}"), 200); // the next list carries the budget
        QTRY_COMPARE(strip.spendText(), QStringLiteral("Today $1.75 of $10.00 in daily budgets"));

        // Clicking "2 healthy" shows only those two; the state box says so; clicking again shows all.
        auto *stateBox = window.findChild<QComboBox *>(QStringLiteral("stateComboBox"));
        strip.button(AgentState::Healthy)->click();
        QCOMPARE(window.filter().rowCount(), 2);
        for (int r = 0; r < window.filter().rowCount(); ++r)
            QCOMPARE(window.filter().index(r, AgentsModel::State).data(AgentsModel::StateRole).toInt(),
                     int(AgentState::Healthy));
        QCOMPARE(stateBox->currentData().toInt(), int(AgentState::Healthy));
        QVERIFY(strip.button(AgentState::Healthy)->isChecked());
        strip.button(AgentState::Dead)->click(); // another state: that one instead
        QCOMPARE(window.filter().rowCount(), 1);
        QVERIFY(!strip.button(AgentState::Healthy)->isChecked());
        strip.button(AgentState::Dead)->click(); // again: every agent
        QCOMPARE(window.filter().rowCount(), 4);
        QCOMPARE(stateBox->currentData().toInt(), -1);
        QVERIFY(!strip.button(AgentState::Dead)->isChecked());
        stateBox->setCurrentIndex(stateBox->findData(int(AgentState::Error))); // the box moves the strip too
        QVERIFY(strip.button(AgentState::Error)->isChecked());
        QCOMPARE(window.filter().rowCount(), 1);
        stateBox->setCurrentIndex(0);

        // The detail pane: the placeholder until an agent is selected, and again when none is.
        QVERIFY(placeholder->isVisible());
        QVERIFY(!detailBox->isVisible());
        QVERIFY(window.selectAgent(QStringLiteral("broken")));
        QVERIFY(detailBox->isVisible());
        QVERIFY(!placeholder->isVisible());
        window.findChild<QTableView *>(QStringLiteral("agentsTableView"))->setCurrentIndex(QModelIndex());
        QVERIFY(placeholder->isVisible());
        QVERIFY(!detailBox->isVisible());
        // The incident count links to the open incidents in the Alerts tab.
        window.findChild<QToolButton *>(QStringLiteral("openIncidentsButton"))->click();
        QVERIFY(window.findChild<QCheckBox *>(QStringLiteral("openOnlyCheckBox"))->isChecked());
        QTRY_COMPARE(window.alerts().rowCount(), strip.openIncidents());
        for (int r = 0; r < window.alerts().rowCount(); ++r)
            QCOMPARE(window.alerts().index(r, AlertsModel::Status).data().toString(), QStringLiteral("open"));
    }

    void portTaken_theWindowSaysSo_andAnotherPortWorks()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        clev::test::TestDir dir;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("desk.db"));
        config.http.port = squatter.serverPort();
        LocalMonitor monitor(config);
        MainWindow window(&monitor, Clock::system());
        QObject::connect(&window, &MainWindow::portChosen, &monitor, &LocalMonitor::rebind);
        window.show();
        monitor.start(); // no crash, no exit: the window explains
        QVERIFY(!monitor.isListening());
        auto *frame = window.findChild<QWidget *>(QStringLiteral("listenerFrame"));
        QVERIFY(frame->isVisible());
        const QString text = window.findChild<QLabel *>(QStringLiteral("listenerLabel"))->text();
        QVERIFY2(text.contains(u"already in use"), qPrintable(text));
        auto *spin = window.findChild<QSpinBox *>(QStringLiteral("portSpinBox"));
        const quint16 free = clev::test::RecordingReceiver::freePort();
        spin->setMinimum(1);
        spin->setValue(free);
        window.findChild<QPushButton *>(QStringLiteral("usePortButton"))->click();
        QTRY_VERIFY(monitor.isListening());
        QVERIFY(!frame->isVisible());
        QCOMPARE(monitor.server().port(), free);
    }
};

QTEST_MAIN(TestAgentsModel)
#include "TestAgentsModel.moc"
