// SPDX-License-Identifier: MIT
#include "engine/WatchTargets.h"

#include "core/Clock.h"

#include <QPointer>
#include <QThreadPool>

namespace clev {

QString WatchSpec::validate() const
{
    const qsizetype colon = target.indexOf(u':');
    const QString kind = target.left(colon);
    const QString name = colon < 0 ? QString() : target.mid(colon + 1).trimmed();
    if (colon < 0 || name.isEmpty() ||
        !(kind == u"docker" || kind == u"systemd" || kind == u"systemd-user" || kind == u"process"))
        return QStringLiteral("'%1' is not a watch target (use docker:CONTAINER, systemd:UNIT, systemd-user:UNIT or "
                              "process:PATTERN)")
            .arg(target);
    if (intervalSecs < 1)
        return QStringLiteral("the probe interval of '%1' must be at least 1 s").arg(agent);
    return QString();
}

WatchTargets::WatchTargets(const QList<WatchSpec> &specs, Options options, const Clock &clock, BeatSink sink,
                           QObject *parent)
    : QObject(parent)
    , m_specs(specs)
    , m_options(std::move(options))
    , m_clock(clock)
    , m_sink(std::move(sink))
{
}

void WatchTargets::start()
{
    for (const WatchSpec &spec : std::as_const(m_specs)) {
        auto *timer = new QTimer(this);
        timer->setInterval(static_cast<int>(spec.intervalSecs * 1000));
        connect(timer, &QTimer::timeout, this, [this, spec] { probe(spec); });
        timer->start();
        m_timers.append(timer);
    }
    probeAll();
}

void WatchTargets::probeAll()
{
    for (const WatchSpec &spec : std::as_const(m_specs))
        probe(spec);
}

void WatchTargets::probe(const WatchSpec &spec)
{
    const qsizetype colon = spec.target.indexOf(u':');
    const QString kind = spec.target.left(colon);
    const QString name = spec.target.mid(colon + 1).trimmed();
    if (kind == u"process") {
        const QList<qint64> pids = findProcesses(name);
        report(spec, !pids.isEmpty(),
               pids.isEmpty()
                   ? QStringLiteral("no process matches '%1'").arg(name)
                   : QStringLiteral("%1 process(es) match '%2' (pid %3)").arg(pids.size()).arg(name).arg(pids.first()));
        return;
    }
    const Options options = m_options;
    QPointer<WatchTargets> self(this);
    restartPool().start([self, spec, kind, name, options] {
        RestartContext context;
        QString error;
        bool known = false;
        if (kind == u"docker")
            known = DockerClient(options.dockerHost, 5000).inspect(name, &context, &error);
        else
            known = SystemdClient(kind == u"systemd-user", options.systemd).state(name, &context, &error);
        const bool running = known && context.running;
        const QString detail = known ? context.summary : error;
        // A running container whose HEALTHCHECK fails beats as an error: alive, not working.
        const bool unhealthy = running && context.health == u"unhealthy";
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, spec, running, unhealthy, detail] {
                    if (self)
                        self->report(spec, running, detail, unhealthy);
                },
                Qt::QueuedConnection);
    });
}

void WatchTargets::report(const WatchSpec &spec, bool running, const QString &detail, bool unhealthy)
{
    Q_EMIT probed(spec.agent, running, detail);
    if (!running)
        return; // silence: the watchdog finds it late, then dead
    Heartbeat b;
    b.agent = spec.agent;
    b.status = unhealthy ? BeatStatus::Error : BeatStatus::Ok;
    b.message = QStringLiteral("%1: %2").arg(spec.target, detail).left(4000);
    b.intervalSecs = spec.intervalSecs;
    b.agentType = QStringLiteral("watch");
    b.receivedAtMs = b.occurredAtMs = m_clock.nowMs();
    m_sink(b);
}

} // namespace clev
