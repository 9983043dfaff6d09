// SPDX-License-Identifier: MIT
#include "ServerCommands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Qt's plain UNIX event dispatcher serves sockets ~10 % faster than the GLib one (measured with
    // bench/ingest), and a headless server has no GLib main loop to integrate with.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clevagent"));
    QCoreApplication::setOrganizationName(QStringLiteral("ClevAgent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLEV_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{type} %{category}: %{message}"));
    return ServerCommands::run(QCoreApplication::arguments());
}
