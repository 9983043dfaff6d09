// SPDX-License-Identifier: MIT
#pragma once
// A real clevagent-server child process for the desktop's tests, with the CLI helpers around it.

#include "gui/RemoteMonitor.h"
#include "support/HttpTestClient.h"
#include "support/TestEnv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>

namespace clev::test::server {

inline QString run(const QStringList &args)
{
    QProcess p;
    p.start(clev::test::serverBinary(), args);
    p.waitForFinished(20'000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// `clevagent-server keys create` on `database`: the new key (printed alone on stdout).
inline QString createKey(const QString &database, const QString &scope, const QStringList &extra = {})
{
    return run(QStringList{QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--database"), database,
                           QStringLiteral("--scope"), scope} +
               extra);
}

// clevagent-server on a fixed port (so a restart comes back at the same address).
class Server
{
public:
    bool start(const QString &database, quint16 port, const QStringList &extra = {})
    {
        m_log = database + QStringLiteral(".log");
        m_process.setStandardErrorFile(m_log, QIODevice::Append);
        m_process.start(clev::test::serverBinary(),
                        QStringList{QStringLiteral("--database"), database, QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:%1").arg(port)} +
                            extra);
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10'000) {
            QFile f(m_log);
            f.open(QIODevice::ReadOnly);
            if (f.readAll().count("listening on") > m_starts) {
                ++m_starts;
                return true;
            }
            if (m_process.state() != QProcess::Running)
                return false;
            QTest::qWait(50);
        }
        return false;
    }
    void signal(int sig) { ::kill(static_cast<pid_t>(m_process.processId()), sig); }
    void stop()
    {
        ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT); // in case a test left it stopped
        ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
        m_process.waitForFinished(15'000);
    }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

private:
    QProcess m_process;
    QString m_log;
    int m_starts = 0;
};

inline int post(quint16 port, const QByteArray &key, const QByteArray &path, const QByteArray &body)
{
    clev::test::HttpTestClient c;
    if (!c.connectTo(port))
        return 0;
    return c.request("POST", path, body, {{"X-API-Key", key}}).status;
}

// Runs RemoteMonitor::probe and waits for its answer.
inline clev::RemoteMonitor::Probe probeNow(const clev::RemoteEndpoint &endpoint)
{
    clev::RemoteMonitor::Probe probe;
    bool answered = false;
    QObject context;
    clev::RemoteMonitor::probe(endpoint, &context, [&](const clev::RemoteMonitor::Probe &p) {
        probe = p;
        answered = true;
    });
    if (!QTest::qWaitFor([&] { return answered; }, 15'000))
        probe.message = QStringLiteral("no answer");
    return probe;
}

} // namespace clev::test::server
