// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>

namespace clev {

// US dollars the one way every view shows them, in the UI's locale: cents from a dollar up, tenths of a
// cent below (cents would hide the small spenders), hundredths of a cent below a tenth of a cent.
inline int usdDecimals(double usd)
{
    const double a = usd < 0 ? -usd : usd;
    return a == 0 || a >= 1 ? 2 : a >= 0.001 ? 3 : 4;
}

inline QString usd(double value, const QLocale &locale = QLocale())
{
    return QStringLiteral("$") + locale.toString(value, 'f', usdDecimals(value));
}

} // namespace clev
