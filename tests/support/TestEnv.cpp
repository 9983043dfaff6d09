// SPDX-License-Identifier: MIT
#include "support/TestEnv.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace clev::test {

TestDir::TestDir()
{
    m_dir.setAutoRemove(qEnvironmentVariableIntValue("CLEV_KEEP_TEST_DIRS") == 0);
}

QString serverBinary()
{
    return qEnvironmentVariable("CLEV_SERVER_BIN");
}

CommandRun runServerCommand(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(serverBinary(), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace clev::test
