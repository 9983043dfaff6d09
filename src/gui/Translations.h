// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTranslator>

namespace clev {

// Loads the app's catalogue (compiled into the binary, :/i18n/clevagent_<lang>.qm) and Qt's own
// (qtbase_<lang>.qm from Qt's translations folder) for the chosen language, or the system's when none
// is chosen, and makes that locale the default for numbers and dates.
class Translations
{
public:
    // `language`: "de", "ja", "zh_CN"…; empty for the system's. Returns the language in use.
    QString install(const QString &language);
    // The languages the app ships a catalogue for.
    static QStringList available();

private:
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace clev
