// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentState.h"

#include <QDBusConnection>
#include <QObject>
#include <QPalette>
#include <QString>

#include <optional>

class QChart;
class QDBusVariant;

namespace clev {

// Light, Dark, or what the desktop says (Settings → General → Theme).
enum class ThemeChoice { System, Light, Dark };
QString themeChoiceName(ThemeChoice choice);          // "system", "light", "dark"
ThemeChoice themeChoiceFromName(const QString &name); // unknown or empty: System

// The desktop's colour scheme as the XDG desktop portal tells it (Qt 6.4 has no
// QStyleHints::colorScheme()): org.freedesktop.portal.Desktop at /org/freedesktop/portal/desktop,
// org.freedesktop.portal.Settings.Read("org.freedesktop.appearance", "color-scheme") answers
// 1 = prefers dark, 2 = prefers light, 0 = no preference; its SettingChanged signal tells changes.
// GNOME, KDE and the other desktops with a portal answer it; elsewhere the call fails and the theme
// falls back (see ThemeManager). The call is asynchronous: the window never waits for the portal.
class PortalColorScheme final : public QObject
{
    Q_OBJECT

public:
    enum Scheme { NoPreference = 0, PrefersDark = 1, PrefersLight = 2 };
    static constexpr const char *Service = "org.freedesktop.portal.Desktop";
    static constexpr const char *Path = "/org/freedesktop/portal/desktop";
    static constexpr const char *Interface = "org.freedesktop.portal.Settings";

    explicit PortalColorScheme(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);

    // Asks the portal once and listens to its changes; `changed` follows the answer.
    void start();
    // The last answer; nullopt until one came (or when there is no portal).
    std::optional<int> scheme() const { return m_scheme; }
    // Read's answer is a variant, in some portal versions a variant inside a variant.
    static std::optional<int> schemeFrom(const QVariant &answer);

Q_SIGNALS:
    void changed(int scheme);
    // The portal could not be asked (no session bus, no portal): the fallbacks decide.
    void unavailable();

private Q_SLOTS:
    void onSettingChanged(const QString &ns, const QString &key, const QDBusVariant &value);

private:
    void set(int scheme);

    QDBusConnection m_bus;
    std::optional<int> m_scheme;
};

// Applies the theme chosen to the whole application: Dark is the Fusion style with a dark palette,
// Light the style and palette the application started with; System follows the desktop — the
// portal's color-scheme first, then GTK_THEME ending in ":dark" (e.g. "Adwaita:dark"), then the
// lightness of the palette the platform gave (dark window colour: dark). Views follow through
// QEvent::PaletteChange; palette-aware colours come from the helpers below.
class ThemeManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThemeManager)

public:
    explicit ThemeManager(const QDBusConnection &bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    ~ThemeManager() override;

    void setChoice(ThemeChoice choice);
    ThemeChoice choice() const { return m_choice; }
    bool isDark() const { return m_dark; }
    // What System means now, from the portal, GTK_THEME and the starting palette, in that order.
    bool systemPrefersDark() const;
    PortalColorScheme &portal() { return m_portal; }

Q_SIGNALS:
    void darkChanged(bool dark);

private:
    void apply();

    PortalColorScheme m_portal;
    ThemeChoice m_choice = ThemeChoice::Light;
    bool m_dark = false;
    bool m_applied = false; // the application's palette and style were changed by us
    QString m_startStyle;
    QPalette m_startPalette;
};

namespace theme {
// A palette is dark when its window colour is.
bool isDark(const QPalette &palette);
// The dark palette Dark applies (with the Fusion style).
QPalette darkPalette();
// A state's colour, readable on the palette's base colour (lighter tones on dark).
QColor stateColour(AgentState state, const QPalette &palette);
// Text colours of messages: errors, successes and warnings.
QColor errorColour(const QPalette &palette);
QColor successColour(const QPalette &palette);
QColor warningColour(const QPalette &palette);
// Background, title, legend, axis labels, lines and grid of a chart from the palette.
void styleChart(QChart *chart, const QPalette &palette);
} // namespace theme

} // namespace clev
