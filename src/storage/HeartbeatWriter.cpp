// SPDX-License-Identifier: MIT
// Long file: the writer thread and its session (group commit, rollups, retention, deleting an agent)
// share one connection and its prepared statements; each is its own function.
#include "storage/HeartbeatWriter.h"

#include "core/AgentRules.h"
#include "core/Clock.h"
#include "core/DayBuckets.h"
#include "core/Logging.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QHash>

#include <limits>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <limits>

#include <pthread.h>

namespace clev {

namespace {

constexpr qint64 DayMs = 24 * 3600 * 1000;
constexpr qint64 KeyTouchIntervalMs = 10'000;

QString stateForStatus(BeatStatus status)
{
    return agentStateName(AgentRules::stateForBeatStatus(status));
}

struct RollupKey
{
    qint64 agentId;
    int granularity;
    qint64 bucketStart;
    bool operator==(const RollupKey &o) const
    {
        return agentId == o.agentId && granularity == o.granularity && bucketStart == o.bucketStart;
    }
};
size_t qHash(const RollupKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.agentId, k.granularity, k.bucketStart);
}

// One bucket of one agent's usage of one model (model_rollups: hour and day buckets).
struct ModelKey
{
    qint64 agentId;
    int granularity;
    qint64 bucketStart;
    QString model;
    bool operator==(const ModelKey &o) const
    {
        return agentId == o.agentId && granularity == o.granularity && bucketStart == o.bucketStart && model == o.model;
    }
};
size_t qHash(const ModelKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.agentId, k.granularity, k.bucketStart, k.model);
}

struct Usage
{
    qint64 beats = 0, tokens = 0, input = 0, output = 0, cacheRead = 0, cacheWrite = 0, toolCalls = 0, unpriced = 0;
    double cost = 0;
    void add(const Heartbeat &b)
    {
        ++beats;
        tokens += b.totalTokens();
        input += b.inputTokens;
        output += b.outputTokens;
        cacheRead += b.cacheReadTokens;
        cacheWrite += b.cacheWriteTokens;
        toolCalls += b.toolCalls;
        cost += b.costUsd.value_or(0);
        unpriced += b.unpriced ? 1 : 0;
    }
};

// The latest facts about one agent in a batch.
struct AgentUpdate
{
    const Heartbeat *last = nullptr;
    qint64 lastSeenMs = 0;
    qint64 beats = 0;
    std::optional<double> interval;
    std::optional<qint64> iteration;
    std::optional<double> memory;
    QString agentType, model, containerId;
    // By the beats' own time: the newest beat (its status) and the newest message one carried (a beat
    // without one keeps the stored message).
    const Heartbeat *newest = nullptr;
    QString message;
    qint64 messageAtMs = std::numeric_limits<qint64>::min();
};

} // namespace

// True unless the beat in ?13 (occurred at), a regular one (?15 = 0), came within ?16 ms after the stored
// crash or shutdown report: then the report stays the agent's last word.
#define KEEPS_LAST_WORD_NOT                                                                                            \
    "NOT (?15 = 0 AND ?13 - COALESCE(last_occurred_at, 0) < ?16 AND (last_status = 'shutdown' OR"                      \
    " (last_status = 'error' AND last_message LIKE 'CRASH:%')))"

