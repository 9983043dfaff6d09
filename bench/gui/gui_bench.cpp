// SPDX-License-Identifier: MIT
// GUI benchmark: the real main window (agents model, sorting proxy, table view) with N agents
// (default 10 000), each with its history (heartbeat strip, uptime, hourly cost sparkline) painted by the
// table's delegates. Measures one coalesced update (every agent changed, as after a busy quarter-second)
// including the repaint, applying a new history, and the process memory. Runs offscreen.
//   QT_QPA_PLATFORM=offscreen build/bench/gui_bench [agents]
#include "../common/ProcessStats.h"
#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/MainWindow.h"
#include "gui/MonitorSource.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>
#include <cstdio>

using namespace clev;

namespace {

QList<AgentRow> snapshot(int n, qint64 now, int round)
{
    static const AgentState states[] = {AgentState::Healthy, AgentState::Healthy, AgentState::Healthy,
                                        AgentState::Warning, AgentState::Late,    AgentState::Dead,
                                        AgentState::Error,   AgentState::Stopped};
    QList<AgentRow> rows;
    rows.reserve(n);
    for (int i = 0; i < n; ++i) {
        AgentRow r;
        r.id = i + 1;
        r.name = QStringLiteral("agent-%1").arg(i, 5, 10, QLatin1Char('0'));
        r.state = states[(i + round) % 8];
        r.lastSeenMs = now - (i % 600) * 1000;
        r.expectedIntervalSecs = 60;
        r.tokensToday = 1000 * (i % 97) + round * 10;
        r.costTodayUsd = 0.01 * (i % 53) + round * 0.001;
        r.iterationCount = i + round;
        r.lastMessage = QStringLiteral("step %1 of agent %2 done").arg(round).arg(i);
        rows.append(r);
    }
    return rows;
}
// Every agent's history, varied: some late, missed and error slots, a daily cost curve.
QList<AgentHistory> histories(int n, int round)
{
    QList<AgentHistory> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        AgentHistory h;
        h.agentId = i + 1;
        h.strip = QByteArray(HistoryRules::StripSlots, static_cast<char>(BeatSlot::OnTime));
        for (int s = 0; s < HistoryRules::StripSlots; ++s) {
            const int k = (i * 7 + s * 3 + round) % 41;
            if (k == 0)
                h.strip[s] = static_cast<char>(BeatSlot::Late);
            else if (k == 1)
                h.strip[s] = static_cast<char>(BeatSlot::Missed);
            else if (k == 2)
                h.strip[s] = static_cast<char>(BeatSlot::Error);
        }
        if (i % 13 == 0)
            std::fill_n(h.strip.begin(), 10, static_cast<char>(BeatSlot::None)); // new agents
        h.uptime24h = 100.0 - (i % 17) * 0.7;
        h.uptime30d = 100.0 - (i % 23) * 0.3;
        h.cost24h.reserve(HistoryRules::CostHours);
        for (int hour = 0; hour < HistoryRules::CostHours; ++hour)
            h.cost24h.append(0.01f * static_cast<float>((hour * 5 + i + round) % 19));
        out.append(std::move(h));
    }
    return out;
}

// A source that only the benchmark feeds.
class BenchSource final : public MonitorSource
{
public:
    void start() override {}
    QString endpoint() const override { return QStringLiteral("http://127.0.0.1:9475"); }
    void requestAlerts(const IncidentFilter &) override {}
    void acknowledge(qint64) override {}
    void requestDeliveries(qint64) override {}
    void requestDetail(qint64, const QString &) override {}
    void pause(qint64, const QString &, qint64) override {}
    void resume(qint64) override {}
    void requestCosts(int) override {}
    void forget(qint64, const QString &) override {}
    void restart(qint64, const QString &) override {}
    void setSettings(qint64, const QString &, const AgentSettings &) override {}
    void silence(const QString &, qint64, const QString &) override {}
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int n = argc > 1 ? atoi(argv[1]) : 10'000;
    const long rssStart = residentKb();
    ManualClock clock;
    BenchSource source;
    MainWindow window(&source, clock);
    window.resize(1400, 640); // wide enough for every column up to the cost sparkline (1100 before it)
    window.show();
    QApplication::processEvents();
    AgentsModel &model = window.model();

    QElapsedTimer t;
    t.start();
    Q_EMIT source.snapshot(snapshot(n, clock.nowMs(), 0));
    QApplication::processEvents();
    const double firstMs = t.nsecsElapsed() / 1e6;

    // The history, as it comes about once a minute: applied and painted.
    QList<AgentHistory> history = histories(n, 0);
    t.restart();
    Q_EMIT source.historyReady(history);
    QApplication::processEvents();
    const double historyMs = t.nsecsElapsed() / 1e6;
    auto *table = window.findChild<QTableView *>(QStringLiteral("agentsTableView"));
    const auto shown = [table](int column) {
        const int x = table->columnViewportPosition(column);
        return x >= 0 && x + table->columnWidth(column) <= table->viewport()->width() ? "shown" : "NOT shown";
    };

    QList<double> updates;
    for (int round = 1; round <= 20; ++round) {
        const QList<AgentRow> rows = snapshot(n, clock.nowMs(), round); // built off the GUI thread in the app
        clock.advance(250);
        t.restart();
        Q_EMIT source.snapshot(rows);  // every row changed, states too: the proxy re-sorts
        QApplication::processEvents(); // the view repaints
        updates.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(updates.begin(), updates.end());
    t.restart();
    model.tick(); // the once-a-second "last seen" refresh
    QApplication::processEvents();
    const double tickMs = t.nsecsElapsed() / 1e6;
    const long rss = residentKb();

    printf("GUI benchmark: %d agents in the main window (model, sorting proxy, table view; offscreen)\n", n);
    printf("first fill                      %.1f ms\n", firstMs);
    printf("history applied (1/min)         %.1f ms (strip %s, sparkline %s)\n", historyMs, shown(AgentsModel::Beats),
           shown(AgentsModel::CostTrend));
    printf("coalesced update, all changed   median %.1f ms, worst %.1f ms over %lld updates (goal < 16 ms)\n",
           updates.at(updates.size() / 2), updates.last(), static_cast<long long>(updates.size()));
    printf("last-seen refresh (1/s)         %.1f ms\n", tickMs);
    printf("memory                          %ld MB RSS (%ld MB before the model; goal < 300 MB)\n", rss / 1024,
           rssStart / 1024);
    return 0;
}
