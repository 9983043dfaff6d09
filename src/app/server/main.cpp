#include "ServerCommands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clevagent"));
    QCoreApplication::setOrganizationName(QStringLiteral("ClevAgent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLEV_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{type} %{category}: %{message}"));
    return ServerCommands::run(QCoreApplication::arguments());
}
