// SPDX-License-Identifier: MIT
#include "engine/RestartExecutors.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThreadPool>
#include <QUrl>

#include <curl/curl.h>
#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace clev {

QThreadPool &restartPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(4);
        pool.setObjectName(QStringLiteral("clev-restarts"));
        return true;
    }();
    Q_UNUSED(configured)
    return pool;
}

namespace {
constexpr int LastLines = 20;
constexpr qsizetype MaxEngineAnswer = 16 << 20; // an inspect answer is kilobytes; logs are asked for in lines

struct Received
{
    QByteArray *body;
    bool tooLarge = false;
};

size_t onBody(char *data, size_t size, size_t count, void *userdata)
{
    auto *r = static_cast<Received *>(userdata);
    const size_t n = size * count;
    if (r->body->size() + static_cast<qsizetype>(n) > MaxEngineAnswer) {
        r->tooLarge = true;
        return 0; // curl stops the transfer: CURLE_WRITE_ERROR
    }
    r->body->append(data, static_cast<qsizetype>(n));
    return n;
}
} // namespace

QString RestartContext::describe() const
{
    QString text = summary;
    if (!lastLines.isEmpty()) {
        const QStringList tail = lastLines.mid(std::max<qsizetype>(0, lastLines.size() - 5));
        text += (text.isEmpty() ? QString() : QStringLiteral("; ")) + QStringLiteral("last log lines: ") +
                tail.join(QStringLiteral(" | "));
    }
    return text;
}

DockerClient::Tls DockerClient::Tls::fromEnvironment()
{
    Tls tls;
    tls.certPath = qEnvironmentVariable("DOCKER_CERT_PATH");
    const QString verify = qEnvironmentVariable("DOCKER_TLS_VERIFY");
    tls.enabled = !tls.certPath.isEmpty() || !verify.isEmpty();
    tls.verify = !verify.isEmpty() && verify != u"0";
    if (tls.enabled && tls.certPath.isEmpty())
        tls.certPath = QDir::home().filePath(QStringLiteral(".docker"));
    return tls;
}

DockerClient::DockerClient(QString host, int timeoutMs, Tls tls)
    : m_host(host.isEmpty() ? qEnvironmentVariable("DOCKER_HOST", QStringLiteral("unix:///var/run/docker.sock")) : host)
    , m_timeoutMs(timeoutMs)
    , m_tls(std::move(tls))
{
}

bool DockerClient::validContainer(const QString &container)
{
    static const QRegularExpression valid(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$"));
    return valid.match(container).hasMatch();
}

// The Engine API over HTTP/1.1 with libcurl: a unix socket (CURLOPT_UNIX_SOCKET_PATH), plain TCP, or
// TCP with TLS and a client certificate (ca.pem, cert.pem, key.pem as the docker CLI reads them; RSA
// and EC keys alike). One request per call, bounded in time and in the size of the answer.
// Long function: one libcurl request with its options (socket, TLS files, timeouts, size bound) and
// the error it names for each way it can fail.
DockerClient::Reply DockerClient::request(const QByteArray &method, const QByteArray &path)
{
    Reply reply;
    const QUrl url(m_host);
    QByteArray base, socketPath;
    if (url.scheme() == u"unix") {
        socketPath = QFile::encodeName(url.path());
        base = "http://docker";
        // libcurl would only say it could not connect: name the two usual reasons.
        if (!QFileInfo::exists(url.path())) {
            reply.error =
                QStringLiteral(
                    "cannot reach the Docker engine: no socket at %1 (is Docker running? DOCKER_HOST names another)")
                    .arg(url.path());
            return reply;
        }
#if defined(Q_OS_UNIX) // (Windows reaches its engine over a named pipe or TCP, not through here)
        if (::access(socketPath.constData(), R_OK | W_OK) != 0) {
            reply.error =
                QStringLiteral("cannot reach the Docker engine: permission denied on %1 (this user needs the docker "
                               "group, which is as good as root; see WATCHDOG.md)")
                    .arg(url.path());
            return reply;
        }
#endif
    } else if (url.scheme() == u"tcp") {
        base = (m_tls.enabled ? "https://" : "http://") + url.host(QUrl::FullyEncoded).toUtf8() + ':' +
               QByteArray::number(url.port(m_tls.enabled ? 2376 : 2375));
    } else {
        reply.error = QStringLiteral("DOCKER_HOST '%1' is neither unix:// nor tcp://").arg(m_host);
        return reply;
    }
    const QByteArray target = base + "/v1.41" + path;
    const QDir certs(m_tls.certPath);
    const QByteArray ca = QFile::encodeName(certs.filePath(QStringLiteral("ca.pem")));
    const QByteArray cert = QFile::encodeName(certs.filePath(QStringLiteral("cert.pem")));
    const QByteArray key = QFile::encodeName(certs.filePath(QStringLiteral("key.pem")));

    CURL *curl = curl_easy_init();
    if (!curl) {
        reply.error = QStringLiteral("cannot start an HTTP client for the Docker engine");
        return reply;
    }
    char errorBuffer[CURL_ERROR_SIZE] = {};
    Received received{&reply.body};
    curl_slist *headers = curl_slist_append(nullptr, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, target.constData());
    if (!socketPath.isEmpty())
        curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, socketPath.constData());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.constData());
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, 0L);
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "ClevAgent");
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*"); // the engine is never reached through a proxy
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &received);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(m_timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_timeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (m_tls.enabled) {
        if (QFile::exists(QString::fromLocal8Bit(ca)))
            curl_easy_setopt(curl, CURLOPT_CAINFO, ca.constData());
        if (QFile::exists(QString::fromLocal8Bit(cert)) && QFile::exists(QString::fromLocal8Bit(key))) {
            curl_easy_setopt(curl, CURLOPT_SSLCERT, cert.constData());
            curl_easy_setopt(curl, CURLOPT_SSLKEY, key.constData()); // PEM: RSA, EC or Ed25519
        }
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, m_tls.verify ? 1L : 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, m_tls.verify ? 2L : 0L);
    }
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (received.tooLarge) {
        reply.error = QStringLiteral("the Docker engine's answer was larger than 16 MiB");
        return reply;
    }
    if (rc != CURLE_OK) {
        const QString detail = QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(rc));
        reply.error = rc == CURLE_OPERATION_TIMEDOUT
                          ? QStringLiteral("the Docker engine did not answer in time (%1)").arg(detail)
                          : QStringLiteral("cannot reach the Docker engine at %1%2: %3")
                                .arg(m_host, m_tls.enabled ? QStringLiteral(" over TLS") : QString(), detail);
        return reply;
    }
    reply.status = static_cast<int>(status);
    return reply;
}

