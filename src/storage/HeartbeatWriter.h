// SPDX-License-Identifier: MIT
#pragma once

#include "core/Heartbeat.h"

#include <QList>
#include <QSet>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace clev {

class Clock;
class Database;
class DayBuckets;

// What became of one submitted heartbeat.
struct IngestOutcome
{
    enum class Kind {
        Stored,             // committed: safe to answer 200
        UnknownAgent,       // strict mode: the agent is not registered
        StorageUnavailable, // the transaction failed (disk full, locked, shutting down): answer 503
    };
    Kind kind = Kind::StorageUnavailable;
    qint64 agentId = 0;
    QString state;  // the agent's state after the beat (healthy, warning, error, stopped)
    QString detail; // why, when not stored
};

using IngestCallback = std::function<void(const QList<IngestOutcome> &)>;

// The single writer of heartbeats. Submissions from any thread are queued; the writer thread takes all
// that are waiting and commits them in one transaction (group commit), then calls each callback with the
// outcome of its beats. A callback therefore learns "stored" only after the commit: a crash after that
// loses nothing. When idle, the same thread enforces retention in small batches, so ingest never waits
// behind a large delete.
class HeartbeatWriter
{
public:
    struct Options
    {
        bool strict = false;           // refuse beats from agents that were not registered
        int maxBatchBeats = 4000;      // beats per transaction at most
        int rawRetentionDays = 30;     // raw heartbeats
        int minuteRetentionDays = 7;   // minute rollups
        int rollupRetentionDays = 365; // hour and day rollups
        qint64 retentionIntervalMs = 10 * 60 * 1000;
        int retentionBatchRows = 5000;
    };

    struct Stats
    {
        qint64 commits = 0;
        qint64 beatsStored = 0;
        qint64 failedCommits = 0;
        qint64 retentionDeleted = 0;
    };

    HeartbeatWriter(const Database &db, const Clock &clock, const DayBuckets &days, Options options);
    ~HeartbeatWriter();
    HeartbeatWriter(const HeartbeatWriter &) = delete;
    HeartbeatWriter &operator=(const HeartbeatWriter &) = delete;

    void start();
    // Commits everything already submitted, then stops the thread. Later submissions fail at once.
    void stop();

    // Thread-safe. The callback runs on the writer thread: keep it short (post the answer elsewhere).
    void submit(QList<Heartbeat> beats, IngestCallback callback);

    // Runs retention now (on the writer thread, between ingest batches); resolves to the rows deleted.
    std::future<qint64> purgeNow();

    // Deletes the agent of this name with all it stored (beats, usage, timeline, incidents, settings), on
    // the writer thread so that no beat of it is half-way in. A later beat of that name makes a new agent.
    // The outcome travels in the future, so the writer thread never writes into its caller's stack: ok,
    // or why it could not be deleted.
    struct ForgetResult
    {
        bool ok = false;
        QString error;
    };
    std::future<ForgetResult> forget(const QString &name);

    Stats stats() const;
    const Options &options() const { return m_options; }

    // The agents with beats committed since the last call (for live views that re-read only those). At
    // most `MaxTouched` are kept; beyond that `overflow` says "all of them, read everything".
    struct Touched
    {
        QList<qint64> agentIds;
        bool overflow = false;
    };
    static constexpr qsizetype MaxTouched = 1000;
    Touched takeTouched();

private:
    struct Job
    {
        QList<Heartbeat> beats;
        IngestCallback callback;
    };
    struct Forget
    {
        QString name;
        std::promise<ForgetResult> done;
        quint64 afterJobs; // jobs submitted before it
    };
    class Session;
    // The writer thread: run() takes the queued work; a group commit, the deletions asked for, and
    // on stopping the answers to what still waits.
    void run();
    void commitJobs(Session &session, std::deque<Job> &jobs);
    void runForgets(Session &session, std::deque<Forget> &forgets);
    void answerLeftovers();

    const Database &m_db;
    const Clock &m_clock;
    const DayBuckets &m_days;
    const Options m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    std::deque<std::promise<qint64>> m_purgeRequests;
    quint64 m_submitted = 0; // jobs submitted so far
    quint64 m_taken = 0;     // jobs the writer took
    std::deque<Forget> m_forgetRequests;
    bool m_stopping = false;
    bool m_writerSleeping = false;
    bool m_running = false;
    Stats m_stats;
    QSet<qint64> m_touched;
    bool m_touchedOverflow = false;
    std::thread m_thread;
};

} // namespace clev
