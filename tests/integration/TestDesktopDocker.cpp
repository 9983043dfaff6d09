// SPDX-License-Identifier: MIT
// The desktop app against a real Docker engine: a private dockerd with an SDK agent in a container
// (tests/docker/serve.py, the engine the scenario tests use). The agent's beats name its container;
// the Restart button restarts it through the Engine API, and the restart history in the agent's
// detail shows what happened, also after a kill -9 that the app answers on its own.
#include "gui/DesktopApp.h"
#include "gui/LocalMonitor.h"
#include "gui/MainWindow.h"
#include "support/DesktopFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace clev;
using clev::test::child;

class TestDesktopDocker : public QObject
{
    Q_OBJECT

    QProcess m_engine;

    // One command to tests/docker/serve.py, one JSON answer.
    QJsonObject ask(const QByteArray &command, int timeoutMs = 60'000)
    {
        if (!command.isEmpty())
            m_engine.write(command + '\n');
        QElapsedTimer t;
        t.start();
        while (!m_engine.canReadLine() && t.elapsed() < timeoutMs)
            m_engine.waitForReadyRead(200);
        if (!m_engine.canReadLine())
            return {{QStringLiteral("error"),
                     QStringLiteral("no answer to '%1': %2")
                         .arg(QString::fromUtf8(command), QString::fromUtf8(m_engine.readAllStandardError()))}};
        return QJsonDocument::fromJson(m_engine.readLine()).object();
    }

    QString startedAt(const QString &container)
    {
        return ask("inspect " + container.toUtf8())
            .value(QStringLiteral("State"))
            .toObject()
            .value(QStringLiteral("StartedAt"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_engine.setProcessChannelMode(QProcess::SeparateChannels);
        m_engine.start(QStringLiteral(CLEV_PYTHON), {QStringLiteral(CLEV_SOURCE_DIR "/tests/docker/serve.py")});
        QVERIFY2(m_engine.waitForStarted(), qPrintable(m_engine.errorString()));
        const QJsonObject ready = ask(QByteArray(), 120'000);
        QVERIFY2(!ready.contains(QStringLiteral("error")), qPrintable(ready.value(QStringLiteral("error")).toString()));
        // The engine the app's restarts go to, as a user's DOCKER_HOST says.
        qputenv("DOCKER_HOST", ready.value(QStringLiteral("host")).toString().toUtf8());
    }

    void cleanupTestCase()
    {
        m_engine.closeWriteChannel(); // serve.py stops the engine and removes what it made
        QVERIFY(m_engine.waitForFinished(60'000));
    }

    void restartButton_andHistory_withARealContainer()
    {
        clev::test::DesktopFixture a;
        QVERIFY(a.start());
        const QByteArray key = a.app->monitor().firstRunKey();
        QVERIFY(!key.isEmpty());
        const QJsonObject env{
            {QStringLiteral("AGENT"), QStringLiteral("boxed")},
            {QStringLiteral("CLEVAGENT_API_KEY"), QString::fromUtf8(key)},
            {QStringLiteral("CLEVAGENT_ENDPOINT"), QStringLiteral("http://127.0.0.1:%1").arg(a.port())},
            {QStringLiteral("INTERVAL"), QStringLiteral("2")}};
        const QJsonObject run = ask("run " + QJsonDocument(env).toJson(QJsonDocument::Compact));
        QVERIFY2(run.contains(QStringLiteral("id")), qPrintable(run.value(QStringLiteral("error")).toString()));
        const QString container = run.value(QStringLiteral("id")).toString();

        MainWindow &window = a.app->window();
        QTRY_VERIFY_WITH_TIMEOUT(window.selectAgent(QStringLiteral("boxed")), 20'000);
        auto *restart = child<QPushButton>(&window, "restartButton");
        auto *history = child<QTableWidget>(&window, "restartsTableWidget");
        QTRY_VERIFY(restart->isEnabled());
        QCOMPARE(history->rowCount(), 0);

        // kill -9 of its main process: the app finds it dead and restarts it on its own.
        const QString first = startedAt(container);
        QVERIFY(!first.isEmpty());
        QVERIFY(ask("kill " + container.toUtf8()).contains(QStringLiteral("pid")));
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() == 1, 30'000);
        QCOMPARE(history->item(0, 1)->text(), QStringLiteral("docker:auto"));
        QVERIFY2(history->item(0, 2)->text().startsWith(u"died:"), qPrintable(history->item(0, 2)->text()));
        QVERIFY2(history->item(0, 3)->text().contains(u"exit 137"), qPrintable(history->item(0, 3)->text()));
        QTRY_VERIFY_WITH_TIMEOUT(startedAt(container) != first, 10'000);

        // The button (within the new run's start-up grace, when the app would not restart it on its
        // own yet): restarted at once through the Engine API, and the history says so.
        const QString second = startedAt(container);
        restart->click();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() == 2, 30'000);
        QCOMPARE(history->item(0, 2)->text(), QStringLiteral("asked by a person"));
        QVERIFY2(history->item(0, 3)->text().startsWith(u"restarted"), qPrintable(history->item(0, 3)->text()));
        QTRY_VERIFY_WITH_TIMEOUT(startedAt(container) != second, 10'000);
    }
};

QTEST_MAIN(TestDesktopDocker)
#include "TestDesktopDocker.moc"