static QString engineError(const DockerClient::Reply &r, const QString &container)
{
    if (r.status == 0)
        return r.error;
    const QString message = QJsonDocument::fromJson(r.body).object().value(QLatin1String("message")).toString();
    if (r.status == 404)
        return message.isEmpty() ? QStringLiteral("no such container: %1").arg(container) : message;
    return QStringLiteral("the Docker engine answered %1: %2")
        .arg(r.status)
        .arg(message.isEmpty() ? QString::fromUtf8(r.body.left(200)) : message);
}

bool DockerClient::inspect(const QString &container, RestartContext *context, QString *error)
{
    if (!validContainer(container)) {
        *error = QStringLiteral("'%1' is not a Docker container id or name; nothing was sent to the engine")
                     .arg(container.left(80));
        return false;
    }
    const Reply r = request("GET", "/containers/" + QUrl::toPercentEncoding(container) + "/json");
    if (r.status != 200) {
        *error = engineError(r, container);
        return false;
    }
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    const QJsonObject state = o.value(QLatin1String("State")).toObject();
    context->running = state.value(QLatin1String("Running")).toBool();
    QStringList parts;
    parts
        << QStringLiteral("container %1").arg(state.value(QLatin1String("Status")).toString(QStringLiteral("unknown")));
    parts << QStringLiteral("exit %1").arg(state.value(QLatin1String("ExitCode")).toInt());
    // OOMKilled: Docker 20.10 keeps it true after a restart until the next OOM, so it is reported only
    // for a container that is not running (the run that just ended).
    if (state.value(QLatin1String("OOMKilled")).toBool() && !context->running)
        parts << QStringLiteral("OOMKilled");
    const QJsonObject health = state.value(QLatin1String("Health")).toObject();
    context->health = health.value(QLatin1String("Status")).toString();
    if (!context->health.isEmpty()) {
        QString last;
        const QJsonArray log = health.value(QLatin1String("Log")).toArray();
        if (!log.isEmpty())
            last = log.last().toObject().value(QLatin1String("Output")).toString().simplified().left(200);
        parts << (last.isEmpty() || context->health != u"unhealthy"
                      ? QStringLiteral("health %1").arg(context->health)
                      : QStringLiteral("health %1 (%2)").arg(context->health, last));
    }
    context->startedAtSecs =
        QDateTime::fromString(state.value(QLatin1String("StartedAt")).toString(), Qt::ISODateWithMs).toSecsSinceEpoch();
    const int restarts = o.value(QLatin1String("RestartCount")).toInt();
    if (restarts > 0)
        parts << QStringLiteral("restarted %1 times by Docker").arg(restarts);
    context->summary = parts.join(QStringLiteral(", "));
    return true;
}

