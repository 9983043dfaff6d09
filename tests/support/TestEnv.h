// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace clev::test {

// A private temporary folder per test case, kept on failure for inspection when CLEV_KEEP_TEST_DIRS=1.
class TestDir
{
public:
    TestDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Path of the clevagent-server binary under test (from CTest's environment).
QString serverBinary();

} // namespace clev::test
