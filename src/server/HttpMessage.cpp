#include "server/HttpMessage.h"

#include "server/HttpConnection.h"

#include <QJsonDocument>

namespace clev {

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return QByteArray();
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QJsonValue &detail)
{
    return json(status, QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("detail"), detail}});
}

const char *HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

void HttpResponder::send(HttpResponse response) const
{
    detail::deliver(m_sink, m_sequence, [r = std::move(response)]() mutable { return std::move(r); });
}

void HttpResponder::sendBuilt(std::function<HttpResponse()> build) const
{
    detail::deliver(m_sink, m_sequence, std::move(build));
}

} // namespace clev
