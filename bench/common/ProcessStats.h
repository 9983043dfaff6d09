// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QFile>

// The resident memory of this process in KB (Linux /proc), for the benchmarks' reports.
inline long residentKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}
