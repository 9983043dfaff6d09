// SPDX-License-Identifier: MIT
// The translation catalogues: every user-visible string of the sources is in every catalogue with a
// finished translation that keeps its placeholders; the catalogues are compiled into the binary; and
// the real windows, in German and Japanese, show no English text that has a translation.
#include "gui/ChannelDialogs.h"
#include "gui/DesktopApp.h"
#include "gui/KeyDialogs.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/SettingsDialog.h"
#include "gui/Translations.h"
#include "support/TestEnv.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDomDocument>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace clev;

namespace {

const QStringList Languages{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("ja"),
                            QStringLiteral("zh_CN")};

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    bool finished = false;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QDomDocument doc;
    if (!doc.setContent(&f))
        return out;
    const QDomNodeList contexts = doc.elementsByTagName(QStringLiteral("context"));
    for (int i = 0; i < contexts.size(); ++i) {
        const QDomElement ctx = contexts.at(i).toElement();
        const QString name = ctx.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement m = ctx.firstChildElement(QStringLiteral("message")); !m.isNull();
             m = m.nextSiblingElement(QStringLiteral("message"))) {
            Message msg;
            msg.context = name;
            msg.source = m.firstChildElement(QStringLiteral("source")).text();
            const QDomElement t = m.firstChildElement(QStringLiteral("translation"));
            msg.finished = !t.hasAttribute(QStringLiteral("type"));
            const QDomNodeList forms = t.elementsByTagName(QStringLiteral("numerusform"));
            if (forms.isEmpty()) {
                msg.translations << t.text();
            } else {
                for (int k = 0; k < forms.size(); ++k)
                    msg.translations << forms.at(k).toElement().text();
            }
            out.append(msg);
        }
    }
    return out;
}

