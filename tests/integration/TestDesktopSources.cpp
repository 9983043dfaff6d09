// SPDX-License-Identifier: MIT
// Scenario: the desktop watching three sources at once (this computer and two remote clevagent-servers,
// real child processes), with real SDK agents (Python child processes) beating to each; two die by
// kill -9. What the user sees: the window title, the tray's tooltip and icon and the sidebar sum up every
// source; clicking a remote agent's notification opens that agent in its source; the agent comes back
// with a recovery notice; a read-only remote offers no actions and says why; a crash shows its traceback;
// an address typed without a scheme against a plain-HTTP server suggests http://. Notifications are
// observed through the tray's own record (TrayController::notificationRequested, emitted for every
// notice it shows), since the offscreen platform has no tray to show them in.
#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/RemoteMonitor.h"
#include "gui/StatusStrip.h"
#include "gui/Translations.h"
#include "gui/TrayController.h"
#include "support/RecordingReceiver.h"
#include "support/ServerProcess.h"
#include "support/TestEnv.h"

#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace clev;
using namespace clev::test::server;
using clev::test::TestDir;

namespace {

// An agent written with the SDK, beating every second from its background thread; `crash` raises at once.
class Agent
{
public:
    Agent(const QString &name, quint16 port, const QString &key, bool crash = false)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONPATH"), QStringLiteral(CLEV_SDK_DIR));
        m_process.setProcessEnvironment(env);
        const QString script =
            QStringLiteral("import time, clevagent\n"
                           "clevagent.init(api_key=%1, agent=%2, interval=1, endpoint='http://127.0.0.1:%3')\n"
                           "clevagent.ping(message='working')\n")
                .arg(quoted(key), quoted(name))
                .arg(port) +
            (crash ? QStringLiteral("1 / 0\n") : QStringLiteral("time.sleep(600)\n"));
        m_process.start(QStringLiteral(CLEV_PYTHON), {QStringLiteral("-c"), script});
        m_process.waitForStarted(5000);
    }
    ~Agent() { kill9(); }
    void kill9()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill(); // SIGKILL: no last word
            m_process.waitForFinished(5000);
        }
    }

private:
    static QString quoted(const QString &s) { return u'\'' + s + u'\''; }
    QProcess m_process;
};

QStringList sidebar(MainWindow &window)
{
    QStringList out;
    auto *list = window.findChild<QListWidget *>(QStringLiteral("sourcesListWidget"));
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->data(Qt::AccessibleTextRole).toString(); // the text, also when icons only
    return out;
}

bool sameIcon(const QIcon &a, const QIcon &b)
{
    return a.pixmap(16, 16).toImage() == b.pixmap(16, 16).toImage();
}

} // namespace

