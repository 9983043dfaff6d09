// SPDX-License-Identifier: MIT
#include "gui/Theme.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLegend>
#include <QStyle>
#include <QStyleFactory>

namespace clev {

QString themeChoiceName(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeChoice themeChoiceFromName(const QString &name)
{
    if (name == u"light")
        return ThemeChoice::Light;
    if (name == u"dark")
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

PortalColorScheme::PortalColorScheme(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
}

std::optional<int> PortalColorScheme::schemeFrom(const QVariant &answer)
{
    QVariant v = answer;
    // Read wraps the value in one more variant than the portal's documentation says (v inside v).
    for (int depth = 0; depth < 3 && v.canConvert<QDBusVariant>() && v.userType() == qMetaTypeId<QDBusVariant>();
         ++depth)
        v = v.value<QDBusVariant>().variant();
    if (v.userType() == qMetaTypeId<QDBusArgument>()) {
        const auto arg = v.value<QDBusArgument>();
        if (arg.currentType() == QDBusArgument::VariantType) {
            QDBusVariant inner;
            arg >> inner;
            v = inner.variant();
        }
    }
    bool ok = false;
    const uint scheme = v.toUInt(&ok);
    if (!ok || scheme > PrefersLight)
        return std::nullopt;
    return static_cast<int>(scheme);
}

void PortalColorScheme::start()
{
    if (!m_bus.isConnected()) {
        Q_EMIT unavailable();
        return;
    }
    // Any sender: the portal's unique name changes when it restarts, and only the portal sends this
    // interface's signal on this path.
    m_bus.connect(QString(), QLatin1String(Path), QLatin1String(Interface), QStringLiteral("SettingChanged"), this,
                  SLOT(onSettingChanged(QString, QString, QDBusVariant)));
    QDBusMessage call = QDBusMessage::createMethodCall(QLatin1String(Service), QLatin1String(Path),
                                                       QLatin1String(Interface), QStringLiteral("Read"));
    call << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusMessage reply = w->reply();
        const auto scheme = reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
                                ? schemeFrom(reply.arguments().constFirst())
                                : std::nullopt;
        if (scheme)
            set(*scheme);
        else if (!m_scheme)
            Q_EMIT unavailable();
    });
}

void PortalColorScheme::onSettingChanged(const QString &ns, const QString &key, const QDBusVariant &value)
{
    if (ns != u"org.freedesktop.appearance" || key != u"color-scheme")
        return;
    if (const auto scheme = schemeFrom(value.variant()))
        set(*scheme);
}

void PortalColorScheme::set(int scheme)
{
    const bool news = m_scheme != scheme;
    m_scheme = scheme;
    if (news)
        Q_EMIT changed(scheme);
}

ThemeManager::ThemeManager(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_portal(bus)
    , m_startStyle(QApplication::style() ? QApplication::style()->name() : QString())
    , m_startPalette(QApplication::palette())
{
    m_dark = theme::isDark(m_startPalette);
    connect(&m_portal, &PortalColorScheme::changed, this, [this] {
        if (m_choice == ThemeChoice::System)
            apply();
    });
    m_portal.start();
}

ThemeManager::~ThemeManager()
{
    if (m_applied) { // the application outlives this manager (tests make several): leave it as it was
        m_choice = ThemeChoice::Light;
        apply();
    }
}

void ThemeManager::setChoice(ThemeChoice choice)
{
    m_choice = choice;
    apply();
}

bool ThemeManager::systemPrefersDark() const
{
    // 1. The XDG desktop portal's color-scheme (GNOME 42+, KDE Plasma 5.24+, …).
    if (const auto scheme = m_portal.scheme(); scheme && *scheme != PortalColorScheme::NoPreference)
        return *scheme == PortalColorScheme::PrefersDark;
    // 2. GTK_THEME=Adwaita:dark, the way GTK itself is told to be dark.
    const QString gtk = qEnvironmentVariable("GTK_THEME");
    if (!gtk.isEmpty())
        return gtk.endsWith(u":dark", Qt::CaseInsensitive);
    // 3. The palette the platform gave at start (a dark KDE colour scheme, a dark Qt platform theme).
    return theme::isDark(m_startPalette);
}

void ThemeManager::apply()
{
    const bool dark = m_choice == ThemeChoice::Dark || (m_choice == ThemeChoice::System && systemPrefersDark());
    if (dark) {
        if (!m_applied || !theme::isDark(QApplication::palette())) {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(theme::darkPalette());
            m_applied = true;
        }
    } else if (m_applied) {
        // Back to what the application started with (a light desktop's own style and palette).
        if (QStyle *style = QStyleFactory::create(m_startStyle.isEmpty() ? QStringLiteral("Fusion") : m_startStyle))
            QApplication::setStyle(style);
        QApplication::setPalette(m_startPalette);
        m_applied = false;
    }
    if (dark != m_dark) {
        m_dark = dark;
        Q_EMIT darkChanged(dark);
    }
}

namespace theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe8, 0xeb), disabled(0x7f, 0x84, 0x8c);
    const QColor highlight(0x3d, 0x7e, 0xd6);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x36, 0x39, 0x3e));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::Mid, QColor(0x46, 0x49, 0x4f));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf5));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x46, 0x49, 0x4f));
    return p;
}

QColor stateColour(AgentState state, const QPalette &palette)
{
    const bool dark = isDark(palette);
    // Light: tones that read on white; dark: lighter tones of the same hues that read on near-black.
    switch (state) {
    case AgentState::Healthy:
        return dark ? QColor(0x5f, 0xd3, 0x9d) : QColor(0x1f, 0x8f, 0x5f);
    case AgentState::Warning:
        return dark ? QColor(0xf2, 0xc9, 0x4c) : QColor(0xa8, 0x7b, 0x0a);
    case AgentState::Error:
        return dark ? QColor(0xff, 0x9a, 0x57) : QColor(0xc2, 0x55, 0x0e);
    case AgentState::Late:
        return dark ? QColor(0xff, 0xb3, 0x66) : QColor(0xc0, 0x6a, 0x10);
    case AgentState::Dead:
        return dark ? QColor(0xff, 0x6b, 0x95) : QColor(0xc2, 0x18, 0x4f);
    case AgentState::Stopped:
        return dark ? QColor(0xa9, 0xae, 0xb6) : QColor(0x6b, 0x70, 0x78);
    case AgentState::Paused:
        return dark ? QColor(0x9d, 0xa8, 0xf0) : QColor(0x4c, 0x5b, 0xc4);
    case AgentState::New:
        return dark ? QColor(0xb8, 0xbd, 0xc5) : QColor(0x80, 0x86, 0x90);
    }
    return palette.color(QPalette::Text);
}

QColor errorColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x7b) : QColor(0xc6, 0x28, 0x28);
}

QColor successColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6f, 0xd5, 0x8a) : QColor(0x2e, 0x7d, 0x32);
}

QColor warningColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xb0, 0x5c) : QColor(0xb3, 0x5c, 0x00);
}

void styleChart(QChart *chart, const QPalette &palette)
{
    const bool dark = isDark(palette);
    // The theme gives the series colours that suit the background; the rest follows the palette.
    const QChart::ChartTheme wanted = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != wanted)
        chart->setTheme(wanted);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(dark ? 40 : 30);
    QColor line = palette.color(QPalette::Text);
    line.setAlpha(110);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsBrush(text);
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(line);
    }
}

} // namespace theme

} // namespace clev
