// SPDX-License-Identifier: MIT
#include "gui/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>

namespace clev {

QStringList Translations::available()
{
    QStringList out;
    for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("clevagent_*.qm")}))
        out << file.mid(10, file.size() - 13); // clevagent_XX.qm
    return out;
}

QString Translations::install(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    // English needs its catalogue too: it holds the plural forms ("1 agent", "2 agents").
    // A language without a catalogue (or the C locale) falls back to English, whose catalogue holds the
    // plural forms.
    if (m_app.load(locale, QStringLiteral("clevagent"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        m_app.load(QStringLiteral(":/i18n/clevagent_en.qm")))
        QCoreApplication::installTranslator(&m_app);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    return locale.name();
}

} // namespace clev
