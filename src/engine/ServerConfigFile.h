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

// Resolves one secret reference ("env:NAME" or "file:/path").
bool resolveSecret(const QString &reference, const QString &what, QString *value, QString *error, const Environment &env = {});

} // namespace ServerConfigFile
} // namespace clev