// The writer thread's connection and prepared statements.
class HeartbeatWriter::Session
{
public:
    Session(const Database &db, const HeartbeatWriter::Options &options)
        : m_database(db)
        , m_db(db.connection())
        , m_options(options)
        , m_findAgent(m_db)
        , m_insertAgent(m_db)
        , m_insertBeat(m_db,
                       "INSERT INTO heartbeats(agent_id, received_at, occurred_at, status, message, tokens_used,"
                       " input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, tool_calls, cost_usd,"
                       " iteration_count, memory_mb, interval_s, agent_type, model, container_id, tool_call_log,"
                       " prompt_hashes, custom_data, key_id, cost_estimated)"
                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
                       " ?20, ?21, ?22, ?23)")
        , m_updateAgent(m_db, "UPDATE agents SET state = CASE state WHEN 'new' THEN ?1 ELSE state END,"
                              " last_seen_at = max(COALESCE(last_seen_at, 0), ?2),"
                              // A crash or shutdown report stays the last word against a regular beat
                              // that occurred within Heartbeat::LastWordWindowMs after it (?15: 1 when
                              // this beat is a last word itself): such a beat changes none of these.
                              " last_status = CASE WHEN ?13 >= COALESCE(last_occurred_at, 0) AND " KEEPS_LAST_WORD_NOT
                              " THEN ?3 ELSE last_status END,"
                              " last_occurred_at = CASE WHEN " KEEPS_LAST_WORD_NOT
                              " THEN max(COALESCE(last_occurred_at, 0), ?13)"
                              " ELSE last_occurred_at END,"
                              " last_message = CASE WHEN ?4 IS NOT NULL AND ?14 >= COALESCE(last_message_at, 0) "
                              "AND " KEEPS_LAST_WORD_NOT " THEN ?4 ELSE last_message END,"
                              " last_message_at = CASE WHEN ?4 IS NOT NULL AND ?14 >= COALESCE(last_message_at, 0) "
                              "AND " KEEPS_LAST_WORD_NOT
                              " THEN ?14 ELSE last_message_at END, interval_s = COALESCE(?5, interval_s),"
                              " iteration_count = COALESCE(?6, iteration_count), memory_mb = COALESCE(?7, memory_mb),"
                              " agent_type = COALESCE(?8, agent_type), model = COALESCE(?9, model),"
                              " container_id = COALESCE(?10, container_id), beats = beats + ?11 WHERE id = ?12")
        , m_upsertRollup(
              m_db, "INSERT INTO usage_rollups(agent_id, granularity, bucket_start, beats, tokens_used,"
                    " input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, tool_calls, cost_usd, "
                    "unpriced_beats)"
                    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                    " ON CONFLICT(agent_id, granularity, bucket_start) DO UPDATE SET beats = beats + excluded.beats,"
                    " tokens_used = MIN(tokens_used + excluded.tokens_used, 9223372036854775807),"
                    " input_tokens = MIN(input_tokens + excluded.input_tokens, 9223372036854775807),"
                    " output_tokens = MIN(output_tokens + excluded.output_tokens, 9223372036854775807),"
                    " cache_read_tokens = MIN(cache_read_tokens + excluded.cache_read_tokens, 9223372036854775807),"
                    " cache_write_tokens = MIN(cache_write_tokens + excluded.cache_write_tokens, 9223372036854775807),"
                    " tool_calls = MIN(tool_calls + excluded.tool_calls, 9223372036854775807), cost_usd = cost_usd + "
                    "excluded.cost_usd,"
                    " unpriced_beats = unpriced_beats + excluded.unpriced_beats")
        , m_upsertModelRollup(
              m_db, "INSERT INTO model_rollups(agent_id, granularity, bucket_start, model, beats, tokens_used,"
                    " input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost_usd)"
                    " VALUES(?1, ?2, ?3, COALESCE(?4, ''), ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                    " ON CONFLICT(agent_id, granularity, bucket_start, model) DO UPDATE SET"
                    " beats = beats + excluded.beats,"
                    " tokens_used = MIN(tokens_used + excluded.tokens_used, 9223372036854775807),"
                    " input_tokens = MIN(input_tokens + excluded.input_tokens, 9223372036854775807),"
                    " output_tokens = MIN(output_tokens + excluded.output_tokens, 9223372036854775807),"
                    " cache_read_tokens = MIN(cache_read_tokens + excluded.cache_read_tokens, 9223372036854775807),"
                    " cache_write_tokens = MIN(cache_write_tokens + excluded.cache_write_tokens, 9223372036854775807),"
                    " cost_usd = cost_usd + excluded.cost_usd")
        , m_touchKey(m_db, "UPDATE api_keys SET last_used_at = ?1 WHERE id = ?2")
    {
        m_findAgent.prepare(QStringLiteral("SELECT id FROM agents WHERE name = ?"));
        m_insertAgent.prepare(QStringLiteral("INSERT INTO agents(name, created_at) VALUES(?, ?)"));
    }