QStringList DockerClient::logs(const QString &container, int tail, QString *error, qint64 sinceSecs)
{
    if (!validContainer(container)) {
        *error = QStringLiteral("'%1' is not a Docker container id or name; nothing was sent to the engine")
                     .arg(container.left(80));
        return {};
    }
    const Reply r = request("GET", "/containers/" + QUrl::toPercentEncoding(container) +
                                       "/logs?stdout=1&stderr=1&tail=" + QByteArray::number(tail) +
                                       (sinceSecs > 0 ? "&since=" + QByteArray::number(sinceSecs) : QByteArray()));
    if (r.status != 200) {
        *error = engineError(r, container);
        return {};
    }
    return demultiplex(r.body);
}

bool DockerClient::restart(const QString &container, int stopTimeoutSecs, QString *error)
{
    if (!validContainer(container)) {
        *error = QStringLiteral("'%1' is not a Docker container id or name; nothing was sent to the engine")
                     .arg(container.left(80));
        return false;
    }
    const Reply r = request("POST", "/containers/" + QUrl::toPercentEncoding(container) +
                                        "/restart?t=" + QByteArray::number(stopTimeoutSecs));
    if (r.status != 204) {
        *error = engineError(r, container);
        return false;
    }
    return true;
}

QStringList DockerClient::demultiplex(const QByteArray &raw)
{
    QByteArray text;
    qsizetype i = 0;
    bool framed = raw.size() >= 8;
    while (framed && i + 8 <= raw.size()) {
        const auto type = static_cast<unsigned char>(raw.at(i));
        if (type > 2 || raw.at(i + 1) != 0 || raw.at(i + 2) != 0 || raw.at(i + 3) != 0) {
            framed = false;
            break;
        }
        const quint32 size = (quint32(static_cast<unsigned char>(raw.at(i + 4))) << 24) |
                             (quint32(static_cast<unsigned char>(raw.at(i + 5))) << 16) |
                             (quint32(static_cast<unsigned char>(raw.at(i + 6))) << 8) |
                             quint32(static_cast<unsigned char>(raw.at(i + 7)));
        if (i + 8 + qsizetype(size) > raw.size()) {
            framed = false;
            break;
        }
        text += raw.mid(i + 8, size);
        i += 8 + size;
    }
    if (!framed)
        text = raw; // a TTY container: plain text
    QStringList lines = QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
    for (QString &l : lines)
        l = l.trimmed();
    lines.removeAll(QString());
    return lines;
}

QList<qint64> findProcesses(const QString &pattern)
{
    QList<qint64> pids;
#if !defined(Q_OS_LINUX)
    // Process watch targets read /proc/<pid>/cmdline, which Linux alone has: elsewhere none is found.
    static const bool warned = [] {
        qCWarning(lcRestart) << "process watch targets need /proc (Linux only): none found on this system";
        return true;
    }();
    Q_UNUSED(warned);
    Q_UNUSED(pattern);
    return pids;
#endif
    const bool wildcard = pattern.contains(u'*') || pattern.contains(u'?');
    const QRegularExpression re(wildcard ? QRegularExpression::wildcardToRegularExpression(
                                               pattern, QRegularExpression::UnanchoredWildcardConversion)
                                         : QString());
    const qint64 self = QCoreApplication::applicationPid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric || pid == self)
            continue;
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray raw = f.readAll();
        if (raw.isEmpty())
            continue; // a kernel thread or a zombie
        raw.replace('\0', ' ');
        const QString cmdline = QString::fromUtf8(raw).trimmed();
        if (wildcard ? re.match(cmdline).hasMatch() : cmdline.contains(pattern))
            pids.append(pid);
    }
    return pids;
}

ProcessSupervisor::ProcessSupervisor(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<clev::RestartContext>();
}

ProcessSupervisor::~ProcessSupervisor()
{
    for (auto &c : m_children) {
        if (c->process && c->process->state() != QProcess::NotRunning) {
            c->stopping = true;
            c->process->terminate();
            if (!c->process->waitForFinished(c->spec.stopTimeoutMs))
                c->process->kill();
            c->process->waitForFinished(1000);
        }
    }
}

void ProcessSupervisor::add(const Spec &spec)
{
    auto c = std::make_shared<Child>();
    c->spec = spec;
    m_children.insert(spec.agent, c);
}

