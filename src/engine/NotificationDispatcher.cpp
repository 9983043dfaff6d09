// SPDX-License-Identifier: MIT
#include "engine/NotificationDispatcher.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "storage/SqliteStores.h"

#include <QJsonDocument>

namespace clev {

NotificationDispatcher::NotificationDispatcher(const Database &db, const Clock &clock,
                                               const QList<ChannelConfig> &channels, Options options, QObject *parent)
    : NotificationDispatcher(nullptr, nullptr, clock, channels, options, parent)
{
    m_own = std::make_unique<SqliteStores>(db);
    m_transactions = &m_own->transactions;
    m_outbox = &m_own->outbox;
    // The first pump() is queued by the constructor below, so it sees these stores.
}

NotificationDispatcher::NotificationDispatcher(const StoreTransactions *transactions, OutboxStore *outbox,
                                               const Clock &clock, const QList<ChannelConfig> &channels,
                                               Options options, QObject *parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_outbox(outbox)
    , m_clock(clock)
    , m_options(options)
    , m_network(this)
    , m_timer(this)
{
    for (const ChannelConfig &c : channels)
        m_channels.emplace(c.name, Channel::create(c, &m_network));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NotificationDispatcher::pump);
    QMetaObject::invokeMethod(this, &NotificationDispatcher::pump, Qt::QueuedConnection); // what waited for us
}

NotificationDispatcher::~NotificationDispatcher() = default;

QStringList NotificationDispatcher::channelsFor(IncidentKind kind) const
{
    QStringList names;
    for (const auto &[name, channel] : m_channels) {
        if (channel->wants(kind))
            names << name;
    }
    return names;
}

void NotificationDispatcher::pump()
{
    const qint64 now = m_clock.nowMs();
    // Delivered earlier, but the "sent" mark did not make it to the database: store the mark, do not send again.
    for (auto it = m_deliveredUnmarked.begin(); it != m_deliveredUnmarked.end();) {
        const auto tx = m_transactions->begin();
        QString error;
        if (tx->isOpen() && m_outbox->markSent(it.key(), it.value(), -1, &error) && tx->commit()) {
            it = m_deliveredUnmarked.erase(it);
        } else {
            qCWarning(lcAlerts) << "still cannot mark notification" << it.key() << "as sent:" << error << tx->error();
            ++it;
        }
    }
    // Rows in flight or delivered-but-unmarked are skipped below; fetch past them so due rows are not starved.
    const auto due = m_outbox->due(now, static_cast<qint64>(m_inFlight.size() + m_deliveredUnmarked.size() + 200));
    if (!due) {
        qCWarning(lcAlerts) << "cannot read the outbox:" << due.error;
        m_timer.start(5000);
        return;
    }

    for (const OutboxEntry &row : due.value) {
        if (m_inFlight.contains(row.id) || m_deliveredUnmarked.contains(row.id))
            continue;
        auto it = m_channels.find(row.channel);
        if (it == m_channels.end()) {
            const auto tx = m_transactions->begin();
            QString error;
            if (!m_outbox->markFailed(row.id, now, -1,
                                      QStringLiteral("the channel '%1' is no longer configured").arg(row.channel),
                                      &error) ||
                !tx->commit())
                qCWarning(lcAlerts) << "cannot give up notification" << row.id << "(its channel is gone):" << error
                                    << tx->error();
            continue;
        }
        m_inFlight.insert(row.id);
        const auto n = Notification::fromJson(QJsonDocument::fromJson(row.payload).object());
        if (!n) {
            // Written by a version that knows a kind this one does not: never sent as some other kind.
            const auto tx = m_transactions->begin();
            QString error;
            if (!m_outbox->markFailed(row.id, now, -1,
                                      QStringLiteral("the notification is of a kind this version does not know"),
                                      &error) ||
                !tx->commit())
                qCWarning(lcAlerts) << "cannot give up notification" << row.id << "(unknown kind):" << error
                                    << tx->error();
            continue;
        }
        const qint64 id = row.id;
        const int attempts = row.attempts + 1;
        it->second->send(*n, this, [this, id, attempts](const QString &error) { finish(id, attempts, error); });
    }
    rearm();
}

void NotificationDispatcher::finish(qint64 id, int attempts, const QString &error)
{
    m_inFlight.remove(id);
    const qint64 now = m_clock.nowMs();
    const auto tx = m_transactions->begin();
    QString storeError;
    bool stored = false;
    if (error.isEmpty()) {
        stored = m_outbox->markSent(id, now, attempts, &storeError);
    } else if (attempts >= m_options.maxAttempts) {
        stored = m_outbox->markFailed(id, now, attempts, error, &storeError);
        qCWarning(lcAlerts) << "giving up on notification" << id << "after" << attempts << "attempts:" << error;
    } else {
        const qint64 delay = std::min(m_options.maxRetryMs, m_options.firstRetryMs << std::min(attempts - 1, 20));
        stored = m_outbox->scheduleRetry(id, attempts, now + delay, error, &storeError);
    }
    if (!stored || !tx->commit()) {
        qCWarning(lcAlerts) << "cannot update the outbox:" << storeError << tx->error();
        if (error.isEmpty())
            m_deliveredUnmarked.insert(id, now); // delivered: remember it, so it is not sent twice
    }
    const auto channel = m_outbox->channelOf(id);
    if (!channel)
        qCWarning(lcAlerts) << "cannot read the channel of notification" << id << ":" << channel.error;
    Q_EMIT attempted(id, channel.value, error);
    rearm();
}

void NotificationDispatcher::rearm()
{
    const auto pending = m_outbox->pending(300);
    if (!pending) {
        qCWarning(lcAlerts) << "cannot read the outbox:" << pending.error;
        m_timer.start(5000); // try again, as pump() does
        return;
    }
    for (const auto &[id, nextAttemptAt] : pending.value) {
        if (m_inFlight.contains(id) || m_deliveredUnmarked.contains(id))
            continue;
        const qint64 wait = std::clamp<qint64>(nextAttemptAt - m_clock.nowMs(), 0, 3'600'000);
        m_timer.start(static_cast<int>(wait));
        return;
    }
    // Nothing sendable is due; marks still to store are retried in a second, not in a busy loop.
    if (!m_deliveredUnmarked.isEmpty())
        m_timer.start(1000);
    else
        m_timer.stop();
}

void NotificationDispatcher::sendTest(const QString &channel, std::function<void(const QString &)> done)
{
    auto it = m_channels.find(channel);
    if (it == m_channels.end()) {
        done(QStringLiteral("no channel named '%1'").arg(channel));
        return;
    }
    it->second->send(testNotification(channel), this, std::move(done));
}

void NotificationDispatcher::sendTest(const ChannelConfig &config, std::function<void(const QString &)> done)
{
    if (const QString invalid = config.validate(); !invalid.isEmpty()) {
        done(invalid);
        return;
    }
    // Sends hold what they need (the request, or a copy of the configuration): the channel can go.
    const std::unique_ptr<Channel> channel = Channel::create(config, &m_network);
    channel->send(testNotification(config.name), this, std::move(done));
}

void NotificationDispatcher::setChannels(const QList<ChannelConfig> &channels)
{
    m_channels.clear();
    for (const ChannelConfig &c : channels)
        m_channels.emplace(c.name, Channel::create(c, &m_network));
    pump(); // what waited for a channel
}

Notification NotificationDispatcher::testNotification(const QString &channel) const
{
    Notification n;
    n.action = Notification::Action::Test;
    n.agent = QStringLiteral("clevagent");
    n.summary = QStringLiteral("Test notification from ClevAgent");
    n.detail = QStringLiteral("If you can read this, the channel '%1' works.").arg(channel);
    n.atMs = m_clock.nowMs();
    n.idempotencyKey = QStringLiteral("test-%1-%2").arg(channel).arg(n.atMs);
    return n;
}

} // namespace clev
