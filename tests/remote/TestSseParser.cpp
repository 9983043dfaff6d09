// SPDX-License-Identifier: MIT
// The event stream parser against the HTML standard's examples (9.2.6 "Interpreting an event stream"),
// its line endings, byte order mark, fields and limits, fed whole and cut at every byte.
#include "remote/SseParser.h"

#include <QTest>

using namespace clev;

namespace {

// One event as one line of text, so a mismatch shows which field differs.
QByteArray describe(const SseEvent &e)
{
    QByteArray out = "type=" + e.type + " id=" + e.id + " data=" + e.data;
    if (e.retryMs)
        out += " retry=" + QByteArray::number(*e.retryMs);
    return out;
}

QList<QByteArray> describe(const QList<SseEvent> &events)
{
    QList<QByteArray> out;
    for (const SseEvent &e : events)
        out.append(describe(e));
    return out;
}

QList<QByteArray> parseChunks(const QList<QByteArray> &chunks, QByteArray *lastEventId = nullptr)
{
    SseParser parser;
    QList<SseEvent> events;
    for (const QByteArray &chunk : chunks) {
        parser.feed(chunk);
        events += parser.takeEvents();
    }
    if (lastEventId)
        *lastEventId = parser.lastEventId();
    return describe(events);
}

QList<QByteArray> parse(const QByteArray &stream, QByteArray *lastEventId = nullptr)
{
    return parseChunks({stream}, lastEventId);
}

QByteArray message(const QByteArray &data, const QByteArray &id = {})
{
    return describe(SseEvent{id, "message", data, std::nullopt});
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The examples of the standard, word for word.
    void standardExamples_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("events");
        QTest::addColumn<QByteArray>("lastEventId");

        // "The following event stream, once followed by a blank line: ... would cause an event message ...
        // The event's data attribute would contain the string "YHOO\n+2\n10"."
        QTest::newRow("YHOO +2 10") << QByteArray("data: YHOO\ndata: +2\ndata: 10\n\n")
                                    << QList<QByteArray>{message("YHOO\n+2\n10")} << QByteArray();
        // Four blocks: a comment fires nothing; "first event" sets the last event ID to 1; "second event"
        // has an id field with no value, which resets it to the empty string; the last fires " third
        // event" (one leading space kept) once a blank line ends it.
        const QByteArray fourBlocks = ": test stream\n"
                                      "\n"
                                      "data: first event\n"
                                      "id: 1\n"
                                      "\n"
                                      "data:second event\n"
                                      "id\n"
                                      "\n"
                                      "data:  third event\n";
        QTest::newRow("four blocks, the last not ended")
            << fourBlocks << QList<QByteArray>{message("first event", "1"), message("second event")} << QByteArray();
        QTest::newRow("four blocks") << fourBlocks + "\n"
                                     << QList<QByteArray>{message("first event", "1"), message("second event"),
                                                          message(" third event")}
                                     << QByteArray();
        // "The first block fires events with the data set to the empty string, as would the last block if it
        // was followed by a blank line. The middle block fires an event with the data set to a single
        // newline character. The last block is discarded because it is not followed by a blank line."
        QTest::newRow("data, data data, data:") << QByteArray("data\n\ndata\ndata\n\ndata:")
                                                << QList<QByteArray>{message(""), message("\n")} << QByteArray();
        QTest::newRow("data: followed by a blank line")
            << QByteArray("data\n\ndata\ndata\n\ndata:\n\n")
            << QList<QByteArray>{message(""), message("\n"), message("")} << QByteArray();
        // "The following stream fires two identical events ... the space after the colon is ignored if present."
        QTest::newRow("data:test, data: test") << QByteArray("data:test\n\ndata: test\n\n")
                                               << QList<QByteArray>{message("test"), message("test")} << QByteArray();
        // The introduction's streams: messages, and two event types.
        QTest::newRow("three messages") << QByteArray("data: This is the first message.\n\n"
                                                      "data: This is the second message, it\n"
                                                      "data: has two lines.\n\n"
                                                      "data: This is the third message.\n\n")
                                        << QList<QByteArray>{message("This is the first message."),
                                                             message("This is the second message, it\nhas two lines."),
                                                             message("This is the third message.")}
                                        << QByteArray();
        QTest::newRow("add and remove")
            << QByteArray("event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n")
            << QList<QByteArray>{"type=add id= data=73857293", "type=remove id= data=2153", "type=add id= data=113411"}
            << QByteArray();
        // Authoring notes: a comment line every 15 seconds or so keeps proxies from closing the connection.
        QTest::newRow("keep-alive comments")
            << QByteArray(":\n\n: keep-alive\n\n:\ndata: x\n:\n\n") << QList<QByteArray>{message("x")} << QByteArray();
    }
    void standardExamples()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, events);
        QFETCH(QByteArray, lastEventId);
        QByteArray last;
        QCOMPARE(parse(stream, &last), events);
        QCOMPARE(last, lastEventId);
    }

    void lineEndings_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("events");
        const QList<QByteArray> two{describe(SseEvent{"1", "state", "a\nb", std::nullopt}),
                                    describe(SseEvent{"2", "usage", "c", std::nullopt})};
        QTest::newRow("LF") << QByteArray("id: 1\nevent: state\ndata: a\ndata: b\n\nid: 2\nevent: usage\ndata: c\n\n")
                            << two;
        QTest::newRow("CRLF")
            << QByteArray("id: 1\r\nevent: state\r\ndata: a\r\ndata: b\r\n\r\nid: 2\r\nevent: usage\r\ndata: c\r\n\r\n")
            << two;
        QTest::newRow("CR") << QByteArray("id: 1\revent: state\rdata: a\rdata: b\r\rid: 2\revent: usage\rdata: c\r\r")
                            << two;
        QTest::newRow("mixed") << QByteArray(
                                      "id: 1\r\nevent: state\rdata: a\ndata: b\r\n\nid: 2\revent: usage\r\ndata: c\n\r")
                               << two;
        // CR LF is one line end; LF CR is two.
        QTest::newRow("LF CR is two line ends")
            << QByteArray("data: a\n\rdata: b\n\n") << QList<QByteArray>{message("a"), message("b")};
        QTest::newRow("CR CR LF") << QByteArray("data: a\r\r\ndata: b\r\n\r\n")
                                  << QList<QByteArray>{message("a"), message("b")};
        QTest::newRow("CR inside a value ends the line")
            << QByteArray("data: a\rb\n\n") << QList<QByteArray>{message("a")};
    }
    void lineEndings()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, events);
        QCOMPARE(parse(stream), events);
    }

    // A CR that ends one chunk and an LF that starts the next are one line end, not a blank line between.
    void crLfAcrossChunks()
    {
        QCOMPARE(parseChunks({"data: a\r", "\ndata: b\r\n\r\n"}), QList<QByteArray>{message("a\nb")});
        QCOMPARE(parseChunks({"data: a\r", "\n", "\r", "\n"}), QList<QByteArray>{message("a")});
        // Only the very next byte: a CR, then LF two chunks on, is still a blank line.
        QCOMPARE(parseChunks({"data: a\r", "\r", "\n"}), QList<QByteArray>{message("a")});
        SseParser parser;
        parser.feed("data: a\r");
        parser.feed("\r");
        QCOMPARE(describe(parser.takeEvents()), QList<QByteArray>{message("a")}); // the second CR already dispatches
        parser.feed("\ndata: b\n\n");                                             // that CR's LF
        QCOMPARE(describe(parser.takeEvents()), QList<QByteArray>{message("b")});
        // An empty chunk between the CR and the LF changes nothing.
        QCOMPARE(parseChunks({"data: a\r", "", "\ndata: b\n\n"}), QList<QByteArray>{message("a\nb")});
    }

    // Cut anywhere, into two or three chunks or byte by byte, a stream gives the same events.
    void everySplitGivesTheSameEvents_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("server") << QByteArray("retry: 2000\n\nid: 17-0\nevent: hello\ndata: {}\n\n: keep-alive\n\n"
                                              "id: 17-1\nevent: state\ndata: {\"agent\":\"a\",\"to\":\"dead\"}\n\n");
        QTest::newRow("CRLF") << QByteArray("id: 1\r\nevent: x\r\ndata: a\r\ndata:b\r\n\r\ndata\r\n\r\n:c\r\n\r\n");
        QTest::newRow("CR") << QByteArray("id: 1\revent: x\rdata: a\rdata:b\r\rdata\r\r:c\r\rdata: z\r\r");
        QTest::newRow("mixed") << QByteArray("data: a\r\r\ndata: b\n\r\r\nid: 9\r\n\revent: e\rdata:  c\r\n\n");
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF"
                                           "data: first\r\n\r\nid: 2\rdata: second\n\n");
        QTest::newRow("two BOMs") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                "data: x\n\ndata: y\n\n");
        QTest::newRow("BOM prefix only") << QByteArray("\xEF\xBB\ndata: y\n\n");
        QTest::newRow("four blocks") << QByteArray(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\n"
                                                   "id\n\ndata:  third event\n\n");
        QTest::newRow("retry and NUL id")
            << QByteArrayLiteral("retry: 10\r\nid: 5\r\ndata: a\r\n\r\nid: x\0y\r\nretry: 1a\r\ndata: b\r\n\r\n");
    }
    void everySplitGivesTheSameEvents()
    {
        QFETCH(QByteArray, stream);
        QByteArray wholeId;
        const QList<QByteArray> whole = parse(stream, &wholeId);
        QVERIFY(!whole.isEmpty());
        for (qsizetype i = 0; i <= stream.size(); ++i) {
            QByteArray id;
            QCOMPARE(parseChunks({stream.left(i), stream.mid(i)}, &id), whole);
            QCOMPARE(id, wholeId);
            for (qsizetype j = i; j <= stream.size(); ++j)
                QCOMPARE(parseChunks({stream.left(i), stream.mid(i, j - i), stream.mid(j)}), whole);
        }
        QList<QByteArray> bytes;
        for (const char c : stream)
            bytes.append(QByteArray(1, c));
        QCOMPARE(parseChunks(bytes), whole);
    }

    void byteOrderMark()
    {
        QCOMPARE(parse("\xEF\xBB\xBF"
                       "data: x\n\n"),
                 QList<QByteArray>{message("x")});
        QCOMPARE(parseChunks({"\xEF", "\xBB", "\xBF", "data: x\n\n"}), QList<QByteArray>{message("x")});
        QCOMPARE(parseChunks({"\xEF\xBB", "\xBF"
                                          "data: x\n\n"}),
                 QList<QByteArray>{message("x")});
        // Only one, and only at the start: a second is part of the first field's name ("\uFEFFdata").
        QCOMPARE(parse("\xEF\xBB\xBF\xEF\xBB\xBF"
                       "data: x\n\ndata: y\n\n"),
                 QList<QByteArray>{message("y")});
        QCOMPARE(parse("data: \xEF\xBB\xBFx\n\n"), QList<QByteArray>{message("\xEF\xBB\xBFx")});
        // The start of something else: kept, not dropped.
        QCOMPARE(parseChunks({"\xEF\xBB", "\ndata: y\n\n"}), QList<QByteArray>{message("y")});
        QCOMPARE(parseChunks({"d", "ata: y\n\n"}), QList<QByteArray>{message("y")});
        QCOMPARE(parse("\n\xEF\xBB\xBF"
                       "data: x\n\n"),
                 QList<QByteArray>{});
    }

    void fields()
    {
        // Unknown fields, and names that differ in case, are ignored.
        QCOMPARE(parse("foo: bar\nData: no\nDATA: no\nbaz\ndata: a\n\n"), QList<QByteArray>{message("a")});
        // Only the first colon separates; one space is removed, no other white space.
        QCOMPARE(parse("data: a:b: c\n\n"), QList<QByteArray>{message("a:b: c")});
        QCOMPARE(parse("data:\ta\n\n"), QList<QByteArray>{message("\ta")});
        QCOMPARE(parse("data : a\n\n"), QList<QByteArray>{});
        // The last event field wins; the type is the default again after each event.
        QCOMPARE(parse("event: a\nevent: b\ndata: x\n\ndata: y\n\n"),
                 (QList<QByteArray>{"type=b id= data=x", message("y")}));
        // A block without data dispatches nothing and drops its type.
        QCOMPARE(parse("event: a\n\ndata: y\n\n"), QList<QByteArray>{message("y")});
        // An empty event field is the default type.
        QCOMPARE(parse("event:\ndata: y\n\n"), QList<QByteArray>{message("y")});
        // NUL and bytes beyond ASCII are data like any other.
        QCOMPARE(parse(QByteArrayLiteral("data: a\0b\n\n")), QList<QByteArray>{message(QByteArrayLiteral("a\0b"))});
        SseParser parser;
        parser.feed("data: gr\xC3\xBC\xC3\x9F"
                    "e \xE2\x82\xAC\n\n");
        QCOMPARE(QString::fromUtf8(parser.takeEvents().value(0).data), QStringLiteral("grüße €"));
        // Nothing is dispatched until a blank line; what never ends is never dispatched.
        QCOMPARE(parse("data: a\ndata: b\n"), QList<QByteArray>{});
    }

    void lastEventId()
    {
        // The id carries over to later events until the next id field.
        QCOMPARE(parse("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n"),
                 (QList<QByteArray>{message("a", "1"), message("b", "1"), message("c", "2")}));
        // A blank line sets it even when no event is dispatched.
        QByteArray last;
        QCOMPARE(parse("id: 7\n\n", &last), QList<QByteArray>{});
        QCOMPARE(last, QByteArray("7"));
        // Set only at a blank line: an id in an unfinished block is not the last event ID yet.
        QCOMPARE(parse("id: 7\n\nid: 8\ndata: x\n", &last), QList<QByteArray>{});
        QCOMPARE(last, QByteArray("7"));
        // An id holding NUL is ignored; an empty one resets.
        QCOMPARE(parse(QByteArrayLiteral("id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\nid\ndata: c\n\n"), &last),
                 (QList<QByteArray>{message("a", "1"), message("b", "1"), message("c")}));
        QCOMPARE(last, QByteArray());
        QCOMPARE(parse(QByteArrayLiteral("id: 3\nid: \0\ndata: a\n\n")), QList<QByteArray>{message("a", "3")});
    }

    void retry()
    {
        SseParser parser;
        QVERIFY(!parser.reconnectionTimeMs());
        parser.feed("retry: 2000\n\n");
        QVERIFY(!parser.hasEvents()); // a retry alone dispatches nothing
        QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(2000));
        // Digits only: anything else leaves it as it is.
        for (const QByteArray bad : {"retry: 1x\n", "retry:\n", "retry\n", "retry: -5\n", "retry: +5\n", "retry: 5 \n",
                                     "retry:  5\n", "retry: 1.5\n", "retry: \xD9\xA1\n"}) {
            parser.feed(bad);
            QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(2000));
        }
        parser.feed("retry:0\n\n");
        QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(0));
        // An event says when its lines set it; the next one does not.
        parser.feed("retry: 300\ndata: a\n\ndata: b\n\n");
        QCOMPARE(describe(parser.takeEvents()), (QList<QByteArray>{"type=message id= data=a retry=300", message("b")}));
        QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(300));
        // More digits than fit: as long as it gets.
        parser.feed("retry: 99999999999999999999999999\n");
        QCOMPARE(parser.reconnectionTimeMs(), std::optional<qint64>(std::numeric_limits<qint64>::max()));
    }

    void takeEventsEmptiesTheQueue()
    {
        SseParser parser;
        QVERIFY(!parser.hasEvents());
        parser.feed("data: a\n\ndata: b\n\n");
        QVERIFY(parser.hasEvents());
        QCOMPARE(parser.takeEvents().size(), 2);
        QVERIFY(!parser.hasEvents());
        QVERIFY(parser.takeEvents().isEmpty());
    }

    // One event (the line being read, its data and type) may hold at most the limit; beyond, the stream is
    // broken: the events before it stay, nothing after is read.
    void limit()
    {
        {
            SseParser parser(16);
            QCOMPARE(parser.maxEventBytes(), qsizetype(16));
            parser.feed("data: 0123456789\n\n"); // a 16-byte line: at the limit
            QVERIFY(!parser.failed());
            QCOMPARE(describe(parser.takeEvents()), QList<QByteArray>{message("0123456789")});
            parser.feed("data: 0123456789A"); // 17 bytes, no line end yet
            QVERIFY(parser.failed());
            parser.feed("\n\ndata: b\n\n");
            QVERIFY(!parser.hasEvents());
        }
        {
            // Many short data lines add up.
            SseParser parser(32);
            parser.feed("data: 0123456789\ndata: 0123456789\n");
            QVERIFY(!parser.failed());
            parser.feed("data: 0123456789\n");
            QVERIFY(parser.failed());
        }
        {
            // A line that arrives a byte at a time counts as the whole line.
            SseParser parser(64);
            parser.feed("data: a\n\n");
            for (int i = 0; i < 100 && !parser.failed(); ++i)
                parser.feed(": ");
            QVERIFY(parser.failed());
            QCOMPARE(describe(parser.takeEvents()), QList<QByteArray>{message("a")});
        }
        {
            // Comments and whole events are not held: a long stream of small events never fails.
            SseParser parser(64);
            for (int i = 0; i < 10'000; ++i)
                parser.feed(": keep-alive\n\nid: " + QByteArray::number(i) + "\nevent: usage\ndata: {}\n\n");
            QVERIFY(!parser.failed());
            QCOMPARE(parser.takeEvents().size(), 10'000);
            QCOMPARE(parser.lastEventId(), QByteArray("9999"));
        }
        {
            // Events before the one that is too large, in the same chunk, are kept.
            SseParser parser(16);
            parser.feed("data: a\n\ndata: b\n\ndata: " + QByteArray(100, 'x') + "\n\ndata: c\n\n");
            QVERIFY(parser.failed());
            QCOMPARE(describe(parser.takeEvents()), (QList<QByteArray>{message("a"), message("b")}));
        }
        {
            SseParser parser;
            QCOMPARE(parser.maxEventBytes(), SseParser::DefaultMaxEventBytes);
            parser.feed("data: " + QByteArray(SseParser::DefaultMaxEventBytes, 'x'));
            QVERIFY(parser.failed());
        }
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "TestSseParser.moc"
