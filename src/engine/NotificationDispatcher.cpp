// SPDX-License-Identifier: MIT
#include "engine/NotificationDispatcher.h"

#include "core/Clock.h"
#include "core/Logging.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace clev {

NotificationDispatcher::NotificationDispatcher(const Database &db, const Clock &clock, const QList<ChannelConfig> &channels,
                                               Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
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

QStringList NotificationDispatcher::channelsFor(const QString &kind) const
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
        WriteTransaction tx(m_db);
        QSqlQuery mark(m_db.connection());
        mark.prepare(QStringLiteral("UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ?"));
        mark.addBindValue(it.value());
        mark.addBindValue(it.key());
        if (tx.isOpen() && mark.exec() && tx.commit())
            it = m_deliveredUnmarked.erase(it);
        else
            ++it;
    }
    QSqlQuery q(m_db.connection());
    // Rows in flight or delivered-but-unmarked are skipped below; fetch past them so due rows are not starved.
    q.prepare(QStringLiteral("SELECT id, channel, payload, attempts FROM outbox"
                             " WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?"));
    q.addBindValue(now);
    q.addBindValue(static_cast<qint64>(m_inFlight.size() + m_deliveredUnmarked.size() + 200));
    if (!q.exec()) {
        qCWarning(lcCore) << "cannot read the outbox:" << q.lastError().text();
        m_timer.start(5000);
        return;
    }
    struct Row
    {
        qint64 id;
        QString channel;
        QByteArray payload;
        int attempts;
    };
    QList<Row> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray(), q.value(3).toInt()});
    q.finish();

    for (const Row &row : std::as_const(rows)) {
        if (m_inFlight.contains(row.id) || m_deliveredUnmarked.contains(row.id))
            continue;
        auto it = m_channels.find(row.channel);
        if (it == m_channels.end()) {
            WriteTransaction tx(m_db);
            QSqlQuery f(m_db.connection());
            f.prepare(QStringLiteral("UPDATE outbox SET failed_at = ?, last_error = ? WHERE id = ?"));
            f.addBindValue(now);
            f.addBindValue(QStringLiteral("the channel '%1' is no longer configured").arg(row.channel));
            f.addBindValue(row.id);
            f.exec();
            tx.commit();
            continue;
        }
        m_inFlight.insert(row.id);
        const Notification n = Notification::fromJson(QJsonDocument::fromJson(row.payload).object());
        const qint64 id = row.id;
        const int attempts = row.attempts + 1;
        it->second->send(n, this, [this, id, attempts](const QString &error) { finish(id, attempts, error); });
    }
    rearm();
}

void NotificationDispatcher::finish(qint64 id, int attempts, const QString &error)
{
    m_inFlight.remove(id);
    const qint64 now = m_clock.nowMs();
    WriteTransaction tx(m_db);
    QSqlQuery q(m_db.connection());
    QString channel;
    if (error.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE outbox SET sent_at = ?, attempts = ?, last_error = NULL WHERE id = ?"));
        q.addBindValue(now);
        q.addBindValue(attempts);
        q.addBindValue(id);
    } else if (attempts >= m_options.maxAttempts) {
        q.prepare(QStringLiteral("UPDATE outbox SET failed_at = ?, attempts = ?, last_error = ? WHERE id = ?"));
        q.addBindValue(now);
        q.addBindValue(attempts);
        q.addBindValue(error);
        q.addBindValue(id);
        qCWarning(lcCore) << "giving up on notification" << id << "after" << attempts << "attempts:" << error;
    } else {
        const qint64 delay = std::min(m_options.maxRetryMs, m_options.firstRetryMs << std::min(attempts - 1, 20));
        q.prepare(QStringLiteral("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?"));
        q.addBindValue(attempts);
        q.addBindValue(now + delay);
        q.addBindValue(error);
        q.addBindValue(id);
    }
    if (!q.exec() || !tx.commit()) {
        qCWarning(lcCore) << "cannot update the outbox:" << q.lastError().text() << tx.error();
        if (error.isEmpty())
            m_deliveredUnmarked.insert(id, now); // delivered: remember it, so it is not sent twice
    }
    QSqlQuery c(m_db.connection());
    c.prepare(QStringLiteral("SELECT channel FROM outbox WHERE id = ?"));
    c.addBindValue(id);
    if (c.exec() && c.next())
        channel = c.value(0).toString();
    Q_EMIT attempted(id, channel, error);
    rearm();
}

void NotificationDispatcher::rearm()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, next_attempt_at FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL ORDER BY next_attempt_at LIMIT 300")))
        return;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (m_inFlight.contains(id) || m_deliveredUnmarked.contains(id))
            continue;
        const qint64 wait = std::clamp<qint64>(q.value(1).toLongLong() - m_clock.nowMs(), 0, 3'600'000);
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
    n.kind = QStringLiteral("test");
    n.agent = QStringLiteral("clevagent");
    n.summary = QStringLiteral("Test notification from ClevAgent");
    n.detail = QStringLiteral("If you can read this, the channel '%1' works.").arg(channel);
    n.atMs = m_clock.nowMs();
    n.idempotencyKey = QStringLiteral("test-%1-%2").arg(channel).arg(n.atMs);
    return n;
}

} // namespace clev
