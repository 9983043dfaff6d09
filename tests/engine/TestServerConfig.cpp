// SPDX-License-Identifier: MIT
#include "engine/ServerConfigFile.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QTest>

using namespace clev;

namespace {
QByteArray fakeEnv(const char *name)
{
    if (qstrcmp(name, "SLACK_URL") == 0)
        return "https://hooks.slack.com/services/T0/B0/abc\n";
    if (qstrcmp(name, "PD_KEY") == 0)
        return "R0UTINGKEY";
    return {};
}

QString parseError(const QByteArray &json)
{
    ServerConfig c;
    QString error;
    if (ServerConfigFile::parse(json, &c, &error, fakeEnv))
        return QString();
    return error;
}
} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullConfig_isRead()
    {
        clev::test::TestDir dir;
        const QString secretFile = dir.file(QStringLiteral("hook.secret"));
        QFile f(secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("sign-me\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const QByteArray json =
            QByteArray(
                "{"
                "\"listen\": \"[::1]:9500\", \"time_zone\": \"Asia/Tokyo\", \"strict\": true, "
                "\"rate_limit_per_minute\": 600,"
                "\"retention\": {\"raw_days\": 7, \"rollup_days\": 90},"
                "\"watchdog\": {\"interval\": 30, \"grace\": 45, \"daily_budget_usd\": 20, \"loop\": "
                "{\"tool_repeat_loop\": 8, \"iteration_cap\": 500, \"spike_factor\": 5}},"
                "\"agents\": {\"crawler\": {\"interval\": 300, \"daily_budget_usd\": 2.5},"
                " \"web\": {\"restart\": \"docker:web-1\", \"restart_guard\": {\"max_restarts\": 5, "
                "\"window_minutes\": 30, \"backoff_seconds\": 2}},"
                " \"worker\": {\"restart\": \"process\", \"command\": \"python3 worker.py --fast\", "
                "\"working_directory\": \"/srv\","
                "  \"environment\": {\"MODE\": \"prod\"}}},"
                "\"docker_host\": \"unix:///run/user/1000/docker.sock\","
                "\"systemctl\": \"/usr/bin/systemctl\", \"journalctl\": \"/usr/local/bin/journalctl\","
                "\"alerts\": {\"repeat_minutes\": 30},"
                "\"projects\": {\"research\": {\"agents\": [\"research-*\", \"crawler\"], \"daily_budget_usd\": 50}},"
                "\"channels\": ["
                " {\"name\": \"team\", \"type\": \"slack\", \"url\": \"env:SLACK_URL\", \"kinds\": [\"dead\", "
                "\"crash\"]},"
                " {\"name\": \"ops\", \"type\": \"webhook\", \"url\": \"https://ops.example.com/hook\", \"secret\": "
                "\"file:") +
            secretFile.toUtf8() +
            "\"},"
            " {\"name\": \"pager\", \"type\": \"pagerduty\", \"routing_key\": \"env:PD_KEY\"},"
            " {\"name\": \"mail\", \"type\": \"email\", \"smtp_url\": \"smtp://mail.example.com:587\", \"from\": "
            "\"a@example.com\", \"to\": [\"b@example.com\"]}"
            "]}";
        ServerConfig c;
        QString error;
        QVERIFY2(ServerConfigFile::parse(json, &c, &error, fakeEnv), qPrintable(error));
        QCOMPARE(c.http.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(c.http.port, quint16(9500));
        QCOMPARE(c.timeZone.id(), QByteArray("Asia/Tokyo"));
        QVERIFY(c.writer.strict);
        QCOMPARE(c.api.defaultRateLimitPerMin, 600);
        QCOMPARE(c.writer.rawRetentionDays, 7);
        QCOMPARE(*c.watchdog.defaults.intervalSecs, 30.0);
        QCOMPARE(*c.watchdog.defaults.graceSecs, 45.0);
        QCOMPARE(c.watchdog.loop.toolLoop, 8);
        QCOMPARE(c.watchdog.loop.iterationCap, 500);
        QCOMPARE(c.watchdog.loop.spikeFactor, 5.0);
        QCOMPARE(*c.watchdog.agents.value(QStringLiteral("crawler")).intervalSecs, 300.0);
        QCOMPARE(c.alerts.repeatMinutes, 30);
        QCOMPARE(c.restarts.size(), 2);
        QCOMPARE(c.restarts.value(QStringLiteral("web")).target.toString(), QStringLiteral("docker:web-1"));
        QCOMPARE(c.restarts.value(QStringLiteral("web")).guard.maxRestarts, 5);
        QCOMPARE(c.restarts.value(QStringLiteral("web")).guard.windowMs, 30 * 60'000);
        QCOMPARE(c.restarts.value(QStringLiteral("web")).guard.firstBackoffMs, 2000);
        QCOMPARE(c.restarts.value(QStringLiteral("worker")).process.command,
                 QStringLiteral("python3 worker.py --fast"));
        QCOMPARE(c.restarts.value(QStringLiteral("worker")).process.environment,
                 QStringList{QStringLiteral("MODE=prod")});
        QCOMPARE(c.restartOptions.dockerHost, QStringLiteral("unix:///run/user/1000/docker.sock"));
        // "systemctl" still loads (older files have it) but is not used: systemd is reached over D-Bus.
        QCOMPARE(c.restartOptions.journalctl, QStringLiteral("/usr/local/bin/journalctl"));
        QVERIFY(c.restartOptions.systemBusAddress.isEmpty());
        QVERIFY(c.restartOptions.userBusAddress.isEmpty());
        QCOMPARE(c.watchdog.projects.size(), 1);
        QCOMPARE(c.watchdog.projects.first().agents,
                 (QStringList{QStringLiteral("research-*"), QStringLiteral("crawler")}));
        QCOMPARE(c.watchdog.projects.first().dailyBudgetUsd, 50.0);
        QCOMPARE(c.channels.size(), 4);
        QCOMPARE(c.channels.at(0).url, QStringLiteral("https://hooks.slack.com/services/T0/B0/abc")); // trimmed
        QCOMPARE(c.channels.at(0).kinds, (QList<IncidentKind>{IncidentKind::Dead, IncidentKind::Crash}));
        QCOMPARE(c.channels.at(1).secret, QStringLiteral("sign-me"));
        QCOMPARE(c.channels.at(2).secret, QStringLiteral("R0UTINGKEY"));
        QCOMPARE(c.channels.at(2).url, QStringLiteral("https://events.pagerduty.com/v2/enqueue"));
        QCOMPARE(c.channels.at(3).tls, QStringLiteral("starttls"));

        // The same secret file readable by others is refused.
        QVERIFY(QFile::setPermissions(secretFile,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        ServerConfig again;
        QVERIFY(!ServerConfigFile::parse(json, &again, &error, fakeEnv));
        QVERIFY2(error.contains(u"others can read"), qPrintable(error));
    }

    // The configuration the clevagent-server package installs as /etc/clevagent/config.json: it must
    // load, and keep the server on loopback with no secrets.
    void packagedConfig_isValidAndSafe()
    {
        ServerConfig c;
        QString error;
        QVERIFY2(ServerConfigFile::load(QStringLiteral(CLEV_SOURCE_DIR "/packaging/linux/config.json"), &c, &error),
                 qPrintable(error));
        QVERIFY(c.http.address.isLoopback());
        QCOMPARE(c.http.port, quint16(9475));
        QVERIFY(c.channels.isEmpty());
        QVERIFY(!c.writer.strict);
    }

    void mistakes_areNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("invalid JSON");
        QTest::newRow("unknown key") << QByteArray("{\"watchdog\": {\"intervall\": 5}}")
                                     << QStringLiteral("watchdog.intervall is not a known setting");
        QTest::newRow("bad listen") << QByteArray("{\"listen\": \"example.com:80\"}")
                                    << QStringLiteral("listen must be HOST:PORT with an IP address");
        QTest::newRow("wrong type") << QByteArray("{\"strict\": \"yes\"}")
                                    << QStringLiteral("strict must be true or false");
        QTest::newRow("out of range") << QByteArray("{\"watchdog\": {\"interval\": 0}}")
                                      << QStringLiteral("watchdog.interval must be a number from 1");
        QTest::newRow("bad zone") << QByteArray("{\"time_zone\": \"Mars/Base\"}")
                                  << QStringLiteral("time_zone is not a known time zone");
        QTest::newRow("literal secret")
            << QByteArray(
                   "{\"channels\": [{\"name\": \"t\", \"type\": \"slack\", \"url\": \"https://hooks.slack.com/x\"}]}")
            << QStringLiteral("channels.t.url must not hold the Slack webhook URL itself");
        QTest::newRow("unset variable")
            << QByteArray("{\"channels\": [{\"name\": \"p\", \"type\": \"pagerduty\", \"routing_key\": \"env:NOPE\"}]}")
            << QStringLiteral("names the environment variable NOPE, which is not set");
        QTest::newRow("missing file")
            << QByteArray(
                   "{\"channels\": [{\"name\": \"d\", \"type\": \"discord\", \"url\": \"file:/nonexistent/x\"}]}")
            << QStringLiteral("which does not exist");
        QTest::newRow("unknown type") << QByteArray("{\"channels\": [{\"name\": \"s\", \"type\": \"sms\"}]}")
                                      << QStringLiteral("unknown type 'sms'");
        QTest::newRow("duplicate")
            << QByteArray("{\"channels\": [{\"name\": \"w\", \"type\": \"webhook\", \"url\": \"https://a\"},"
                          " {\"name\": \"w\", \"type\": \"webhook\", \"url\": \"https://b\"}]}")
            << QStringLiteral("two channels are named 'w'");
        QTest::newRow("bad kind") << QByteArray("{\"channels\": [{\"name\": \"w\", \"type\": \"webhook\", \"url\": "
                                                "\"https://a\", \"kinds\": [\"fire\"]}]}")
                                  << QStringLiteral("unknown alert kind 'fire'");
        QTest::newRow("project without budget")
            << QByteArray("{\"projects\": {\"p\": {\"agents\": [\"a\"]}}}")
            << QStringLiteral("projects.p.agents and daily_budget_usd are both required");
        QTest::newRow("bad restart target") << QByteArray("{\"agents\": {\"a\": {\"restart\": \"k8s:pod\"}}}")
                                            << QStringLiteral("agents.a.restart 'k8s:pod' is not a restart target");
        QTest::newRow("process without command")
            << QByteArray("{\"agents\": {\"a\": {\"restart\": \"process\"}}}")
            << QStringLiteral("agents.a.command is required for a process restart target");
        QTest::newRow("warn above loop") << QByteArray("{\"watchdog\": {\"loop\": {\"tool_repeat_warn\": 9}}}")
                                         << QStringLiteral("tool_repeat_warn must not be above tool_repeat_loop");
    }
    void mistakes_areNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const QString error = parseError(json);
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "TestServerConfig.moc"
