// SPDX-License-Identifier: MIT
#include "remote/SseParser.h"

#include "core/Logging.h"

#include <QByteArrayView>

#include <limits>
#include <utility>

namespace clev {

namespace {

constexpr QByteArrayView Bom("\xEF\xBB\xBF");

} // namespace

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{
}

QList<SseEvent> SseParser::takeEvents()
{
    return std::exchange(m_events, {});
}

void SseParser::feed(const QByteArray &chunk)
{
    if (m_failed || chunk.isEmpty())
        return;
    if (!m_bomChecked) {
        // The first bytes wait in m_line until they are known to be, or not to be, a byte order mark.
        QByteArray head = std::exchange(m_line, {}) + chunk;
        if (head.size() < Bom.size() && Bom.startsWith(head)) {
            m_line = head;
            return;
        }
        m_bomChecked = true;
        if (head.startsWith(Bom))
            head.remove(0, Bom.size());
        parse(head.constData(), head.constData() + head.size());
        return;
    }
    parse(chunk.constData(), chunk.constData() + chunk.size());
}

void SseParser::parse(const char *begin, const char *end)
{
    const char *p = begin;
    if (p != end && std::exchange(m_afterCr, false) && *p == '\n')
        ++p; // the LF of a CRLF cut between two chunks
    while (p != end) {
        const char *eol = p;
        while (eol != end && *eol != '\n' && *eol != '\r')
            ++eol;
        m_line.append(p, eol - p);
        if (!withinLimit())
            return;
        if (eol == end)
            return; // the line goes on in the next chunk
        processLine(m_line);
        m_line.clear();
        if (!withinLimit())
            return;
        p = eol + 1;
        if (*eol == '\r') {
            if (p == end)
                m_afterCr = true;
            else if (*p == '\n')
                ++p;
        }
    }
}

void SseParser::processLine(const QByteArray &line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.startsWith(':'))
        return; // a comment (servers send them to keep the connection alive)
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? QByteArrayView(line) : QByteArrayView(line).first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : QByteArrayView(line).sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "data") {
        m_data.append(value);
        m_data.append('\n');
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_idBuffer = value.toByteArray();
    } else if (field == "retry") {
        if (value.isEmpty())
            return;
        qint64 ms = 0;
        for (const char c : value) {
            if (c < '0' || c > '9')
                return;
            // Digits beyond what fits are still digits: the time saturates rather than wraps.
            const int digit = c - '0';
            ms = ms > (std::numeric_limits<qint64>::max() - digit) / 10 ? std::numeric_limits<qint64>::max()
                                                                        : ms * 10 + digit;
        }
        m_reconnectionMs = ms;
        m_eventRetryMs = ms;
    }
}

void SseParser::dispatch()
{
    m_lastEventId = m_idBuffer;
    const std::optional<qint64> retry = std::exchange(m_eventRetryMs, std::nullopt);
    if (m_data.isEmpty()) {
        m_type.clear();
        return;
    }
    if (m_data.endsWith('\n'))
        m_data.chop(1);
    SseEvent event;
    event.id = m_lastEventId;
    event.type = m_type.isEmpty() ? QByteArrayLiteral("message") : std::exchange(m_type, {});
    event.data = std::exchange(m_data, {});
    event.retryMs = retry;
    m_events.append(std::move(event));
}

bool SseParser::withinLimit()
{
    if (m_line.size() + m_data.size() + m_type.size() <= m_maxEventBytes)
        return true;
    fail();
    return false;
}

void SseParser::fail()
{
    qCDebug(lcRemote) << "event stream: one event is larger than" << m_maxEventBytes << "bytes; the stream is broken";
    m_failed = true;
    m_line.clear();
    m_line.squeeze();
    m_data.clear();
    m_data.squeeze();
    m_type.clear();
}

} // namespace clev