QStringList placeholders(const QString &text)
{
    QStringList out;
    auto it = QRegularExpression(QStringLiteral("%(\\d|n)")).globalMatch(text);
    while (it.hasNext())
        out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

// Every text a user can read in the widget tree.
QStringList visibleTexts(QWidget *root)
{
    QStringList out;
    QList<QWidget *> all = root->findChildren<QWidget *>();
    all.prepend(root);
    for (QWidget *w : std::as_const(all)) {
        if (!w->windowTitle().isEmpty() && w->isWindow())
            out << w->windowTitle();
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            out << b->text();
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            out << g->title();
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            out << e->placeholderText();
        else if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                out << c->itemText(i);
        } else if (auto *t = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                out << t->tabText(i);
        } else if (auto *h = qobject_cast<QHeaderView *>(w)) {
            if (h->model()) {
                for (int i = 0; i < h->count(); ++i)
                    out << h->model()->headerData(i, h->orientation(), Qt::DisplayRole).toString();
            }
        }
        if (!w->toolTip().isEmpty())
            out << w->toolTip();
    }
    out.removeAll(QString());
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // lupdate over today's sources finds nothing that the catalogues lack: a new tr() string without a
    // translation fails here. Translations keep their %1/%n placeholders.
    void everySourceString_isTranslatedInEveryCatalogue()
    {
        clev::test::TestDir dir;
        const QString fresh = dir.file(QStringLiteral("fresh.ts"));
        QStringList args{QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none")};
        args << QStringLiteral("@" CLEV_I18N_SOURCES_LIST) << QStringLiteral("-I")
             << QStringLiteral(CLEV_SOURCE_DIR "/src") << QStringLiteral("-ts") << fresh;
        QProcess lupdate;
        lupdate.start(QStringLiteral(CLEV_LUPDATE), args);
        QVERIFY(lupdate.waitForFinished(120'000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        const QList<Message> sources = readTs(fresh);
        QVERIFY2(sources.size() > 250, qPrintable(QString::number(sources.size())));
        for (const QString &lang : Languages) {
            const QList<Message> catalogue = readTs(QStringLiteral(CLEV_TRANSLATIONS_DIR "/clevagent_%1.ts").arg(lang));
            QHash<QString, Message> byKey;
            for (const Message &m : catalogue)
                byKey.insert(m.context + u'\x1f' + m.source, m);
            for (const Message &s : sources) {
                const auto it = byKey.constFind(s.context + u'\x1f' + s.source);
                QVERIFY2(it != byKey.cend(),
                         qPrintable(
                             QStringLiteral("%1: not in the catalogue: %2 \"%3\" (run the update_translations target)")
                                 .arg(lang, s.context, s.source)));
                QVERIFY2(it->finished, qPrintable(QStringLiteral("%1: unfinished: \"%2\"").arg(lang, s.source)));
                for (const QString &t : it->translations) {
                    QVERIFY2(!t.trimmed().isEmpty() || s.source.trimmed().isEmpty(),
                             qPrintable(QStringLiteral("%1: empty: \"%2\"").arg(lang, s.source)));
                    QVERIFY2(placeholders(t) == placeholders(s.source),
                             qPrintable(
                                 QStringLiteral("%1: placeholders differ in \"%2\" -> \"%3\"").arg(lang, s.source, t)));
                }
            }
        }
    }

    // The compiled catalogues are in the binary, plurals work in English, Qt's own strings translate.
    void catalogues_areCompiledIn_andPluralsWork()
    {
        QStringList available = Translations::available();
        available.sort();
        QStringList expected = Languages;
        expected.sort();
        QCOMPARE(available, expected);
        Translations t;
        t.install(QStringLiteral("en"));
        QCOMPARE(MainWindow::tr("%n agent(s)", nullptr, 1), QStringLiteral("1 agent"));
        QCOMPARE(MainWindow::tr("%n agent(s)", nullptr, 2), QStringLiteral("2 agents"));
        t.install(QStringLiteral("de"));
        QCOMPARE(MainWindow::tr("%n agent(s)", nullptr, 2), QStringLiteral("2 Agenten"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen")); // Qt's own
        t.install(QStringLiteral("ja"));
        QCOMPARE(MainWindow::tr("%n agent(s)", nullptr, 3), QStringLiteral("エージェント 3 件"));
        t.install(QStringLiteral("C")); // no catalogue of its own: English, with its plurals
        QCOMPARE(MainWindow::tr("%n agent(s)", nullptr, 6), QStringLiteral("6 agents"));
        t.install(QStringLiteral("en"));
    }

    // The real window and dialogs in German and Japanese: nothing shown is an English source string whose
    // translation differs (which would mean a string escaped the catalogue or was set before loading it).
    void windows_showNoUntranslatedText_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("ja") << QStringLiteral("ja");
    }
    void windows_showNoUntranslatedText()
    {
        QFETCH(QString, lang);
        QHash<QString, QString> english; // source -> translation (when it differs)
        for (const Message &m : readTs(QStringLiteral(CLEV_TRANSLATIONS_DIR "/clevagent_%1.ts").arg(lang))) {
            if (!m.translations.isEmpty() && m.translations.first() != m.source && m.source.size() > 2)
                english.insert(m.source, m.translations.first());
        }
        Translations t;
        t.install(lang);
        clev::test::TestDir dir;
        QSettings().clear();
        QSettings().setValue(QStringLiteral("listener/port"), 0);
        DesktopApp::Options o;
        o.databasePath = dir.file(QStringLiteral("t.db"));
        DesktopApp app(o);
        app.start();
        QTRY_VERIFY(app.monitor().isListening());
        QList<QWidget *> windows{&app.window()};
        SettingsDialog settings(DesktopSettings{});
        ChannelEditDialog channel(&app.channels(), &app.monitor(), {});
        ChannelsDialog channels(&app.channels(), &app.monitor());
        ApiKeysDialog keys(&app.monitor(), &app.credentials());
        ConnectAgentDialog connect(&app.monitor(), &app.credentials());
        windows << &settings << &channel << &channels << &keys << &connect;
        for (QWidget *w : std::as_const(windows)) {
            for (const QString &text : visibleTexts(w))
                QVERIFY2(!english.contains(text),
                         qPrintable(QStringLiteral("%1 shows English \"%2\" (should be \"%3\")")
                                        .arg(w->metaObject()->className(), text, english.value(text))));
        }
        t.install(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
