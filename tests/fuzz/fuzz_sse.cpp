// SPDX-License-Identifier: MIT
// An event stream (text/event-stream) through SseParser, fed whole and cut into chunks (the first input
// byte chooses the cuts), and with a small size limit. Checks the events against a plain reading of the
// HTML standard's algorithm over the whole input (below), that the cuts change nothing, and that a
// parser that hit its limit kept a prefix of the events.
#include "remote/SseParser.h"

#include <cstdio>
#include <cstdlib>
#include <limits>

using namespace clev;

namespace {

struct Outcome
{
    QList<SseEvent> events;
    QByteArray lastEventId;
    std::optional<qint64> reconnectionMs;
};

[[noreturn]] void fail(const char *what, const QByteArray &input)
{
    std::fprintf(stderr, "fuzz_sse: %s\n--- input (%lld bytes) ---\n%s\n---\n", what,
                 static_cast<long long>(input.size()), input.toPercentEncoding(" :\n").constData());
    std::abort();
}

bool sameEvent(const SseEvent &a, const SseEvent &b)
{
    return a.id == b.id && a.type == b.type && a.data == b.data && a.retryMs == b.retryMs;
}

bool sameEvents(const QList<SseEvent> &a, const QList<SseEvent> &b, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i)
        if (!sameEvent(a.at(i), b.at(i)))
            return false;
    return true;
}

// WHATWG HTML 9.2.6, read straight: strip one BOM, split into lines at CRLF, LF or CR, drop the last
// line if nothing ends it, and process each line.
Outcome reference(QByteArray stream)
{
    Outcome out;
    if (stream.startsWith("\xEF\xBB\xBF"))
        stream.remove(0, 3);
    QByteArray data, type, idBuffer;
    std::optional<qint64> eventRetry;
    qsizetype at = 0;
    for (;;) {
        qsizetype eol = at;
        while (eol < stream.size() && stream.at(eol) != '\n' && stream.at(eol) != '\r')
            ++eol;
        if (eol == stream.size())
            break; // an unfinished line: discarded
        const QByteArray line = stream.mid(at, eol - at);
        at = eol + (stream.at(eol) == '\r' && eol + 1 < stream.size() && stream.at(eol + 1) == '\n' ? 2 : 1);
        if (line.isEmpty()) { // dispatch
            out.lastEventId = idBuffer;
            const std::optional<qint64> retry = std::exchange(eventRetry, std::nullopt);
            if (data.isEmpty()) {
                type.clear();
                continue;
            }
            if (data.endsWith('\n'))
                data.chop(1);
            out.events.append({out.lastEventId, type.isEmpty() ? QByteArray("message") : type, data, retry});
            data.clear();
            type.clear();
            continue;
        }
        if (line.startsWith(':'))
            continue;
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (name == "event") {
            type = value;
        } else if (name == "data") {
            data += value + '\n';
        } else if (name == "id") {
            if (!value.contains('\0'))
                idBuffer = value;
        } else if (name == "retry" && !value.isEmpty() &&
                   std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
            qint64 ms = 0; // saturating, as SseParser documents
            for (const char c : value)
                ms = ms > (std::numeric_limits<qint64>::max() - (c - '0')) / 10 ? std::numeric_limits<qint64>::max()
                                                                                : ms * 10 + (c - '0');
            out.reconnectionMs = ms;
            eventRetry = ms;
        }
    }
    return out;
}

// Feeds `stream` in chunks whose lengths come from `seed` (1 to `longest` bytes), taking the events now
// and then as a client would.
Outcome chunked(SseParser *parser, const QByteArray &stream, unsigned seed, int longest)
{
    Outcome out;
    unsigned state = seed * 2654435761u + 1;
    for (qsizetype at = 0; at < stream.size();) {
        state = state * 1103515245u + 12345u;
        const qsizetype length = 1 + static_cast<qsizetype>((state >> 16) % static_cast<unsigned>(longest));
        parser->feed(stream.mid(at, length));
        at += length;
        if (state & 0x100)
            out.events += parser->takeEvents();
    }
    out.events += parser->takeEvents();
    out.lastEventId = parser->lastEventId();
    out.reconnectionMs = parser->reconnectionTimeMs();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray stream(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    const Outcome expected = reference(stream);

    SseParser whole;
    whole.feed(stream);
    const Outcome once{whole.takeEvents(), whole.lastEventId(), whole.reconnectionTimeMs()};
    if (whole.failed())
        fail("the parser failed below its limit", stream);
    if (once.events.size() != expected.events.size() || !sameEvents(once.events, expected.events, once.events.size()))
        fail("events differ from the standard's reading", stream);
    if (once.lastEventId != expected.lastEventId || once.reconnectionMs != expected.reconnectionMs)
        fail("last event id or reconnection time differ from the standard's reading", stream);
    for (const SseEvent &e : once.events)
        if (e.type.isEmpty() || e.id.contains('\0'))
            fail("an event without a type, or with NUL in its id", stream);

    SseParser cut;
    const Outcome pieces = chunked(&cut, stream, data[0], 1 + data[0] % 17);
    if (cut.failed() || pieces.events.size() != once.events.size() ||
        !sameEvents(pieces.events, once.events, once.events.size()) || pieces.lastEventId != once.lastEventId ||
        pieces.reconnectionMs != once.reconnectionMs)
        fail("feeding the stream in chunks changes what it means", stream);

    // A small limit: the parser either never reaches it (then nothing changes) or keeps what came before.
    SseParser small(16 + data[0] % 64);
    const Outcome limited = chunked(&small, stream, data[0] >> 3, 1 + data[0] % 5);
    if (!small.failed()) {
        if (limited.events.size() != once.events.size() || !sameEvents(limited.events, once.events, once.events.size()))
            fail("a limit that was never reached changes the events", stream);
    } else {
        if (limited.events.size() > once.events.size() ||
            !sameEvents(limited.events, once.events, limited.events.size()))
            fail("a parser that hit its limit kept events that are not a prefix of the stream's", stream);
        small.feed(QByteArrayLiteral("data: after\n\n"));
        if (small.hasEvents())
            fail("a failed parser still produces events", stream);
    }
    return 0;
}
