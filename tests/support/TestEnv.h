// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace clev::test {

// Built with a sanitizer (scripts/test-sanitized, scripts/test-tsan): everything runs several times
// slower, so the waits that bound a test (not the behaviour it checks) grow by Slowdown.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool SanitizedBuild = true;
inline constexpr int Slowdown = 5;
#else
inline constexpr bool SanitizedBuild = false;
inline constexpr int Slowdown = 1;
#endif

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

// One run of clevagent-server as a command (keys, agents, tls, --help…): its exit code (-1 when it
// crashed or did not finish within timeoutMs), stdout and stderr.
struct CommandRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
CommandRun runServerCommand(const QStringList &args, int timeoutMs);

} // namespace clev::test
