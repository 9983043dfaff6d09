// SPDX-License-Identifier: MIT
#pragma once

#include "core/AlertRecords.h"

#include <QString>

namespace clev {

// The restart attempts of agents.
class RestartStore
{
public:
    virtual ~RestartStore() = default;

    // Stores the attempt and its line in the agent's timeline (state unchanged), in one transaction.
    // False with the reason when either could not be stored (what could is kept).
    virtual bool record(const RestartAttempt &attempt, QString *error) = 0;
};

} // namespace clev
