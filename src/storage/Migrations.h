// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>

namespace clev::Migrations {

// Numbered schema steps: step i (0-based) takes the schema from version i to i + 1. Each step runs in one
// transaction together with the version bump, so a failed step leaves the previous version intact.
const QList<QStringList> &steps();
inline int latestVersion()
{
    return static_cast<int>(steps().size());
}

} // namespace clev::Migrations
