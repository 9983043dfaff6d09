// SPDX-License-Identifier: MIT
#include "core/RestartGuard.h"

#include "core/AgentState.h"

namespace clev {

std::optional<RestartTarget> RestartTarget::parse(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    RestartTarget target;
    const qsizetype colon = t.indexOf(u':');
    const QString kind = colon < 0 ? t : t.left(colon);
    target.name = colon < 0 ? QString() : t.mid(colon + 1).trimmed();
    if (kind == u"process") {
        target.kind = Kind::Process;
        return target;
    }
    if (kind == u"docker")
        target.kind = Kind::Docker;
    else if (kind == u"systemd")
        target.kind = Kind::Systemd;
    else if (kind == u"systemd-user")
        target.kind = Kind::SystemdUser;
    else {
        *error = QStringLiteral(
                     "'%1' is not a restart target (use docker:CONTAINER, systemd:UNIT, systemd-user:UNIT or process)")
                     .arg(t);
        return std::nullopt;
    }
    static const QString allowed =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-@:\\");
    if (target.name.isEmpty() ||
        std::any_of(target.name.cbegin(), target.name.cend(), [](QChar c) { return !allowed.contains(c); })) {
        *error = QStringLiteral("'%1': the %2 name is empty or holds characters that are not allowed").arg(t, kind);
        return std::nullopt;
    }
    return target;
}

QString RestartTarget::toString() const
{
    switch (kind) {
    case Kind::Docker:
        return QStringLiteral("docker:") + name;
    case Kind::Systemd:
        return QStringLiteral("systemd:") + name;
    case Kind::SystemdUser:
        return QStringLiteral("systemd-user:") + name;
    case Kind::Process:
        return QStringLiteral("process");
    }
    return QString();
}

RestartGuard::RestartGuard()
    : RestartGuard(Options())
{
}

int RestartGuard::recentAttempts(qint64 nowMs) const
{
    return static_cast<int>(std::count_if(m_attempts.cbegin(), m_attempts.cend(),
                                          [&](qint64 at) { return at > nowMs - m_options.windowMs; }));
}

RestartGuard::Decision RestartGuard::decide(qint64 nowMs) const
{
    Decision d;
    if (m_gaveUp) {
        d.kind = Decision::Kind::GiveUp;
        d.why = QStringLiteral("gave up earlier; waiting for a person");
        return d;
    }
    if (recentAttempts(nowMs) >= m_options.maxRestarts) {
        d.kind = Decision::Kind::GiveUp;
        d.why = QStringLiteral("%1 restarts within %2 did not help")
                    .arg(m_options.maxRestarts)
                    .arg(formatDuration(m_options.windowMs));
        return d;
    }
    if (m_attempts.isEmpty())
        return d; // Now
    // A new process gets its start-up grace before it is judged again, and attempts back off.
    const qint64 backoff =
        std::min(m_options.maxBackoffMs, m_options.firstBackoffMs << std::min(std::max(0, m_consecutive - 1), 20));
    const qint64 next = m_attempts.last() + std::max(m_options.startupGraceMs, backoff);
    if (nowMs < next) {
        d.kind = Decision::Kind::Later;
        d.atMs = next;
        d.why = QStringLiteral("next attempt in %1").arg(formatDuration(next - nowMs));
    }
    return d;
}

void RestartGuard::attempted(qint64 nowMs)
{
    m_attempts.append(nowMs);
    while (m_attempts.size() > 64)
        m_attempts.removeFirst();
    ++m_consecutive;
}

void RestartGuard::healthy(qint64 nowMs)
{
    if (!m_attempts.isEmpty() && nowMs >= m_attempts.last() + m_options.startupGraceMs)
        m_consecutive = 0;
}

void RestartGuard::reset()
{
    m_attempts.clear();
    m_consecutive = 0;
    m_gaveUp = false;
}

} // namespace clev
