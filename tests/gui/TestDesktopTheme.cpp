// SPDX-License-Identifier: MIT
// Light, Dark and System themes, offscreen. System reads the desktop's colour scheme from the XDG
// desktop portal over the real D-Bus session scripts/test starts: a small object below, exported under
// the portal's own name (org.freedesktop.portal.Desktop), stands in for xdg-desktop-portal and answers
// org.freedesktop.portal.Settings.Read as the portal does.
#include "core/Clock.h"
#include "gui/AgentsModel.h"
#include "gui/CostsView.h"
#include "gui/DesktopApp.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/SettingsDialog.h"
#include "gui/Theme.h"
#include "gui/UsageChart.h"
#include "support/DesktopFixture.h"
#include "support/HttpTestClient.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <QTimeZone>

using namespace clev;
using clev::test::child;
using App = clev::test::DesktopFixture;

// Stands in for xdg-desktop-portal: org.freedesktop.portal.Settings at /org/freedesktop/portal/desktop.
class PortalStandIn final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")

public:
    explicit PortalStandIn(uint scheme)
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("portal-stand-in")))
        , m_scheme(scheme)
    {
    }
    ~PortalStandIn() override
    {
        m_bus.unregisterObject(QLatin1String(PortalColorScheme::Path));
        m_bus.unregisterService(QLatin1String(PortalColorScheme::Service));
        QDBusConnection::disconnectFromBus(QStringLiteral("portal-stand-in"));
    }
    bool publish()
    {
        return m_bus.isConnected() &&
               m_bus.registerObject(QLatin1String(PortalColorScheme::Path), this, QDBusConnection::ExportAllSlots) &&
               m_bus.registerService(QLatin1String(PortalColorScheme::Service));
    }
    // The desktop's colour scheme, as the next Read answers it.
    void setValue(uint scheme) { m_scheme = scheme; }
    // The desktop switched: the new value, and the SettingChanged signal the portal broadcasts.
    bool change(uint scheme)
    {
        m_scheme = scheme;
        QDBusMessage signal =
            QDBusMessage::createSignal(QLatin1String(PortalColorScheme::Path),
                                       QLatin1String(PortalColorScheme::Interface), QStringLiteral("SettingChanged"));
        signal << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme")
               << QVariant::fromValue(QDBusVariant(scheme));
        return m_bus.send(signal);
    }
    int reads = 0;

public Q_SLOTS:
    // As xdg-desktop-portal 1.x answers: the value in a variant inside the reply's variant.
    QDBusVariant Read(const QString &ns, const QString &key)
    {
        ++reads;
        if (ns == u"org.freedesktop.appearance" && key == u"color-scheme")
            return QDBusVariant(QVariant::fromValue(QDBusVariant(m_scheme)));
        return QDBusVariant(QVariant(QString()));
    }

private:
    QDBusConnection m_bus;
    uint m_scheme;
};

namespace {

QColor axisLabelColour(QChart *chart)
{
    const auto axes = chart->axes();
    return axes.isEmpty() ? QColor() : axes.first()->labelsBrush().color();
}

} // namespace

class TestDesktopTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run inside the D-Bus session scripts/test starts");
        qunsetenv("GTK_THEME");
    }

    // The portal's answer (wrapped twice, as xdg-desktop-portal does) decides what System means.
    void portal_readsTheColourScheme()
    {
        PortalStandIn portal(PortalColorScheme::PrefersDark);
        QVERIFY(portal.publish());
        PortalColorScheme reader;
        reader.start();
        QTRY_COMPARE(reader.scheme(), std::optional<int>(PortalColorScheme::PrefersDark));
        QCOMPARE(portal.reads, 1);

        // System: dark palette with Fusion; the user's Light wins and restores the starting palette.
        const QPalette start = QApplication::palette();
        {
            ThemeManager theme;
            theme.setChoice(ThemeChoice::System);
            QTRY_VERIFY(theme.isDark());
            QVERIFY(theme::isDark(QApplication::palette()));
            QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
            theme.setChoice(ThemeChoice::Light);
            QVERIFY(!theme.isDark());
            QCOMPARE(QApplication::palette().color(QPalette::Window), start.color(QPalette::Window));
        }
        portal.setValue(PortalColorScheme::PrefersLight);
        {
            ThemeManager theme;
            theme.setChoice(ThemeChoice::System);
            QTRY_COMPARE(theme.portal().scheme(), std::optional<int>(PortalColorScheme::PrefersLight));
            QVERIFY(!theme.isDark());
            QVERIFY(!theme::isDark(QApplication::palette()));
        }
        portal.setValue(PortalColorScheme::NoPreference); // no preference: the fallbacks decide (light here)
        {
            ThemeManager theme;
            theme.setChoice(ThemeChoice::System);
            QTRY_COMPARE(theme.portal().scheme(), std::optional<int>(PortalColorScheme::NoPreference));
            QVERIFY(!theme.systemPrefersDark());
        }
        QCOMPARE(QApplication::palette().color(QPalette::Window), start.color(QPalette::Window));
    }

    // System follows the desktop while the app runs: the portal's SettingChanged switches the palette, and
    // a chart on screen recolours at once, both ways; with Light chosen, the desktop's switch is ignored.
    void system_followsTheDesktopsSwitch_live()
    {
        PortalStandIn portal(PortalColorScheme::PrefersLight);
        QVERIFY(portal.publish());
        ThemeManager theme;
        theme.setChoice(ThemeChoice::System);
        QTRY_COMPARE(theme.portal().scheme(), std::optional<int>(PortalColorScheme::PrefersLight));
        QVERIFY(!theme.isDark());
        CostsView costs(Clock::system());
        costs.setCosts({}, QTimeZone::systemTimeZone(), 30);
        costs.show();
        const QPalette light = QApplication::palette();
        QCOMPARE(costs.chartView()->chart()->backgroundBrush().color(), light.color(QPalette::Base));
        QSignalSpy darkChanged(&theme, &ThemeManager::darkChanged);

        QVERIFY(portal.change(PortalColorScheme::PrefersDark));
        QTRY_VERIFY(theme.isDark());
        QCOMPARE(darkChanged.size(), 1);
        const QPalette dark = theme::darkPalette();
        QTRY_COMPARE(costs.chartView()->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(axisLabelColour(costs.chartView()->chart()), dark.color(QPalette::Text));

        QVERIFY(portal.change(PortalColorScheme::PrefersLight));
        QTRY_VERIFY(!theme.isDark());
        QTRY_COMPARE(costs.chartView()->chart()->backgroundBrush().color(), light.color(QPalette::Base));

        theme.setChoice(ThemeChoice::Light);
        QVERIFY(portal.change(PortalColorScheme::PrefersDark));
        QTRY_COMPARE(theme.portal().scheme(), std::optional<int>(PortalColorScheme::PrefersDark));
        QVERIFY(!theme.isDark()); // the user's choice wins
        QVERIFY(!theme::isDark(QApplication::palette()));
    }

    // Without a portal: GTK_THEME=…:dark, else the palette's own lightness.
    void noPortal_fallsBackToGtkThemeThenPalette()
    {
        const auto restore = qScopeGuard([] { qunsetenv("GTK_THEME"); });
        QTRY_VERIFY(
            !QDBusConnection::sessionBus().interface()->isServiceRegistered(QLatin1String(PortalColorScheme::Service)));
        ThemeManager theme;
        QVERIFY(!theme.systemPrefersDark()); // offscreen's palette is light
        qputenv("GTK_THEME", "Adwaita:dark");
        QVERIFY(theme.systemPrefersDark());
        theme.setChoice(ThemeChoice::System);
        QVERIFY(theme.isDark());
        qputenv("GTK_THEME", "Adwaita");
        QVERIFY(!theme.systemPrefersDark());
        QCOMPARE(themeChoiceFromName(QStringLiteral("dark")), ThemeChoice::Dark);
        QCOMPARE(themeChoiceFromName(QStringLiteral("bogus")), ThemeChoice::System);
    }

    // Settings → Theme → Dark, saved and applied at once: the usage and cost charts' backgrounds and axis
    // labels, and the agents table's state colours, follow; Light brings the light ones back.
    void settingsTheme_recoloursChartsAndStates_live()
    {
        App a;
        QVERIFY(a.start());
        MainWindow &window = a.app->window();
        window.show();
        const QPalette light = QApplication::palette();
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(a.port()));
        const QByteArray key = a.app->monitor().firstRunKey();
        QCOMPARE(c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"painter\",\"cost_usd\":0.25,\"interval\":60}",
                           {{"X-API-Key", key}})
                     .status,
                 200);
        QTRY_COMPARE(window.model().rowCount(), 1);
        QVERIFY(window.selectAgent(QStringLiteral("painter")));
        auto *usage = window.findChild<UsageChart *>(QStringLiteral("usageChart"));
        QTRY_VERIFY(!usage->chart()->axes().isEmpty());
        window.showCostsTab();
        QChart *costs = nullptr;
        QTRY_VERIFY((costs = window.costs().chartView()->chart()) && !costs->axes().isEmpty());
        const auto stateColour = [&window] {
            return window.filter().index(0, AgentsModel::State).data(Qt::ForegroundRole).value<QColor>();
        };
        QCOMPARE(usage->chart()->backgroundBrush().color(), light.color(QPalette::Base));
        QCOMPARE(axisLabelColour(usage->chart()), light.color(QPalette::Text));
        QCOMPARE(stateColour(), theme::stateColour(AgentState::Healthy, light));

        QSettings qs;
        SettingsDialog dialog(DesktopSettings::load(qs));
        auto *themeBox = child<QComboBox>(&dialog, "themeComboBox");
        QCOMPARE(themeBox->currentData().toString(), QStringLiteral("system"));
        themeBox->setCurrentIndex(themeBox->findData(QStringLiteral("dark")));
        a.app->applySettings(dialog.settings());
        QCOMPARE(DesktopSettings::load(qs).theme, QStringLiteral("dark"));
        QVERIFY(a.app->theme().isDark());

        const QPalette dark = theme::darkPalette();
        QTRY_COMPARE(usage->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(axisLabelColour(usage->chart()), dark.color(QPalette::Text));
        QVERIFY(axisLabelColour(usage->chart()) != light.color(QPalette::Text));
        costs = window.costs().chartView()->chart();
        QTRY_COMPARE(costs->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(axisLabelColour(costs), dark.color(QPalette::Text));
        QCOMPARE(costs->titleBrush().color(), dark.color(QPalette::Text));
        QCOMPARE(stateColour(), theme::stateColour(AgentState::Healthy, dark));
        QVERIFY(stateColour() != theme::stateColour(AgentState::Healthy, light));
        // A chart drawn after the switch is dark from the start.
        window.costs().setCosts({}, QTimeZone::systemTimeZone(), 30);
        QCOMPARE(window.costs().chartView()->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
        QCOMPARE(axisLabelColour(window.costs().chartView()->chart()), dark.color(QPalette::Text));

        themeBox->setCurrentIndex(themeBox->findData(QStringLiteral("light")));
        a.app->applySettings(dialog.settings());
        QVERIFY(!a.app->theme().isDark());
        QTRY_COMPARE(usage->chart()->backgroundBrush().color(), light.color(QPalette::Base));
        QCOMPARE(axisLabelColour(usage->chart()), light.color(QPalette::Text));
        QCOMPARE(axisLabelColour(window.costs().chartView()->chart()), light.color(QPalette::Text));
        QCOMPARE(stateColour(), theme::stateColour(AgentState::Healthy, light));
    }
};

QTEST_MAIN(TestDesktopTheme)
#include "TestDesktopTheme.moc"
