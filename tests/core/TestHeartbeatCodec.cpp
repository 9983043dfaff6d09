// SPDX-License-Identifier: MIT
#include "core/HeartbeatCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace clev;

// JSON written with single quotes, so fixtures stay readable without raw string literals (which moc 6.4
// cannot parse).
inline QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

namespace {
constexpr qint64 Now = 1'767'225'600'000; // 2026-01-01T00:00:00Z

QJsonValue parse(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QStringList fields(const HeartbeatCodec::Result &r)
{
    QStringList out;
    for (const FieldError &e : r.errors)
        out << e.field;
    return out;
}
} // namespace

class TestHeartbeatCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_fullSdkBeat_keepsEveryField()
    {
        const auto r = HeartbeatCodec::decode(
            parse(J("{"
                    "'agent': '  researcher ', 'status': 'warning', 'message': 'slow', 'tokens_used': 1500,"
                    "'input_tokens': 1000, 'output_tokens': 400, 'cache_read_tokens': 80, 'cache_write_tokens': 20,"
                    "'cost_usd': 0.045, 'tool_calls': 3, 'iteration_count': 42, 'memory_mb': 512.5, 'interval': 30,"
                    "'agent_type': 'openai', 'model': 'gpt-4o', 'container_id': 'abc123',"
                    "'tool_call_log': [{'name': 'search', 'args': 'q=x'}, {'name': 'fetch', 'args': {'url': 'u'}}],"
                    "'prompt_hashes': ['0123456789abcdef'], 'custom_data': '{\\\"k\\\":1}', 'unknown_key': [1, 2]"
                    "}")),
            Now);
        QVERIFY2(r.ok(), qPrintable(fields(r).join(u',')));
        const Heartbeat &b = r.beat;
        QCOMPARE(b.agent, QStringLiteral("researcher"));
        QCOMPARE(b.status, BeatStatus::Warning);
        QCOMPARE(b.message, QStringLiteral("slow"));
        QCOMPARE(b.tokensUsed, 1500);
        QCOMPARE(b.inputTokens, 1000);
        QCOMPARE(b.outputTokens, 400);
        QCOMPARE(b.cacheReadTokens, 80);
        QCOMPARE(b.cacheWriteTokens, 20);
        QCOMPARE(*b.costUsd, 0.045);
        QCOMPARE(b.toolCalls, 3);
        QCOMPARE(*b.iterationCount, 42);
        QCOMPARE(*b.memoryMb, 512.5);
        QCOMPARE(*b.intervalSecs, 30.0);
        QCOMPARE(b.agentType, QStringLiteral("openai"));
        QCOMPARE(b.model, QStringLiteral("gpt-4o"));
        QCOMPARE(b.containerId, QStringLiteral("abc123"));
        QCOMPARE(b.toolCallLog.size(), 2);
        QCOMPARE(b.toolCallLog.at(1).args, QString::fromUtf8(J("{'url':'u'}")));
        QCOMPARE(b.promptHashes, QStringList{QStringLiteral("0123456789abcdef")});
        QCOMPARE(b.customData, QString::fromUtf8(J("{'k':1}")));
        QCOMPARE(b.occurredAtMs, Now);
    }

    void decode_minimalBeat_defaultsToOk()
    {
        const auto r = HeartbeatCodec::decode(parse(J("{'agent': 'a', 'cost_usd': null}")), Now);
        QVERIFY(r.ok());
        QCOMPARE(r.beat.status, BeatStatus::Ok);
        QVERIFY(!r.beat.costUsd.has_value()); // null is "not sent"
        QVERIFY(!r.beat.iterationCount.has_value());
    }

    void decode_agentNameWithSurrogatePair_isKept()
    {
        const auto r = HeartbeatCodec::decode(parse(J("{'agent': 'bot \\ud83d\\ude00'}")), Now);
        QVERIFY2(r.ok(), qPrintable(fields(r).join(u',')));
        QCOMPARE(r.beat.agent, QString::fromUtf8("bot \xF0\x9F\x98\x80"));
    }

    void decode_shutdownStatus_accepted()
    {
        const auto r = HeartbeatCodec::decode(parse(J("{'agent': 'a', 'status': 'shutdown'}")), Now);
        QVERIFY(r.ok());
        QCOMPARE(r.beat.status, BeatStatus::Shutdown);
    }

