// SPDX-License-Identifier: MIT
#pragma once

// The parts the API's handler files share (ApiService*.cpp, ApiIngest.cpp, ApiRead.cpp, ApiAdmin.cpp,
// ApiMetrics.cpp). Not for use outside the engine's API.

#include "core/HeartbeatCodec.h"
#include "server/HttpMessage.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

class QUrlQuery;

namespace clev {

// The API's error answers that do not depend on the caller.
namespace ApiAnswer {
// 422 naming every bad field at once.
HttpResponse validationFailed(const QList<FieldError> &errors);
// 503 with Retry-After: the database failed; `detail` is what the caller reads.
HttpResponse storageUnavailable(const QString &detail);
HttpResponse notFound(const QString &detail);
} // namespace ApiAnswer

// Answers one admitted request, from any thread, at most once. Every answer carries the caller's rate
// limit headers (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset) and X-Key-Scopes: they are
// added here, once, so no path can forget them. Copied freely into work that answers later.
class ApiReply
{
public:
    ApiReply(HttpResponder responder, HttpHeaders rateHeaders)
        : m_responder(std::move(responder))
        , m_rateHeaders(std::move(rateHeaders))
    {
    }

    void send(HttpResponse response) const;
    // Builds the answer on the connection's thread (see HttpResponder::sendBuilt).
    void sendBuilt(std::function<HttpResponse()> build) const;

    void json(int status, const QJsonObject &body) const { send(HttpResponse::json(status, body)); }
    void error(int status, const QString &code, const QJsonValue &detail) const
    {
        send(HttpResponse::error(status, code, detail));
    }
    void notFound(const QString &detail) const { send(ApiAnswer::notFound(detail)); }
    void validationFailed(const QList<FieldError> &errors) const { send(ApiAnswer::validationFailed(errors)); }
    // 503: logs `what` and `error`, and tells the caller `detail` (the error itself when empty).
    void storageUnavailable(const char *what, const QString &error, const QString &detail = {}) const;

    const HttpHeaders &rateHeaders() const { return m_rateHeaders; }

private:
    HttpResponder m_responder;
    HttpHeaders m_rateHeaders;
};

// One admitted request as a handler sees it.
struct ApiCall
{
    const HttpRequest &request;
    ApiReply reply;
    qint64 keyId = 0;
    // The path's {name} segments, percent-decoded, in the order of the pattern.
    QList<QPair<QByteArray, QString>> params;

    QString param(const char *name) const
    {
        for (const auto &p : params) {
            if (p.first == name)
                return p.second;
        }
        return {};
    }
    bool isHead() const { return request.method == "HEAD"; }
};

// A query parameter that must be an integer in [min, max]; absent gives `fallback`. On a bad value
// appends to `errors` and returns false.
bool intParam(const QUrlQuery &query, const QString &name, int fallback, int min, int max, int *out,
              QList<FieldError> *errors);

} // namespace clev