    // Commits the jobs' beats in one transaction and fills `outcomes` (one list per job).
    bool commit(const std::deque<Job> &jobs, qint64 nowMs, const DayBuckets &days,
                QList<QList<IngestOutcome>> *outcomes, QString *error)
    {
        WriteTransaction tx(m_database);
        if (!tx.isOpen()) {
            *error = tx.error();
            return false;
        }
        QHash<QString, qint64> newAgents;
        QHash<qint64, AgentUpdate> agentUpdates;
        QHash<RollupKey, Usage> rollups;
        QHash<ModelKey, Usage> models;
        QSet<qint64> keys;
        bool ok = true;

        for (const Job &job : jobs) {
            QList<IngestOutcome> jobOutcomes;
            jobOutcomes.reserve(job.beats.size());
            for (const Heartbeat &beat : job.beats) {
                IngestOutcome outcome;
                const qint64 agentId = ok ? resolveAgent(beat.agent, nowMs, &newAgents, error) : -1;
                if (agentId < 0) {
                    ok = false;
                } else if (agentId == 0) {
                    outcome.kind = IngestOutcome::Kind::UnknownAgent;
                    outcome.detail =
                        QStringLiteral("agent '%1' is not registered and strict mode is on").arg(beat.agent);
                } else if (!insertBeat(agentId, beat, error)) {
                    ok = false;
                } else {
                    outcome.kind = IngestOutcome::Kind::Stored;
                    outcome.agentId = agentId;
                    outcome.state = stateForStatus(beat.status);
                    accumulate(agentId, beat, days, &agentUpdates, &rollups, &models);
                    if (beat.keyId > 0)
                        keys.insert(beat.keyId);
                }
                jobOutcomes.append(outcome);
            }
            outcomes->append(jobOutcomes);
        }

        ok = ok && writeAggregates(agentUpdates, rollups, models, keys, nowMs, error);
        if (ok && !tx.commit()) {
            *error = tx.error();
            ok = false;
        }
        if (!ok) {
            m_keysTouched.clear();
            return false; // rolled back
        }
        m_agentIds.insert(newAgents);
        for (qint64 keyId : std::as_const(m_keysTouched))
            m_keyTouchedMs.insert(keyId, nowMs);
        m_keysTouched.clear();
        return true;
    }

    // Deletes one batch of expired rows; returns the number deleted, or -1 on error.
    qint64 retentionStep(qint64 nowMs)
    {
        WriteTransaction tx(m_database);
        if (!tx.isOpen())
            return -1;
        qint64 deleted = 0;
        QSqlQuery q(m_db);
        // Raw heartbeats are in id order by arrival, so the expired ones form a prefix of the table: walk
        // from the start, never scanning rows that are kept.
        const qint64 rawCutoff = nowMs - m_options.rawRetentionDays * DayMs;
        q.prepare(QStringLiteral("SELECT id, received_at FROM heartbeats ORDER BY id LIMIT ?"));
        q.addBindValue(m_options.retentionBatchRows);
        if (!q.exec())
            return -1;
        qint64 lastId = -1;
        while (q.next() && q.value(1).toLongLong() < rawCutoff)
            lastId = q.value(0).toLongLong();
        q.finish();
        if (lastId >= 0) {
            q.prepare(QStringLiteral("DELETE FROM heartbeats WHERE id <= ?"));
            q.addBindValue(lastId);
            if (!q.exec())
                return -1;
            deleted += q.numRowsAffected();
        }
        const struct
        {
            int granularity;
            int days;
        } tiers[] = {{60, m_options.minuteRetentionDays},
                     {3600, m_options.rollupRetentionDays},
                     {86400, m_options.rollupRetentionDays}};
        for (const auto &tier : tiers) {
            q.prepare(QStringLiteral("DELETE FROM usage_rollups WHERE (agent_id, granularity, bucket_start) IN"
                                     " (SELECT agent_id, granularity, bucket_start FROM usage_rollups"
                                     "  WHERE granularity = ? AND bucket_start < ? LIMIT ?)"));
            q.addBindValue(tier.granularity);
            q.addBindValue((nowMs - tier.days * DayMs) / 1000);
            q.addBindValue(m_options.retentionBatchRows);
            if (!q.exec())
                return -1;
            deleted += q.numRowsAffected();
            if (tier.granularity == 60)
                continue; // model rollups have hour and day buckets only
            q.prepare(QStringLiteral("DELETE FROM model_rollups WHERE (agent_id, granularity, bucket_start, model) IN"
                                     " (SELECT agent_id, granularity, bucket_start, model FROM model_rollups"
                                     "  WHERE granularity = ? AND bucket_start < ? LIMIT ?)"));
            q.addBindValue(tier.granularity);
            q.addBindValue((nowMs - tier.days * DayMs) / 1000);
            q.addBindValue(m_options.retentionBatchRows);
            if (!q.exec())
                return -1;
            deleted += q.numRowsAffected();
        }
        q.finish();
        return tx.commit() ? deleted : -1;
    }

