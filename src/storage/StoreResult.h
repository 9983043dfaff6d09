// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>
#include <utility>

// What the store interfaces share: how a read answers, and how writes are grouped. Nothing here knows
// which database is underneath (SQLite today; PostgreSQL can implement the same interfaces).
namespace clev {

// A read's answer: the value, or (ok false) why there is none. A failed read never looks like an empty one.
template <typename T> struct StoreResult
{
    T value{};
    bool ok = true;
    QString error;

    static StoreResult of(T v)
    {
        StoreResult r;
        r.value = std::move(v);
        return r;
    }
    static StoreResult failure(QString why)
    {
        StoreResult r;
        r.ok = false;
        r.error = std::move(why);
        return r;
    }
    explicit operator bool() const { return ok; }
};

// A write transaction, rolled back unless committed. Begun while the same thread has one open on the
// same store, it nests (SQLite: a savepoint), and the outer commit makes it durable.
class StoreTransaction
{
public:
    virtual ~StoreTransaction() = default;
    virtual bool isOpen() const = 0;
    virtual bool commit() = 0;
    virtual QString error() const = 0;
};

// Begins the transactions that group the writes of several stores of one database.
class StoreTransactions
{
public:
    virtual ~StoreTransactions() = default;
    virtual std::unique_ptr<StoreTransaction> begin() const = 0;
};

} // namespace clev
