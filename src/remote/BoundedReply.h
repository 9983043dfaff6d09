// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkReply>

namespace clev {

// The one way this project bounds what it reads from another server (a remote instance, an alert
// receiver): once a reply holds more than `maxBytes` it is aborted and marked, so its finished
// handler can say why instead of reporting a plain abort. Checked on readyRead, not downloadProgress:
// Qt holds back progress signals that come close together.
inline constexpr const char *ReplyTooLargeProperty = "clevTooLarge";

inline void markReplyTooLarge(QNetworkReply *reply)
{
    if (!reply->property(ReplyTooLargeProperty).toBool()) {
        reply->setProperty(ReplyTooLargeProperty, true);
        reply->abort();
    }
}

inline void boundReply(QNetworkReply *reply, qint64 maxBytes)
{
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, maxBytes] {
        if (reply->bytesAvailable() > maxBytes)
            markReplyTooLarge(reply);
    });
}

inline bool replyTooLarge(const QNetworkReply *reply)
{
    return reply->property(ReplyTooLargeProperty).toBool();
}

} // namespace clev
