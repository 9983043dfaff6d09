// SPDX-License-Identifier: MIT
#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcCore, "clevagent.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "clevagent.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "clevagent.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "clevagent.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWatchdog, "clevagent.watchdog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAlerts, "clevagent.alerts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRestart, "clevagent.restart", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRemote, "clevagent.remote", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGui, "clevagent.gui", QtInfoMsg)
