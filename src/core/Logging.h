// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// One logging category per layer; enable with QT_LOGGING_RULES="clevagent.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
