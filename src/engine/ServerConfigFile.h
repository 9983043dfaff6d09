// SPDX-License-Identifier: MIT
#pragma once

#include "engine/ServerInstance.h"

#include <functional>

namespace clev {

// clevagent-server's configuration file (JSON; docs/CONFIG.md). Every key is checked: an unknown key,
// a wrong type or a secret written in clear is an error that names the key. Secrets (Slack and
// Discord webhook URLs, webhook signing secrets, PagerDuty routing keys, SMTP passwords) must be given
// as "env:NAME" (an environment variable) or "file:/path" (a file only its owner can read).
namespace ServerConfigFile {

using Environment = std::function<QByteArray(const char *name)>;

bool load(const QString &path, ServerConfig *config, QString *error, const Environment &env = {});
bool parse(const QByteArray &json, ServerConfig *config, QString *error, const Environment &env = {});

// Parses a listen address, HOST:PORT with an IP address ("localhost" and [v6] brackets accepted),
// for --listen and the file's "listen" alike. On failure `error` says what was wrong.
bool parseListen(const QString &listen, QHostAddress *address, quint16 *port, QString *error);

// Resolves one secret reference ("env:NAME" or "file:/path").
bool resolveSecret(const QString &reference, const QString &what, QString *value, QString *error,
                   const Environment &env = {});

} // namespace ServerConfigFile
} // namespace clev
