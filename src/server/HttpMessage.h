#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <functional>
#include <memory>

namespace clev {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// A complete request as the parser delivered it. Header names are lower-case.
struct HttpRequest
{
    QByteArray method;
    QByteArray path;  // percent-decoded path without the query
    QByteArray query; // raw query string, without '?'
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

// Answers requests. Called on an I/O thread; must be thread-safe, and may answer later from another thread.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    virtual void handle(const HttpRequest &request, const HttpResponder &responder) = 0;
};

} // namespace clev
