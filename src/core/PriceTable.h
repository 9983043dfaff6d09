// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace clev {

struct Heartbeat;

// Per-token prices of LLM models (USD), from the bundled LiteLLM snapshot plus an optional user override
// file of the same shape. Prices a beat from its token buckets and `model`; a model it does not know is
// "unpriced" (nullopt), never $0.
class PriceTable
{
public:
    struct Price
    {
        double input = 0;
        double output = 0;
        double cacheRead = 0;  // falls back to input when the table has none
        double cacheWrite = 0; // likewise
    };

    // Merges the entries of a JSON file ({"model": {"input_cost_per_token": …, …}, …}); later loads win.
    // Returns false with a message on an unreadable or malformed file (nothing is merged then).
    bool load(const QString &path, QString *error);
    bool loadJson(const QByteArray &json, QString *error);
    // The snapshot compiled into the program.
    static PriceTable bundled();

    std::optional<Price> find(const QString &model) const;
    // The cost of a beat's usage: its own cost_usd when sent; else priced from buckets and model; else
    // nullopt (unpriced). A beat without tokens costs nothing.
    std::optional<double> costOf(const Heartbeat &beat) const;
    int size() const { return static_cast<int>(m_prices.size()); }

private:
    QHash<QString, Price> m_prices;
};

} // namespace clev
