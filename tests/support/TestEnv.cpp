// SPDX-License-Identifier: MIT
#include "support/TestEnv.h"

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

} // namespace clev::test
