// SPDX-License-Identifier: MIT
#pragma once

#include "core/Heartbeat.h"
#include "engine/RestartExecutors.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace clev {

class Clock;

// An agent without the SDK, watched from outside: "docker:CONTAINER", "systemd:UNIT",
// "systemd-user:UNIT" or "process:PATTERN" (a command-line substring or wildcard, like pgrep -f).
struct WatchSpec
{
    QString agent;
    QString target;
    double intervalSecs = 30;

    // A clear message when the target cannot work, else empty.
    QString validate() const;
};

// Probes each watch target at its interval and beats on the agent's behalf while the target runs, so
// such agents appear, die and restart like SDK agents: a target that stops running stops beating, and
// the watchdog does the rest. Probes that block (Docker, systemd) run on pool threads. Lives on the
// engine thread.
class WatchTargets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchTargets)

public:
    struct Options
    {
        QString dockerHost;
        SystemdClient::Options systemd;
    };
    using BeatSink = std::function<void(const Heartbeat &)>;

    WatchTargets(const QList<WatchSpec> &specs, Options options, const Clock &clock, BeatSink sink,
                 QObject *parent = nullptr);

    void start();
    // Probes every target now (the timers do it at each interval).
    void probeAll();

Q_SIGNALS:
    void probed(const QString &agent, bool running, const QString &detail);

private:
    void probe(const WatchSpec &spec);
    void report(const WatchSpec &spec, bool running, const QString &detail, bool unhealthy = false);

    QList<WatchSpec> m_specs;
    const Options m_options;
    const Clock &m_clock;
    BeatSink m_sink;
    QList<QTimer *> m_timers;
};

} // namespace clev
