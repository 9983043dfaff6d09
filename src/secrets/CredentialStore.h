// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace clev {

// Secrets in the OS keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows) through QtKeychain, and nowhere else: the insecure plaintext fallback is never enabled.
//
// Every job has a timeout: on Linux a job can wait forever behind an unlock prompt nobody sees. After a
// timeout the store fails fast for a while (QtKeychain runs jobs one after another, so the next ones
// would wait behind the hung one) and every caller gets the same clear message.
//
// Keys follow one rule: "<kind>/<name>", e.g. "channel/ops-slack", "apikey/cv_AbCdEf12", "remote/gpu-box",
// all under the service name "ClevAgent".
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    enum class Kind { Channel, ApiKey, Remote };
    struct Result
    {
        bool ok = false;
        bool notFound = false; // a read of a key that holds nothing (not an error of the keychain)
        QString value;         // what a read returned
        QString error;         // why not, in words a user can act on
    };
    using Callback = std::function<void(const Result &)>;

    explicit CredentialStore(int timeoutMs = 5000, QObject *parent = nullptr);
    ~CredentialStore() override;

    static QString service() { return QStringLiteral("ClevAgent"); }
    static QString keyFor(Kind kind, const QString &name);

    // The callback runs on `context`'s thread, once, unless `context` is gone by then.
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QString &value, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

    // True after a timeout or a missing backend, until the fail-fast period ends or a job succeeds.
    bool knownUnavailable() const;
    QString lastError() const { return m_lastError; }
    int timeoutMs() const { return m_timeoutMs; }

private:
    enum class Op { Read, Write, Remove };
    void run(Op op, const QString &key, const QString &value, QObject *context, Callback done);

    int m_timeoutMs;
    qint64 m_unavailableUntilMs = 0;
    QString m_lastError;
};

} // namespace clev
