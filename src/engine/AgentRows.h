// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"
#include "core/ApiWire.h"
#include "engine/Watchdog.h"

#include <optional>

namespace clev {

// One agent as the status list shows it, wherever it is read (the API's /status, the desktop's local
// engine): what is stored, with the watchdog's live view over it (the stored state may trail by a moment;
// the expected interval and the budget forecast are known only to the watchdog).
ApiWire::StatusAgent statusAgentOf(const AgentSummary &stored, const std::optional<Watchdog::LiveView> &live);

} // namespace clev
