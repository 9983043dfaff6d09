// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <memory>

class QFile;
class QThreadPool;

namespace clev {

// Blocking restart work (Docker Engine API calls, systemd's restart jobs and their waits of up to two
// minutes, target probes) runs on a pool of its own, never on Qt's global pool: it cannot starve the
// API's deletions or the mail channel, and a shutdown waits for exactly this work.
QThreadPool &restartPool();

// What a restart target said about the agent before it was restarted, for the alert text.
struct RestartContext
{
    QString summary;          // "exit 137, OOMKilled" / "exit 3" / "killed by signal 9"
    QStringList lastLines;    // the last lines of its log
    bool running = false;     // what the target says right now (for watch targets)
    QString health;           // a container's HEALTHCHECK verdict: "healthy", "unhealthy", "starting"; "" without one
    qint64 startedAtSecs = 0; // when the container's current (or last) run started
    QString describe() const;
};

// The Docker Engine API over a unix socket (default /var/run/docker.sock, or DOCKER_HOST unix://…) or
// TCP (tcp://host:port), with TLS as the docker CLI does it: DOCKER_CERT_PATH holds ca.pem, cert.pem and
// key.pem, and DOCKER_TLS_VERIFY=1 checks the engine's certificate against ca.pem. Blocking calls: use
// it from a worker thread. Responses are parsed with http-parser; the multiplexed log stream is decoded
// frame by frame.
class DockerClient
{
public:
    struct Tls
    {
        bool enabled = false;
        bool verify = true;
        QString certPath; // folder with ca.pem, cert.pem, key.pem
        static Tls fromEnvironment();
    };

    explicit DockerClient(QString host = QString(), int timeoutMs = 15'000, Tls tls = Tls::fromEnvironment());

    struct Reply
    {
        int status = 0; // 0: the engine could not be reached
        QByteArray body;
        QString error;
    };
    Reply request(const QByteArray &method, const QByteArray &path);
    // A container id or name as Docker makes them ([a-zA-Z0-9][a-zA-Z0-9_.-]*, at most 128): anything
    // else (a path, a query) never reaches the engine. Agents name their container in their beats.
    static bool validContainer(const QString &container);

    bool inspect(const QString &container, RestartContext *context, QString *error);
    // The last `tail` lines of its log; with sinceSecs, only from that time on (the run that just ended).
    QStringList logs(const QString &container, int tail, QString *error, qint64 sinceSecs = 0);
    bool restart(const QString &container, int stopTimeoutSecs, QString *error);

    // Splits Docker's multiplexed stream (8-byte headers: stream, 0, 0, 0, big-endian size) into
    // lines; a stream without valid headers (a TTY container) is taken as plain text.
    static QStringList demultiplex(const QByteArray &raw);
    const QString &host() const { return m_host; }

private:
    QString m_host;
    int m_timeoutMs;
    Tls m_tls;
};

// Where systemd and its journal are reached, and how long each call may take (SystemdClient).
struct SystemdOptions
{
    QString systemBusAddress; // empty: the system bus
    QString userBusAddress;   // empty: the session bus (DBUS_SESSION_BUS_ADDRESS, else $XDG_RUNTIME_DIR/bus)
    QString journalctl = QStringLiteral("journalctl");
    int callTimeoutMs = 30'000;     // each D-Bus call, and journalctl
    int restartTimeoutMs = 120'000; // a restart job to finish, as `systemctl restart` waits for it
};

// systemd, the system manager or the user's own (`user`), over its D-Bus API (org.freedesktop.systemd1
// on /org/freedesktop/systemd1): units are restarted and their state read without running systemctl.
// The journal has no D-Bus API, so its last lines come from `journalctl`. Every call is bounded in time
// and made on a private bus connection of its own (opened and closed per call): blocking, so use it
// from a worker thread.
class SystemdClient
{
public:
    using Options = SystemdOptions;

    explicit SystemdClient(bool user, Options options = {})
        : m_user(user)
        , m_options(std::move(options))
    {
    }
    // ActiveState, SubState (org.freedesktop.systemd1.Unit), Result, ExecMainStatus, NRestarts
    // (org.freedesktop.systemd1.Service): "unit failed/failed, result exit-code, exit 2".
    bool state(const QString &unit, RestartContext *context, QString *error);
    QStringList journal(const QString &unit, int lines, QString *error);
    // RestartUnit(unit, "replace"), then waits for its job to end, as `systemctl restart` does: true
    // when the job ended "done".
    bool restart(const QString &unit, QString *error);

private:
    QString managerName() const;
    bool run(const QString &program, const QStringList &args, QByteArray *out, QString *error, int timeoutMs);
    bool m_user;
    Options m_options;
};

// Finds running processes whose command line matches a pattern (a substring, or a wildcard with * and
// ?), like `pgrep -f`, by reading /proc. Returns their pids.
QList<qint64> findProcesses(const QString &pattern);

// Runs agents' commands as child processes: output captured to a rotating log file, the last lines
// kept for alerts, exits reported. Lives on the engine thread.
class ProcessSupervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessSupervisor)

public:
    struct Spec
    {
        QString agent;
        QString command; // split like a shell would (quotes), run without a shell
        QString workingDirectory;
        QStringList environment; // KEY=VALUE added to the app's environment
        QString logFile;
        qint64 logMaxBytes = 1024 * 1024;
        int logFiles = 3;
        int stopTimeoutMs = 10'000;
    };

    explicit ProcessSupervisor(QObject *parent = nullptr);
    ~ProcessSupervisor() override;

    void add(const Spec &spec);
    bool start(const QString &agent, QString *error);
    // Stops on request (SIGTERM, then SIGKILL after the timeout); an asked-for stop is not an exit to
    // restart after.
    void stop(const QString &agent);
    bool isRunning(const QString &agent) const;
    qint64 pid(const QString &agent) const;
    QStringList lastLines(const QString &agent) const;
    bool has(const QString &agent) const { return m_children.contains(agent); }

Q_SIGNALS:
    // The process ended without being asked to.
    void exited(const QString &agent, const clev::RestartContext &context);

private:
    struct Child
    {
        Spec spec;
        QProcess *process = nullptr;
        std::unique_ptr<QFile> log;
        QStringList lastLines;
        QByteArray partial;
        bool stopping = false;
    };
    void capture(Child &c);
    void rotate(Child &c);

    QHash<QString, std::shared_ptr<Child>> m_children;
};

} // namespace clev

Q_DECLARE_METATYPE(clev::RestartContext)
