// SPDX-License-Identifier: MIT
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "storage/HeartbeatWriter.h"
#include "storage/KeyStore.h"
#include "support/TestEnv.h"

#include <QFile>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <sys/stat.h>

#include <tuple>

#include <future>
#include <thread>

using namespace clev;
using clev::test::TestDir;

namespace {

Heartbeat beat(const QString &agent, qint64 atMs, qint64 tokens = 0, std::optional<double> cost = std::nullopt)
{
    Heartbeat b;
    b.agent = agent;
    b.receivedAtMs = atMs;
    b.occurredAtMs = atMs;
    b.tokensUsed = tokens;
    b.costUsd = cost;
    return b;
}

QList<IngestOutcome> submitAndWait(HeartbeatWriter &writer, QList<Heartbeat> beats)
{
    std::promise<QList<IngestOutcome>> done;
    auto future = done.get_future();
    writer.submit(std::move(beats), [&done](const QList<IngestOutcome> &o) { done.set_value(o); });
    return future.get();
}

qint64 scalar(const Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        qWarning() << "query failed" << sql << q.lastError().text();
    return q.value(0).toLongLong();
}

// A second, independent connection to the same file (as another process would have).
class ForeignConnection
{
public:
    explicit ForeignConnection(const QString &path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~ForeignConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    }
    bool exec(const QString &sql) { return QSqlQuery(m_db).exec(sql); }

private:
    QSqlDatabase m_db;
};

// A fresh database file with a manual clock, and a writer on demand.
struct Store
{
    TestDir dir;
    ManualClock clock;
    DayBuckets days{QTimeZone::utc()};
    Database db;
    std::unique_ptr<HeartbeatWriter> writer;

    explicit Store(int busyTimeoutMs = 1000)
        : db({dir.file(QStringLiteral("store.db")), busyTimeoutMs})
    {
        QString error;
        if (!db.open(&error))
            qFatal("cannot open the test database: %s", qPrintable(error));
    }
    QString path() const { return db.options().path; }
    HeartbeatWriter &startWriter(const HeartbeatWriter::Options &options = {}, const Clock *realClock = nullptr)
    {
        writer = std::make_unique<HeartbeatWriter>(db, realClock ? *realClock : clock, days, options);
        writer->start();
        return *writer;
    }
};

} // namespace

class TestStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void open_newFile_migratesInWalMode()
    {
        TestDir dir;
        Database db({dir.file(QStringLiteral("a.db")), 1000});
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::knownSchemaVersion());
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        // Opening again is a no-op.
        Database again({dir.file(QStringLiteral("a.db")), 1000});
        QVERIFY(again.open(&error));
    }

    // The database, its WAL and its shared-memory file are the owner's alone, whatever the umask
    // (0644 before: key hashes and agents' messages readable by every local user).
    void open_newFile_isReadableByItsOwnerOnly()
    {
        TestDir dir;
        const mode_t old = ::umask(022);
        const auto restore = qScopeGuard([old] { ::umask(old); });
        Database db({dir.file(QStringLiteral("private.db")), 1000});
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x)")) && q.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
        const QFileDevice::Permissions ownerOnly =
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QFileInfo file(dir.file(QStringLiteral("private.db") + QLatin1String(suffix)));
            QVERIFY2(file.exists(), qPrintable(file.filePath()));
            QCOMPARE(file.permissions(), ownerOnly);
        }
    }

    void open_newerSchema_isRefusedAndUntouched()
    {
        TestDir dir;
        const QString path = dir.file(QStringLiteral("future.db"));
        {
            ForeignConnection c(path);
            QVERIFY(c.exec(QStringLiteral("CREATE TABLE from_the_future(x)")));
            QVERIFY(c.exec(QStringLiteral("PRAGMA user_version=99")));
        }
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        Database db({path, 1000});
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(u"newer") && error.contains(u"99"), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 99);
        const QByteArray after = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QCOMPARE(after, before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFile(path + QStringLiteral("-wal")).size() == 0);
    }

    void open_notADatabase_isRefused()
    {
        TestDir dir;
        const QString path = dir.file(QStringLiteral("junk.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        Database db({path, 1000});
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(u"not a ClevAgent database"), qPrintable(error));
    }

    void writer_storesBeatsAgentsAndRollups()
    {
        Store store;
        auto [clock, days, db] = std::tie(store.clock, store.days, store.db);
        HeartbeatWriter &writer = store.startWriter();
        QString error;

        const qint64 t0 = clock.nowMs() + 30'000; // 00:00:30
        Heartbeat first = beat(QStringLiteral("alpha"), t0, 100, 0.5);
        first.intervalSecs = 30;
        first.iterationCount = 7;
        first.model = QStringLiteral("gpt-4o");
        Heartbeat second = beat(QStringLiteral("alpha"), t0 + 60'000, 50, 0.25); // next minute
        second.status = BeatStatus::Warning;
        second.message = QStringLiteral("slow tool");
        const Heartbeat other = beat(QStringLiteral("beta"), t0, 10);

        const auto outcomes = submitAndWait(writer, {first, second, other});
        QCOMPARE(outcomes.size(), 3);
        for (const IngestOutcome &o : outcomes)
            QCOMPARE(o.kind, IngestOutcome::Kind::Stored);
        QCOMPARE(outcomes.at(0).agentId, outcomes.at(1).agentId);
        QVERIFY(outcomes.at(0).agentId != outcomes.at(2).agentId);
        QCOMPARE(outcomes.at(1).state, QStringLiteral("warning"));

        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM heartbeats")), 3);
        QCOMPARE(scalar(db, QStringLiteral("SELECT beats FROM agents WHERE name='alpha'")), 2);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT state, last_message, interval_s, iteration_count, model FROM agents WHERE name='alpha'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("warning"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("slow tool"));
        QCOMPARE(q.value(2).toDouble(), 30.0); // kept from the first beat
        QCOMPARE(q.value(3).toLongLong(), 7);
        QCOMPARE(q.value(4).toString(), QStringLiteral("gpt-4o"));
        q.finish();

        const QString alpha = QString::number(outcomes.at(0).agentId);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM usage_rollups WHERE granularity=60 AND agent_id=") + alpha),
            2);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT tokens_used FROM usage_rollups WHERE granularity=3600 AND agent_id=") +
                           alpha),
            150);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT beats FROM usage_rollups WHERE granularity=86400 AND agent_id=") + alpha),
            2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT CAST(cost_usd * 1000 AS INTEGER) FROM usage_rollups WHERE "
                                           "granularity=86400 AND agent_id=") +
                                alpha),
                 750);

        // A later batch adds to the same rollups.
        submitAndWait(writer, {beat(QStringLiteral("alpha"), t0 + 61'000, 5, 0.01)});
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT tokens_used FROM usage_rollups WHERE granularity=86400 AND agent_id=") +
                           alpha),
            155);

        AgentQueries queries(db);
        const auto page = queries.list(10, 0, days.dayStartSecs(t0), &error);
        QVERIFY(page);
        QCOMPARE(page->total, 2);
        QCOMPARE(page->agents.first().name, QStringLiteral("alpha"));
        QCOMPARE(page->agents.first().tokensToday, 155);
    }

    // A crash or shutdown report stays the stored last word against a regular beat of the same process
    // that occurred just after it (Heartbeat::LastWordWindowMs), in one batch or the next; a beat after
    // the window (a restarted process) overturns it (before: the racing beat's 'ok' was stored).
    void writer_lastWord_isNotOverturnedByARacingBeat()
    {
        Store store;
        HeartbeatWriter &writer = store.startWriter();
        const qint64 t0 = store.clock.nowMs();
        Heartbeat crash = beat(QStringLiteral("crasher"), t0);
        crash.status = BeatStatus::Error;
        crash.message = QStringLiteral("CRASH: KeyError: 'x'");
        submitAndWait(writer, {crash});
        submitAndWait(writer, {beat(QStringLiteral("crasher"), t0 + 40)});
        Heartbeat down = beat(QStringLiteral("stopper"), t0);
        down.status = BeatStatus::Shutdown;
        down.message = QStringLiteral("bye");
        submitAndWait(writer, {down, beat(QStringLiteral("stopper"), t0 + 60)}); // one batch
        const auto row = [&](const QString &name) {
            QSqlQuery q(store.db.connection());
            q.prepare(
                QStringLiteral("SELECT last_status || '|' || COALESCE(last_message, '') FROM agents WHERE name = ?"));
            q.addBindValue(name);
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        };
        QCOMPARE(row(QStringLiteral("crasher")), QStringLiteral("error|CRASH: KeyError: 'x'"));
        QCOMPARE(row(QStringLiteral("stopper")), QStringLiteral("shutdown|bye"));
        // Restarted: a beat after the window is the new word.
        submitAndWait(writer, {beat(QStringLiteral("crasher"), t0 + Heartbeat::LastWordWindowMs + 1)});
        QCOMPARE(row(QStringLiteral("crasher")), QStringLiteral("ok|CRASH: KeyError: 'x'"));
    }

    void writer_groupsConcurrentSubmissionsIntoFewCommits()
    {
        Store store;
        const Database &db = store.db;
        HeartbeatWriter &writer = store.startWriter({}, &Clock::system());

        constexpr int Threads = 4;
        constexpr int PerThread = 500;
        std::atomic<int> stored{0};
        std::atomic<int> callbacks{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < PerThread; ++i) {
                    writer.submit({beat(QStringLiteral("agent-%1").arg(t), Clock::system().nowMs(), 1)},
                                  [&](const QList<IngestOutcome> &o) {
                                      if (o.first().kind == IngestOutcome::Kind::Stored)
                                          stored.fetch_add(1);
                                      callbacks.fetch_add(1);
                                  });
                }
            });
        }
        for (auto &t : threads)
            t.join();
        writer.stop(); // drains the queue
        QCOMPARE(callbacks.load(), Threads * PerThread);
        QCOMPARE(stored.load(), Threads * PerThread);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM heartbeats")), Threads * PerThread);
        QCOMPARE(scalar(db, QStringLiteral("SELECT sum(tokens_used) FROM usage_rollups WHERE granularity=86400")),
                 Threads * PerThread);
        const auto stats = writer.stats();
        QVERIFY2(stats.commits < Threads * PerThread, qPrintable(QString::number(stats.commits)));
        qInfo("%d submissions in %lld commits", Threads * PerThread, stats.commits);

        // After stop, submissions fail at once instead of hanging.
        const auto late = submitAndWait(writer, {beat(QStringLiteral("late"), 1, 1)});
        QCOMPARE(late.first().kind, IngestOutcome::Kind::StorageUnavailable);
    }

    void writer_strictMode_refusesUnregisteredAgents()
    {
        Store store;
        auto [clock, db] = std::tie(store.clock, store.db);
        QString error;
        AgentQueries agents(db);
        QVERIFY(agents.add(QStringLiteral("known"), clock.nowMs(), &error));
        QVERIFY(!agents.add(QStringLiteral("known"), clock.nowMs(), &error)); // already there
        HeartbeatWriter::Options options;
        options.strict = true;
        HeartbeatWriter &writer = store.startWriter(options);
        const auto outcomes = submitAndWait(
            writer, {beat(QStringLiteral("known"), clock.nowMs()), beat(QStringLiteral("stranger"), clock.nowMs())});
        QCOMPARE(outcomes.at(0).kind, IngestOutcome::Kind::Stored);
        QCOMPARE(outcomes.at(1).kind, IngestOutcome::Kind::UnknownAgent);
        QVERIFY(outcomes.at(1).detail.contains(u"stranger"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agents")), 1);
        // Registered later (e.g. by `agents add` in another process): accepted without a restart.
        QVERIFY(agents.add(QStringLiteral("stranger"), clock.nowMs(), &error));
        QCOMPARE(submitAndWait(writer, {beat(QStringLiteral("stranger"), clock.nowMs())}).first().kind,
                 IngestOutcome::Kind::Stored);
    }

    // Live views re-read only the agents that beat: the writer names them once each, and says "all" when
    // there are too many to name.
    void writer_namesTheAgentsThatBeat()
    {
        Store store;
        auto [clock, db] = std::tie(store.clock, store.db);
        HeartbeatWriter &writer = store.startWriter({});
        QVERIFY(writer.takeTouched().agentIds.isEmpty());
        submitAndWait(writer, {beat(QStringLiteral("b"), clock.nowMs()), beat(QStringLiteral("a"), clock.nowMs()),
                               beat(QStringLiteral("b"), clock.nowMs())});
        AgentQueries agents(db);
        HeartbeatWriter::Touched t = writer.takeTouched();
        QCOMPARE(t.agentIds, (QList<qint64>{agents.idOf(QStringLiteral("b")), agents.idOf(QStringLiteral("a"))}));
        QVERIFY(!t.overflow);
        QVERIFY(writer.takeTouched().agentIds.isEmpty()); // taken

        QList<Heartbeat> many;
        for (int i = 0; i <= HeartbeatWriter::MaxTouched; ++i)
            many.append(beat(QStringLiteral("m%1").arg(i), clock.nowMs()));
        submitAndWait(writer, many);
        t = writer.takeTouched();
        QVERIFY(t.overflow);
        QVERIFY(t.agentIds.isEmpty());
        submitAndWait(writer, {beat(QStringLiteral("a"), clock.nowMs())});
        t = writer.takeTouched();
        QVERIFY(!t.overflow); // back to naming them
        QCOMPARE(t.agentIds, QList<qint64>{agents.idOf(QStringLiteral("a"))});
    }

    // Forgetting deletes what was submitted before it; a beat submitted after it makes a new agent,
    // even when both wait in the same queue.
    void writer_forget_ordersWithBeats()
    {
        Store store;
        auto [clock, db] = std::tie(store.clock, store.db);
        HeartbeatWriter &writer = store.startWriter({});
        QCOMPARE(submitAndWait(writer, {beat(QStringLiteral("gone"), clock.nowMs(), 10)}).first().kind,
                 IngestOutcome::Kind::Stored);
        std::promise<QList<IngestOutcome>> before, after;
        writer.submit({beat(QStringLiteral("gone"), clock.nowMs(), 20)},
                      [&before](const QList<IngestOutcome> &o) { before.set_value(o); });
        std::future<HeartbeatWriter::ForgetResult> forgotten = writer.forget(QStringLiteral("gone"));
        writer.submit({beat(QStringLiteral("gone"), clock.nowMs(), 5)},
                      [&after](const QList<IngestOutcome> &o) { after.set_value(o); });
        QCOMPARE(before.get_future().get().first().kind, IngestOutcome::Kind::Stored);
        const HeartbeatWriter::ForgetResult result = forgotten.get();
        QVERIFY2(result.ok, qPrintable(result.error));
        const QList<IngestOutcome> later = after.get_future().get();
        QCOMPARE(later.first().kind, IngestOutcome::Kind::Stored);
        // One agent of that name, with only the beat that came after the forget.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agents WHERE name = 'gone'")), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM heartbeats")), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT tokens_used FROM heartbeats")), 5);
        QCOMPARE(later.first().agentId, AgentQueries(db).idOf(QStringLiteral("gone")));
        // Forgetting an unknown agent says so.
        const HeartbeatWriter::ForgetResult unknown = writer.forget(QStringLiteral("never-seen")).get();
        QVERIFY(!unknown.ok);
        QVERIFY(unknown.error.contains(u"never-seen"));
    }

    void writer_lockedDatabase_failsThenRecovers()
    {
        Store store(150);
        auto [clock, db] = std::tie(store.clock, store.db);
        const QString path = store.path();
        HeartbeatWriter &writer = store.startWriter();
        QCOMPARE(submitAndWait(writer, {beat(QStringLiteral("a"), clock.nowMs())}).first().kind,
                 IngestOutcome::Kind::Stored);

        ForeignConnection other(path);
        QVERIFY(other.exec(QStringLiteral("BEGIN IMMEDIATE"))); // holds the write lock
        const auto refused =
            submitAndWait(writer, {beat(QStringLiteral("a"), clock.nowMs()), beat(QStringLiteral("b"), clock.nowMs())});
        QCOMPARE(refused.size(), 2);
        for (const IngestOutcome &o : refused)
            QCOMPARE(o.kind, IngestOutcome::Kind::StorageUnavailable);
        QCOMPARE(writer.stats().failedCommits, 1);
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));

        const auto later = submitAndWait(writer, {beat(QStringLiteral("b"), clock.nowMs())});
        QCOMPARE(later.first().kind, IngestOutcome::Kind::Stored);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM heartbeats")), 2);
        // The failed batch left no half-made agent behind; "b" was created once.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM agents WHERE name='b'")), 1);
    }

    void retention_deletesExpiredRowsInBatches()
    {
        Store store;
        auto [clock, db] = std::tie(store.clock, store.db);
        HeartbeatWriter::Options options;
        options.retentionBatchRows = 100;        // several passes for 250 rows
        options.retentionIntervalMs = 3'600'000; // only purgeNow() runs it here
        HeartbeatWriter &writer = store.startWriter(options);

        QList<Heartbeat> old;
        for (int i = 0; i < 250; ++i)
            old.append(beat(QStringLiteral("a"), clock.nowMs() + i, 1));
        submitAndWait(writer, old);
        clock.advance(qint64(10) * 24 * 3600 * 1000);
        submitAndWait(writer, {beat(QStringLiteral("a"), clock.nowMs(), 1)});

        // Day 10: raw beats (30 days) stay; minute rollups older than 7 days go.
        qint64 deleted = writer.purgeNow().get();
        QCOMPARE(deleted, 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM heartbeats")), 251);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM usage_rollups WHERE granularity=60")), 1);

        clock.advance(qint64(25) * 24 * 3600 * 1000); // day 35: the first 250 beats expire
        deleted = writer.purgeNow().get();
        QCOMPARE(deleted, 251); // 250 raw rows + the day-10 minute rollup
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM heartbeats")), 1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM usage_rollups WHERE granularity=86400")), 2);
        QCOMPARE(writer.stats().retentionDeleted, 252);
    }

    // Beats of two models (and one naming none) with every token kind: model_rollups sum them per model in
    // hour and day buckets, the detail's breakdown reads them back; retention and forgetting remove them.
    void modelRollups_breakdownByModelAndKind()
    {
        Store store;
        auto [clock, db] = std::tie(store.clock, store.db);
        HeartbeatWriter::Options options;
        options.retentionIntervalMs = 3'600'000; // only purgeNow() runs it here
        HeartbeatWriter &writer = store.startWriter(options);
        const auto kinds = [&clock](const char *model, qint64 in, qint64 out, qint64 read, qint64 write, double cost,
                                    std::optional<qint64> iteration = std::nullopt) {
            Heartbeat b = beat(QStringLiteral("m"), clock.nowMs(), 0, cost);
            b.model = QString::fromLatin1(model);
            b.inputTokens = in;
            b.outputTokens = out;
            b.cacheReadTokens = read;
            b.cacheWriteTokens = write;
            b.iterationCount = iteration;
            return b;
        };
        const QList<IngestOutcome> stored =
            submitAndWait(writer, {kinds("gpt-a", 100, 20, 300, 5, 0.5, 10), kinds("claude-b", 10, 1, 0, 7, 0.125),
                                   kinds("", 1, 0, 0, 0, 0.0625)});
        QCOMPARE(stored.size(), 3);
        clock.advance(1000);
        submitAndWait(writer, {kinds("gpt-a", 50, 0, 0, 0, 0.25, 14)}); // another transaction, same buckets
        const qint64 id = stored.first().agentId;
        const QString agent = QString::number(id);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM model_rollups WHERE granularity=3600 AND agent_id=") +
                                agent),
                 3);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM model_rollups WHERE granularity=86400 AND agent_id=") +
                                agent),
                 3);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM model_rollups WHERE granularity=60")), 0);

        const AgentQueries queries(db);
        const qint64 from = clock.nowMs() / 1000 - 86400;
        for (int granularity : {3600, 86400}) {
            QString error;
            const QList<ModelUsage> models = queries.modelUsage(id, granularity, from, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(models.size(), 3);
            // The costliest first.
            QCOMPARE(models.at(0).model, QStringLiteral("gpt-a"));
            QCOMPARE(models.at(0).beats, 2);
            QCOMPARE(models.at(0).inputTokens, 150);
            QCOMPARE(models.at(0).outputTokens, 20);
            QCOMPARE(models.at(0).cacheReadTokens, 300);
            QCOMPARE(models.at(0).cacheWriteTokens, 5);
            QCOMPARE(models.at(0).costUsd, 0.75);
            QCOMPARE(models.at(1).model, QStringLiteral("claude-b"));
            QCOMPARE(models.at(1).inputTokens, 10);
            QCOMPARE(models.at(1).outputTokens, 1);
            QCOMPARE(models.at(1).cacheWriteTokens, 7);
            QCOMPARE(models.at(1).costUsd, 0.125);
            QCOMPARE(models.at(2).model, QString()); // beats that named no model
            QCOMPARE(models.at(2).costUsd, 0.0625);
        }
        // The usage series carries the token kinds too; their sums match the breakdown's.
        const QList<UsagePoint> day = queries.usage(id, 3600, from);
        QCOMPARE(day.size(), 1);
        QCOMPARE(day.at(0).inputTokens, 161);
        QCOMPARE(day.at(0).outputTokens, 21);
        QCOMPARE(day.at(0).cacheReadTokens, 300);
        QCOMPARE(day.at(0).cacheWriteTokens, 12);
        QCOMPARE(day.at(0).costUsd, 0.9375);
        // Per iteration: the beats with iteration_count cost 0.75 over 14 - 10 iterations.
        QCOMPARE(queries.costPerIteration(id, clock.nowMs() - 86'400'000), std::optional<double>(0.1875));
        QVERIFY(!queries.costPerIteration(id, clock.nowMs() + 1));

        // 400 days later the old buckets are past retention (365 days); the new beat's stay.
        clock.advance(qint64(400) * 24 * 3600 * 1000);
        submitAndWait(writer, {kinds("gpt-a", 1, 1, 1, 1, 0.01)});
        QVERIFY(writer.purgeNow().get() > 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM model_rollups")), 2);
        QCOMPARE(queries.modelUsage(id, 86400, clock.nowMs() / 1000 - 86400 * 500).size(), 1);

        // Forgetting the agent takes its model rollups along.
        const HeartbeatWriter::ForgetResult forgotten = writer.forget(QStringLiteral("m")).get();
        QVERIFY2(forgotten.ok, qPrintable(forgotten.error));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM model_rollups")), 0);
    }

    void keyStore_createFindRevoke()
    {
        Store store;
        QString error;
        KeyStore keys(store.db);
        const auto created = keys.create(QStringLiteral("ci"), ApiKey::Scope::Ingest, 120, 42, &error);
        QVERIFY(created);
        QVERIFY(ApiKey::isWellFormed(created->key));
        const auto found = keys.findByPrefix(ApiKey::lookupPrefix(created->key));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().hash, ApiKey::hash(created->key));
        QCOMPARE(found.first().rateLimitPerMin, 120);
        QVERIFY(!found.first().revoked());
        // The key itself is stored nowhere.
        QSqlQuery q(store.db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM api_keys WHERE name LIKE '%") +
                       QString::fromLatin1(created->key.mid(11)) + QStringLiteral("%' OR prefix = '") +
                       QString::fromLatin1(created->key) + u'\''));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        QCOMPARE(keys.revoke(QString::fromLatin1(ApiKey::lookupPrefix(created->key)), 43, &error), 1);
        QCOMPARE(keys.revoke(QString::number(created->stored.id), 44, &error), 0); // already revoked
        QVERIFY(keys.findByPrefix(ApiKey::lookupPrefix(created->key)).first().revoked());
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "TestStorage.moc"
