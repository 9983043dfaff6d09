#pragma once

#include <QSqlDatabase>
#include <QString>

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

private:
    bool migrate(QString *error);

    Options m_options;
    int m_id;
};

} // namespace clev
