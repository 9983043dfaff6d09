// SPDX-License-Identifier: MIT
// The desktop's dialogs, offscreen, with the real engine, a real Secret Service (scripts/test runs the
// suites in a D-Bus session with an unlocked gnome-keyring) and real HTTP receivers standing in for
// Slack and friends: channels (validation, "Send test", secrets in the keychain only), API keys,
// "Connect an agent" (its curl snippet is run as it is) and settings (the listener rebinds live).
#include "gui/AboutDialog.h"
#include "gui/ChannelDialogs.h"
#include "gui/ChannelStore.h"
#include "gui/CostsView.h"
#include "gui/DesktopApp.h"
#include "gui/KeyDialogs.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "gui/SettingsDialog.h"
#include "secrets/CredentialStore.h"
#include "support/DesktopFixture.h"
#include "support/HttpTestClient.h"
#include "support/NextDialog.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUuid>

#include <functional>

using namespace clev;
using clev::test::child;
using clev::test::everything;
using clev::test::onNextDialog;
using App = clev::test::DesktopFixture;

namespace {

// Reads a keychain entry synchronously (for assertions).
CredentialStore::Result readSecret(CredentialStore &store, const QString &key)
{
    auto result = std::make_shared<std::optional<CredentialStore::Result>>();
    QObject context;
    store.read(key, &context, [result](const CredentialStore::Result &r) { *result = r; });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, 10'000))
        return {};
    return **result;
}

} // namespace

class TestDesktopDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings and autostart in a test location
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run inside the D-Bus session scripts/test starts");
    }

    // Every field is checked with a message that says what to do.
    void channelDialog_validatesEveryField()
    {
        App a;
        QVERIFY(a.start());
        ChannelEditDialog d(&a.app->channels(), &a.app->monitor(), {QStringLiteral("taken")});
        auto *name = child<QLineEdit>(&d, "nameLineEdit");
        auto *type = child<QComboBox>(&d, "typeComboBox");
        auto *url = child<QLineEdit>(&d, "urlLineEdit");
        QVERIFY(d.validationError().contains(u"name"));
        name->setText(QStringLiteral("taken"));
        QVERIFY(d.validationError().contains(u"already"));
        name->setText(QStringLiteral("ops"));
        QVERIFY(d.validationError().contains(u"URL"));
        url->setText(QStringLiteral("ftp://example.com/x"));
        QVERIFY(d.validationError().contains(u"https://"));
        url->setText(QStringLiteral("https://hooks.slack.com/services/T/B/C"));
        QCOMPARE(d.validationError(), QString());
        type->setCurrentIndex(type->findData(QStringLiteral("pagerduty")));
        QCOMPARE(url->text(), QStringLiteral("https://hooks.slack.com/services/T/B/C")); // kept
        QVERIFY(d.validationError().contains(u"routing key"));
        type->setCurrentIndex(type->findData(QStringLiteral("email")));
        QVERIFY(d.validationError().contains(u"SMTP"));
        child<QLineEdit>(&d, "smtpHostLineEdit")->setText(QStringLiteral("mail.example.com"));
        child<QLineEdit>(&d, "fromLineEdit")->setText(QStringLiteral("clevagent@example.com"));
        child<QLineEdit>(&d, "toLineEdit")->setText(QStringLiteral("oncall@example.com, nobody"));
        QVERIFY(d.validationError().contains(u"'nobody' is not an e-mail address"));
        child<QLineEdit>(&d, "toLineEdit")->setText(QStringLiteral("oncall@example.com"));
        child<QLineEdit>(&d, "userLineEdit")->setText(QStringLiteral("bot"));
        QVERIFY(d.validationError().contains(u"password"));
        child<QLineEdit>(&d, "passwordLineEdit")->setText(QStringLiteral("pw"));
        QCOMPARE(d.validationError(), QString());
        for (const char *box : {"deadCheckBox", "crashCheckBox", "errorCheckBox", "loopCheckBox", "budgetCheckBox",
                                "restartFailedCheckBox"})
            child<QCheckBox>(&d, box)->setChecked(false);
        QVERIFY(d.validationError().contains(u"at least one kind"));
    }

    // A webhook channel: "Send test" reaches the receiver (or shows its exact error); saving puts the URL
    // and the signing secret in the keychain and nowhere else; a dead agent's alert then goes out.
    void webhookChannel_testSaveAndDeliver_secretsOnlyInKeychain()
    {
        App a;
        QVERIFY(a.start());
        clev::test::RecordingReceiver receiver;
        QVERIFY(receiver.start());
        const QString token = QUuid::createUuid().toString(QUuid::Id128);
        const QString signing = QStringLiteral("sign-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString hookUrl = receiver.url(QStringLiteral("/hooks/") + token);

        ChannelsDialog list(&a.app->channels(), &a.app->monitor());
        QVERIFY(list.status().contains(u"No channels yet"));
        QPointer<ChannelEditDialog> edit;
        onNextDialog([&edit](QWidget *w) { edit = qobject_cast<ChannelEditDialog *>(w); });
        child<QPushButton>(&list, "addButton")->click();
        QTRY_VERIFY(edit);
        child<QLineEdit>(edit, "nameLineEdit")->setText(QStringLiteral("team-hook"));
        auto *type = child<QComboBox>(edit, "typeComboBox");
        type->setCurrentIndex(type->findData(QStringLiteral("webhook")));
        child<QLineEdit>(edit, "urlLineEdit")->setText(hookUrl);
        child<QLineEdit>(edit, "secretLineEdit")->setText(signing);

        receiver.setStatus(500, "internal trouble");
        child<QPushButton>(edit, "testButton")->click();
        QTRY_VERIFY(edit->status().contains(u"The test failed"));
        QVERIFY2(edit->status().contains(u"HTTP 500") && edit->status().contains(u"internal trouble"),
                 qPrintable(edit->status()));
        receiver.setStatus(200);
        child<QPushButton>(edit, "testButton")->click();
        QTRY_VERIFY2(edit->status().startsWith(u"Sent"), qPrintable(edit->status()));
        QCOMPARE(receiver.receivedOn("/hooks/" + token.toLatin1()).size(), 2);
        QVERIFY(receiver.received().last().header("x-clevagent-signature").startsWith("sha256="));

        child<QDialogButtonBox>(edit, "buttonBox")->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!edit || !edit->isVisible());
        QTRY_COMPARE(a.app->channels().activeCount(), 1);
        QCOMPARE(a.app->channels().definitions().size(), 1);
        const CredentialStore::Result stored = readSecret(a.app->credentials(), QStringLiteral("channel/team-hook"));
        QVERIFY2(stored.ok, qPrintable(stored.error));
        QVERIFY(stored.value.contains(token) && stored.value.contains(signing));

        // An agent dies: the saved channel delivers the alert.
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(a.port()));
        const QByteArray key = a.app->monitor().firstRunKey();
        QCOMPARE(
            c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"short-lived\",\"interval\":1}", {{"X-API-Key", key}})
                .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.receivedOn("/hooks/" + token.toLatin1()).size() >= 3, 10'000);
        QCOMPARE(receiver.received().last().json().value(QStringLiteral("agent")).toString(),
                 QStringLiteral("short-lived"));

        // An e-mail channel with a password, and a new API key: every kind of secret saved once.
        ChannelEditDialog mail(&a.app->channels(), &a.app->monitor(), {QStringLiteral("team-hook")});
        const QString password = QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::Id128);
        child<QLineEdit>(&mail, "nameLineEdit")->setText(QStringLiteral("mail"));
        child<QComboBox>(&mail, "typeComboBox")
            ->setCurrentIndex(child<QComboBox>(&mail, "typeComboBox")->findData(QStringLiteral("email")));
        child<QLineEdit>(&mail, "smtpHostLineEdit")->setText(QStringLiteral("127.0.0.1"));
        child<QLineEdit>(&mail, "userLineEdit")->setText(QStringLiteral("bot"));
        child<QLineEdit>(&mail, "passwordLineEdit")->setText(password);
        child<QLineEdit>(&mail, "fromLineEdit")->setText(QStringLiteral("bot@example.com"));
        child<QLineEdit>(&mail, "toLineEdit")->setText(QStringLiteral("oncall@example.com"));
        mail.show();
        mail.accept();
        QTRY_COMPARE(a.app->channels().definitions().size(), 2);
        ApiKeysDialog keys(&a.app->monitor(), &a.app->credentials());
        child<QLineEdit>(&keys, "nameLineEdit")->setText(QStringLiteral("ci"));
        QSignalSpy stored2(&keys, &ApiKeysDialog::keyStored);
        child<QPushButton>(&keys, "createButton")->click();
        QTRY_VERIFY(!keys.createdKey().isEmpty());
        QTRY_COMPARE(stored2.size(), 1);

        // Nothing secret in the settings file or the database (with its WAL): only in the keychain.
        a.app->monitor().server().watchdog().flush();
        QSettings().sync();
        const QByteArray onDisk =
            everything(a.dir.path()) + everything(QFileInfo(QSettings().fileName()).absolutePath());
        QVERIFY(
            QSettings().fileName().startsWith(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)));
        QVERIFY(!onDisk.isEmpty());
        for (const QString &secret : {token, signing, password, keys.createdKey(), QString::fromLatin1(key)})
            QVERIFY2(!onDisk.contains(secret.toUtf8()), qPrintable(QStringLiteral("found on disk: ") + secret.left(6)));
        QVERIFY(onDisk.contains("channel/team-hook")); // the reference is there

        // Removing the channel removes its secrets from the keychain too.
        list.show();
        QCoreApplication::processEvents();
        auto *channels = child<QListWidget>(&list, "channelsListWidget");
        QTRY_COMPARE(channels->count(), 2);
        for (int r = 0; r < channels->count(); ++r) {
            if (channels->item(r)->data(Qt::UserRole).toString() == u"mail")
                channels->setCurrentRow(r);
        }
        onNextDialog(
            [](QWidget *box) { box->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Yes)->click(); });
        child<QPushButton>(&list, "removeButton")->click();
        QTRY_COMPARE(a.app->channels().definitions().size(), 1);
        QVERIFY(readSecret(a.app->credentials(), QStringLiteral("channel/mail")).notFound);
    }

    // API keys: created (shown once, copy kept in the keychain), listed, revoked (then refused with 401).
    // "Connect an agent" offers it, and its curl snippet, run as it is by a shell, makes the agent appear.
    void apiKeys_andConnectSnippetThatWorks()
    {
        App a;
        QVERIFY(a.start());
        ApiKeysDialog keys(&a.app->monitor(), &a.app->credentials());
        QTRY_COMPARE(keys.keys().size(), 1); // the first-run key
        child<QLineEdit>(&keys, "nameLineEdit")->setText(QString());
        child<QPushButton>(&keys, "createButton")->click();
        QVERIFY(keys.status().contains(u"name"));
        child<QLineEdit>(&keys, "nameLineEdit")->setText(QStringLiteral("laptop agents"));
        QSignalSpy stored(&keys, &ApiKeysDialog::keyStored);
        child<QPushButton>(&keys, "createButton")->click();
        QTRY_VERIFY(!keys.createdKey().isEmpty());
        const QString created = keys.createdKey();
        QTRY_COMPARE(keys.keys().size(), 2);
        QTRY_COMPARE(stored.size(), 1);
        const QByteArray prefix = stored.first().first().toByteArray();
        QCOMPARE(readSecret(a.app->credentials(), QStringLiteral("apikey/") + QString::fromLatin1(prefix)).value,
                 created);

        ConnectAgentDialog connect(&a.app->monitor(), &a.app->credentials());
        auto *picker = child<QComboBox>(&connect, "keyComboBox");
        QTRY_COMPARE(picker->count(), 2);
        picker->setCurrentIndex(picker->findData(prefix));
        child<QLineEdit>(&connect, "agentLineEdit")->setText(QStringLiteral("from-snippet"));
        QTRY_VERIFY(connect.curlSnippet().contains(created));
        QVERIFY(connect.environmentSnippet().contains(created));
        QVERIFY(connect.pythonSnippet().contains(a.app->monitor().endpoint()));
        QProcess shell;
        shell.start(QStringLiteral("bash"),
                    {QStringLiteral("-c"),
                     connect.curlSnippet().trimmed() + QStringLiteral(" -s -o /dev/null -w '%{http_code}'")});
        QVERIFY(shell.waitForFinished(15'000));
        QCOMPARE(shell.readAllStandardOutput().trimmed(), QByteArray("200"));
        QTRY_VERIFY(a.app->window().model().rowCount() == 1);

        // Revoke: listed as revoked, refused from now on.
        auto *table = child<QTableWidget>(&keys, "keysTableWidget");
        int row = -1;
        for (int r = 0; r < keys.keys().size(); ++r) {
            if (keys.keys().at(r).prefix == prefix)
                row = r;
        }
        QVERIFY(row >= 0);
        table->setCurrentCell(row, 0);
        onNextDialog(
            [](QWidget *box) { box->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Yes)->click(); });
        child<QPushButton>(&keys, "revokeButton")->click();
        QTRY_VERIFY(keys.keys().size() == 2 && keys.keys().at(row).revoked());
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(a.port()));
        QTRY_COMPARE_WITH_TIMEOUT(
            c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"x\"}", {{"X-API-Key", created.toLatin1()}}).status,
            401, 8000);
        QTRY_VERIFY(readSecret(a.app->credentials(), QStringLiteral("apikey/") + QString::fromLatin1(prefix)).notFound);
    }

    // Settings: checked with clear messages; a new port is listened on at once; listening beyond this
    // computer asks first; start at login writes the autostart entry.
    void settings_validateAndRebindLive()
    {
        App a;
        QVERIFY(a.start());
        const quint16 before = a.port();
        QSettings qs;
        SettingsDialog d(DesktopSettings::load(qs));
        child<QSpinBox>(&d, "portSpinBox")->setValue(9475);
        auto *address = child<QComboBox>(&d, "addressComboBox");
        address->setEditText(QStringLiteral("my laptop"));
        QVERIFY(d.validationError().contains(u"not an IP address"));
        address->setCurrentIndex(address->findData(QStringLiteral("0.0.0.0")));
        QCOMPARE(d.validationError(), QString());
        QStringList asked;
        d.setConfirmExposure([&asked](const QString &exposed) {
            asked << exposed;
            return false; // "Cancel": nothing changes
        });
        d.show();
        d.accept();
        QCOMPARE(asked, QStringList{QStringLiteral("0.0.0.0")});
        QVERIFY(d.isVisible());

        address->setCurrentIndex(address->findData(QStringLiteral("127.0.0.1")));
        const quint16 next = clev::test::RecordingReceiver::freePort();
        child<QSpinBox>(&d, "portSpinBox")->setValue(next);
        child<QSpinBox>(&d, "retentionSpinBox")->setValue(7);
        child<QCheckBox>(&d, "startAtLoginCheckBox")->setChecked(true);
        d.accept();
        QVERIFY(!d.isVisible());
        a.app->applySettings(d.settings());
        QTRY_VERIFY(a.app->monitor().isListening());
        QCOMPARE(a.port(), next);
        QCOMPARE(a.app->monitor().config().writer.rawRetentionDays, 7);
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(next));
        QCOMPARE(c.request("GET", "/healthz", {}, {}).status, 200);
        clev::test::HttpTestClient old;
        QVERIFY(!old.connectTo(before));
        QFile autostart(DesktopSettings::autostartPath());
        QVERIFY(autostart.open(QIODevice::ReadOnly));
        QVERIFY(autostart.readAll().contains("Exec="));
        QCOMPARE(DesktopSettings::load(qs).port, int(next));
    }

    // Help → About names the version, the license, the Qt version and the data folder; the Help menu
    // also has the documentation and About Qt.
    void helpMenu_aboutNamesVersionLicenseQtAndDataFolder()
    {
        App a;
        QVERIFY(a.start());
        auto *help = a.app->window().findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        QStringList titles;
        for (QAction *action : help->actions())
            if (!action->isSeparator())
                titles << action->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&Documentation"), QStringLiteral("&Keyboard shortcuts"),
                                      QStringLiteral("&About ClevAgent"), QStringLiteral("About &Qt")}));
        // From a build folder there is no installed documentation: the web site instead.
        QCOMPARE(AboutDialog::documentationUrl().scheme(), QStringLiteral("https"));

        QString details, title;
        onNextDialog([&](QWidget *w) {
            title = w->findChild<QLabel *>(QStringLiteral("aboutTitle"))->text();
            details = w->findChild<QLabel *>(QStringLiteral("aboutDetails"))->text();
            w->close();
        });
        help->actions().at(3)->trigger(); // About ClevAgent
        QVERIFY2(title.contains(QStringLiteral(CLEV_VERSION)), qPrintable(title));
        QVERIFY2(details.contains(u">MIT<"), qPrintable(details));
        QVERIFY2(details.contains(QString::fromLatin1(qVersion())), qPrintable(details));
        QVERIFY2(details.contains(a.dir.path().toHtmlEscaped()), qPrintable(details));
        QCOMPARE(a.app->dataFolder(), QFileInfo(a.dir.file(QStringLiteral("desk.db"))).absolutePath());
    }

    // Help → Keyboard shortcuts lists every shortcut of the window and its menus, with what it does; the
    // shortcuts work.
    void helpMenu_keyboardShortcutsListsAndTheyWork()
    {
        App a;
        QVERIFY(a.start());
        MainWindow &window = a.app->window();
        const auto rows = ShortcutsDialog::shortcuts(&window);
        const auto has = [&rows](const QString &text, const QKeySequence &keys) {
            return rows.contains(qMakePair(text, keys.toString(QKeySequence::NativeText)));
        };
        if (!QKeySequence(QKeySequence::Quit).isEmpty()) // the platform's own keys (none offscreen)
            QVERIFY(has(QStringLiteral("Quit"), QKeySequence::Quit));
        QVERIFY(has(QStringLiteral("Documentation"), QKeySequence::HelpContents));
        QVERIFY(has(QStringLiteral("Find an agent"), QKeySequence::Find));
        QVERIFY(has(QStringLiteral("Show the costs"), QKeySequence(Qt::CTRL | Qt::Key_3)));
        QStringList shown;
        onNextDialog([&](QWidget *w) {
            auto *table = w->findChild<QTableWidget *>(QStringLiteral("shortcutsTableWidget"));
            for (int r = 0; table && r < table->rowCount(); ++r)
                shown << table->item(r, 0)->text() + u'=' + table->item(r, 1)->text();
            w->close();
        });
        auto *help = window.findChild<QMenu *>(QStringLiteral("helpMenu"));
        help->actions().at(1)->trigger();
        QCOMPARE(shown.size(), rows.size());
        QVERIFY2(shown.contains(QStringLiteral("Show the alerts=") +
                                QKeySequence(Qt::CTRL | Qt::Key_2).toString(QKeySequence::NativeText)),
                 qPrintable(shown.join(u',')));
        window.findChild<QAction *>(QStringLiteral("showCostsAction"))->trigger();
        QCOMPARE(child<QTabWidget>(&window, "mainTabWidget")->currentWidget(), static_cast<QWidget *>(&window.costs()));
    }

    // Every interactive control of the main window has a name a screen reader can say: its accessible
    // name as Qt computes it (set, or from its text or label), else its tooltip.
    void accessibility_everyControlHasAName()
    {
        App a;
        QVERIFY(a.start());
        MainWindow &window = a.app->window();
        window.show();
        QStringList nameless;
        int checked = 0;
        const auto isInternal = [](const QObject *o) {
            for (; o; o = o->parent())
                if (o->objectName().startsWith(u"qt_") || o->objectName().startsWith(u"_q_"))
                    return true;
            return false;
        };
        const auto widgets = window.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                                     qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w) ||
                                     qobject_cast<QPlainTextEdit *>(w) ||
                                     (qobject_cast<QAbstractItemView *>(w) && !qobject_cast<QHeaderView *>(w)) ||
                                     qobject_cast<QGraphicsView *>(w);
            if (!interactive || isInternal(w) || w->window() != &window)
                continue;
            // Qt's own parts: a line edit's clear button, a table's corner button, a combo box's line edit.
            if (auto *b = qobject_cast<QToolButton *>(w); b && b->defaultAction() && isInternal(b->defaultAction()))
                continue;
            if (qobject_cast<QAbstractButton *>(w) && qobject_cast<QAbstractItemView *>(w->parentWidget()))
                continue;
            if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget()))
                continue;
            if (qobject_cast<QToolButton *>(w) && qobject_cast<QTabBar *>(w->parentWidget()))
                continue; // the tab bar's scroll arrows, named by Qt
            ++checked;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            const QString name = iface ? iface->text(QAccessible::Name) : QString();
            if (name.trimmed().isEmpty() && w->toolTip().trimmed().isEmpty())
                nameless << QStringLiteral("%1 (%2)").arg(w->objectName(),
                                                          QString::fromLatin1(w->metaObject()->className()));
        }
        for (QTabWidget *tabs : window.findChildren<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i, ++checked)
                if (tabs->tabText(i).isEmpty())
                    nameless << QStringLiteral("%1 tab %2").arg(tabs->objectName()).arg(i);
        }
        // The window's actions (shortcuts) and every menu's (there are no toolbars).
        QList<QAction *> actions = window.actions();
        for (QMenu *menu : window.findChildren<QMenu *>())
            actions += menu->actions();
        for (QAction *action : std::as_const(actions)) {
            if (action->isSeparator() || isInternal(action) || !action->isVisible())
                continue;
            ++checked;
            if (action->text().isEmpty() && action->toolTip().isEmpty())
                nameless << QStringLiteral("action %1").arg(action->objectName());
        }
        QVERIFY2(checked > 30, qPrintable(QString::number(checked)));
        QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QStringLiteral(", "))));
    }

    // Start at login writes the installed desktop entry (name, icon, translations) to the autostart
    // folder; it runs the installed program when that is the one running, else the running build.
    void startAtLogin_followsTheInstalledEntry()
    {
        clev::test::TestDir data, bin;
        const QByteArray oldDataDirs = qgetenv("XDG_DATA_DIRS"), oldPath = qgetenv("PATH");
        const auto restore = qScopeGuard([&] {
            qputenv("XDG_DATA_DIRS", oldDataDirs);
            qputenv("PATH", oldPath);
        });
        qputenv("XDG_DATA_DIRS", data.path().toUtf8());
        qputenv("PATH", bin.path().toUtf8());
        QVERIFY(DesktopSettings::installedDesktopEntry().isEmpty());
        DesktopSettings s;
        s.startAtLogin = true;
        QString error;
        QVERIFY2(s.applyStartAtLogin(&error), qPrintable(error));
        const auto autostart = [] {
            QFile f(DesktopSettings::autostartPath());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
        };
        const QByteArray self = "Exec=\"" + QCoreApplication::applicationFilePath().toUtf8() + "\"\n";
        QVERIFY2(autostart().contains(self), autostart().constData()); // not installed: this build runs

        QVERIFY(QDir(data.path()).mkpath(QStringLiteral("applications")));
        QFile entry(data.path() + QStringLiteral("/applications/io.clevagent.Desktop.desktop"));
        QVERIFY(entry.open(QIODevice::WriteOnly));
        entry.write("[Desktop Entry]\nType=Application\nName=ClevAgent\nName[de]=ClevAgent-Monitor\n"
                    "Exec=clevagent-desktop\nIcon=io.clevagent.Desktop\n\n");
        entry.close();
        QCOMPARE(DesktopSettings::installedDesktopEntry(), entry.fileName());
        // An entry of an older version, under the old name, goes.
        QFile older(QFileInfo(DesktopSettings::autostartPath())
                        .absoluteDir()
                        .filePath(QStringLiteral("clevagent-desktop.desktop")));
        QVERIFY(older.open(QIODevice::WriteOnly));
        older.close();
        QVERIFY(s.applyStartAtLogin(&error));
        QVERIFY(!older.exists());
        QByteArray text = autostart();
        QVERIFY2(text.contains("Name[de]=ClevAgent-Monitor\n") && text.contains("Icon=io.clevagent.Desktop\n"),
                 text.constData());
        QVERIFY2(text.contains(self), text.constData()); // the installed one is not what runs here
        QCOMPARE(text.count("X-GNOME-Autostart-enabled=true"), 1);
        QVERIFY(text.endsWith("\nX-GNOME-Autostart-enabled=true\n"));

        // When this program is the clevagent-desktop on PATH, the entry's own Exec stays.
        QVERIFY(
            QFile::link(QCoreApplication::applicationFilePath(), bin.path() + QStringLiteral("/clevagent-desktop")));
        QVERIFY(s.applyStartAtLogin(&error));
        text = autostart();
        QVERIFY2(text.contains("\nExec=clevagent-desktop\n") && !text.contains(self), text.constData());

        s.startAtLogin = false;
        QVERIFY(s.applyStartAtLogin(&error));
        QVERIFY(!QFile::exists(DesktopSettings::autostartPath()));
    }
};

QTEST_MAIN(TestDesktopDialogs)
#include "TestDesktopDialogs.moc"
