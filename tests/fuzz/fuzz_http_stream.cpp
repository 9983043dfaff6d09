// SPDX-License-Identifier: MIT
// A raw HTTP/1.x byte stream from a client, through the real HttpConnection (http-parser, limits,
// pipelining, 100-continue, streamed answers) on one end of a socket pair. The first two input bytes
// choose how the rest is cut into one to three writes; the client then closes its sending side.
// Checks that the server's output is a sequence of well-formed HTTP/1.1 answers that match the
// requests the handler saw, in order, and that the connection closes.
#include "server/HttpConnection.h"
#include "server/HttpMetrics.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <http_parser.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

using namespace clev;

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &output)
{
    std::fprintf(stderr, "fuzz_http_stream: %s\n--- server output (%lld bytes) ---\n%.*s\n---\n", what,
                 static_cast<long long>(output.size()), static_cast<int>(std::min<qsizetype>(output.size(), 4096)),
                 output.constData());
    std::abort();
}

struct Seen
{
    QByteArray method;
    QByteArray path;
    qsizetype bodySize = 0;
};

// Answers 200 with the body's length, in reverse order of arrival once the driver says so (pipelined
// answers complete out of order). "/close" asks for the connection to close; "/stream" answers with a
// streamed body of two events that ends at once.
class Handler final : public HttpHandler
{
public:
    QList<Seen> seen;

    void handle(const HttpRequest &request, const HttpResponder &responder) override
    {
        seen.append({request.method, request.path, request.body.size()});
        m_waiting.append({responder, seen.size() - 1});
    }

    bool answerWaiting()
    {
        if (m_waiting.isEmpty())
            return false;
        for (qsizetype i = m_waiting.size() - 1; i >= 0; --i) {
            const Seen &s = seen.at(m_waiting.at(i).second);
            HttpResponse r;
            r.contentType = "text/plain";
            r.body = QByteArray::number(s.bodySize);
            if (s.path == "/close") {
                r.closeConnection = true;
            } else if (s.path == "/stream" && s.method != "HEAD") {
                r.contentType = "text/event-stream";
                r.body.clear();
                r.stream = std::make_shared<HttpStream>();
                r.stream->write("data: 1\n\n");
                r.stream->write("data: 2\n\n");
                r.stream->close();
            }
            m_waiting.at(i).first.send(std::move(r));
        }
        m_waiting.clear();
        return true;
    }

private:
    QList<QPair<HttpResponder, qsizetype>> m_waiting;
};

QCoreApplication *application()
{
    static QCoreApplication *app = [] {
        qputenv("QT_NO_GLIB", "1"); // the plain poll() dispatcher: less work per round
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
        static int argc = 1;
        static char name[] = "fuzz_http_stream";
        static char *argv[] = {name, nullptr};
        return new QCoreApplication(argc, argv);
    }();
    return app;
}

// Reads whatever the server wrote so far. False once the server closed its end.
bool drain(int fd, QByteArray *out)
{
    char buffer[16 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            out->append(buffer, n);
            continue;
        }
        if (n == 0)
            return false;
        if (errno == EINTR)
            continue;
        return true; // EAGAIN: nothing more for now
    }
}

// Runs the event loop until nothing happens any more: no event, no new request, no new output.
void settle(Handler *handler, int fd, QByteArray *out)
{
    QAbstractEventDispatcher *dispatcher = QThread::currentThread()->eventDispatcher();
    for (int quiet = 0; quiet < 2;) {
        const qsizetype before = out->size();
        bool busy = dispatcher->processEvents(QEventLoop::AllEvents);
        busy |= handler->answerWaiting();
        drain(fd, out);
        busy |= out->size() != before;
        quiet = busy ? 0 : quiet + 1;
    }
}

// One answer: status line, headers, and its body. Returns false when the output is not well-formed.
struct Answer
{
    int status = 0;
    QByteArray contentLength; // null when absent
    bool close = false;
    QByteArray body;
};

bool readAnswer(const QByteArray &output, qsizetype *at, bool head, Answer *answer)
{
    const qsizetype end = output.indexOf("\r\n\r\n", *at);
    if (end < 0)
        return false;
    QList<QByteArray> lines;
    for (qsizetype from = *at; from <= end;) {
        const qsizetype eol = output.indexOf("\r\n", from);
        lines.append(output.mid(from, eol - from));
        from = eol + 2;
    }
    const QByteArray &status = lines.first(); // "HTTP/1.1 NNN Reason"
    if (!status.startsWith("HTTP/1.1 ") || status.size() < 14 || status.at(12) != ' ')
        return false;
    bool ok = false;
    answer->status = status.mid(9, 3).toInt(&ok);
    if (!ok || answer->status < 100 || answer->status > 599 ||
        status.mid(13) != HttpResponse::reasonPhrase(answer->status))
        return false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(": ");
        if (colon <= 0 || line.contains('\n') || line.contains('\r'))
            return false;
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 2);
        if (name == "content-length")
            answer->contentLength = value;
        else if (name == "connection")
            answer->close = value == "close";
    }
    *at = end + 4;
    if (answer->status == 100)
        return lines.size() == 1;         // "HTTP/1.1 100 Continue", nothing else
    if (answer->contentLength.isNull()) { // a stream: the rest of the output
        answer->body = output.mid(*at);
        *at = output.size();
        return true;
    }
    const qsizetype length = answer->contentLength.toLongLong(&ok);
    if (!ok || length < 0)
        return false;
    if (!head) {
        if (output.size() - *at < length)
            return false;
        answer->body = output.mid(*at, length);
        *at += length;
    }
    return true;
}

