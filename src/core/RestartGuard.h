// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace clev {

// Where an agent is restarted, as configured: "docker:<container>", "systemd:<unit>",
// "systemd-user:<unit>" or "process" (the app supervises the agent's command itself).
struct RestartTarget
{
    enum class Kind { Docker, Systemd, SystemdUser, Process };
    Kind kind = Kind::Process;
    QString name; // container, unit, or the agent's name for a supervised process

    static std::optional<RestartTarget> parse(const QString &text, QString *error);
    QString toString() const;
};

// Decides whether a restart may happen now: back-off between attempts (doubling), a start-up grace in
// which a new process is not judged, and at most `maxRestarts` within `windowMs` — after that it gives
// up until a person resets it.
class RestartGuard
{
public:
    struct Options
    {
        qint64 firstBackoffMs = 5'000;
        qint64 maxBackoffMs = 5 * 60'000;
        qint64 startupGraceMs = 30'000;
        int maxRestarts = 3;
        qint64 windowMs = 10 * 60'000;
    };

    RestartGuard();
    explicit RestartGuard(Options options)
        : m_options(options)
    {
    }

    struct Decision
    {
        enum class Kind { Now, Later, GiveUp };
        Kind kind = Kind::Now;
        qint64 atMs = 0; // for Later: when
        QString why;
    };
    Decision decide(qint64 nowMs) const;
    void attempted(qint64 nowMs);
    // The agent ran well past its start-up grace: the back-off starts again from the first step.
    void healthy(qint64 nowMs);
    // A person asked to try again.
    void reset();
    bool gaveUp() const { return m_gaveUp; }
    void giveUp() { m_gaveUp = true; }
    int recentAttempts(qint64 nowMs) const;
    const Options &options() const { return m_options; }

private:
    Options m_options;
    QList<qint64> m_attempts;
    int m_consecutive = 0;
    bool m_gaveUp = false;
};

} // namespace clev
