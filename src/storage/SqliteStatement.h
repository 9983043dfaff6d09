// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace clev {

// A prepared statement on the SQLite handle underneath a Qt Sql connection. Used only on the ingest hot
// path: binding through QSqlQuery costs more than SQLite's own insert (QVariant conversions and a
// placeholder name built per value; measured in docs/PERFORMANCE.md), so the writer binds natively.
// Everything else goes through Qt Sql.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &db, const char *sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // The sqlite3 handle of a Qt connection, or nullptr when it is not a QSQLITE connection.
    static sqlite3 *handleOf(const QSqlDatabase &db);

    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString &text); // empty -> NULL
    void bindNull(int index);
    template <typename T> void bind(int index, const std::optional<T> &value)
    {
        value ? bind(index, *value) : bindNull(index);
    }

    // Runs the statement to completion and resets it for the next use.
    bool run(QString *error);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_prepareError;
};

} // namespace clev
