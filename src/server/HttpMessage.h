// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <atomic>

#include <functional>
#include <memory>
#include <mutex>

namespace clev {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;
class HttpStream;

// A complete request as the parser delivered it. Header names are lower-case.
struct HttpRequest
{
    QByteArray method;
    QByteArray path;    // percent-decoded path without the query
    QByteArray rawPath; // the path as sent: route on its segments, then decode each (a name may hold %2F)
    QByteArray query;   // raw query string, without '?'
    HttpHeaders headers;
    QByteArray body;
    QHostAddress peer;

    // The first header of that (lower-case) name, or a null array.
    QByteArray header(const QByteArray &lowerName) const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    HttpHeaders headers;
    bool closeConnection = false;
    // A streamed answer (server-sent events): the head and `body` go out, then whatever is written to
    // the stream, until either side closes. The connection serves nothing else afterwards.
    std::shared_ptr<HttpStream> stream;

    static HttpResponse json(int status, const QJsonObject &object);
    // The API's error shape: {"error": code, "detail": detail}. `detail` may be a string, array or object.
    static HttpResponse error(int status, const QString &code, const QJsonValue &detail);
    static const char *reasonPhrase(int status);
};

class HttpConnection;

namespace detail {
// Shared between a connection and the responders of its requests; outlives the connection.
struct ResponseSink;
} // namespace detail

// Delivers the answer to one request, from any thread, at most once. If the client went away meanwhile,
// the answer is dropped.
class HttpResponder
{
public:
    HttpResponder(std::shared_ptr<detail::ResponseSink> sink, quint64 sequence)
        : m_sink(std::move(sink))
        , m_sequence(sequence)
    {
    }
    void send(HttpResponse response) const;
    // Builds the answer on the connection's own thread: lets a busy thread (the storage writer) hand
    // over the work of serialising it.
    void sendBuilt(std::function<HttpResponse()> build) const;

private:
    std::shared_ptr<detail::ResponseSink> m_sink;
    quint64 m_sequence;
};

// The open end of a streamed answer. Thread-safe: write() from any thread; the bytes go out on the
// connection's thread, in order. Writes after the client went away are dropped; onClosed() tells.
class HttpStream
{
public:
    HttpStream() = default;
    HttpStream(const HttpStream &) = delete;
    HttpStream &operator=(const HttpStream &) = delete;

    // Bytes written here and not yet handed to the connection's socket, at most; beyond, the stream
    // ends with its overflow message (the connection also ends it when the reader falls behind).
    static constexpr qint64 MaxQueuedBytes = 1024 * 1024;

    void write(const QByteArray &data);
    void close();
    bool isOpen() const;
    // What the reader gets last when it falls too far behind (e.g. an event saying so).
    void setOverflowMessage(const QByteArray &message);
    QByteArray overflowMessage() const;
    // Called once (on the connection's thread) when the stream ends, by either side.
    void setOnClosed(std::function<void()> onClosed);

private:
    friend class HttpConnection;
    void attach(HttpConnection *connection); // the connection's thread
    void detach();                           // the connection's thread, when it closes

    mutable std::mutex m_mutex;
    HttpConnection *m_connection = nullptr;
    bool m_attached = false;
    bool m_ended = false;
    QList<QByteArray> m_early; // written before the head went out
    std::function<void()> m_onClosed;
    QByteArray m_overflowMessage;
    // Bytes written here and not yet taken by the connection's thread. At most one hand-over is posted
    // at a time, whatever the number of writes: a burst of events costs one wake-up and one socket
    // write per stream, not one per event (300 streams on one hub made thousands of them per second).
    struct Outbox
    {
        std::mutex mutex;
        QByteArray data;
        bool posted = false;
    };
    std::shared_ptr<Outbox> m_outbox = std::make_shared<Outbox>();
};

// Answers requests. Called on an I/O thread; must be thread-safe, and may answer later from another thread.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    virtual void handle(const HttpRequest &request, const HttpResponder &responder) = 0;
};

} // namespace clev
