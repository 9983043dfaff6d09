// SPDX-License-Identifier: MIT
// The credential store against a real Secret Service: scripts/test runs the suites inside a D-Bus
// session with an unlocked gnome-keyring. The failure cases run a probe process in an environment of
// its own: no Secret Service at all, and one that never answers (a keychain stuck behind a prompt).
#include "secrets/CredentialStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace clev;

namespace {

struct Answer
{
    bool arrived = false;
    CredentialStore::Result result;
};

// Runs one job and waits for its answer (the store is asynchronous).
CredentialStore::Result wait(const std::function<void(CredentialStore::Callback)> &start)
{
    auto answer = std::make_shared<Answer>();
    start([answer](const CredentialStore::Result &r) {
        answer->arrived = true;
        answer->result = r;
    });
    if (!QTest::qWaitFor([answer] { return answer->arrived; }, 20'000))
        answer->result.error = QStringLiteral("no answer within 20 s");
    return answer->result;
}

struct ProbeRun
{
    QString out;
    qint64 ms = -1;
};

ProbeRun probe(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CLEV_KEYCHAIN_PROBE), args);
    p.waitForFinished(30'000);
    ProbeRun r;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    const auto m = QRegularExpression(QStringLiteral("ms (\\d+)")).match(r.out);
    if (m.hasMatch())
        r.ms = m.captured(1).toLongLong();
    return r;
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run inside a D-Bus session with an unlocked gnome-keyring (scripts/test does)");
    }

    void keyNaming()
    {
        QCOMPARE(CredentialStore::keyFor(CredentialStore::Kind::Channel, QStringLiteral("ops-slack")),
                 QStringLiteral("channel/ops-slack"));
        QCOMPARE(CredentialStore::keyFor(CredentialStore::Kind::ApiKey, QStringLiteral("cv_AbCd")),
                 QStringLiteral("apikey/cv_AbCd"));
        QCOMPARE(CredentialStore::keyFor(CredentialStore::Kind::Remote, QStringLiteral("gpu-box")),
                 QStringLiteral("remote/gpu-box"));
    }

    // Write, read back, overwrite, delete: in the real Secret Service, where other tools see it too.
    void roundTrip_inTheRealSecretService()
    {
        CredentialStore store(10'000);
        const QString key = QStringLiteral("channel/test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString secret =
            QStringLiteral("https://hooks.slack.com/services/T000/B000/") + QUuid::createUuid().toString(QUuid::Id128);
        CredentialStore::Result r = wait([&](auto done) { store.write(key, secret, this, done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        r = wait([&](auto done) { store.read(key, this, done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, secret);

        // secret-tool (libsecret) finds it under QtKeychain's attributes: it really is in the keychain.
        if (const QString tool = QStandardPaths::findExecutable(QStringLiteral("secret-tool")); !tool.isEmpty()) {
            QProcess p;
            p.start(tool, {QStringLiteral("lookup"), QStringLiteral("server"), CredentialStore::service(),
                           QStringLiteral("user"), key});
            QVERIFY(p.waitForFinished(10'000));
            QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).trimmed(), secret);
        }

        r = wait([&](auto done) { store.write(key, QStringLiteral("second"), this, done); });
        QVERIFY(r.ok);
        r = wait([&](auto done) { store.read(key, this, done); });
        QCOMPARE(r.value, QStringLiteral("second"));
        r = wait([&](auto done) { store.remove(key, this, done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        r = wait([&](auto done) { store.read(key, this, done); });
        QVERIFY(!r.ok);
        QVERIFY(r.notFound);
        QVERIFY(r.error.isEmpty()); // nothing stored is not a keychain failure
        QVERIFY(!store.knownUnavailable());
    }

    // A caller that is gone by the time the keychain answers gets no call.
    void answerToADeletedContext_isDropped()
    {
        CredentialStore store(10'000);
        bool called = false;
        {
            QObject context;
            store.read(QStringLiteral("channel/none"), &context,
                       [&called](const CredentialStore::Result &) { called = true; });
        }
        QTest::qWait(500);
        QVERIFY(!called);
    }

    // No Secret Service on the bus: a clear error at once, nothing written anywhere.
    void noSecretService_clearError()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/clevagent-bus"));
        env.remove(QStringLiteral("DISPLAY"));
        const ProbeRun r = probe({QStringLiteral("write"), QStringLiteral("channel/x"), QStringLiteral("s3cret"),
                                  QStringLiteral("--timeout-ms"), QStringLiteral("5000")},
                                 env);
        QVERIFY2(r.out.startsWith(u"error "), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"keychain"), qPrintable(r.out));
        QVERIFY2(r.ms >= 0 && r.ms < 5000, qPrintable(r.out)); // answered, not timed out
    }

    // A Secret Service that never answers: the job gives up after its timeout with a message saying
    // what to do, and the next job fails fast instead of queueing behind the hung one.
    void hangingSecretService_timesOut()
    {
        QProcess bus;
        bus.start(QStringLiteral("dbus-daemon"),
                  {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY(bus.waitForStarted());
        QVERIFY(bus.waitForReadyRead(10'000));
        const QString address = QString::fromUtf8(bus.readLine()).trimmed();
        QVERIFY2(address.startsWith(u"unix:"), qPrintable(address));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        env.remove(QStringLiteral("DISPLAY"));
        QProcess service;
        service.setProcessEnvironment(env);
        service.start(QStringLiteral(CLEV_HANGING_SECRET_SERVICE), QStringList());
        QVERIFY(service.waitForReadyRead(10'000));
        QCOMPARE(service.readLine().trimmed(), QByteArray("ready"));

        const ProbeRun r = probe({QStringLiteral("write"), QStringLiteral("channel/x"), QStringLiteral("s3cret"),
                                  QStringLiteral("--timeout-ms"), QStringLiteral("1500"), QStringLiteral("--times"),
                                  QStringLiteral("2")},
                                 env);
        QVERIFY2(r.out.startsWith(u"error The keychain did not answer within 1.5 s"), qPrintable(r.out));
        QVERIFY2(r.ms >= 1400 && r.ms < 6000, qPrintable(r.out));
        // The next job does not queue behind the hung one: it fails at once, with the same words.
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(2), lines.at(0));
        QVERIFY2(lines.at(3).mid(3).toInt() < 200, qPrintable(r.out));
        service.kill();
        bus.kill();
        service.waitForFinished();
        bus.waitForFinished();
    }
};

QTEST_MAIN(TestCredentialStore)
#include "TestCredentialStore.moc"
