// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// One logging category per module; enable with QT_LOGGING_RULES="clevagent.*.debug=true", or quieten
// one, e.g. QT_LOGGING_RULES="clevagent.alerts.info=false".
Q_DECLARE_LOGGING_CATEGORY(lcCore)     // clevagent.core: start-up, the server instance
Q_DECLARE_LOGGING_CATEGORY(lcStorage)  // clevagent.storage: the database and its stores
Q_DECLARE_LOGGING_CATEGORY(lcHttp)     // clevagent.http: the HTTP server
Q_DECLARE_LOGGING_CATEGORY(lcApi)      // clevagent.api: the API's handlers
Q_DECLARE_LOGGING_CATEGORY(lcWatchdog) // clevagent.watchdog: states, deadlines, the timeline
Q_DECLARE_LOGGING_CATEGORY(lcAlerts)   // clevagent.alerts: incidents, notifications, channels
Q_DECLARE_LOGGING_CATEGORY(lcRestart)  // clevagent.restart: restarts, Docker, systemd, processes
Q_DECLARE_LOGGING_CATEGORY(lcRemote)   // clevagent.remote: connections to servers elsewhere
Q_DECLARE_LOGGING_CATEGORY(lcGui)      // clevagent.gui: the desktop app
