// SPDX-License-Identifier: MIT
#pragma once

#include "core/Cause.h"

#include <QVariant>

// How a cause is stored beside its English text: its kind's name and its parameters as compact JSON, both
// NULL for a cause without kind (schema version 9: state_changes.cause_kind/cause_params,
// incidents.summary_kind/summary_params/detail_kind/detail_params).
namespace clev::CauseColumns {

inline QVariant kind(const Cause &c)
{
    return c.isNone() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(causeKindName(c.kind));
}

inline QVariant params(const Cause &c)
{
    if (c.isNone() || c.params.isEmpty())
        return QVariant(QMetaType(QMetaType::QString));
    return QVariant(QString::fromUtf8(c.paramsJson()));
}

// A stored pair read back; NULL or a kind this version does not know: None (the text column tells).
inline Cause read(const QVariant &kindColumn, const QVariant &paramsColumn)
{
    return Cause::fromParts(kindColumn.toString(), Cause::paramsFromJson(paramsColumn.toString().toUtf8()));
}

} // namespace clev::CauseColumns
