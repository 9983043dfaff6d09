// SPDX-License-Identifier: MIT
#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcCore, "clevagent.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "clevagent.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "clevagent.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "clevagent.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRemote, "clevagent.remote", QtInfoMsg)
