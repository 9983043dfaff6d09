// SPDX-License-Identifier: MIT
#include "core/PriceTable.h"

#include "core/Logging.h"

#include <algorithm>

#include "core/Heartbeat.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace clev {

bool PriceTable::load(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the price file %1: %2").arg(path, f.errorString());
        return false;
    }
    if (!loadJson(f.readAll(), error)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    return true;
}

bool PriceTable::loadJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error =
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("invalid JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset)
                : QStringLiteral("expected a JSON object of models");
        return false;
    }
    QHash<QString, Price> loaded;
    const QJsonObject models = doc.object();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QJsonObject m = it.value().toObject();
        const QJsonValue in = m.value(QLatin1String("input_cost_per_token"));
        const QJsonValue out = m.value(QLatin1String("output_cost_per_token"));
        // Entries priced per image, per second or per query (no per-token input and output price) are
        // not chat models: skipped. A per-token price that is there must make sense.
        auto bad = [](const QJsonValue &v) { return !v.isUndefined() && (!v.isDouble() || v.toDouble() < 0); };
        if (bad(in) || bad(out)) {
            *error = QStringLiteral(
                         "model '%1': input_cost_per_token and output_cost_per_token must be non-negative numbers")
                         .arg(it.key());
            return false;
        }
        if (in.isUndefined() || out.isUndefined())
            continue;
        Price p;
        p.input = in.toDouble();
        p.output = out.toDouble();
        p.cacheRead = m.value(QLatin1String("cache_read_input_token_cost")).toDouble(p.input);
        p.cacheWrite = m.value(QLatin1String("cache_creation_input_token_cost")).toDouble(p.input);
        loaded.insert(it.key().toLower(), p);
    }
    m_prices.insert(loaded);
    return true;
}

PriceTable PriceTable::bundled()
{
    PriceTable table;
    QString error;
    if (!table.load(QStringLiteral(":/clevagent/pricing/model_prices.json"), &error))
        qCWarning(lcCore, "bundled price table: %s", qPrintable(error));
    return table;
}

std::optional<PriceTable::Price> PriceTable::find(const QString &model) const
{
    QString key = model.trimmed().toLower();
    if (key.isEmpty())
        return std::nullopt;
    if (auto it = m_prices.constFind(key); it != m_prices.cend())
        return *it;
    // "openai/gpt-4o", "anthropic/claude-…": the provider prefix is not part of the table's names.
    const qsizetype slash = key.lastIndexOf(u'/');
    if (slash >= 0) {
        key = key.mid(slash + 1);
        if (auto it = m_prices.constFind(key); it != m_prices.cend())
            return *it;
    }
    return std::nullopt;
}

std::optional<double> PriceTable::costOf(const Heartbeat &beat) const
{
    if (beat.costUsd)
        return beat.costUsd;
    const qint64 buckets = beat.inputTokens + beat.outputTokens + beat.cacheReadTokens + beat.cacheWriteTokens;
    if (buckets == 0 && beat.tokensUsed == 0)
        return 0.0; // no usage in this beat
    if (buckets == 0)
        return std::nullopt; // a bare token count: input and output prices differ, so no honest price
    const auto price = find(beat.model);
    if (!price)
        return std::nullopt;
    // An estimate is held to the bound a sent cost_usd has.
    return std::min(Heartbeat::MaxCostUsd, beat.inputTokens * price->input + beat.outputTokens * price->output +
                                               beat.cacheReadTokens * price->cacheRead +
                                               beat.cacheWriteTokens * price->cacheWrite);
}

} // namespace clev
