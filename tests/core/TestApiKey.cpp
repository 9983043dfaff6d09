// SPDX-License-Identifier: MIT
#include "core/ApiKey.h"
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "server/RateLimiter.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

using namespace clev;

class TestApiKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generate_hasTheDocumentedShape()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray key = ApiKey::generate();
            QVERIFY(key.startsWith("cv_"));
            QCOMPARE(key.size(), 3 + ApiKey::RandomLength);
            QVERIFY(ApiKey::isWellFormed(key));
            seen.insert(key);
        }
        QCOMPARE(seen.size(), 200);
    }

    void isWellFormed_refusesOtherShapes()
    {
        QVERIFY(!ApiKey::isWellFormed("cv_short"));
        QVERIFY(!ApiKey::isWellFormed("xx_" + QByteArray(40, 'a')));
        QVERIFY(!ApiKey::isWellFormed("cv_" + QByteArray(39, 'a') + '-'));
        QVERIFY(ApiKey::isWellFormed("cv_" + QByteArray(32, 'Z')));
    }

    void hashAndPrefix()
    {
        const QByteArray key = ApiKey::generate();
        QCOMPARE(ApiKey::lookupPrefix(key), key.left(11));
        QCOMPARE(ApiKey::hash(key).size(), 32);
        QVERIFY(ApiKey::constantTimeEquals(ApiKey::hash(key), ApiKey::hash(key)));
        QVERIFY(!ApiKey::constantTimeEquals(ApiKey::hash(key), ApiKey::hash(key + 'x')));
        QVERIFY(!ApiKey::constantTimeEquals("abc", "abcd"));
    }

    void scopes_parseAndGrant()
    {
        ApiKey::Scopes s;
        QVERIFY(ApiKey::parseScopes(QStringLiteral("ingest, READ"), &s));
        QVERIFY(ApiKey::grants(s, ApiKey::Scope::Ingest));
        QVERIFY(ApiKey::grants(s, ApiKey::Scope::Read));
        QVERIFY(!ApiKey::grants(s, ApiKey::Scope::Admin));
        QCOMPARE(ApiKey::scopesToString(s), QStringLiteral("ingest,read"));
        QVERIFY(ApiKey::parseScopes(QStringLiteral("admin"), &s));
        QVERIFY(ApiKey::grants(s, ApiKey::Scope::Ingest)); // admin holds every scope
        QString error;
        QVERIFY(!ApiKey::parseScopes(QStringLiteral("write"), &s, &error));
        QVERIFY(error.contains(u"write"));
        QVERIFY(!ApiKey::parseScopes(QString(), &s, &error));
    }

    void rateLimiter_burstsThenRefillsWithTheClock()
    {
        ManualClock clock;
        RateLimiter limiter(clock);
        for (int i = 0; i < 60; ++i)
            QVERIFY(limiter.take(1, 60).allowed);
        RateLimiter::Decision d = limiter.take(1, 60);
        QVERIFY(!d.allowed);
        QCOMPARE(d.retryAfterSecs, 1);
        QCOMPARE(d.remaining, 0);
        QVERIFY(limiter.take(2, 60).allowed); // another key has its own bucket
        clock.advance(1000);
        QVERIFY(limiter.take(1, 60).allowed);
        QVERIFY(!limiter.take(1, 60).allowed);
        clock.advance(60'000);
        d = limiter.take(1, 60);
        QVERIFY(d.allowed);
        QCOMPARE(d.remaining, 59);
    }

    void dayBuckets_followLocalMidnight()
    {
        const DayBuckets tokyo(QTimeZone("Asia/Tokyo"));
        // 2026-01-01T16:00:00Z is 2026-01-02T01:00 in Tokyo: the day started at 2026-01-01T15:00Z.
        const qint64 ms = QDateTime(QDate(2026, 1, 1), QTime(16, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        QCOMPARE(tokyo.dayStartSecs(ms),
                 QDateTime(QDate(2026, 1, 1), QTime(15, 0), QTimeZone::utc()).toSecsSinceEpoch());
        QCOMPARE(tokyo.dayStartSecs(ms + 3600'000), tokyo.dayStartSecs(ms)); // cached range
        const DayBuckets berlin(QTimeZone("Europe/Berlin"));
        // The day of the spring DST change has 23 hours.
        const qint64 start = berlin.dayStartSecs(
            QDateTime(QDate(2026, 3, 29), QTime(12, 0), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch());
        const qint64 next = berlin.dayStartSecs(
            QDateTime(QDate(2026, 3, 30), QTime(12, 0), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch());
        QCOMPARE(next - start, 23 * 3600);
    }
};

QTEST_GUILESS_MAIN(TestApiKey)
#include "TestApiKey.moc"
