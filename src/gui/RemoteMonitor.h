// SPDX-License-Identifier: MIT
#pragma once

#include "gui/MonitorSource.h"
#include "remote/SseParser.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkReply;

namespace clev {

class Clock;

// Where a remote clevagent-server is and how to reach it. The key comes from the keychain; the pinned
// fingerprint (SHA-256 of the server's certificate, for self-signed ones) from the settings.
struct RemoteEndpoint
{
    QString name;
    QUrl url; // http(s)://host:port
    QString key;
    QByteArray pinnedFingerprint;
};

// A clevagent-server elsewhere, seen through its API like the local engine: it pages through
// /api/v1/status (1000 per page) for the full list, then follows /api/v1/events. State changes from
// the events become transitions (the tray notifies on them); usage ticks refresh the list at most every
// two seconds. When the connection drops it says since when, retries with back-off (1 s … 30 s) and
// catches up on reconnect: missed events are replayed (Last-Event-ID); when the server cannot replay
// them (it restarted) the list is read again and what changed meanwhile is reported once.
class RemoteMonitor final : public MonitorSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteMonitor)

public:
    RemoteMonitor(RemoteEndpoint endpoint, const Clock &clock, QObject *parent = nullptr);
    ~RemoteMonitor() override;

    void start() override;
    QString endpoint() const override { return m_endpoint.url.toString(); }
    QString name() const { return m_endpoint.name; }
    void requestSnapshot() override;
    void requestAlerts(const IncidentFilter &filter) override;
    void acknowledge(qint64 incidentId) override;
    void requestDeliveries(qint64 incidentId) override;
    void requestDetail(qint64 agentId, const QString &name) override;
    void pause(qint64 agentId, const QString &name, qint64 untilMs) override;
    void resume(qint64 agentId) override;
    void requestCosts(int days) override;
    void requestHistory() override;
    void forget(qint64 agentId, const QString &name) override;
    void restart(qint64 agentId, const QString &name) override;
    void setSettings(qint64 agentId, const QString &name, const AgentSettings &settings) override;
    void silence(const QString &pattern, qint64 untilMs, const QString &comment) override;
    bool isRemote() const override { return true; }
    bool canAct() const override { return m_canAct; }
    QTimeZone timeZone() const override { return m_timeZone; }

    bool isConnected() const { return m_connected; }
    int agentCount() const { return static_cast<int>(m_rows.size()); }
    // Requests made so far (tests count them): pages of the whole list, and reads of only the agents that beat.
    int statusPagesRead() const { return m_pagesRead; }
    int partialReads() const { return m_partialReads; }
    int streamWatchMs() const { return m_streamWatch.interval(); } // how long a silent event stream is trusted

    struct Probe
    {
        bool ok = false;
        QString message;                   // what works, or what does not, in words
        QByteArray fingerprint;            // the server's certificate (https), for pinning
        bool untrustedCertificate = false; // the certificate is not trusted and not pinned: offer to pin it
        QString version;
    };
    // Checks name resolution, the connection, TLS (and the pin), the key and its scope, and the version.
    static void probe(const RemoteEndpoint &endpoint, QObject *context, std::function<void(const Probe &)> done);

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    QNetworkReply *get(const QString &path, const QUrlQuery &query = {});
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QJsonObject &body);
    // Replies go through here: pin checks, error words, JSON.
    void onReply(QNetworkReply *reply, std::function<void(const QJsonObject &, int status, const QString &error)> done);
    void openEvents();
    void onEventsData();
    void dispatchEvent(const QByteArray &id, const QByteArray &type, const QByteArray &data);
    void readStatus(bool reportChanges);
    void readPage(int offset, QList<AgentRow> rows, bool reportChanges);
    void readCostsPage(int days, int offset, QList<DailyCost> costs);
    void readHistoryPage(int offset, QList<AgentHistory> history);
    void refreshUsage(); // what "usage" events asked for since the last refresh
    void readAgents(const QList<qint64> &ids);
    void retryUsageLater(); // a refresh failed: read everything at the next one
    static QString tooLargeText(qint64 limitBytes);
    void lost(const QString &why);
    void scheduleSnapshot();
    void setConnected(bool connected, const QString &message);
    void action(const QString &what, QNetworkReply *reply);

    RemoteEndpoint m_endpoint;
    const Clock &m_clock;
    QNetworkAccessManager m_net;
    QPointer<QNetworkReply> m_events;
    SseParser m_eventParser;
    QByteArray m_lastEventId;
    QList<AgentRow> m_rows; // by name
    bool m_loaded = false;
    bool m_connected = false;
    QTimeZone m_timeZone = QTimeZone::systemTimeZone(); // the server's, once /status said it
    bool m_canAct = true;                               // until an answer says what the key may do (X-Key-Scopes)
    bool m_readingStatus = false;
    bool m_statusAgain = false;
    bool m_statusAgainReport = false;
    qint64 m_disconnectedSinceMs = 0;
    int m_backoffMs = 1000;
    qint64 m_connectedAtMs = 0; // when the current stream came up
    int m_pagesRead = 0;
    int m_partialReads = 0;
    QSet<qint64> m_usageIds; // agents that beat: read these again
    bool m_usageAll = false; // too many, or unknown: read the whole list
    QTimer m_reconnect;
    QTimer m_snapshotTimer;
    QTimer m_usageTimer;
    QTimer m_streamWatch; // no keep-alive for this long: the connection is dead (a half-open TCP)
    QString m_pinProblem;
};

} // namespace clev
