// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <mutex>

namespace clev {

// One SQLite database file. Opening it applies the pragmas and the numbered migrations; a schema newer
// than this build knows is refused before anything is touched. Each thread that uses the database gets
// its own connection (Qt Sql connections are thread-affine), opened on first use and closed when the
// thread ends.
class Database
{
public:
    struct Options
    {
        QString path;
        // How long a statement waits for another writer's lock before failing (then clients get 503).
        int busyTimeoutMs = 5000;
        // synchronous=FULL: a commit also survives a power loss (one more fsync per commit group).
        bool durableFull = false;
    };

    explicit Database(Options options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Creates the file if needed, sets WAL mode and brings the schema up to date. On failure returns
    // false and a message fit for the user.
    bool open(QString *error);

    // The calling thread's connection (already open and configured once open() succeeded).
    QSqlDatabase connection() const;

    const Options &options() const { return m_options; }
    static int knownSchemaVersion();
    // The version stored in the file's header (PRAGMA user_version).
    int schemaVersion() const;
    // Held by every write transaction of this process (see WriteTransaction).
    std::mutex &writeMutex() const { return m_writeMutex; }

private:
    bool migrate(QString *error);

    Options m_options;
    int m_id;
    mutable std::mutex m_writeMutex;
};

// A write transaction on the calling thread's connection, rolled back unless committed. The writers of
// one process (ingest, watchdog, alerts) take turns on the database's mutex first, so they never meet
// SQLite's busy handler, which sleeps in steps of up to 100 ms; other processes (the command line) are
// still kept apart by SQLite's lock and busy_timeout. Opened while the same thread has one open on the same
// database, it is a savepoint inside it: its commit releases the savepoint, the outer commit makes it
// durable (so many small writes can share one commit).
class WriteTransaction
{
public:
    explicit WriteTransaction(const Database &db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isOpen() const { return m_open; }
    const QString &error() const { return m_error; }
    bool commit();

private:
    void end();

    std::unique_lock<std::mutex> m_lock;
    QSqlDatabase m_db;
    const Database *m_database;
    int m_savepoint = 0; // > 0: nested in another transaction of this thread, as this savepoint
    bool m_open = false;
    QString m_error;
};

} // namespace clev