// Complete requests in the stream, up to the first it cannot parse (http-parser without our limits).
qsizetype completeRequests(const QByteArray &stream)
{
    if (stream.isEmpty())
        return 0;
    http_parser parser;
    http_parser_init(&parser, HTTP_REQUEST);
    qsizetype count = 0;
    parser.data = &count;
    http_parser_settings settings;
    http_parser_settings_init(&settings);
    settings.on_message_complete = [](http_parser *p) {
        ++*static_cast<qsizetype *>(p->data);
        return 0;
    };
    http_parser_execute(&parser, &settings, stream.constData(), static_cast<size_t>(stream.size()));
    return count;
}

// `seenBeforeEof`: requests the handler had seen when the connection went quiet, before the client's EOF.
void check(const Handler &handler, const QByteArray &output, const QByteArray &stream, qsizetype seenBeforeEof)
{
    qsizetype at = 0;
    qsizetype answered = 0; // answers to requests the handler saw
    bool failed = false;    // the one error answer (4xx/5xx from the connection itself) was given
    while (at < output.size()) {
        if (failed)
            fail("output after the error answer", output);
        const bool expected = answered < handler.seen.size();
        const bool head = expected && handler.seen.at(answered).method == "HEAD";
        Answer a;
        if (!readAnswer(output, &at, head, &a))
            fail("malformed answer", output);
        if (a.status == 100)
            continue;
        if (a.status == 200) {
            if (!expected)
                fail("an answer to a request the handler never saw", output);
            const Seen &s = handler.seen.at(answered++);
            if (s.path == "/stream" && s.method != "HEAD") {
                if (!a.contentLength.isNull() || a.body != "data: 1\n\ndata: 2\n\n")
                    fail("a streamed answer that is not the stream", output);
                if (at != output.size())
                    fail("output after a stream", output);
                return; // the connection serves nothing else after a stream, and reads nothing more
            }
            const QByteArray body = QByteArray::number(s.bodySize); // what the handler answered
            if (a.contentLength != QByteArray::number(body.size()) || (!head && a.body != body))
                fail("an answer that does not match its request (order)", output);
        } else {
            static const QList<int> errors{400, 408, 413, 431, 505};
            if (!errors.contains(a.status) || !a.close || !a.body.startsWith("{\"detail\":"))
                fail("an unexpected status", output);
            failed = true;
        }
        if (a.close && at != output.size())
            fail("output after Connection: close", output);
        if (a.close)
            return; // it read no further: nothing more to expect
    }
    if (answered != handler.seen.size())
        fail("a request the handler saw was not answered", output);
    // Nothing ended the exchange (no error, no close, no stream): every complete request was executed
    // before the client's EOF, none is left waiting in the connection.
    if (seenBeforeEof != completeRequests(stream))
        fail("a complete request was never executed (the connection stalled)", output);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    application();
    static HttpMetrics metrics;
    if (size < 2)
        return 0;
    // Small limits, so that inputs cross them; timeouts far beyond one run.
    HttpLimits limits;
    limits.maxHeaderBytes = 512;
    limits.maxBodyBytes = 1024;
    limits.maxPipelined = 3;
    limits.requestTimeoutMs = 60'000;
    limits.keepAliveTimeoutMs = 60'000;
    limits.headTimeoutMs = 60'000;

    const QByteArray stream(reinterpret_cast<const char *>(data) + 2, static_cast<qsizetype>(size - 2));
    const int pieces = 1 + data[0] % 3;
    const qsizetype cut1 = pieces > 1 ? stream.size() * (data[1] & 0x0f) / 16 : stream.size();
    const qsizetype cut2 = pieces > 2 ? cut1 + (stream.size() - cut1) * (data[1] >> 4) / 16 : stream.size();
    const QList<QByteArray> chunks{stream.left(cut1), stream.mid(cut1, cut2 - cut1), stream.mid(cut2)};

    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) != 0)
        std::abort();
    Handler handler;
    bool closed = false;
    // The connection owns fds[0] from here on; it deletes itself (deleteLater) once closed.
    auto *connection = new HttpConnection(fds[0], limits, &handler, &metrics, nullptr, nullptr);
    QObject::connect(connection, &HttpConnection::closed, [&closed] { closed = true; });

    QByteArray output;
    for (const QByteArray &chunk : chunks) {
        qsizetype written = 0;
        while (written < chunk.size() && !closed) {
            const ssize_t n = ::write(fds[1], chunk.constData() + written, static_cast<size_t>(chunk.size() - written));
            if (n > 0)
                written += n;
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                break; // EPIPE: the server closed
            settle(&handler, fds[1], &output);
        }
        settle(&handler, fds[1], &output);
    }
    const qsizetype seenBeforeEof = handler.seen.size();
    ::shutdown(fds[1], SHUT_WR);
    QElapsedTimer clock;
    clock.start();
    bool open = true;
    while (!closed || open) {
        settle(&handler, fds[1], &output);
        open = drain(fds[1], &output);
        if (clock.elapsed() > 5000)
            fail(closed ? "the server closed the connection but not its socket"
                        : "the connection did not close after the client's EOF",
                 output);
        if (!closed || open)
            QThread::usleep(100);
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    ::close(fds[1]);
    check(handler, output, stream, seenBeforeEof);
    return 0;
}
