// SPDX-License-Identifier: MIT
#include "storage/Migrations.h"

namespace clev::Migrations {

// Long function: the schema, one numbered step per version in order, as a table; it reads best whole.
const QList<QStringList> &steps()
{
    static const QList<QStringList> all = {
        // 1: keys, agents, raw heartbeats, usage rollups.
        {
            QStringLiteral("CREATE TABLE api_keys ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " prefix TEXT NOT NULL,"
                           " hash BLOB NOT NULL,"
                           " scopes TEXT NOT NULL,"
                           " rate_limit_per_min INTEGER,"
                           " created_at INTEGER NOT NULL,"
                           " last_used_at INTEGER,"
                           " revoked_at INTEGER)"),
            QStringLiteral("CREATE INDEX api_keys_prefix ON api_keys(prefix)"),
            QStringLiteral("CREATE TABLE agents ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE,"
                           " project TEXT NOT NULL DEFAULT 'default',"
                           " created_at INTEGER NOT NULL,"
                           " state TEXT NOT NULL DEFAULT 'new',"
                           " last_seen_at INTEGER,"
                           " last_status TEXT,"
                           " last_message TEXT,"
                           " interval_s REAL,"
                           " iteration_count INTEGER,"
                           " agent_type TEXT,"
                           " model TEXT,"
                           " container_id TEXT,"
                           " memory_mb REAL,"
                           " beats INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE heartbeats ("
                           " id INTEGER PRIMARY KEY,"
                           " agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                           " received_at INTEGER NOT NULL,"
                           " occurred_at INTEGER NOT NULL,"
                           " status TEXT NOT NULL,"
                           " message TEXT,"
                           " tokens_used INTEGER NOT NULL DEFAULT 0,"
                           " input_tokens INTEGER NOT NULL DEFAULT 0,"
                           " output_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_read_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_write_tokens INTEGER NOT NULL DEFAULT 0,"
                           " tool_calls INTEGER NOT NULL DEFAULT 0,"
                           " cost_usd REAL,"
                           " iteration_count INTEGER,"
                           " memory_mb REAL,"
                           " interval_s REAL,"
                           " agent_type TEXT,"
                           " model TEXT,"
                           " container_id TEXT,"
                           " tool_call_log TEXT,"
                           " prompt_hashes TEXT,"
                           " custom_data TEXT,"
                           " key_id INTEGER)"),
            QStringLiteral("CREATE INDEX heartbeats_agent_time ON heartbeats(agent_id, occurred_at)"),
            // granularity in seconds (60, 3600, 86400); day buckets start at local midnight.
            QStringLiteral("CREATE TABLE usage_rollups ("
                           " agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                           " granularity INTEGER NOT NULL,"
                           " bucket_start INTEGER NOT NULL,"
                           " beats INTEGER NOT NULL DEFAULT 0,"
                           " tokens_used INTEGER NOT NULL DEFAULT 0,"
                           " input_tokens INTEGER NOT NULL DEFAULT 0,"
                           " output_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_read_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_write_tokens INTEGER NOT NULL DEFAULT 0,"
                           " tool_calls INTEGER NOT NULL DEFAULT 0,"
                           " cost_usd REAL NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (agent_id, granularity, bucket_start)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX usage_rollups_age ON usage_rollups(granularity, bucket_start)"),
        },
        // 2: the watchdog's timeline and flags; priced usage.
        {
            QStringLiteral("CREATE TABLE state_changes ("
                           " id INTEGER PRIMARY KEY,"
                           " agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                           " at INTEGER NOT NULL,"
                           " from_state TEXT NOT NULL,"
                           " to_state TEXT NOT NULL,"
                           " cause TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX state_changes_agent_time ON state_changes(agent_id, at)"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN looping INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN over_budget INTEGER NOT NULL DEFAULT 0"),
            // The interval the watchdog expects (sent, configured, learned or default), in seconds.
            QStringLiteral("ALTER TABLE agents ADD COLUMN expected_interval_s REAL"),
            QStringLiteral("ALTER TABLE heartbeats ADD COLUMN cost_estimated INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE usage_rollups ADD COLUMN unpriced_beats INTEGER NOT NULL DEFAULT 0"),
        },
        // 3: incidents, the notification outbox, silences.
        {
            QStringLiteral("CREATE TABLE incidents ("
                           " id INTEGER PRIMARY KEY,"
                           " agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                           " kind TEXT NOT NULL,"
                           " opened_at INTEGER NOT NULL,"
                           " resolved_at INTEGER,"
                           " summary TEXT NOT NULL,"
                           " detail TEXT NOT NULL DEFAULT '',"
                           " acked_at INTEGER,"
                           " notified_at INTEGER,"
                           " notifications INTEGER NOT NULL DEFAULT 0,"
                           " silenced_by INTEGER)"),
            // One open incident per (agent, kind).
            QStringLiteral("CREATE UNIQUE INDEX incidents_open ON incidents(agent_id, kind) WHERE resolved_at IS NULL"),
            QStringLiteral("CREATE INDEX incidents_time ON incidents(opened_at)"),
            QStringLiteral("CREATE TABLE outbox ("
                           " id INTEGER PRIMARY KEY,"
                           " incident_id INTEGER REFERENCES incidents(id) ON DELETE SET NULL,"
                           " channel TEXT NOT NULL,"
                           " payload TEXT NOT NULL,"
                           " idempotency_key TEXT NOT NULL UNIQUE,"
                           " created_at INTEGER NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " next_attempt_at INTEGER NOT NULL,"
                           " sent_at INTEGER,"
                           " failed_at INTEGER,"
                           " last_error TEXT)"),
            QStringLiteral(
                "CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL"),
            QStringLiteral("CREATE TABLE silences ("
                           " id INTEGER PRIMARY KEY,"
                           " pattern TEXT NOT NULL,"
                           " until_at INTEGER NOT NULL,"
                           " comment TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL)"),
        },
        // 4: pausing an agent's alerts until a time.
        {
            QStringLiteral("ALTER TABLE agents ADD COLUMN paused_until INTEGER"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN pause_comment TEXT"),
        },
        // 5: restart attempts.
        {
            QStringLiteral("CREATE TABLE restarts ("
                           " id INTEGER PRIMARY KEY,"
                           " agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                           " at INTEGER NOT NULL,"
                           " target TEXT NOT NULL,"
                           " trigger TEXT NOT NULL,"
                           " ok INTEGER NOT NULL,"
                           " context TEXT NOT NULL DEFAULT '',"
                           " error TEXT)"),
            QStringLiteral("CREATE INDEX restarts_agent_time ON restarts(agent_id, at)"),
        },
        // 6: what the user set for one agent (desktop app or API); NULL: not set, the defaults apply.
        {
            QStringLiteral("CREATE TABLE agent_settings ("
                           " agent_id INTEGER PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,"
                           " interval_s REAL,"
                           " grace_s REAL,"
                           " daily_budget_usd REAL,"
                           " updated_at INTEGER NOT NULL)"),
        },
        // 7: per-agent loop thresholds and restart target.
        {
            QStringLiteral("ALTER TABLE agent_settings ADD COLUMN tool_loop_repeats INTEGER"),
            QStringLiteral("ALTER TABLE agent_settings ADD COLUMN iteration_cap INTEGER"),
            QStringLiteral("ALTER TABLE agent_settings ADD COLUMN restart_target TEXT"),
        },
        // 8: when the stored last status and last message happened (the beats' own time), so a beat sent
        // earlier but delivered later (in flight at a crash, flushed from a buffer) does not replace them.
        {
            QStringLiteral("ALTER TABLE agents ADD COLUMN last_occurred_at INTEGER"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN last_message_at INTEGER"),
        },
        // 9: causes and incident texts as data beside their English text (core/Cause): the kind's name and
        // its parameters as compact JSON; NULL for rows stored before (their text is all there is).
        {
            QStringLiteral("ALTER TABLE state_changes ADD COLUMN cause_kind TEXT"),
            QStringLiteral("ALTER TABLE state_changes ADD COLUMN cause_params TEXT"),
            QStringLiteral("ALTER TABLE incidents ADD COLUMN summary_kind TEXT"),
            QStringLiteral("ALTER TABLE incidents ADD COLUMN summary_params TEXT"),
            QStringLiteral("ALTER TABLE incidents ADD COLUMN detail_kind TEXT"),
            QStringLiteral("ALTER TABLE incidents ADD COLUMN detail_params TEXT"),
        },
        // 10: usage by model (hour and day buckets, as usage_rollups): the detail's breakdown by model and
        // token kind. Filled from the beats stored after the upgrade.
        {
            QStringLiteral("CREATE TABLE model_rollups ("
                           " agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                           " granularity INTEGER NOT NULL,"
                           " bucket_start INTEGER NOT NULL,"
                           " model TEXT NOT NULL DEFAULT '',"
                           " beats INTEGER NOT NULL DEFAULT 0,"
                           " tokens_used INTEGER NOT NULL DEFAULT 0,"
                           " input_tokens INTEGER NOT NULL DEFAULT 0,"
                           " output_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_read_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_write_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cost_usd REAL NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (agent_id, granularity, bucket_start, model)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX model_rollups_age ON model_rollups(granularity, bucket_start)"),
        },
    };
    return all;
}

} // namespace clev::Migrations