    bool forget(const QString &name, QString *error)
    {
        WriteTransaction tx(m_database);
        if (!tx.isOpen()) {
            *error = tx.error();
            return false;
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM agents WHERE name = ?")); // the rest goes by ON DELETE CASCADE
        q.addBindValue(name);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        const bool found = q.numRowsAffected() > 0;
        q.finish();
        if (!tx.commit()) {
            *error = tx.error();
            return false;
        }
        m_agentIds.remove(name);
        if (!found)
            *error = QStringLiteral("no agent named '%1'").arg(name);
        return found;
    }

private:
    // > 0: the agent's id; 0: unknown in strict mode; < 0: database error.
    qint64 resolveAgent(const QString &name, qint64 nowMs, QHash<QString, qint64> *newAgents, QString *error)
    {
        if (auto it = m_agentIds.constFind(name); it != m_agentIds.cend())
            return *it;
        if (auto it = newAgents->constFind(name); it != newAgents->cend())
            return *it;
        // Not cached: another process (or `agents add`) may have created it.
        m_findAgent.addBindValue(name);
        if (!m_findAgent.exec()) {
            *error = m_findAgent.lastError().text();
            return -1;
        }
        if (m_findAgent.next()) {
            const qint64 id = m_findAgent.value(0).toLongLong();
            m_findAgent.finish();
            newAgents->insert(name, id);
            return id;
        }
        m_findAgent.finish();
        if (m_options.strict)
            return 0;
        m_insertAgent.addBindValue(name);
        m_insertAgent.addBindValue(nowMs);
        if (!m_insertAgent.exec()) {
            *error = m_insertAgent.lastError().text();
            return -1;
        }
        const qint64 id = m_insertAgent.lastInsertId().toLongLong();
        newAgents->insert(name, id);
        return id;
    }

    bool insertBeat(qint64 agentId, const Heartbeat &b, QString *error)
    {
        SqliteStatement &q = m_insertBeat;
        q.bind(1, agentId);
        q.bind(2, b.receivedAtMs);
        q.bind(3, b.occurredAtMs);
        q.bind(4, beatStatusName(b.status));
        q.bind(5, b.message);
        q.bind(6, b.totalTokens());
        q.bind(7, b.inputTokens);
        q.bind(8, b.outputTokens);
        q.bind(9, b.cacheReadTokens);
        q.bind(10, b.cacheWriteTokens);
        q.bind(11, b.toolCalls);
        q.bind(12, b.costUsd);
        q.bind(13, b.iterationCount);
        q.bind(14, b.memoryMb);
        q.bind(15, b.intervalSecs);
        q.bind(16, b.agentType);
        q.bind(17, b.model);
        q.bind(18, b.containerId);
        q.bind(19, b.toolCallLogJson);
        q.bind(20, b.promptHashesJson);
        q.bind(21, b.customData);
        if (b.keyId > 0)
            q.bind(22, b.keyId);
        q.bind(23, qint64(b.costEstimated ? 1 : 0));
        return q.run(error);
    }

    static void accumulate(qint64 agentId, const Heartbeat &b, const DayBuckets &days,
                           QHash<qint64, AgentUpdate> *agents, QHash<RollupKey, Usage> *rollups,
                           QHash<ModelKey, Usage> *models)
    {
        AgentUpdate &u = (*agents)[agentId];
        if (!u.last || b.receivedAtMs >= u.lastSeenMs) {
            u.last = &b;
            u.lastSeenMs = b.receivedAtMs;
        }
        ++u.beats;
        if (!u.newest || (b.occurredAtMs >= u.newest->occurredAtMs &&
                          (!u.newest->isLastWord() || Heartbeat::overturnsLastWord(u.newest->occurredAtMs, b))))
            u.newest = &b;
        if (!b.message.isEmpty() && b.occurredAtMs >= u.messageAtMs) {
            u.message = b.message;
            u.messageAtMs = b.occurredAtMs;
        }
        if (b.intervalSecs)
            u.interval = b.intervalSecs;
        if (b.iterationCount)
            u.iteration = b.iterationCount;
        if (b.memoryMb)
            u.memory = b.memoryMb;
        if (!b.agentType.isEmpty())
            u.agentType = b.agentType;
        if (!b.model.isEmpty())
            u.model = b.model;
        if (!b.containerId.isEmpty())
            u.containerId = b.containerId;

        const qint64 secs = b.occurredAtMs / 1000;
        (*rollups)[RollupKey{agentId, 60, secs - secs % 60}].add(b);
        (*rollups)[RollupKey{agentId, 3600, secs - secs % 3600}].add(b);
        (*rollups)[RollupKey{agentId, 86400, days.dayStartSecs(b.occurredAtMs)}].add(b);
        (*models)[ModelKey{agentId, 3600, secs - secs % 3600, b.model}].add(b);
        (*models)[ModelKey{agentId, 86400, days.dayStartSecs(b.occurredAtMs), b.model}].add(b);
    }

    bool writeAggregates(const QHash<qint64, AgentUpdate> &agents, const QHash<RollupKey, Usage> &rollups,
                         const QHash<ModelKey, Usage> &models, const QSet<qint64> &keys, qint64 nowMs, QString *error)
    {
        for (auto it = agents.cbegin(); it != agents.cend(); ++it) {
            const AgentUpdate &u = it.value();
            SqliteStatement &q = m_updateAgent;
            q.bind(1, stateForStatus(u.newest->status));
            q.bind(2, u.lastSeenMs);
            q.bind(3, beatStatusName(u.newest->status)); // unless a newer beat (by its own time) is stored
            q.bind(4, u.message);                        // empty binds NULL: the stored message stays
            q.bind(13, u.newest->occurredAtMs);
            q.bind(14, u.message.isEmpty() ? qint64(0) : u.messageAtMs);
            q.bind(5, u.interval);
            q.bind(6, u.iteration);
            q.bind(7, u.memory);
            q.bind(8, u.agentType);
            q.bind(9, u.model);
            q.bind(10, u.containerId);
            q.bind(11, u.beats);
            q.bind(12, it.key());
            q.bind(15, u.newest->isLastWord() ? qint64(1) : qint64(0));
            q.bind(16, Heartbeat::LastWordWindowMs);
            if (!q.run(error))
                return false;
        }
        for (auto it = rollups.cbegin(); it != rollups.cend(); ++it) {
            const Usage &u = it.value();
            SqliteStatement &q = m_upsertRollup;
            q.bind(1, it.key().agentId);
            q.bind(2, qint64(it.key().granularity));
            q.bind(3, it.key().bucketStart);
            q.bind(4, u.beats);
            q.bind(5, u.tokens);
            q.bind(6, u.input);
            q.bind(7, u.output);
            q.bind(8, u.cacheRead);
            q.bind(9, u.cacheWrite);
            q.bind(10, u.toolCalls);
            q.bind(11, u.cost);
            q.bind(12, u.unpriced);
            if (!q.run(error))
                return false;
        }
        for (auto it = models.cbegin(); it != models.cend(); ++it) {
            const Usage &u = it.value();
            SqliteStatement &q = m_upsertModelRollup;
            q.bind(1, it.key().agentId);
            q.bind(2, qint64(it.key().granularity));
            q.bind(3, it.key().bucketStart);
            q.bind(4, it.key().model); // empty binds NULL: '' (no model named)
            q.bind(5, u.beats);
            q.bind(6, u.tokens);
            q.bind(7, u.input);
            q.bind(8, u.output);
            q.bind(9, u.cacheRead);
            q.bind(10, u.cacheWrite);
            q.bind(11, u.cost);
            if (!q.run(error))
                return false;
        }
        // A key's last use is recorded at most every KeyTouchIntervalMs: it is shown to people, not billed.
        for (qint64 keyId : keys) {
            if (nowMs - m_keyTouchedMs.value(keyId, std::numeric_limits<qint64>::min() / 2) < KeyTouchIntervalMs)
                continue;
            m_touchKey.bind(1, nowMs);
            m_touchKey.bind(2, keyId);
            if (!m_touchKey.run(error))
                return false;
            m_keysTouched.append(keyId);
        }
        return true;
    }

    const Database &m_database;
    QSqlDatabase m_db;
    const HeartbeatWriter::Options &m_options;
    QHash<QString, qint64> m_agentIds;
    QSqlQuery m_findAgent, m_insertAgent;
    SqliteStatement m_insertBeat;
    SqliteStatement m_updateAgent;
    SqliteStatement m_upsertRollup;
    SqliteStatement m_upsertModelRollup;
    SqliteStatement m_touchKey;
    QHash<qint64, qint64> m_keyTouchedMs;
    QList<qint64> m_keysTouched; // in the open transaction
};

HeartbeatWriter::HeartbeatWriter(const Database &db, const Clock &clock, const DayBuckets &days, Options options)
    : m_db(db)
    , m_clock(clock)
    , m_days(days)
    , m_options(options)
{
}

HeartbeatWriter::~HeartbeatWriter()
{
    stop();
}

void HeartbeatWriter::start()
{
    std::lock_guard lock(m_mutex);
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void HeartbeatWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_running)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    std::lock_guard lock(m_mutex);
    m_running = false;
}

