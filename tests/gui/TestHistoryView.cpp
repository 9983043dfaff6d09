// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/HistoryDelegates.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/Theme.h"
#include "support/HttpTestClient.h"
#include "support/TestEnv.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cstdlib>
#include <numeric>

using namespace clev;

namespace {
AgentRow row(qint64 id, const QString &name)
{
    AgentRow r;
    r.id = id;
    r.name = name;
    r.state = AgentState::Healthy;
    r.expectedIntervalSecs = 60;
    return r;
}

AgentHistory history(qint64 id, const char *strip, double up24, double up30, float lastHourCost = 0)
{
    AgentHistory h;
    h.agentId = id;
    const QByteArray tail = HistoryRules::stripFromText(QString::fromLatin1(strip));
    h.strip = QByteArray(HistoryRules::StripSlots - tail.size(), char(BeatSlot::None)) + tail;
    h.uptime24h = up24;
    h.uptime30d = up30;
    h.cost24h = QList<float>(HistoryRules::CostHours, 0.0f);
    h.cost24h[HistoryRules::CostHours - 1] = lastHourCost;
    h.cost24h[0] = lastHourCost / 2;
    return h;
}

// The cell of `index` painted by `delegate` into an image of `size` on `palette`.
QImage render(const QStyledItemDelegate &delegate, const QModelIndex &index, const QPalette &palette, QSize size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Base));
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), size);
    option.palette = palette;
    option.state = QStyle::State_Enabled;
    delegate.paint(&painter, option, index);
    return image;
}
} // namespace