bool ProcessSupervisor::start(const QString &agent, QString *error)
{
    auto it = m_children.find(agent);
    if (it == m_children.end()) {
        *error = QStringLiteral("no command is configured for '%1'").arg(agent);
        return false;
    }
    std::shared_ptr<Child> c = *it;
    if (c->process && c->process->state() != QProcess::NotRunning) {
        // A restart of a process that still runs (alive but silent): stop it first.
        c->stopping = true;
        c->process->terminate();
        if (!c->process->waitForFinished(c->spec.stopTimeoutMs))
            c->process->kill();
        c->process->waitForFinished(2000);
    }
    const QStringList argv = QProcess::splitCommand(c->spec.command);
    if (argv.isEmpty()) {
        *error = QStringLiteral("the command for '%1' is empty").arg(agent);
        return false;
    }
    if (!c->log && !c->spec.logFile.isEmpty()) {
        QDir().mkpath(QFileInfo(c->spec.logFile).absolutePath());
        c->log = std::make_unique<QFile>(c->spec.logFile);
        if (!c->log->open(QIODevice::Append)) {
            *error = QStringLiteral("cannot write the log %1: %2").arg(c->spec.logFile, c->log->errorString());
            c->log.reset();
            return false;
        }
    }
    if (c->process)
        c->process->deleteLater();
    auto *p = new QProcess(this);
    c->process = p;
    c->stopping = false;
    p->setProcessChannelMode(QProcess::MergedChannels);
    if (!c->spec.workingDirectory.isEmpty())
        p->setWorkingDirectory(c->spec.workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : c->spec.environment) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq > 0)
            env.insert(kv.left(eq), kv.mid(eq + 1));
    }
    p->setProcessEnvironment(env);
    std::weak_ptr<Child> weak = c;
    connect(p, &QProcess::readyRead, this, [this, weak] {
        if (auto child = weak.lock())
            capture(*child);
    });
    connect(p, &QProcess::finished, this, [this, weak, p](int code, QProcess::ExitStatus status) {
        auto child = weak.lock();
        if (!child || child->process != p)
            return;
        capture(*child);
        if (child->stopping)
            return;
        RestartContext context;
        // On Unix, Qt reports the signal number as the exit code of a crashed process.
        context.summary = status == QProcess::CrashExit ? QStringLiteral("killed by signal %1").arg(code)
                                                        : QStringLiteral("exit %1").arg(code);
        context.lastLines = child->lastLines;
        Q_EMIT exited(child->spec.agent, context);
    });
    p->start(argv.first(), argv.mid(1));
    if (!p->waitForStarted(10'000)) {
        *error = QStringLiteral("cannot start '%1': %2").arg(c->spec.command, p->errorString());
        return false;
    }
    qCInfo(lcRestart) << "started" << agent << "pid" << p->processId();
    return true;
}

void ProcessSupervisor::capture(Child &c)
{
    const QByteArray data = c.process->readAll();
    if (data.isEmpty())
        return;
    if (c.log) {
        c.log->write(data);
        c.log->flush();
        if (c.log->size() > c.spec.logMaxBytes)
            rotate(c);
    }
    c.partial += data;
    const qsizetype end = c.partial.lastIndexOf('\n');
    if (end < 0)
        return;
    for (const QByteArray &line : c.partial.left(end).split('\n')) {
        if (!line.trimmed().isEmpty())
            c.lastLines.append(QString::fromUtf8(line.trimmed()));
    }
    c.partial = c.partial.mid(end + 1);
    while (c.lastLines.size() > LastLines)
        c.lastLines.removeFirst();
}

void ProcessSupervisor::rotate(Child &c)
{
    const QString base = c.spec.logFile;
    c.log->close();
    QFile::remove(base + u'.' + QString::number(c.spec.logFiles - 1));
    for (int i = c.spec.logFiles - 2; i >= 1; --i)
        QFile::rename(base + u'.' + QString::number(i), base + u'.' + QString::number(i + 1));
    QFile::rename(base, base + QStringLiteral(".1"));
    c.log->open(QIODevice::Append);
}

void ProcessSupervisor::stop(const QString &agent)
{
    auto it = m_children.find(agent);
    if (it == m_children.end() || !(*it)->process)
        return;
    Child &c = **it;
    if (c.process->state() == QProcess::NotRunning)
        return;
    c.stopping = true;
    c.process->terminate();
    if (!c.process->waitForFinished(c.spec.stopTimeoutMs))
        c.process->kill();
    c.process->waitForFinished(2000);
}

bool ProcessSupervisor::isRunning(const QString &agent) const
{
    auto it = m_children.constFind(agent);
    return it != m_children.cend() && (*it)->process && (*it)->process->state() == QProcess::Running;
}

qint64 ProcessSupervisor::pid(const QString &agent) const
{
    auto it = m_children.constFind(agent);
    return it != m_children.cend() && (*it)->process ? (*it)->process->processId() : 0;
}

QStringList ProcessSupervisor::lastLines(const QString &agent) const
{
    auto it = m_children.constFind(agent);
    return it == m_children.cend() ? QStringList() : (*it)->lastLines;
}

} // namespace clev
