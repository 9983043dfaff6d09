// SPDX-License-Identifier: MIT
// Watchdog benchmark: N agents beating on simulated time.
// Reports memory per agent, CPU per observed beat, the worst detection lag (simulated) and the worst
// wall time of one poll, and checks that nothing runs while nothing is due.
//   watchdog_bench [agents=100000] [simulated minutes=10]
#include "../common/ProcessStats.h"
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "engine/Watchdog.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace clev;

namespace {
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int agents = argc > 1 ? atoi(argv[1]) : 100'000;
    const int minutes = argc > 2 ? atoi(argv[2]) : 10;
    constexpr qint64 IntervalMs = 60'000;
    constexpr qint64 StepMs = 100; // the simulated clock moves in 100 ms steps

    QTemporaryDir dir;
    Database db({dir.filePath(QStringLiteral("bench.db")), 5000});
    QString error;
    if (!db.open(&error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral("INSERT INTO agents(id, name, created_at) VALUES(?, ?, 0)"));
        for (int i = 1; i <= agents; ++i) {
            q.addBindValue(i);
            q.addBindValue(QStringLiteral("agent-%1").arg(i));
            q.exec();
        }
        QSqlQuery(db.connection()).exec(QStringLiteral("COMMIT"));
    }

    ManualClock clock;
    const DayBuckets days(QTimeZone::utc());
    const long rssBefore = residentKb();
    Watchdog watchdog(db, clock, days, {});
    if (!watchdog.load(&error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    // Every agent beats every 60 s at its own phase; one in a thousand stops after 3 minutes and must
    // be found dead 120 s after its last beat.
    QVector<qint64> nextBeat(agents + 1);
    QVector<qint64> deathDue(agents + 1, 0);
    const qint64 t0 = clock.nowMs();
    for (int i = 1; i <= agents; ++i)
        nextBeat[i] = t0 + (qint64(i) * 7919) % IntervalMs;
    qint64 worstLag = 0;
    int deaths = 0;
    QObject::connect(&watchdog, &Watchdog::transitioned, [&](const StateTransition &t) {
        if (t.to != AgentState::Dead)
            return;
        ++deaths;
        worstLag = std::max(worstLag, clock.nowMs() - deathDue[t.agentId]);
    });

    Heartbeat beat;
    qint64 beats = 0;
    double observeCpu = 0;
    double pollCpu = 0;
    qint64 worstPollUs = 0;
    // Agents sorted by their next beat would be faster to simulate; a plain scan per second keeps the
    // simulation obviously right, and it is not what is measured.
    const qint64 end = t0 + qint64(minutes) * 60'000;
    for (qint64 now = t0; now < end; now += StepMs) {
        clock.set(now);
        const double c0 = cpuSeconds();
        for (int i = 1; i <= agents; ++i) {
            if (nextBeat[i] > now)
                continue;
            const bool stops = i % 1000 == 0 && now - t0 > 3 * 60'000;
            if (stops) {
                nextBeat[i] = std::numeric_limits<qint64>::max();
                continue;
            }
            beat.agent = QStringLiteral("agent-%1").arg(i);
            beat.receivedAtMs = beat.occurredAtMs = now;
            watchdog.observe(i, beat);
            deathDue[i] = now + 2 * IntervalMs;
            nextBeat[i] = now + IntervalMs;
            ++beats;
        }
        const double c1 = cpuSeconds();
        QElapsedTimer wall;
        wall.start();
        watchdog.poll();
        worstPollUs = std::max(worstPollUs, wall.nsecsElapsed() / 1000);
        pollCpu += cpuSeconds() - c1;
        observeCpu += c1 - c0;
        if ((now - t0) % 60'000 == 0)
            watchdog.flush();
    }
    watchdog.flush();
    const long rssAfter = residentKb();

    // Idle: every agent says goodbye; then nothing is due and nothing may run.
    for (int i = 1; i <= agents; ++i) {
        beat.agent = QStringLiteral("agent-%1").arg(i);
        beat.status = BeatStatus::Shutdown;
        watchdog.observe(i, beat);
    }
    watchdog.poll();
    watchdog.flush();
    const double idle0 = cpuSeconds();
    QTimer::singleShot(2000, &app, &QCoreApplication::quit);
    app.exec();
    const double idleCpu = cpuSeconds() - idle0;

    printf("watchdog benchmark: %d agents, every 60 s, %d simulated minutes, clock steps of %lld ms\n", agents, minutes,
           StepMs);
    printf("beats observed            %lld\n", beats);
    printf("CPU per observed beat     %.2f us (observe: state, detectors, deadline push)\n", observeCpu / beats * 1e6);
    printf("CPU in poll, total        %.3f s over %lld polls\n", pollCpu, (end - t0) / StepMs);
    printf("worst single poll         %lld us (wall)\n", worstPollUs);
    printf("deaths detected           %d of %d expected\n", deaths, agents / 1000);
    printf("worst detection lag       %lld ms simulated (clock step %lld ms)\n", worstLag, StepMs);
    printf("memory                    %ld KB RSS for the watchdog (%.0f bytes per agent)\n", rssAfter - rssBefore,
           double(rssAfter - rssBefore) * 1024 / agents);
    printf("idle CPU, nothing due     %.4f s over 2 s (next deadline: %s)\n", idleCpu,
           watchdog.nextDeadlineMs() == std::numeric_limits<qint64>::max() ? "none" : "armed");
    return deaths == agents / 1000 && worstLag <= 1000 ? 0 : 1;
}