class TestDesktopSources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_translations.install(QStringLiteral("en")); // English plurals: "1 agent", "2 agents"
    }

    void threeSources_twoDeaths_summedUpEverywhere_clickOpensTheRemoteAgent()
    {
        TestDir dir;
        // Two servers elsewhere: alpha watched with an admin key, beta with a read key.
        const QString alphaDb = dir.file(QStringLiteral("alpha.db")), betaDb = dir.file(QStringLiteral("beta.db"));
        const QString alphaIngest = createKey(alphaDb, QStringLiteral("ingest"));
        const QString alphaAdmin = createKey(alphaDb, QStringLiteral("admin"));
        const QString betaIngest = createKey(betaDb, QStringLiteral("ingest"));
        const QString betaRead = createKey(betaDb, QStringLiteral("read"));
        const quint16 alphaPort = clev::test::RecordingReceiver::freePort();
        const quint16 betaPort = clev::test::RecordingReceiver::freePort();
        Server alphaServer, betaServer;
        QVERIFY(alphaServer.start(alphaDb, alphaPort));
        QVERIFY(betaServer.start(betaDb, betaPort));

        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("local.db"));
        config.http.port = 0;
        LocalMonitor local(config);
        MainWindow window(&local, Clock::system());
        TrayController tray(&window, &local, Clock::system());
        QSignalSpy notices(&tray, &TrayController::notificationRequested);
        local.start();
        QVERIFY(local.isListening());
        const QString localKey = QString::fromLatin1(local.firstRunKey());
        RemoteMonitor alpha(
            {QStringLiteral("alpha"), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(alphaPort)), alphaAdmin, {}},
            Clock::system());
        RemoteMonitor beta(
            {QStringLiteral("beta"), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(betaPort)), betaRead, {}},
            Clock::system());
        window.addSource(&alpha, QStringLiteral("alpha"));
        tray.addSource(&alpha, QStringLiteral("alpha"));
        window.addSource(&beta, QStringLiteral("beta"));
        tray.addSource(&beta, QStringLiteral("beta"));
        alpha.start();
        beta.start();
        window.show();

        auto localOk = std::make_unique<Agent>(QStringLiteral("l-ok"), local.server().port(), localKey);
        auto localDoomed = std::make_unique<Agent>(QStringLiteral("l-doomed"), local.server().port(), localKey);
        auto alphaOk = std::make_unique<Agent>(QStringLiteral("a-ok"), alphaPort, alphaIngest);
        auto alphaDoomed = std::make_unique<Agent>(QStringLiteral("a-doomed"), alphaPort, alphaIngest);
        auto betaOk = std::make_unique<Agent>(QStringLiteral("b-ok"), betaPort, betaIngest);
        QTRY_VERIFY2_WITH_TIMEOUT(window.windowTitle().startsWith(u"5 agents"),
                                  qPrintable(window.windowTitle() + u" | " + window.summaryText()), 20'000);
        QCOMPARE(window.worstState(), AgentState::Healthy);
        QCOMPARE(sidebar(window), (QStringList{QStringLiteral("All sources"), QStringLiteral("This computer"),
                                               QStringLiteral("alpha"), QStringLiteral("beta")}));

        // Two deaths, on two sources: the one on alpha last.
        localDoomed->kill9();
        QTest::qWait(1500);
        alphaDoomed->kill9();
        QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().startsWith(u"5 agents, 2 dead"), 15'000);
        QCOMPARE(window.worstState(), AgentState::Dead);
        QCOMPARE(sidebar(window), (QStringList{QStringLiteral("All sources"), QStringLiteral("This computer (1 dead)"),
                                               QStringLiteral("alpha (1 dead)"), QStringLiteral("beta")}));
        auto *list = window.findChild<QListWidget *>(QStringLiteral("sourcesListWidget"));
        QVERIFY(sameIcon(list->item(0)->icon(), AgentsModel::stateIcon(AgentState::Dead))); // the worst of all
        QVERIFY(sameIcon(list->item(1)->icon(), AgentsModel::stateIcon(AgentState::Dead)));
        QVERIFY(sameIcon(list->item(2)->icon(), AgentsModel::stateIcon(AgentState::Dead)));
        QVERIFY(sameIcon(list->item(3)->icon(), AgentsModel::stateIcon(AgentState::Healthy)));
        const QString tip = tray.tray().toolTip();
        QVERIFY2(tip.contains(u"This computer: 2 agents, 1 dead") && tip.contains(u"alpha: 2 agents, 1 dead") &&
                     tip.contains(u"beta: 1 agent") && !tip.contains(u"beta: 1 agent,"),
                 qPrintable(tip));
        QVERIFY(sameIcon(tray.tray().icon(), TrayController::iconFor(AgentState::Dead)));
        QTRY_VERIFY_WITH_TIMEOUT(notices.size() >= 2, 10'000);
        QStringList titles;
        for (const auto &n : std::as_const(notices))
            titles << n.first().toString();
        QVERIFY2(titles.contains(u"l-doomed is dead") && titles.contains(u"alpha: a-doomed is dead"),
                 qPrintable(titles.join(u'|')));
        QCOMPARE(titles.count(u"alpha: a-doomed is dead"), 1);

        // "All sources": every agent in one table (a remote's named after it), the strip sums them, and
        // the alert history merges every source's; the detail is read from the agent's own source.
        list->setCurrentRow(0);
        QCOMPARE(window.currentSource(), window.allSources());
        QTRY_COMPARE(window.model().rowCount(), 5);
        QStringList names;
        for (const AgentRow &r : window.model().rows())
            names << r.name;
        names.sort();
        QCOMPARE(names,
                 (QStringList{QStringLiteral("alpha: a-doomed"), QStringLiteral("alpha: a-ok"),
                              QStringLiteral("beta: b-ok"), QStringLiteral("l-doomed"), QStringLiteral("l-ok")}));
        QCOMPARE(window.statusStrip().count(AgentState::Dead), 2);
        window.showAlertsTab();
        QTRY_COMPARE_WITH_TIMEOUT(window.alerts().rowCount(), 2, 10'000);
        QStringList alerted;
        for (const Incident &i : window.alerts().incidents())
            alerted << i.agent;
        alerted.sort();
        QCOMPARE(alerted, (QStringList{QStringLiteral("alpha: a-doomed"), QStringLiteral("l-doomed")}));
        QVERIFY(window.selectAgent(QStringLiteral("alpha: a-doomed")));
        auto *combinedDetail = window.findChild<QGroupBox *>(QStringLiteral("agentDetailGroupBox"));
        QTRY_COMPARE(combinedDetail->title(), QStringLiteral("alpha: a-doomed"));
        QTRY_VERIFY_WITH_TIMEOUT(window.detail().incidents.size() == 1, 10'000);
        QVERIFY(window.model().find(window.detail().agentId) != nullptr); // the combined id, mapped back
        // A narrow window: the sidebar keeps its entries as icons, their names in tooltips.
        window.resize(1000, 640);
        QTRY_VERIFY(window.sidebarCompact());
        QVERIFY(list->item(0)->text().isEmpty());
        QVERIFY(list->item(0)->toolTip().startsWith(u"All sources"));
        QVERIFY(list->width() < 80);
        // …and the agents table drops its least needed columns rather than scroll sideways.
        auto *agentsTable = window.findChild<QTableView *>(QStringLiteral("agentsTableView"));
        QTRY_VERIFY(agentsTable->isColumnHidden(AgentsModel::Iteration));
        QTRY_VERIFY(!agentsTable->horizontalScrollBar()->isVisible());
        QVERIFY(!agentsTable->isColumnHidden(AgentsModel::State) && !agentsTable->isColumnHidden(AgentsModel::Beats));
        window.resize(1180, 740);
        QTRY_VERIFY(!window.sidebarCompact());
        QCOMPARE(list->item(0)->text(), QStringLiteral("All sources"));
        window.resize(1900, 900);
        QTRY_VERIFY(!agentsTable->isColumnHidden(AgentsModel::Iteration));
        window.showSource(&local);

        // The user clicks the last notice (alpha's): the window shows alpha with a-doomed selected.
        QCOMPARE(window.currentSource(), &local);
        Q_EMIT tray.tray().messageClicked();
        QCOMPARE(window.currentSource(), &alpha);
        auto *detailBox = window.findChild<QGroupBox *>(QStringLiteral("agentDetailGroupBox"));
        QTRY_COMPARE(detailBox->title(), QStringLiteral("a-doomed"));
        // Its detail counts its alert; switching source leaves no stale count behind.
        auto *detailTabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabWidget"));
        const int alertsTab = detailTabs->indexOf(window.findChild<QWidget *>(QStringLiteral("agentAlertsTab")));
        QTRY_COMPARE_WITH_TIMEOUT(detailTabs->tabText(alertsTab), QStringLiteral("Alerts (1)"), 10'000);
        auto *ack = window.findChild<QPushButton *>(QStringLiteral("ackButton"));
        auto *pause = window.findChild<QPushButton *>(QStringLiteral("pause1hButton"));
        QTRY_VERIFY(ack->isEnabled() && pause->isEnabled()); // an admin key acts

        // Beta is watched with a read key: no actions, and the buttons say why.
        window.showSource(&beta);
        QCOMPARE(detailTabs->tabText(alertsTab), QStringLiteral("Alerts"));
        QTRY_VERIFY_WITH_TIMEOUT(!ack->isEnabled(), 10'000);
        for (const char *name : {"ackButton", "silenceButton", "pause1hButton", "pauseIndefinitelyButton",
                                 "agentSettingsButton", "forgetButton"}) {
            auto *b = window.findChild<QPushButton *>(QLatin1String(name));
            QVERIFY2(!b->isEnabled(), name);
            QVERIFY2(b->toolTip().contains(u"read-only"), qPrintable(b->toolTip()));
        }
        // --show agent:NAME finds the agent in whichever source lists it.
        window.showSource(&local);
        window.showAgentAnywhere(QStringLiteral("b-ok"));
        QCOMPARE(window.currentSource(), &beta);
        QTRY_COMPARE(detailBox->title(), QStringLiteral("b-ok"));
        QVERIFY(ack->isEnabled() == false);

        // a-doomed comes back: a recovery notice, and the sums follow.
        alphaDoomed = std::make_unique<Agent>(QStringLiteral("a-doomed"), alphaPort, alphaIngest);
        QTRY_VERIFY_WITH_TIMEOUT(notices.last().first().toString() == u"alpha: a-doomed is back", 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().startsWith(u"5 agents, 1 dead"), 10'000);
        QTRY_VERIFY(tray.tray().toolTip().contains(u"alpha: 2 agents\n") ||
                    tray.tray().toolTip().endsWith(u"alpha: 2 agents"));

        // A crash right after init(): the detail shows its traceback, readable and copyable.
        Agent crasher(QStringLiteral("l-crash"), local.server().port(), localKey, true);
        window.showSource(&local);
        QTRY_VERIFY_WITH_TIMEOUT(window.selectAgent(QStringLiteral("l-crash")), 15'000);
        auto *crash = window.findChild<QPlainTextEdit *>(QStringLiteral("crashTextEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(crash->isVisible(), 15'000);
        QVERIFY2(crash->toPlainText().contains(u"Traceback") && crash->toPlainText().contains(u"ZeroDivisionError"),
                 qPrintable(crash->toPlainText()));
        QVERIFY(crash->isReadOnly());
        QVERIFY(titles.size() <= notices.size());

        // An address typed without a scheme is taken as https; a plain-HTTP server gets a suggestion.
        const auto probe = probeNow(
            {QStringLiteral("x"), QUrl(QStringLiteral("https://127.0.0.1:%1").arg(alphaPort)), alphaAdmin, {}});
        QVERIFY(!probe.ok);
        QVERIFY2(probe.message.contains(QStringLiteral("http://127.0.0.1:%1").arg(alphaPort)),
                 qPrintable(probe.message));
        QVERIFY2(!probe.message.contains(u"SSL routines"), qPrintable(probe.message));

        alphaServer.stop();
        betaServer.stop();
    }

    // The Costs tab follows spending while it is shown (it was read once, when the tab was chosen), and
    // its budget table agrees with its header to the cent.
    void costsTab_followsSpendingLive()
    {
        TestDir dir;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("costs.db"));
        config.http.port = 0;
        LocalMonitor local(config);
        MainWindow window(&local, Clock::system());
        local.start();
        window.show();
        const QByteArray key = local.firstRunKey();
        const auto beat = [&](double usd) {
            return post(local.server().port(), key, "/api/v1/heartbeat",
                        QStringLiteral("{\"agent\":\"spender\",\"interval\":60,\"cost_usd\":%1}").arg(usd).toLatin1());
        };
        QCOMPARE(beat(0.25), 200);
        QTRY_COMPARE(window.model().rowCount(), 1);
        local.setSettings(window.model().rows().first().id, QStringLiteral("spender"),
                          AgentSettings{{}, {}, 10.0, {}, {}, {}});
        window.showCostsTab();
        auto *summary = window.findChild<QLabel *>(QStringLiteral("costsSummaryLabel"));
        QTRY_VERIFY2(summary->text().contains(u"$0.25"), qPrintable(summary->text()));
        QCOMPARE(beat(1.0), 200); // while the tab is shown
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(u"$1.25"), 10'000);
        auto *budgets = window.findChild<QTableWidget *>(QStringLiteral("budgetsTableWidget"));
        QTRY_VERIFY_WITH_TIMEOUT(budgets->rowCount() == 1 && budgets->item(0, 1)->text() == u"$1.25", 10'000);
    }

    // An agent that dies and comes back over and over: the tray tells the first deaths and returns, then
    // once that it is flapping, then nothing per flip.
    void tray_dampsAFlappingAgent()
    {
        TestDir dir;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("flap.db"));
        LocalMonitor local(config);
        MainWindow window(&local, Clock::system());
        TrayController tray(&window, &local, Clock::system());
        QSignalSpy notices(&tray, &TrayController::notificationRequested);
        StateTransition t;
        t.agentId = 7;
        t.agent = QStringLiteral("flappy");
        for (int flip = 0; flip < 6; ++flip) {
            t.from = AgentState::Late;
            t.to = AgentState::Dead;
            t.cause = QStringLiteral("no beat for 4 s");
            Q_EMIT local.transitioned(t);
            t.from = AgentState::Dead;
            t.to = AgentState::Healthy;
            t.cause = QStringLiteral("beat: ok (back after 5 s of silence)");
            Q_EMIT local.transitioned(t);
        }
        QStringList titles;
        for (const auto &n : std::as_const(notices))
            titles << n.first().toString();
        QCOMPARE(titles, (QStringList{QStringLiteral("flappy is dead"), QStringLiteral("flappy is back"),
                                      QStringLiteral("flappy is dead"), QStringLiteral("flappy is back"),
                                      QStringLiteral("flappy is flapping")}));
    }

private:
    Translations m_translations;
};

QTEST_MAIN(TestDesktopSources)
#include "TestDesktopSources.moc"
