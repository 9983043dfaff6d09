// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "engine/NotificationDispatcher.h"
#include "storage/Database.h"
#include "support/RecordingReceiver.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace clev;
using clev::test::TestDir;

// The e-mail channel against a real SMTP server: Debian's aiosmtpd, requiring STARTTLS and AUTH, with
// a certificate made for the test by openssl.
class TestEmailChannel : public QObject
{
    Q_OBJECT

    TestDir m_dir;
    QProcess m_smtp;
    quint16 m_port = 0;

    ChannelConfig mail(const QString &password = QStringLiteral("hunter2"),
                       const QString &tls = QStringLiteral("starttls"))
    {
        ChannelConfig c;
        c.name = QStringLiteral("mail");
        c.type = ChannelType::Email;
        c.smtpUrl = QStringLiteral("smtp://127.0.0.1:%1").arg(m_port);
        c.tls = tls;
        c.user = QStringLiteral("alerts");
        c.password = password;
        c.from = QStringLiteral("clevagent@example.test");
        c.to = {QStringLiteral("oncall@example.test"), QStringLiteral("lead@example.test")};
        c.caFile = m_dir.file(QStringLiteral("cert.pem"));
        c.timeoutMs = 10'000;
        return c;
    }

    QString sendTest(const ChannelConfig &c)
    {
        Database db({m_dir.file(QStringLiteral("m.db")), 1000});
        QString error;
        if (!db.open(&error))
            return error;
        NotificationDispatcher d(db, Clock::system(), {c});
        QString result = QStringLiteral("pending");
        d.sendTest(c.name, [&](const QString &e) { result = e; });
        QElapsedTimer waited;
        waited.start();
        while (result == u"pending" && waited.elapsed() < 15'000)
            QTest::qWait(20);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcess openssl; // its progress output stays captured
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                       QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                       QStringLiteral("-keyout"), m_dir.file(QStringLiteral("key.pem")), QStringLiteral("-out"),
                       m_dir.file(QStringLiteral("cert.pem"))});
        QVERIFY(openssl.waitForFinished(30'000));
        QCOMPARE(openssl.exitCode(), 0);
        QDir(m_dir.path()).mkdir(QStringLiteral("mail"));
        m_port = clev::test::RecordingReceiver::freePort();
        m_smtp.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_smtp.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CLEV_TESTS_DIR "/support/smtp_receiver.py"), QStringLiteral("127.0.0.1"),
                      QString::number(m_port), m_dir.file(QStringLiteral("cert.pem")),
                      m_dir.file(QStringLiteral("key.pem")), QStringLiteral("alerts"), QStringLiteral("hunter2"),
                      m_dir.file(QStringLiteral("mail"))});
        QVERIFY(m_smtp.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_smtp.canReadLine() || m_smtp.state() != QProcess::Running, 15'000);
        const QByteArray ready = m_smtp.readLine();
        QVERIFY2(ready.startsWith("READY"), ready.constData());
    }

    void cleanupTestCase()
    {
        m_smtp.closeWriteChannel();
        m_smtp.waitForFinished(5000);
    }

    void starttlsAndAuth_deliverTheMessage()
    {
        QCOMPARE(sendTest(mail()), QString());
        QFile f(m_dir.file(QStringLiteral("mail/1.eml")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray m = f.readAll();
        QVERIFY2(m.contains("X-Auth-User: alerts"), m.constData());
        QVERIFY(m.contains("X-Envelope-From: clevagent@example.test"));
        QVERIFY(m.contains("X-Envelope-To: oncall@example.test,lead@example.test"));
        const QByteArray subject =
            "Subject: =?UTF-8?B?" +
            QStringLiteral("[ClevAgent] 🧪 Test notification from ClevAgent").toUtf8().toBase64() + "?=";
        QVERIFY(m.contains(subject));
        QVERIFY(m.contains("If you can read this, the channel 'mail' works."));
        QVERIFY(m.contains("Content-Type: text/plain; charset=utf-8"));
    }

    void wrongPassword_givesTheServersAnswer()
    {
        const QString error = sendTest(mail(QStringLiteral("wrong")));
        QVERIFY2(error.startsWith(u"the mail server answered 535"), qPrintable(error));
    }

    void withoutTls_theServerRefuses()
    {
        const QString error = sendTest(mail(QStringLiteral("hunter2"), QStringLiteral("none")));
        QVERIFY2(!error.isEmpty(), "a server that requires STARTTLS must refuse a plain session");
        QVERIFY2(error.contains(u"530") || error.contains(u"STARTTLS", Qt::CaseInsensitive), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestEmailChannel)
#include "TestEmailChannel.moc"
