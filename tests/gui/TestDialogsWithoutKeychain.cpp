// SPDX-License-Identifier: MIT
// The desktop app where no keychain can be reached (CTest runs this suite with a D-Bus address that
// leads nowhere): the dialogs that hold secrets say so in words, save nothing, lose nothing typed, and
// write no secret anywhere else; the rest of the app keeps working.
#include "gui/ChannelDialogs.h"
#include "gui/ChannelStore.h"
#include "gui/KeyDialogs.h"
#include "gui/MainWindow.h"
#include "support/DesktopFixture.h"
#include "support/HttpTestClient.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace clev;
using clev::test::child;

class TestDialogsWithoutKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"nonexistent"),
                 "CTest runs this suite with DBUS_SESSION_BUS_ADDRESS pointing nowhere");
    }

    void secretsDialogs_sayWhy_keepInput_andWriteNothing()
    {
        clev::test::DesktopFixture a;
        QVERIFY(a.start());

        // A channel: Save fails with the keychain's words; the dialog stays open with everything typed.
        const QString token = QUuid::createUuid().toString(QUuid::Id128);
        const QString url = QStringLiteral("https://hooks.slack.com/services/T0/B0/") + token;
        ChannelEditDialog edit(&a.app->channels(), &a.app->monitor(), {});
        child<QLineEdit>(&edit, "nameLineEdit")->setText(QStringLiteral("ops"));
        auto *type = child<QComboBox>(&edit, "typeComboBox");
        type->setCurrentIndex(type->findData(QStringLiteral("slack")));
        child<QLineEdit>(&edit, "urlLineEdit")->setText(url);
        edit.show();
        child<QDialogButtonBox>(&edit, "buttonBox")->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY_WITH_TIMEOUT(edit.status().contains(u"keychain"), 10'000);
        QVERIFY2(edit.status().contains(u"Secret Service") || edit.status().contains(u"not usable"),
                 qPrintable(edit.status()));
        QVERIFY(edit.isVisible());
        QVERIFY(child<QDialogButtonBox>(&edit, "buttonBox")->isEnabled()); // the user can try again
        QCOMPARE(child<QLineEdit>(&edit, "urlLineEdit")->text(), url);
        QCOMPARE(a.app->channels().definitions().size(), 0);

        // An API key: created and shown once, with the words that no copy could be kept.
        ApiKeysDialog keys(&a.app->monitor(), &a.app->credentials());
        child<QLineEdit>(&keys, "nameLineEdit")->setText(QStringLiteral("ci"));
        child<QPushButton>(&keys, "createButton")->click();
        QTRY_VERIFY(!keys.createdKey().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(keys.status().contains(u"no copy could be kept in the keychain"), 10'000);

        // The rest works: the listener takes beats with the new key.
        clev::test::HttpTestClient c;
        QVERIFY(c.connectTo(a.port()));
        QCOMPARE(c.request("POST", "/api/v1/heartbeat", "{\"agent\":\"still-watched\"}",
                           {{"X-API-Key", keys.createdKey().toLatin1()}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(a.app->window().model().rowCount(), 1, 10'000);

        // Nothing secret went to disk instead.
        a.app->monitor().server().watchdog().flush();
        QSettings().sync();
        const QByteArray onDisk = clev::test::everything(a.dir.path()) +
                                  clev::test::everything(QFileInfo(QSettings().fileName()).absolutePath());
        QVERIFY(!onDisk.isEmpty());
        QVERIFY(!onDisk.contains(token.toUtf8()));
        QVERIFY(!onDisk.contains(keys.createdKey().toUtf8()));
    }
};

QTEST_MAIN(TestDialogsWithoutKeychain)
#include "TestDialogsWithoutKeychain.moc"
