// SPDX-License-Identifier: MIT
// clevagent-server's command line, run as a child process: each command's own options and help, the
// usage errors (exit 2, the reason on stderr), and the invocations the README, the docs, the packaging
// and the scripts use.
#include "support/TestEnv.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using clev::test::TestDir;

namespace {

using Run = clev::test::CommandRun;

Run cli(const QStringList &args, int timeoutMs = 20'000)
{
    return clev::test::runServerCommand(args, timeoutMs);
}

Run cli(const QString &line)
{
    return cli(line.split(u' ', Qt::SkipEmptyParts));
}

const QStringList everyCommand{
    QStringLiteral("serve"),           QStringLiteral("keys create"),   QStringLiteral("keys list"),
    QStringLiteral("keys revoke"),     QStringLiteral("agents add"),    QStringLiteral("agents set"),
    QStringLiteral("tls self-signed"), QStringLiteral("channels list"), QStringLiteral("channels test"),
    QStringLiteral("incidents list"),  QStringLiteral("incidents ack"), QStringLiteral("silences add"),
    QStringLiteral("silences list")};

} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(clev::test::serverBinary()), "CLEV_SERVER_BIN must name the built binary");
    }

    void topLevelHelp_listsEveryCommandOnALine()
    {
        for (const QString &asked : {QStringLiteral("--help"), QStringLiteral("help"), QStringLiteral("-h")}) {
            const Run r = cli({asked});
            QCOMPARE(r.exitCode, 0);
            for (const QString &command : everyCommand) {
                const QRegularExpression line(
                    QStringLiteral("\\n  %1 .*\\S.*\\n").arg(QRegularExpression::escape(command)));
                QVERIFY2(line.match(r.out).hasMatch(), qPrintable(asked + ": no line for " + command + "\n" + r.out));
            }
            // The commands' own options are in their own help, not here.
            QVERIFY2(!r.out.contains(u"--scope") && !r.out.contains(u"--durability") && !r.out.contains(u"--csv"),
                     qPrintable(r.out));
        }
        const Run version = cli(QStringLiteral("--version"));
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral(CLEV_VERSION)));
        QCOMPARE(cli(QStringLiteral("keys list --version")).out, version.out);
    }

    void commandHelp_showsOnlyItsOwnOptions()
    {
        const Run create = cli(QStringLiteral("keys create --help"));
        QCOMPARE(create.exitCode, 0);
        QVERIFY2(create.out.startsWith(u"Usage: clevagent-server keys create [options]"), qPrintable(create.out));
        for (const char *option : {"--scope", "--name", "--rate-limit", "--database"})
            QVERIFY2(create.out.contains(QLatin1String(option)), option);
        for (const char *option : {"--tls-cert", "--listen", "--csv", "--until", "keys create:"})
            QVERIFY2(!create.out.contains(QLatin1String(option)), option);
        QCOMPARE(cli(QStringLiteral("help keys create")).out, create.out);
        QCOMPARE(cli(QStringLiteral("--scope read keys create -h")).out, create.out);

        const Run serve = cli(QStringLiteral("serve --help"));
        QCOMPARE(serve.exitCode, 0);
        for (const char *option :
             {"--listen", "--tls-cert", "--tls-key", "--config", "--durability", "--strict", "--database"})
            QVERIFY2(serve.out.contains(QLatin1String(option)), option);
        for (const char *option : {"--scope", "--csv", "--interval", "--out"})
            QVERIFY2(!serve.out.contains(QLatin1String(option)), option);
        QCOMPARE(cli(QStringLiteral("help serve")).out, serve.out);

        const Run revoke = cli(QStringLiteral("keys revoke --help"));
        QVERIFY2(revoke.out.contains(u"ID|PREFIX") && !revoke.out.contains(u"--scope"), qPrintable(revoke.out));
        const Run incidents = cli(QStringLiteral("incidents list --help"));
        QVERIFY2(incidents.out.contains(u"--csv") && incidents.out.contains(u"--kind") &&
                     !incidents.out.contains(u"--until"),
                 qPrintable(incidents.out));

        // A group's help lists its commands.
        const Run keys = cli(QStringLiteral("keys --help"));
        QCOMPARE(keys.exitCode, 0);
        QVERIFY2(keys.out.contains(u"keys create") && keys.out.contains(u"keys list") &&
                     keys.out.contains(u"keys revoke"),
                 qPrintable(keys.out));
        QVERIFY(!keys.out.contains(u"agents add"));
        QCOMPARE(cli(QStringLiteral("help keys")).out, keys.out);
    }

    void optionOfAnotherCommand_isAUsageError_exit2()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("wrong.db"));
        struct
        {
            QString line;
            QString option;
            QString command;
        } cases[] = {
            {QStringLiteral("keys create --tls-cert c.pem --database %1"), QStringLiteral("--tls-cert"),
             QStringLiteral("`keys create`")},
            {QStringLiteral("serve --scope read --database %1"), QStringLiteral("--scope"), QStringLiteral("`serve`")},
            {QStringLiteral("--database %1 --scope read"), QStringLiteral("--scope"),
             QStringLiteral("`serve`")}, // serve, the default
            {QStringLiteral("keys list --csv --database %1"), QStringLiteral("--csv"), QStringLiteral("`keys list`")},
            {QStringLiteral("incidents --until +2h --database %1"), QStringLiteral("--until"),
             QStringLiteral("`incidents list`")},
            {QStringLiteral("keys list --frobnicate --database %1"), QStringLiteral("unknown option --frobnicate"),
             QStringLiteral("`keys list`")},
            {QStringLiteral("keys list --database"), QStringLiteral("--database"),
             QStringLiteral("`keys list`")}, // its value missing
        };
        for (const auto &c : cases) {
            const Run r = cli(c.line.contains(u"%1") ? c.line.arg(db) : c.line);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.startsWith(u"clevagent-server: ") && r.err.contains(c.option) && r.err.contains(c.command),
                     qPrintable(c.line + ": " + r.err));
            QVERIFY(r.out.isEmpty());
        }
        QVERIFY2(cli(QStringLiteral("keys create --tls-cert x")).err.contains(u"it belongs to `serve`"),
                 "names the command that takes it");
        QVERIFY2(!QFile::exists(db), "refused before it touched the database");
        const Run extra = cli(QStringLiteral("keys list surplus --database %1").arg(db));
        QCOMPARE(extra.exitCode, 2);
        QVERIFY2(extra.err.contains(u"'surplus'"), qPrintable(extra.err));
    }

    void unknownCommand_listsTheValidOnes_exit2()
    {
        Run r = cli(QStringLiteral("launch"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unknown command 'launch'"), qPrintable(r.err));
        for (const char *group : {"serve", "keys", "agents", "tls", "channels", "incidents", "silences", "help"})
            QVERIFY2(r.err.contains(QLatin1String(group)), group);
        r = cli(QStringLiteral("keys frob"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unknown keys command 'frob'") && r.err.contains(u"create, list, revoke"),
                 qPrintable(r.err));
        r = cli(QStringLiteral("keys"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"keys needs a command"), qPrintable(r.err));
        r = cli(QStringLiteral("help launch"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unknown command 'launch'"), qPrintable(r.err));
    }

    // The command lines of README.md, docs/*.md, the man page, the systemd unit and the scripts.
    void documentedInvocations_work()
    {
        TestDir dir;
        const QString db = dir.file(QStringLiteral("docs.db"));
        auto ok = [&](const QString &line) {
            const Run r = cli(line.contains(u"%1") ? line.arg(db) : line);
            if (r.exitCode != 0)
                qWarning().noquote() << line << "->" << r.exitCode << r.err;
            return r;
        };
        Run r = ok(QStringLiteral("keys create --scope ingest --name x --database %1"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.trimmed().startsWith(u"cv_"), qPrintable(r.out));
        QCOMPARE(
            ok(QStringLiteral("keys create --database %1 --scope ingest,read --name laptop --rate-limit 600")).exitCode,
            0);
        r = ok(QStringLiteral("--database %1 keys list")); // scripts/run puts the database first
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(u"ID") && r.out.contains(u"laptop"), qPrintable(r.out));
        QCOMPARE(ok(QStringLiteral("keys revoke 2 --database %1")).exitCode, 0);
        QCOMPARE(ok(QStringLiteral("agents add nightly-etl --database %1")).exitCode, 0);
        QCOMPARE(
            ok(QStringLiteral("agents set nightly-etl --interval 3600 --grace 600 --budget 5 --database %1")).exitCode,
            0);
        QCOMPARE(ok(QStringLiteral("agents set nightly-etl --clear --database %1")).exitCode, 0);
        r = ok(QStringLiteral("incidents list --csv --database %1"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(u"id,agent,kind,"), qPrintable(r.out));
        QCOMPARE(ok(QStringLiteral("incidents list --open --agent nightly-etl --kind dead --limit 5 --database %1"))
                     .exitCode,
                 0);
        QCOMPARE(ok(QStringLiteral("incidents --open --database %1")).exitCode, 0);
        QCOMPARE(ok(QStringLiteral("silences add batch-* --until +2h --comment maintenance --database %1")).exitCode,
                 0);
        r = ok(QStringLiteral("silences list --database %1"));
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"batch-*"), qPrintable(r.out));
        r = ok(QStringLiteral("tls self-signed --out ") + dir.file(QStringLiteral("tls")) +
               QStringLiteral(" --host gpu-box.lan --force"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().count(u':'), 31);

        QFile config(dir.file(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            "{\"channels\": [{\"name\": \"team\", \"type\": \"webhook\", \"url\": \"http://127.0.0.1:9/hook\"}]}");
        config.close();
        r = ok(QStringLiteral("channels list --config ") + config.fileName());
        QVERIFY2(r.exitCode == 0 && r.out.contains(u"team  webhook"), qPrintable(r.out + r.err));
        // A serve command line with the common options (and the unit's ExecStart form, the config first).
        QVERIFY(serves({QStringLiteral("serve"),
                        QStringLiteral("--listen"),
                        QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--database"),
                        db,
                        QStringLiteral("--strict"),
                        QStringLiteral("--durability"),
                        QStringLiteral("full"),
                        QStringLiteral("--time-zone"),
                        QStringLiteral("UTC"),
                        QStringLiteral("--rate-limit"),
                        QStringLiteral("600"),
                        QStringLiteral("--retention-days"),
                        QStringLiteral("7"),
                        QStringLiteral("--io-threads"),
                        QStringLiteral("1"),
                        QStringLiteral("--events-keepalive-ms"),
                        QStringLiteral("5000"),
                        QStringLiteral("--tls-cert"),
                        dir.file(QStringLiteral("tls/cert.pem")),
                        QStringLiteral("--tls-key"),
                        dir.file(QStringLiteral("tls/key.pem"))},
                       QStringLiteral("https://")));
        QVERIFY(serves({QStringLiteral("--config"), config.fileName(), QStringLiteral("--database"), db,
                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
                       QStringLiteral("http://")));
    }

private:
    // Starts the server with `args`, waits for its "listening on <scheme>" line, stops it with SIGTERM.
    static bool serves(const QStringList &args, const QString &scheme)
    {
        QProcess p;
        p.start(clev::test::serverBinary(), args);
        QString log;
        const bool listening = QTest::qWaitFor(
            [&] {
                p.waitForReadyRead(50);
                log += QString::fromUtf8(p.readAllStandardError());
                return log.contains(QStringLiteral("listening on ") + scheme) || p.state() == QProcess::NotRunning;
            },
            15'000);
        p.terminate();
        p.waitForFinished(15'000);
        if (!listening || !log.contains(QStringLiteral("listening on ") + scheme))
            qWarning().noquote() << args.join(u' ') << log;
        return log.contains(QStringLiteral("listening on ") + scheme) && p.exitCode() == 0;
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "TestServerCli.moc"
