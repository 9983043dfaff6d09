// SPDX-License-Identifier: MIT
// The certificate policy for remote connections, case by case (remote/CertificatePin). The live
// connection and the "Test connection" probe both go through it; TestRemote checks them over real TLS.
#include "remote/CertificatePin.h"

#include <QTest>

using namespace clev;
using V = CertificatePin::Verdict;

Q_DECLARE_METATYPE(clev::CertificatePin::Verdict)

class TestCertificatePin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judge_data()
    {
        QTest::addColumn<QByteArray>("pinned");
        QTest::addColumn<QByteArray>("seen");
        QTest::addColumn<bool>("caTrusted");
        QTest::addColumn<V>("verdict");
        const QByteArray a = "AA:BB", b = "CC:DD";
        QTest::newRow("not pinned, CA-trusted") << QByteArray() << a << true << V::Accepted;
        QTest::newRow("not pinned, self-signed") << QByteArray() << a << false << V::Untrusted;
        QTest::newRow("pinned, the same, self-signed") << a << a << false << V::Accepted;
        QTest::newRow("pinned, the same, CA-trusted") << a << a << true << V::Accepted;
        QTest::newRow("pinned, another, self-signed") << a << b << false << V::Changed;
        // A CA vouching for a new certificate does not replace the pin (the probe accepted it before).
        QTest::newRow("pinned, another, CA-trusted") << a << b << true << V::Changed;
        QTest::newRow("pinned, no certificate shown") << a << QByteArray() << false << V::Changed;
    }
    void judge()
    {
        QFETCH(QByteArray, pinned);
        QFETCH(QByteArray, seen);
        QFETCH(bool, caTrusted);
        QFETCH(V, verdict);
        QCOMPARE(CertificatePin::judge(pinned, seen, caTrusted), verdict);
    }
};

QTEST_GUILESS_MAIN(TestCertificatePin)
#include "TestCertificatePin.moc"
