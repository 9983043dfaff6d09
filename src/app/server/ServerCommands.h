// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// The clevagent-server command line: `serve` (the default) and the `keys` / `agents` administration
// commands. Each returns the process exit code.
namespace ServerCommands {
int run(const QStringList &arguments);
}
