// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkReply>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QHostInfo;

namespace clev {

// The check behind "Test connection" for a clevagent-server elsewhere, as a small state machine:
//
//   Idle ─start()→ Resolving ─name found→ CheckingHealth ─/healthz 200→ CheckingKey ─→ Finished
//                     │                        │                            │
//                     └──────────── a failure at any step: Finished, with what failed ────────┘
//
// Each step names its own failure (a bad address, DNS, the connection or TLS, the certificate and its
// pin, a server that is not clevagent-server, the key and its scope), so the caller can say exactly
// what to fix. The words are the caller's (they are translated); this class only finds out.
class ConnectionProbe final : public QObject
{
    Q_OBJECT

public:
    enum class Stage { Idle, Resolving, CheckingHealth, CheckingKey, Finished };
    Q_ENUM(Stage)
    enum class Outcome {
        Connected,            // /healthz answered, and the key may read /api/v1/status
        BadAddress,           // not an http(s)://host[:port] address
        NameNotResolved,      // DNS: hostError says why
        NetworkError,         // the connection or TLS failed: networkError, networkErrorString
        CertificateChanged,   // the pinned certificate is not the one the server shows
        UntrustedCertificate, // TLS works; the certificate is neither trusted nor pinned: offer to pin it
        NotClevagent,         // something answers, but /healthz is not 200
        KeyRefused,           // 401
        KeyMayNotRead,        // 403
        UnexpectedStatus,     // any other answer to /api/v1/status
    };
    Q_ENUM(Outcome)
    struct Result
    {
        Outcome outcome = Outcome::BadAddress;
        QUrl url;
        QString hostError;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString networkErrorString;
        int httpStatus = 0;
        QByteArray fingerprint; // the server's certificate (https), for pinning
        QString version;        // from /healthz
        qint64 agents = 0;      // the status page's total, when connected
    };

    // transferTimeoutMs bounds each request (DNS is bounded by the system resolver).
    ConnectionProbe(QUrl url, QByteArray key, QByteArray pinnedFingerprint, int transferTimeoutMs = 10'000,
                    QObject *parent = nullptr);

    // Runs the steps; finished() comes once, also for an address that is wrong from the start (queued,
    // so a receiver connected after start() still gets it).
    void start();
    Stage stage() const { return m_stage; }

Q_SIGNALS:
    void stageChanged(clev::ConnectionProbe::Stage stage);
    void finished(const clev::ConnectionProbe::Result &result);

private:
    void enter(Stage stage);
    void finish(Outcome outcome);
    void onResolved(const QHostInfo &info);
    void checkHealth();
    void onHealth(QNetworkReply *reply);
    void checkKey();
    void onKey(QNetworkReply *reply);
    QNetworkReply *get(const QString &path, const QString &query, bool withKey);

    const QUrl m_url;
    const QByteArray m_key;
    const QByteArray m_pinned;
    const int m_timeoutMs;
    Stage m_stage = Stage::Idle;
    Result m_result;
    QNetworkAccessManager *m_net = nullptr;
    bool m_certificateChanged = false;
    bool m_untrusted = false;
};

} // namespace clev