// The agents table's history: the model's roles and sorting, the strip and sparkline delegates on
// light and dark palettes, and the local engine's answer to requestHistory().
class TestHistoryView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void model_rolesTooltipsAndSorting()
    {
        ManualClock clock;
        AgentsModel model(clock);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(
            {row(1, QStringLiteral("alpha")), row(2, QStringLiteral("beta")), row(3, QStringLiteral("gamma"))});
        QCOMPARE(model.index(0, AgentsModel::Uptime).data().toString(), QString());
        QCOMPARE(model.index(0, AgentsModel::Beats).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("No history read yet"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyHistory(
            {history(1, "oooolme", 99.24, 97.0, 0.5), history(2, "oooo", 100, 100), history(3, "mmmm", 12.5, -1, 2.0)});
        QVERIFY(!changed.isEmpty());
        const QModelIndex strip = model.index(0, AgentsModel::Beats);
        QCOMPARE(strip.data(AgentsModel::StripRole).toByteArray().size(), HistoryRules::StripSlots);
        QCOMPARE(strip.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Last 30 beats: 4 on time, 1 late, 1 missed, 1 with an error"));
        QCOMPARE(model.index(0, AgentsModel::Uptime).data().toString(), QStringLiteral("99.2 %"));
        QVERIFY(model.index(0, AgentsModel::Uptime).data(Qt::ToolTipRole).toString().contains(u"97.0 %"));
        QVERIFY(model.index(2, AgentsModel::Uptime).data(Qt::ToolTipRole).toString().contains(u"unknown"));
        QCOMPARE(model.index(0, AgentsModel::CostTrend).data(AgentsModel::CostSeriesRole).value<QList<float>>().size(),
                 24);
        QCOMPARE(model.index(2, AgentsModel::CostTrend).data(AgentsModel::SortRole).toDouble(), 3.0);
        QCOMPARE(model.headerData(AgentsModel::Uptime, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Uptime 24 h"));

        AgentFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(AgentsModel::Uptime, Qt::AscendingOrder);
        const auto order = [&proxy] {
            QStringList names;
            for (int r = 0; r < proxy.rowCount(); ++r)
                names << proxy.index(r, AgentsModel::Name).data().toString();
            return names;
        };
        QCOMPARE(order(), (QStringList{QStringLiteral("gamma"), QStringLiteral("alpha"), QStringLiteral("beta")}));
        proxy.sort(AgentsModel::CostTrend, Qt::DescendingOrder);
        QCOMPARE(order().first(), QStringLiteral("gamma"));
        proxy.sort(AgentsModel::Beats, Qt::AscendingOrder); // the fewest on time first
        QCOMPARE(order().first(), QStringLiteral("gamma"));

        // A snapshot keeps the history (it is kept apart from the rows); a new history replaces it.
        model.applySnapshot({row(1, QStringLiteral("alpha")), row(3, QStringLiteral("gamma"))});
        QCOMPARE(model.index(1, AgentsModel::Uptime).data().toString(), QStringLiteral("12.5 %"));
        model.applyHistory({});
        QCOMPARE(model.index(1, AgentsModel::Uptime).data().toString(), QString());
    }

    void stripDelegate_paintsEachKindInItsColour_lightAndDark()
    {
        ManualClock clock;
        AgentsModel model(clock);
        model.applySnapshot({row(1, QStringLiteral("alpha"))});
        // Six of each kind, so every kind covers whole slots whatever the slot width.
        model.applyHistory({history(1, "......oooooollllllmmmmmmeeeeee", 50, 50)});
        const QModelIndex index = model.index(0, AgentsModel::Beats);
        BeatStripDelegate delegate;
        const QSize size = delegate.sizeHint(QStyleOptionViewItem(), index);
        QVERIFY(size.width() >= HistoryRules::StripSlots * 3);
        const QPalette light = QApplication::palette();
        const QPalette dark = theme::darkPalette();
        QVERIFY(!theme::isDark(light));
        QList<QSet<QRgb>> kinds;
        for (const QPalette &palette : {light, dark}) {
            const QImage image = render(delegate, index, palette, QSize(size.width(), 20));
            const auto colours = BeatStripDelegate::colours(palette);
            // The middle of each group of six slots: 4 px margin, 5 px a slot.
            QSet<QRgb> seen;
            for (int kind = 0; kind < 5; ++kind) {
                const int x = 4 + (kind * 6 + 3) * 5 + 1;
                const QRgb pixel = image.pixel(x, 10);
                QCOMPARE(pixel, colours[kind].rgb());
                seen.insert(pixel);
            }
            QCOMPARE(seen.size(), 5); // five distinct colours
            QVERIFY(!seen.contains(palette.color(QPalette::Base).rgb()));
            kinds.append(seen);
        }
        // Dark gets its own (lighter) tones for on time, late, missed and error.
        const auto lightColours = BeatStripDelegate::colours(light), darkColours = BeatStripDelegate::colours(dark);
        for (int kind = 1; kind < 5; ++kind) {
            QVERIFY(lightColours[kind] != darkColours[kind]);
            QVERIFY(darkColours[kind].lightness() > lightColours[kind].lightness());
        }
    }

    void sparklineDelegate_drawsTheLine_followsThePalette()
    {
        ManualClock clock;
        AgentsModel model(clock);
        model.applySnapshot({row(1, QStringLiteral("alpha")), row(2, QStringLiteral("beta"))});
        model.applyHistory({history(1, "o", 100, 100, 1.0f)});
        CostSparklineDelegate delegate;
        const QSize size(104, 24);
        for (const QPalette &palette : {QApplication::palette(), theme::darkPalette()}) {
            const QImage image = render(delegate, model.index(0, AgentsModel::CostTrend), palette, size);
            const QColor line = CostSparklineDelegate::lineColour(palette, false);
            // The last hour is the highest: the line ends at the top right.
            int near = 0;
            for (int y = 0; y < 8; ++y) {
                const QColor c = image.pixelColor(size.width() - 5, y);
                if (std::abs(c.red() - line.red()) + std::abs(c.green() - line.green()) +
                        std::abs(c.blue() - line.blue()) <
                    120)
                    ++near;
            }
            QVERIFY(near > 0);
            // No history: nothing but the background.
            const QImage empty = render(delegate, model.index(1, AgentsModel::CostTrend), palette, size);
            QCOMPARE(empty.pixelColor(size.width() / 2, size.height() / 2), palette.color(QPalette::Base));
        }
        QVERIFY(CostSparklineDelegate::lineColour(QApplication::palette(), false) !=
                CostSparklineDelegate::lineColour(theme::darkPalette(), false));
    }

    // The embedded engine computes the history off the GUI thread from its own database; the window
    // shows it in the table.
    void localMonitor_historyReady_reachesTheTable()
    {
        clev::test::TestDir dir;
        ServerConfig config;
        config.databasePath = dir.file(QStringLiteral("hist.db"));
        config.http.port = 0;
        LocalMonitor monitor(config);
        MainWindow window(&monitor, Clock::system());
        monitor.start();
        QVERIFY(monitor.isListening());
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(monitor.server().port()));
        for (const char *status : {"ok", "error"})
            QCOMPARE(c.request("POST", "/api/v1/heartbeat",
                               QByteArray("{\"agent\":\"hist-agent\",\"interval\":60,\"cost_usd\":0.25,\"status\":\"") +
                                   status + "\"}",
                               {{"X-API-Key", monitor.firstRunKey()}})
                         .status,
                     200);
        QTRY_COMPARE(window.model().rowCount(), 1);
        QSignalSpy ready(&monitor, &MonitorSource::historyReady);
        monitor.requestHistory();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 5000); // emitted on the snapshot thread, maybe at once
        const auto list = ready.first().first().value<QList<AgentHistory>>();
        QCOMPARE(list.size(), 1);
        QCOMPARE(HistoryRules::count(list.first().strip, BeatSlot::OnTime), 1);
        QCOMPARE(HistoryRules::count(list.first().strip, BeatSlot::Error), 1);
        QCOMPARE(std::accumulate(list.first().cost24h.cbegin(), list.first().cost24h.cend(), 0.0f), 0.5f);
        // The window asked too, when the first agent appeared: the table shows it.
        QTRY_VERIFY(!window.model().index(0, AgentsModel::Beats).data(AgentsModel::StripRole).toByteArray().isEmpty());
        auto *table = window.findChild<QTableView *>(QStringLiteral("agentsTableView"));
        QVERIFY(qobject_cast<BeatStripDelegate *>(table->itemDelegateForColumn(AgentsModel::Beats)));
        QVERIFY(qobject_cast<CostSparklineDelegate *>(table->itemDelegateForColumn(AgentsModel::CostTrend)));
    }
};

QTEST_MAIN(TestHistoryView)
#include "TestHistoryView.moc"