void HeartbeatWriter::submit(QList<Heartbeat> beats, IngestCallback callback)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_running && !m_stopping) {
            m_queue.push_back(Job{std::move(beats), std::move(callback)});
            ++m_submitted;
            // Only a sleeping writer needs the (system-call) wake-up; a busy one takes the job next round.
            if (m_writerSleeping)
                m_wake.notify_one();
            return;
        }
    }
    QList<IngestOutcome> outcomes(beats.size());
    for (IngestOutcome &o : outcomes)
        o.detail = QStringLiteral("the server is shutting down");
    callback(outcomes);
}

std::future<qint64> HeartbeatWriter::purgeNow()
{
    std::promise<qint64> promise;
    std::future<qint64> future = promise.get_future();
    std::lock_guard lock(m_mutex);
    m_purgeRequests.push_back(std::move(promise));
    m_wake.notify_one();
    return future;
}

std::future<HeartbeatWriter::ForgetResult> HeartbeatWriter::forget(const QString &name)
{
    std::promise<ForgetResult> promise;
    std::future<ForgetResult> future = promise.get_future();
    std::lock_guard lock(m_mutex);
    if (!m_running || m_stopping) {
        promise.set_value({false, QStringLiteral("the server is shutting down")});
        return future;
    }
    m_forgetRequests.push_back(Forget{name, std::move(promise), m_submitted});
    m_wake.notify_one();
    return future;
}

