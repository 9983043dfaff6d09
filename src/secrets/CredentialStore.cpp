// SPDX-License-Identifier: MIT
#include "secrets/CredentialStore.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace clev {

namespace {

// After a timeout, jobs fail at once for this long instead of queueing behind the hung one.
constexpr qint64 FailFastMs = 30'000;

QString describe(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return CredentialStore::tr("Nothing is stored under this name in the keychain.");
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return CredentialStore::tr(
            "The keychain refused access (it is locked, or access was denied). Unlock it and try again.");
    case QKeychain::NoBackendAvailable:
        return CredentialStore::tr(
            "No keychain is available: start a Secret Service such as GNOME Keyring or KWallet, then try again.");
    case QKeychain::CouldNotDeleteEntry:
        return CredentialStore::tr("The keychain could not delete the entry: %1").arg(detail);
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return CredentialStore::tr("The keychain is not usable: %1. Secrets are not stored anywhere else.").arg(detail);
}

} // namespace

CredentialStore::CredentialStore(int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_timeoutMs(timeoutMs)
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::keyFor(Kind kind, const QString &name)
{
    switch (kind) {
    case Kind::Channel:
        return QStringLiteral("channel/") + name;
    case Kind::ApiKey:
        return QStringLiteral("apikey/") + name;
    case Kind::Remote:
        return QStringLiteral("remote/") + name;
    }
    return name;
}

bool CredentialStore::knownUnavailable() const
{
    return QDateTime::currentMSecsSinceEpoch() < m_unavailableUntilMs;
}

void CredentialStore::read(const QString &key, QObject *context, Callback done)
{
    run(Op::Read, key, QString(), context, std::move(done));
}

void CredentialStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    run(Op::Write, key, value, context, std::move(done));
}

void CredentialStore::remove(const QString &key, QObject *context, Callback done)
{
    run(Op::Remove, key, QString(), context, std::move(done));
}

void CredentialStore::run(Op op, const QString &key, const QString &value, QObject *context, Callback done)
{
    QPointer<QObject> guard(context);
    // One answer per request: from the job, or from the timeout, whichever comes first.
    auto answered = std::make_shared<bool>(false);
    auto answer = [this, guard, answered, done](const Result &r) {
        if (*answered)
            return;
        *answered = true;
        if (guard)
            QMetaObject::invokeMethod(
                guard.data(), [done, r] { done(r); }, Qt::QueuedConnection);
    };
    if (knownUnavailable()) {
        answer(Result{false, false, QString(), m_lastError});
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(service());
        break;
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(service());
        w->setTextData(value);
        job = w;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(service());
        break;
    }
    job->setKey(key);
    job->setInsecureFallback(false); // never: a secret is in the keychain or nowhere
    job->setAutoDelete(true);

    // The job may answer long after its timeout (when the user finally unlocks): hold the timer weakly.
    QPointer<QTimer> timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, timer, answer] {
        if (timer)
            timer->deleteLater();
        m_unavailableUntilMs = QDateTime::currentMSecsSinceEpoch() + FailFastMs;
        m_lastError = tr("The keychain did not answer within %1 s: it may be locked behind an unlock prompt. "
                         "Unlock it (for example in GNOME Keyring's \"Passwords and Keys\") and try again.")
                          .arg(m_timeoutMs / 1000.0, 0, 'g', 3);
        answer(Result{false, false, QString(), m_lastError});
    });
    connect(job, &QKeychain::Job::finished, this, [this, op, timer, answer](QKeychain::Job *j) {
        if (timer && timer->isActive()) {
            timer->stop();
            timer->deleteLater();
        }
        Result r;
        if (j->error() == QKeychain::NoError) {
            r.ok = true;
            if (op == Op::Read)
                r.value = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            m_unavailableUntilMs = 0;
            m_lastError.clear();
        } else if (j->error() == QKeychain::EntryNotFound && op != Op::Write) {
            r.ok = op == Op::Remove; // removing what is not there: done
            r.notFound = true;
        } else {
            r.error = describe(j->error(), j->errorString());
            m_lastError = r.error;
            if (j->error() == QKeychain::NoBackendAvailable || j->error() == QKeychain::OtherError)
                m_unavailableUntilMs = QDateTime::currentMSecsSinceEpoch() + FailFastMs;
        }
        answer(r);
    });
    timer->start(m_timeoutMs);
    job->start();
}

} // namespace clev
