// SPDX-License-Identifier: MIT
#include "core/Clock.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace clev {

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 SystemClock::monotonicMs() const
{
    static const QElapsedTimer origin = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return origin.elapsed();
}

} // namespace clev
