// SPDX-License-Identifier: MIT
#include "core/ApiKey.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace clev::ApiKey {

namespace {
constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr quint32 AlphabetSize = 62;

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
} // namespace

QByteArray generate()
{
    QByteArray key("cv_");
    key.reserve(3 + RandomLength);
    auto *rng = QRandomGenerator::system();
    while (key.size() < 3 + RandomLength) {
        // Rejection sampling keeps every character uniformly distributed.
        const quint32 v = rng->generate() & 0xFF;
        if (v < 248) // 248 = 4 * 62
            key.append(Alphabet[v % AlphabetSize]);
    }
    return key;
}

bool isWellFormed(const QByteArray &key)
{
    if (key.size() < 3 + 32 || key.size() > 3 + 128 || !key.startsWith("cv_"))
        return false;
    for (qsizetype i = 3; i < key.size(); ++i) {
        if (!isBase62(key.at(i)))
            return false;
    }
    return true;
}

QByteArray lookupPrefix(const QByteArray &key)
{
    return key.left(3 + PrefixLength);
}

QByteArray hash(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

bool parseScopes(const QString &text, Scopes *out, QString *error)
{
    Scopes scopes;
    const auto parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed().toLower();
        if (part == u"ingest")
            scopes |= Scope::Ingest;
        else if (part == u"read")
            scopes |= Scope::Read;
        else if (part == u"admin")
            scopes |= Scope::Admin;
        else {
            if (error)
                *error = QStringLiteral("unknown scope '%1' (use ingest, read or admin)").arg(part);
            return false;
        }
    }
    if (!scopes) {
        if (error)
            *error = QStringLiteral("no scope given (use ingest, read or admin)");
        return false;
    }
    *out = scopes;
    return true;
}

QString scopesToString(Scopes scopes)
{
    QStringList names;
    if (scopes & Scope::Ingest)
        names << QStringLiteral("ingest");
    if (scopes & Scope::Read)
        names << QStringLiteral("read");
    if (scopes & Scope::Admin)
        names << QStringLiteral("admin");
    return names.join(u',');
}

bool grants(Scopes held, Scope needed)
{
    return held.testFlag(Scope::Admin) || held.testFlag(needed);
}

} // namespace clev::ApiKey
