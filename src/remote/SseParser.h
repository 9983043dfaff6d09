// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

namespace clev {

// One event of a server-sent event stream, as the HTML standard dispatches it. Fields hold the bytes
// the stream carried (UTF-8); QString::fromUtf8 decodes them as the standard does (invalid sequences
// become U+FFFD).
struct SseEvent
{
    QByteArray id;                 // the last event ID when it was dispatched: an id field sets it for later events too
    QByteArray type;               // the event field, or "message"
    QByteArray data;               // the data lines, joined with '\n'
    std::optional<qint64> retryMs; // a valid retry field among this event's lines
};

// The HTML standard's "event stream interpretation" (WHATWG HTML, 9.2.6), fed in chunks cut anywhere:
// lines end in CRLF, LF or CR (a CR that ends one chunk and the LF that starts the next are one line
// end); one leading UTF-8 byte order mark is skipped; lines starting with ':' are comments; "field:
// value" loses one space after the colon; data lines are joined with '\n'; a blank line dispatches the
// event, unless its data is empty (then only the last event ID changes); an id holding NUL is ignored;
// retry takes ASCII digits only; unknown fields are ignored. What is left when the stream ends is an
// event never finished, which the standard discards: a new stream takes a new parser.
//
// Memory is bounded: when the line being read plus the event's buffered data and type grow past
// `maxEventBytes`, the parser fails. It keeps the events before that, drops its buffers and ignores
// everything fed after; the caller treats the stream as broken.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxEventBytes = 1 << 20;

    explicit SseParser(qsizetype maxEventBytes = DefaultMaxEventBytes);

    void feed(const QByteArray &chunk);
    // The events dispatched so far and not taken yet, oldest first.
    bool hasEvents() const { return !m_events.isEmpty(); }
    QList<SseEvent> takeEvents();

    // The event source's last event ID: set at every blank line from the last id field (what a reconnect
    // sends as Last-Event-ID).
    QByteArray lastEventId() const { return m_lastEventId; }
    // The reconnection time the stream asked for with its last valid retry field, if it did.
    std::optional<qint64> reconnectionTimeMs() const { return m_reconnectionMs; }
    bool failed() const { return m_failed; }
    qsizetype maxEventBytes() const { return m_maxEventBytes; }

private:
    void parse(const char *begin, const char *end);
    void processLine(const QByteArray &line);
    void dispatch();
    bool withinLimit();
    void fail();

    qsizetype m_maxEventBytes;
    QByteArray m_line; // the line read so far; before the first line is known not to start with a BOM, its bytes
    QByteArray m_data;
    QByteArray m_type;
    QByteArray m_idBuffer;
    QByteArray m_lastEventId;
    std::optional<qint64> m_reconnectionMs;
    std::optional<qint64> m_eventRetryMs; // a retry field since the last blank line
    QList<SseEvent> m_events;
    bool m_bomChecked = false;
    bool m_afterCr = false; // the last byte was a CR: an LF next belongs to it
    bool m_failed = false;
};

} // namespace clev
