// SPDX-License-Identifier: MIT
#include "storage/Database.h"

#include "core/Logging.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadStorage>

#include <atomic>

namespace clev {

namespace {

std::atomic<int> g_nextId{1};

// Connections opened by the current thread, removed when it exits. Held in QThreadStorage, not in a
// thread_local: Qt deletes it while a QThread finishes, before wait() returns. A thread_local would be
// destroyed after that, when the thread that waited may already be tearing Qt SQL down (seen as a crash
// at exit under load).
struct ThreadConnections
{
    QHash<int, QString> names;
    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

ThreadConnections &threadConnections()
{
    static QThreadStorage<ThreadConnections> connections;
    return connections.localData();
}

bool execAll(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            *error = q.lastError().text() + QStringLiteral(" in: ") + sql.left(80);
            return false;
        }
    }
    return true;
}

} // namespace

Database::Database(Options options)
    : m_options(std::move(options))
    , m_id(g_nextId.fetch_add(1))
{
}

Database::~Database()
{
    auto &local = threadConnections();
    const QString name = local.names.take(m_id);
    if (!name.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

int Database::knownSchemaVersion()
{
    return Migrations::latestVersion();
}

QSqlDatabase Database::connection() const
{
    auto &local = threadConnections();
    auto it = local.names.constFind(m_id);
    if (it != local.names.cend())
        return QSqlDatabase::database(*it, false);

    const QString name =
        QStringLiteral("clev-%1-%2").arg(m_id).arg(reinterpret_cast<quintptr>(QThread::currentThread()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_options.path);
    if (!db.open()) {
        qCWarning(lcStorage) << "cannot open" << m_options.path << db.lastError().text();
    } else {
        QSqlQuery q(db);
        // synchronous=NORMAL in WAL mode: a commit survives a crash of this process (the data is in the OS
        // cache); only a power loss can take back the last commits. FULL (--durability full) syncs the
        // WAL at every commit, so a power loss cannot either. See docs/ARCHITECTURE.md.
        q.exec(m_options.durableFull ? QStringLiteral("PRAGMA synchronous=FULL")
                                     : QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        q.exec(QStringLiteral("PRAGMA busy_timeout=%1").arg(m_options.busyTimeoutMs));
        // Checkpoint the WAL every ~16 MB instead of every 4 MB: fewer fsyncs under steady ingest.
        q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=4000"));
    }
    local.names.insert(m_id, name);
    return db;
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool Database::open(QString *error)
{
    const QFileInfo info(m_options.path);
    if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    // A new database is its owner's alone (key hashes, agents' messages): created 0600 before SQLite
    // opens it, whatever the umask; SQLite gives its -wal and -shm files the same mode.
    if (!info.exists() && m_options.path != u":memory:") {
        QFile file(m_options.path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
            !info.exists()) {
            *error = QStringLiteral("cannot create the database %1: %2").arg(m_options.path, file.errorString());
            return false;
        }
    }
    // SQLite would open a file it cannot write and fail later with "not a database" or "readonly": say it.
    if (m_options.path != u":memory:") {
        if (!QFileInfo(m_options.path).isWritable()) {
            *error = QStringLiteral("the database %1 is read-only for this user: the server writes to it; check the "
                                    "file's owner and mode (or run as its owner)")
                         .arg(m_options.path);
            return false;
        }
        if (!QFileInfo(info.absolutePath()).isWritable()) {
            *error = QStringLiteral("the folder %1 is read-only for this user: SQLite keeps the database's -wal and "
                                    "-shm files beside it, so the server needs to write there")
                         .arg(info.absolutePath());
            return false;
        }
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open the database %1: %2").arg(m_options.path, db.lastError().text());
        return false;
    }
    // Check the version before anything writes to the file.
    const int version = schemaVersion();
    if (version < 0) {
        *error = QStringLiteral("%1 is not a ClevAgent database (or is damaged)").arg(m_options.path);
        return false;
    }
    if (version > knownSchemaVersion()) {
        *error = QStringLiteral("the database %1 has schema version %2, newer than this build knows (%3); "
                                "use a newer ClevAgent or another database file. Nothing was changed.")
                     .arg(m_options.path)
                     .arg(version)
                     .arg(knownSchemaVersion());
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() || q.value(0).toString() != u"wal") {
        *error = QStringLiteral("cannot switch %1 to WAL mode: %2").arg(m_options.path, q.lastError().text());
        return false;
    }
    q.finish();
    return migrate(error);
}

bool Database::migrate(QString *error)
{
    QSqlDatabase db = connection();
    const auto &steps = Migrations::steps();
    for (int version = schemaVersion(); version < steps.size(); ++version) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            *error = QStringLiteral("cannot start the migration: %1").arg(q.lastError().text());
            return false;
        }
        // Re-read inside the lock: another process may have migrated meanwhile.
        const bool done = q.exec(QStringLiteral("PRAGMA user_version")) && q.next() && q.value(0).toInt() > version;
        q.finish();
        if (done) {
            q.exec(QStringLiteral("COMMIT"));
            continue;
        }
        QString stepError;
        if (!execAll(db, steps.at(version), &stepError) ||
            !q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1))) {
            if (stepError.isEmpty())
                stepError = q.lastError().text();
            q.exec(QStringLiteral("ROLLBACK"));
            *error = QStringLiteral("migration to schema version %1 failed: %2").arg(version + 1).arg(stepError);
            return false;
        }
        if (!q.exec(QStringLiteral("COMMIT"))) {
            *error = QStringLiteral("cannot commit the migration: %1").arg(q.lastError().text());
            q.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
        qCInfo(lcStorage) << "database schema migrated to version" << version + 1;
    }
    return true;
}

namespace {
// The databases with a transaction open on this thread, outermost first, and how deep each is nested.
thread_local std::vector<std::pair<const Database *, int>> t_open;
} // namespace

WriteTransaction::WriteTransaction(const Database &db)
    : m_lock(db.writeMutex(), std::defer_lock)
    , m_db(db.connection())
    , m_database(&db)
{
    for (auto &open : t_open) {
        if (open.first == &db)
            m_savepoint = ++open.second;
    }
    QSqlQuery q(m_db);
    if (m_savepoint > 0) {
        // Inside a transaction of this thread: a savepoint, under the lock the outer one holds.
        m_open = q.exec(QStringLiteral("SAVEPOINT clev_%1").arg(m_savepoint));
    } else {
        m_lock.lock();
        m_open = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (m_open)
            t_open.emplace_back(&db, 0);
    }
    if (!m_open)
        m_error = q.lastError().text();
}

void WriteTransaction::end()
{
    m_open = false;
    for (auto it = t_open.begin(); it != t_open.end(); ++it) {
        if (it->first != m_database)
            continue;
        if (m_savepoint > 0)
            --it->second;
        else
            t_open.erase(it);
        break;
    }
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    QSqlQuery q(m_db);
    if (m_savepoint > 0) {
        q.exec(QStringLiteral("ROLLBACK TO clev_%1").arg(m_savepoint));
        q.exec(QStringLiteral("RELEASE clev_%1").arg(m_savepoint));
    } else {
        q.exec(QStringLiteral("ROLLBACK"));
    }
    end();
}

bool WriteTransaction::commit()
{
    if (!m_open)
        return false;
    QSqlQuery q(m_db);
    if (q.exec(m_savepoint > 0 ? QStringLiteral("RELEASE clev_%1").arg(m_savepoint) : QStringLiteral("COMMIT"))) {
        end();
        if (m_lock.owns_lock())
            m_lock.unlock(); // other writers may go on at once
        return true;
    }
    m_error = q.lastError().text();
    return false; // the destructor rolls back
}

} // namespace clev
