// SPDX-License-Identifier: MIT
#pragma once

#include "engine/Channels.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <map>
#include <memory>

namespace clev {

class Clock;
class Database;
class OutboxStore;
class StoreTransactions;
struct SqliteStores;

// Delivers the notifications stored in the outbox table, each through its channel, with exponential
// back-off between failed attempts (2 s doubling up to 5 min, 15 attempts). A row is marked sent as
// soon as its receiver accepts it, so a notification is not sent again after a success; rows still
// pending when the program stops are sent after it starts again. Every request carries the row's
// idempotency key (PagerDuty: a dedup_key per incident) for the rare resend after a crash between the
// receiver's answer and the mark. Lives on the engine thread.
class NotificationDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationDispatcher)

public:
    struct Options
    {
        qint64 firstRetryMs = 2000;
        qint64 maxRetryMs = 5 * 60 * 1000;
        int maxAttempts = 15;
    };

    // On an outbox store whose writes `transactions` group (borrowed: they outlive the dispatcher).
    NotificationDispatcher(const StoreTransactions *transactions, OutboxStore *outbox, const Clock &clock,
                           const QList<ChannelConfig> &channels, Options options, QObject *parent = nullptr);
    // On the SQLite outbox of `db` (made and owned here).
    NotificationDispatcher(const Database &db, const Clock &clock, const QList<ChannelConfig> &channels,
                           Options options, QObject *parent = nullptr);
    NotificationDispatcher(const Database &db, const Clock &clock, const QList<ChannelConfig> &channels,
                           QObject *parent = nullptr)
        : NotificationDispatcher(db, clock, channels, Options(), parent)
    {
    }
    ~NotificationDispatcher() override;

    // Names of the channels that want alerts of this kind.
    QStringList channelsFor(IncidentKind kind) const;
    bool hasChannel(const QString &name) const { return m_channels.count(name) > 0; }

    // Sends what is due now. The timer calls it; so may tests after moving their clock.
    void pump();
    // Sends a test notification straight away (no outbox); `done` gets "" or the receiver's error.
    void sendTest(const QString &channel, std::function<void(const QString &error)> done);
    // The same for a channel that is not configured yet (the desktop's "Send test" before saving).
    void sendTest(const ChannelConfig &config, std::function<void(const QString &error)> done);
    // Replaces the channels (the desktop app after its settings changed). Sends in flight finish.
    void setChannels(const QList<ChannelConfig> &channels);
    int inFlight() const { return static_cast<int>(m_inFlight.size()); }

Q_SIGNALS:
    void attempted(qint64 outboxId, const QString &channel, const QString &error);

private:
    Notification testNotification(const QString &channel) const;
    void finish(qint64 id, int attempts, const QString &error);
    void rearm();

    std::unique_ptr<SqliteStores> m_own; // when made on a Database
    const StoreTransactions *m_transactions;
    OutboxStore *m_outbox;
    const Clock &m_clock;
    const Options m_options;
    QNetworkAccessManager m_network;
    std::map<QString, std::unique_ptr<Channel>> m_channels;
    QSet<qint64> m_inFlight;
    QHash<qint64, qint64>
        m_deliveredUnmarked; // sent (receiver said yes) but the mark could not be stored: never resend
    QTimer m_timer;
};

} // namespace clev
