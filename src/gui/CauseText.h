// SPDX-License-Identifier: MIT
#pragma once

#include "core/Cause.h"

#include <QCoreApplication>
#include <QString>

namespace clev {

// A cause (a timeline line, an incident's summary or detail) in the UI's language. What the engine
// phrased in English (core/Cause's englishText) is phrased here with tr(), from the same kind and
// parameters; texts from the agents themselves (messages, tool names, comments) and from Docker or systemd
// stay as they came. A cause without kind (an old row, an older server) is shown as its English text.
class CauseText
{
    Q_DECLARE_TR_FUNCTIONS(CauseText)

public:
    static QString render(const Cause &cause, const QString &fallbackEnglish);
    // A duration as formatDuration() words it, translated.
    static QString duration(qint64 ms);
};

} // namespace clev