HeartbeatWriter::Stats HeartbeatWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

HeartbeatWriter::Touched HeartbeatWriter::takeTouched()
{
    std::lock_guard lock(m_mutex);
    Touched t{m_touched.values(), std::exchange(m_touchedOverflow, false)};
    m_touched.clear();
    std::sort(t.agentIds.begin(), t.agentIds.end());
    return t;
}

// One group commit of the jobs taken, then each job's callback with its outcomes (503s if it failed).
void HeartbeatWriter::commitJobs(Session &session, std::deque<Job> &jobs)
{
    QList<QList<IngestOutcome>> outcomes;
    QString error;
    const bool ok = session.commit(jobs, m_clock.nowMs(), m_days, &outcomes, &error);
    QList<qint64> storedIds; // one per stored beat
    if (!ok) {
        qCWarning(lcStorage) << "commit failed, answering 503:" << error;
        outcomes.clear();
        for (const Job &job : jobs) {
            QList<IngestOutcome> failed(job.beats.size());
            for (IngestOutcome &o : failed)
                o.detail = QStringLiteral("the database cannot commit right now");
            outcomes.append(failed);
        }
    }
    for (const auto &list : std::as_const(outcomes)) {
        for (const IngestOutcome &o : list) {
            if (o.kind == IngestOutcome::Kind::Stored)
                storedIds.append(o.agentId);
        }
    }
    {
        std::lock_guard lock(m_mutex); // submitters wait on it: only the bookkeeping inside
        ok ? ++m_stats.commits : ++m_stats.failedCommits;
        m_stats.beatsStored += storedIds.size();
        for (qsizetype i = 0; i < storedIds.size() && !m_touchedOverflow; ++i) {
            m_touched.insert(storedIds.at(i));
            if (m_touched.size() > MaxTouched) {
                m_touched.clear();
                m_touchedOverflow = true;
            }
        }
    }
    for (size_t i = 0; i < jobs.size(); ++i)
        jobs[i].callback(outcomes.at(static_cast<qsizetype>(i)));
}