    void decode_badFields_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("missing agent") << QByteArray(J("{'status':'ok'}")) << QStringList{"agent"};
        QTest::newRow("empty agent") << QByteArray(J("{'agent':'   '}")) << QStringList{"agent"};
        QTest::newRow("agent not string") << QByteArray(J("{'agent':7}")) << QStringList{"agent"};
        QTest::newRow("agent control char") << QByteArray(J("{'agent':'a\\u0007b'}")) << QStringList{"agent"};
        // Unpaired surrogates would be stored as invalid UTF-8, and every such name read back as "a\uFFFD".
        QTest::newRow("agent lone surrogate") << QByteArray(J("{'agent':'a\\ud800'}")) << QStringList{"agent"};
        QTest::newRow("agent lone low surrogate") << QByteArray(J("{'agent':'\\udfffb'}")) << QStringList{"agent"};
        QTest::newRow("bad status") << QByteArray(J("{'agent':'a','status':'fine'}")) << QStringList{"status"};
        QTest::newRow("negative tokens") << QByteArray(J("{'agent':'a','tokens_used':-1}"))
                                         << QStringList{"tokens_used"};
        // At most a trillion in one beat (2^53-1 was taken, and 2 001 such beats wrapped a day's sum).
        QTest::newRow("tokens past the bound")
            << QByteArray(J("{'agent':'a','input_tokens':1000000000001,'tool_calls':9007199254740991}"))
            << QStringList{"input_tokens", "tool_calls"};
        QTest::newRow("fractional tokens")
            << QByteArray(J("{'agent':'a','tool_calls':1.5}")) << QStringList{"tool_calls"};
        QTest::newRow("tokens as string")
            << QByteArray(J("{'agent':'a','input_tokens':'5'}")) << QStringList{"input_tokens"};
        QTest::newRow("huge integer") << QByteArray(J("{'agent':'a','output_tokens':1e300}"))
                                      << QStringList{"output_tokens"};
        QTest::newRow("negative cost") << QByteArray(J("{'agent':'a','cost_usd':-0.1}")) << QStringList{"cost_usd"};
        QTest::newRow("cost as string") << QByteArray(J("{'agent':'a','cost_usd':'0.1'}")) << QStringList{"cost_usd"};
        QTest::newRow("interval zero") << QByteArray(J("{'agent':'a','interval':0}")) << QStringList{"interval"};
        QTest::newRow("tool log not array")
            << QByteArray(J("{'agent':'a','tool_call_log':{}}")) << QStringList{"tool_call_log"};
        QTest::newRow("tool without name")
            << QByteArray(J("{'agent':'a','tool_call_log':[{'args':'x'}]}")) << QStringList{"tool_call_log[0]"};
        QTest::newRow("hashes not strings")
            << QByteArray(J("{'agent':'a','prompt_hashes':[1]}")) << QStringList{"prompt_hashes"};
        QTest::newRow("future timestamp")
            << QByteArray(J("{'agent':'a','timestamp':1767229200}")) << QStringList{"timestamp"};
        QTest::newRow("every bad field at once")
            << QByteArray(J("{'status':1,'tokens_used':-2,'memory_mb':'x','model':5}"))
            << QStringList{"agent", "status", "tokens_used", "memory_mb", "model"};
        QTest::newRow("not an object") << QByteArray(J("[1,2]")) << QStringList{"body"};
    }

    void decode_badFields()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        const auto r = HeartbeatCodec::decode(parse(json), Now);
        QVERIFY(!r.ok());
        QCOMPARE(fields(r), expected);
        for (const FieldError &e : r.errors)
            QVERIFY2(!e.message.isEmpty(), qPrintable(e.field));
    }

    void decode_messageTooLong_isRefused()
    {
        QJsonObject o{{QStringLiteral("agent"), QStringLiteral("a")}, {QStringLiteral("message"), QString(5000, u'x')}};
        const auto r = HeartbeatCodec::decode(o, Now);
        QCOMPARE(fields(r), QStringList{QStringLiteral("message")});
        QVERIFY(r.errors.first().message.contains(u"4096"));
    }

    void decode_timestamp_acceptsEpochAndIso()
    {
        auto r = HeartbeatCodec::decode(parse(J("{'agent':'a','timestamp':1767225000.5}")), Now);
        QVERIFY(r.ok());
        QCOMPARE(r.beat.occurredAtMs, 1'767'225'000'500);
        QCOMPARE(r.beat.receivedAtMs, Now);
        r = HeartbeatCodec::decode(parse(J("{'agent':'a','timestamp':'2025-12-31T23:00:00+00:00'}")), Now);
        QVERIFY(r.ok());
        QCOMPARE(r.beat.occurredAtMs, Now - 3600 * 1000);
        r = HeartbeatCodec::decode(parse(J("{'agent':'a','timestamp':'2025-12-01T00:00:00Z'}")), Now);
        QCOMPARE(fields(r), QStringList{QStringLiteral("timestamp")}); // older than the backlog window
    }

    void decode_prefix_namesBatchItems()
    {
        const auto r = HeartbeatCodec::decode(parse(J("{'tokens_used':-1,'agent':'a'}")), Now, HeartbeatCodec::Limits(),
                                              QStringLiteral("heartbeats[4]."));
        QCOMPARE(fields(r), QStringList{QStringLiteral("heartbeats[4].tokens_used")});
    }

    void totalTokens_prefersTokensUsed_elseSumsBuckets()
    {
        Heartbeat b;
        b.inputTokens = 10;
        b.outputTokens = 5;
        b.cacheReadTokens = 2;
        QCOMPARE(b.totalTokens(), 17);
        b.tokensUsed = 100;
        QCOMPARE(b.totalTokens(), 100);
    }
};

QTEST_GUILESS_MAIN(TestHeartbeatCodec)
#include "TestHeartbeatCodec.moc"