void HeartbeatWriter::runForgets(Session &session, std::deque<Forget> &forgets)
{
    for (Forget &f : forgets) {
        ForgetResult result;
        result.ok = session.forget(f.name, &result.error);
        f.done.set_value(result);
    }
    forgets.clear();
}

// Stopping: what still waits for the writer is answered.
void HeartbeatWriter::answerLeftovers()
{
    std::lock_guard lock(m_mutex);
    for (auto &p : m_purgeRequests)
        p.set_value(0);
    m_purgeRequests.clear();
    for (Forget &f : m_forgetRequests)
        f.done.set_value({false, QStringLiteral("the server is shutting down")});
    m_forgetRequests.clear();
}

void HeartbeatWriter::run()
{
    pthread_setname_np(pthread_self(), "clev-writer");
    Session session(m_db, m_options);
    // Retention is scheduled on the real steady clock; only its cut-offs follow the injectable clock.
    using Steady = std::chrono::steady_clock;
    Steady::time_point nextRetention =
        Steady::now() + std::chrono::milliseconds(
                            std::min<qint64>(60'000, m_options.retentionIntervalMs)); // first pass soon after start
    qint64 purged = 0;
    bool purging = false;

    for (;;) {
        std::deque<Job> jobs;
        std::deque<std::promise<qint64>> finishedPurges;
        std::deque<Forget> forgets;
        {
            std::unique_lock lock(m_mutex);
            m_writerSleeping = true;
            m_wake.wait_until(lock, purging ? Steady::now() : nextRetention, [this] {
                return m_stopping || !m_queue.empty() || !m_purgeRequests.empty() || !m_forgetRequests.empty();
            });
            m_writerSleeping = false;
            if (m_queue.empty() && m_stopping)
                break;
            // Jobs submitted before a forget request are committed before it, the ones after it after it:
            // a beat that follows a DELETE makes a new agent instead of being deleted with the old one.
            const quint64 limit =
                m_forgetRequests.empty() ? std::numeric_limits<quint64>::max() : m_forgetRequests.front().afterJobs;
            int beats = 0;
            while (!m_queue.empty() && m_taken < limit &&
                   (jobs.empty() || beats + m_queue.front().beats.size() <= m_options.maxBatchBeats)) {
                beats += static_cast<int>(m_queue.front().beats.size());
                jobs.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
                ++m_taken;
            }
            while (!m_forgetRequests.empty() && m_forgetRequests.front().afterJobs <= m_taken) {
                forgets.push_back(std::move(m_forgetRequests.front()));
                m_forgetRequests.pop_front();
            }
            if (jobs.empty() && !m_purgeRequests.empty())
                purging = true;
        }

        // The jobs taken above were all submitted before these requests.
        if (!jobs.empty()) {
            commitJobs(session, jobs);
            runForgets(session, forgets);
            continue;
        }
        runForgets(session, forgets);

        if (purging || Steady::now() >= nextRetention) {
            const qint64 deleted = session.retentionStep(m_clock.nowMs());
            if (deleted > 0) {
                purged += deleted;
                std::lock_guard lock(m_mutex);
                m_stats.retentionDeleted += deleted;
            }
            // A full batch means more may be waiting: go on after serving any queued ingest.
            if (deleted < m_options.retentionBatchRows) {
                if (deleted < 0)
                    qCWarning(lcStorage) << "retention pass failed; will retry later";
                nextRetention = Steady::now() + std::chrono::milliseconds(m_options.retentionIntervalMs);
                std::lock_guard lock(m_mutex);
                finishedPurges.swap(m_purgeRequests);
                purging = false;
            }
            for (auto &p : finishedPurges)
                p.set_value(purged);
            if (!finishedPurges.empty() || !purging)
                purged = 0;
        }
    }
    answerLeftovers();
}

} // namespace clev
