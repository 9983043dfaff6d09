// SPDX-License-Identifier: MIT
#include "ServerCommands.h"

#include "UnixSignalWatcher.h"

#include "core/ApiKey.h"
#include "core/Clock.h"
#include "engine/AlertEngine.h"
#include "engine/NotificationDispatcher.h"
#include "engine/ServerConfigFile.h"
#include "engine/ServerInstance.h"
#include "server/TlsFiles.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "storage/KeyStore.h"
#include "storage/SqliteStores.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <csignal>

namespace ServerCommands {

namespace {

using namespace clev;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message)
{
    err() << "clevagent-server: " << message << Qt::endl;
    return 2;
}

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("clevagent.db"));
}

struct Options
{
    QCommandLineOption listen{QStringLiteral("listen"), QStringLiteral("Address and port to listen on (default 127.0.0.1:9475)."),
                              QStringLiteral("host:port"), QStringLiteral("127.0.0.1:9475")};
    QCommandLineOption database{QStringLiteral("database"), QStringLiteral("SQLite database file (default: %1).").arg(defaultDatabasePath()),
                                QStringLiteral("path"), defaultDatabasePath()};
    QCommandLineOption ioThreads{QStringLiteral("io-threads"), QStringLiteral("Threads that serve connections (default 2)."),
                                 QStringLiteral("n"), QStringLiteral("2")};
    QCommandLineOption maxConnections{QStringLiteral("max-connections"), QStringLiteral("Open connections at most (default 1024)."),
                                      QStringLiteral("n"), QStringLiteral("1024")};
    QCommandLineOption strict{QStringLiteral("strict"), QStringLiteral("Refuse heartbeats from agents not registered with `agents add`.")};
    QCommandLineOption rateLimit{QStringLiteral("rate-limit"), QStringLiteral("Requests per minute per key (default 10000; for `keys create`: this key's own limit)."),
                                 QStringLiteral("n")};
    QCommandLineOption retentionDays{QStringLiteral("retention-days"), QStringLiteral("Days raw heartbeats are kept (default 30)."),
                                     QStringLiteral("n"), QStringLiteral("30")};
    QCommandLineOption rollupDays{QStringLiteral("rollup-retention-days"), QStringLiteral("Days hourly and daily usage is kept (default 365)."),
                                  QStringLiteral("n"), QStringLiteral("365")};
    QCommandLineOption timeZone{QStringLiteral("time-zone"), QStringLiteral("IANA time zone for daily usage (default: the system's)."),
                                QStringLiteral("zone")};
    QCommandLineOption requestTimeout{QStringLiteral("request-timeout-ms"), QStringLiteral("A request must arrive whole within this (default 10000)."),
                                      QStringLiteral("ms"), QStringLiteral("10000")};
    QCommandLineOption keepAlive{QStringLiteral("keepalive-timeout-ms"), QStringLiteral("Idle keep-alive connections close after this (default 60000)."),
                                 QStringLiteral("ms"), QStringLiteral("60000")};
    QCommandLineOption eventsKeepAlive{QStringLiteral("events-keepalive-ms"), QStringLiteral("A comment on idle event streams this often, so clients notice a dead link (default 15000)."),
                                       QStringLiteral("ms"), QStringLiteral("15000")};
    QCommandLineOption maxBody{QStringLiteral("max-body-bytes"), QStringLiteral("Largest request body (default 2097152)."),
                               QStringLiteral("bytes"), QStringLiteral("2097152")};
    QCommandLineOption busyTimeout{QStringLiteral("busy-timeout-ms"), QStringLiteral("How long a commit waits for a locked database before answering 503 (default 5000)."),
                                   QStringLiteral("ms"), QStringLiteral("5000")};
    QCommandLineOption durability{QStringLiteral("durability"),
                                  QStringLiteral("normal: a commit survives a crash of the server; full: also a power loss "
                                                 "(an fsync per commit, slower ingest). Default normal."),
                                  QStringLiteral("normal|full"), QStringLiteral("normal")};
    QCommandLineOption scope{QStringLiteral("scope"), QStringLiteral("keys create: ingest, read, admin, or a comma list."),
                             QStringLiteral("scopes"), QStringLiteral("ingest")};
    QCommandLineOption name{QStringLiteral("name"), QStringLiteral("keys create: a name to recognise the key by."),
                            QStringLiteral("name")};
    QCommandLineOption config{QStringLiteral("config"), QStringLiteral("JSON configuration: watchdog, per-agent policies, alert channels (docs/CONFIG.md)."),
                              QStringLiteral("file")};
    QCommandLineOption agent{QStringLiteral("agent"), QStringLiteral("incidents list: only this agent."), QStringLiteral("name")};
    QCommandLineOption kind{QStringLiteral("kind"), QStringLiteral("incidents list: only this kind (dead, error, crash, loop, budget)."),
                            QStringLiteral("kind")};
    QCommandLineOption openOnly{QStringLiteral("open"), QStringLiteral("incidents list: only open incidents.")};
    QCommandLineOption csv{QStringLiteral("csv"), QStringLiteral("incidents list: print CSV.")};
    QCommandLineOption limit{QStringLiteral("limit"), QStringLiteral("incidents list: at most this many (default 100)."),
                             QStringLiteral("n"), QStringLiteral("100")};
    QCommandLineOption until{QStringLiteral("until"), QStringLiteral("silences add: end, as 2026-12-01T08:00 or +2h / +30m / +1d."),
                             QStringLiteral("when")};
    QCommandLineOption comment{QStringLiteral("comment"), QStringLiteral("silences add: why."), QStringLiteral("text")};
    QCommandLineOption interval{QStringLiteral("interval"), QStringLiteral("agents set: expected seconds between beats."), QStringLiteral("s")};
    QCommandLineOption grace{QStringLiteral("grace"), QStringLiteral("agents set: seconds late before dead."), QStringLiteral("s")};
    QCommandLineOption budget{QStringLiteral("budget"), QStringLiteral("agents set: daily budget in USD."), QStringLiteral("usd")};
    QCommandLineOption clear{QStringLiteral("clear"), QStringLiteral("agents set: drop the agent's settings (back to the defaults).")};
    QCommandLineOption tlsCert{QStringLiteral("tls-cert"), QStringLiteral("Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
                               QStringLiteral("file")};
    QCommandLineOption tlsKey{QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."), QStringLiteral("file")};
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("tls self-signed: folder for cert.pem and key.pem."), QStringLiteral("dir")};
    QCommandLineOption force{QStringLiteral("force"), QStringLiteral("tls self-signed: replace an existing key and certificate.")};
    QCommandLineOption host{QStringLiteral("host"), QStringLiteral("tls self-signed: a host name or IP the certificate is for (repeatable)."),
                            QStringLiteral("name")};
};

bool parseInt(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max, int *out, QString *error)
{
    if (!parser.isSet(option))
        return true; // keep the configuration file's value, or the built-in default
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < min || v > max) {
        *error = QStringLiteral("--%1 must be an integer from %2 to %3 (got '%4')")
                     .arg(option.names().first())
                     .arg(min)
                     .arg(max)
                     .arg(parser.value(option));
        return false;
    }
    *out = v;
    return true;
}

bool openDatabase(Database &db)
{
    QString error;
    if (!db.open(&error)) {
        fail(error);
        return false;
    }
    return true;
}

int keysCommand(const QCommandLineParser &parser, const Options &o, const QStringList &args)
{
    const QString sub = args.value(1);
    Database db({parser.value(o.database), 5000});
    if (sub == u"create") {
        ApiKey::Scopes scopes;
        QString error;
        if (!ApiKey::parseScopes(parser.value(o.scope), &scopes, &error))
            return fail(error);
        int rate = 0;
        if (parser.isSet(o.rateLimit) && !parseInt(parser, o.rateLimit, 1, 10'000'000, &rate, &error))
            return fail(error);
        if (!openDatabase(db))
            return 2;
        const QString keyName = parser.isSet(o.name) ? parser.value(o.name) : QStringLiteral("key");
        const auto created = KeyStore(db).create(keyName, scopes, rate, Clock::system().nowMs(), &error);
        if (!created)
            return fail(QStringLiteral("cannot store the key: %1").arg(error));
        // The key alone on stdout (for scripts); what it is on stderr.
        out() << QString::fromLatin1(created->key) << Qt::endl;
        err() << "Created key " << created->stored.id << " '" << keyName << "' with scope " << ApiKey::scopesToString(scopes)
              << ". It is shown only now: store it safely." << Qt::endl;
        return 0;
    }
    if (sub == u"list") {
        if (!openDatabase(db))
            return 2;
        QString error;
        const auto keys = KeyStore(db).list(&error);
        if (!error.isEmpty())
            return fail(error);
        auto when = [](qint64 ms) {
            return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate) : QStringLiteral("-");
        };
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                     .arg(QStringLiteral("ID"), -4)
                     .arg(QStringLiteral("PREFIX"), -11)
                     .arg(QStringLiteral("SCOPES"), -18)
                     .arg(QStringLiteral("CREATED"), -19)
                     .arg(QStringLiteral("LAST USED"), -19)
                     .arg(QStringLiteral("STATE"), -7)
                     .arg(QStringLiteral("NAME"))
              << Qt::endl;
        for (const StoredKey &k : keys) {
            out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                         .arg(k.id, -4)
                         .arg(QString::fromLatin1(k.prefix), -11)
                         .arg(ApiKey::scopesToString(k.scopes), -18)
                         .arg(when(k.createdAtMs), -19)
                         .arg(when(k.lastUsedAtMs), -19)
                         .arg(k.revoked() ? QStringLiteral("revoked") : QStringLiteral("active"), -7)
                         .arg(k.name)
                  << Qt::endl;
        }
        return 0;
    }
    if (sub == u"revoke") {
        const QString which = args.value(2);
        if (which.isEmpty())
            return fail(QStringLiteral("keys revoke needs a key id or prefix (see `keys list`)"));
        if (!openDatabase(db))
            return 2;
        QString error;
        const int n = KeyStore(db).revoke(which, Clock::system().nowMs(), &error);
        if (n < 0)
            return fail(error);
        if (n == 0)
            return fail(QStringLiteral("no active key matches '%1'").arg(which));
        err() << "Revoked " << n << " key(s). A running server refuses them within 5 seconds." << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("unknown keys command '%1' (use create, list or revoke)").arg(sub));
}

// agents set NAME --interval S --grace S --budget USD | --clear
int agentsSet(const QCommandLineParser &parser, const Options &o, Database &db, const QString &name)
{
    AgentSettings settings;
    if (!parser.isSet(o.clear)) {
        settings = AgentQueries(db).settings(AgentQueries(db).idOf(name)); // what is not given stays
        const struct
        {
            const QCommandLineOption &option;
            std::optional<double> *value;
            double min;
        } fields[] = {{o.interval, &settings.intervalSecs, 1}, {o.grace, &settings.graceSecs, 0}, {o.budget, &settings.dailyBudgetUsd, 0.01}};
        bool any = false;
        for (const auto &f : fields) {
            if (!parser.isSet(f.option))
                continue;
            bool ok = false;
            const double v = parser.value(f.option).toDouble(&ok);
            if (!ok || v < f.min || v > 1e9)
                return fail(QStringLiteral("--%1 must be a number of at least %2 (got '%3')").arg(f.option.names().first()).arg(f.min).arg(parser.value(f.option)));
            *f.value = v;
            any = true;
        }
        if (!any)
            return fail(QStringLiteral("usage: clevagent-server agents set NAME [--interval S] [--grace S] [--budget USD] | --clear"));
    }
    const qint64 id = AgentQueries(db).idOf(name);
    if (id == 0)
        return fail(QStringLiteral("no agent named '%1' (it appears on its first beat, or with `agents add`)").arg(name));
    QString error;
    if (!AgentQueries(db).setSettings(id, settings, Clock::system().nowMs(), &error))
        return fail(error);
    err() << "Settings of '" << name << "' saved; a running server on this database applies them within 3 s." << Qt::endl;
    return 0;
}

int agentsCommand(const QCommandLineParser &parser, const Options &o, const QStringList &args)
{
    const QString sub = args.value(1);
    if ((sub != u"add" && sub != u"set") || args.value(2).trimmed().isEmpty())
        return fail(QStringLiteral("usage: clevagent-server agents add NAME | agents set NAME [--interval S] [--grace S] [--budget USD] | --clear"));
    Database db({parser.value(o.database), 5000});
    if (!openDatabase(db))
        return 2;
    QString error;
    const QString name = args.value(2).trimmed();
    if (sub == u"set")
        return agentsSet(parser, o, db, name);
    if (!AgentQueries(db).add(name, Clock::system().nowMs(), &error)) {
        if (!error.isEmpty())
            return fail(error);
        err() << "Agent '" << name << "' was already registered." << Qt::endl;
        return 0;
    }
    err() << "Registered agent '" << name << "'." << Qt::endl;
    return 0;
}

bool buildConfig(const QCommandLineParser &parser, const Options &o, ServerConfig *config, QString *error)
{
    config->databasePath = parser.value(o.database);
    // The configuration file first; flags given on the command line win over it.
    if (parser.isSet(o.config) && !ServerConfigFile::load(parser.value(o.config), config, error))
        return false;
    // The listen address: the flag, else the file's "listen", else the flag's default (127.0.0.1:9475).
    if (parser.isSet(o.listen) || !parser.isSet(o.config)) {
        if (!ServerConfigFile::parseListen(parser.value(o.listen), &config->http.address, &config->http.port, error)) {
            *error = QStringLiteral("--listen ") + *error;
            return false;
        }
    }
    if (parser.isSet(o.strict))
        config->writer.strict = true;
    if (parser.isSet(o.tlsCert) != parser.isSet(o.tlsKey)) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    if (parser.isSet(o.tlsCert)) {
        const auto tls = loadServerTls(parser.value(o.tlsCert), parser.value(o.tlsKey), error);
        if (!tls)
            return false;
        config->http.tls = *tls;
    }

    int v = static_cast<int>(config->http.limits.maxBodyBytes);
    if (!parseInt(parser, o.ioThreads, 1, 64, &config->http.ioThreads, error)
        || !parseInt(parser, o.maxConnections, 1, 100'000, &config->http.maxConnections, error)
        || !parseInt(parser, o.retentionDays, 1, 3650, &config->writer.rawRetentionDays, error)
        || !parseInt(parser, o.rollupDays, 1, 3650, &config->writer.rollupRetentionDays, error)
        || !parseInt(parser, o.requestTimeout, 100, 3'600'000, &config->http.limits.requestTimeoutMs, error)
        || !parseInt(parser, o.keepAlive, 100, 3'600'000, &config->http.limits.keepAliveTimeoutMs, error)
        || !parseInt(parser, o.eventsKeepAlive, 100, 300'000, &config->eventsKeepAliveMs, error)
        || !parseInt(parser, o.busyTimeout, 0, 600'000, &config->busyTimeoutMs, error)
        || !parseInt(parser, o.maxBody, 1024, 256 * 1024 * 1024, &v, error))
        return false;
    config->http.limits.maxBodyBytes = v;
    const QString durability = parser.value(o.durability);
    if (durability != u"normal" && durability != u"full") {
        *error = QStringLiteral("--durability: '%1' is neither normal nor full").arg(durability);
        return false;
    }
    config->durableFull = durability == u"full";
    if (!parseInt(parser, o.rateLimit, 1, 10'000'000, &config->api.defaultRateLimitPerMin, error))
        return false;
    if (parser.isSet(o.timeZone)) {
        const QTimeZone zone(parser.value(o.timeZone).toUtf8());
        if (!zone.isValid()) {
            *error = QStringLiteral("--time-zone: unknown time zone '%1' (use an IANA name such as Europe/Berlin)")
                         .arg(parser.value(o.timeZone));
            return false;
        }
        config->timeZone = zone;
    }
    return true;
}

int channelsCommand(const QCommandLineParser &parser, const Options &o, const QStringList &args)
{
    if (!parser.isSet(o.config))
        return fail(QStringLiteral("channels come from the configuration file: add --config FILE"));
    ServerConfig config;
    QString error;
    if (!ServerConfigFile::load(parser.value(o.config), &config, &error))
        return fail(error);
    const QString sub = args.value(1);
    if (sub == u"list") {
        for (const ChannelConfig &c : std::as_const(config.channels))
            out() << c.name << "  " << channelTypeName(c.type) << "  " << (c.kinds.isEmpty() ? QStringLiteral("all kinds") : c.kindNames().join(u',')) << Qt::endl;
        return 0;
    }
    if (sub != u"test" || args.value(2).isEmpty())
        return fail(QStringLiteral("usage: clevagent-server channels list|test NAME --config FILE"));
    // A scratch database: the test goes straight to the receiver, never through the real outbox.
    QTemporaryDir scratch;
    Database db({scratch.filePath(QStringLiteral("test.db")), 1000});
    if (!openDatabase(db))
        return 2;
    NotificationDispatcher dispatcher(db, Clock::system(), config.channels);
    int code = 1;
    dispatcher.sendTest(args.value(2), [&code](const QString &e) {
        if (e.isEmpty()) {
            out() << "sent: the receiver accepted the test notification" << Qt::endl;
            code = 0;
        } else {
            err() << "clevagent-server: the test failed: " << e << Qt::endl;
            code = 1;
        }
        QCoreApplication::quit();
    });
    QTimer::singleShot(60'000, qApp, [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    return code;
}

int incidentsCommand(const QCommandLineParser &parser, const Options &o, const QStringList &args)
{
    Database db({parser.value(o.database), 5000});
    if (!openDatabase(db))
        return 2;
    AlertEngine alerts(db, Clock::system(), nullptr, {});
    QString error;
    const QString sub = args.value(1, QStringLiteral("list"));
    if (sub == u"ack") {
        bool ok = false;
        const qint64 id = args.value(2).toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("usage: clevagent-server incidents ack ID"));
        if (!alerts.acknowledge(id, &error))
            return fail(error);
        err() << "Acknowledged incident #" << id << "." << Qt::endl;
        return 0;
    }
    if (sub != u"list")
        return fail(QStringLiteral("unknown incidents command '%1' (use list or ack)").arg(sub));
    AlertEngine::Filter f;
    f.agent = parser.value(o.agent);
    if (parser.isSet(o.kind)) {
        f.kind = incidentKindFromName(parser.value(o.kind));
        if (!f.kind)
            return fail(QStringLiteral("unknown incident kind '%1' (use %2)")
                            .arg(parser.value(o.kind), incidentKindNames()));
    }
    f.open = parser.isSet(o.openOnly) ? 1 : -1;
    f.limit = parser.value(o.limit).toInt() > 0 ? parser.value(o.limit).toInt() : 100;
    const QList<Incident> list = alerts.history(f, &error);
    if (!error.isEmpty())
        return fail(error);
    if (parser.isSet(o.csv)) {
        out() << QString::fromUtf8(AlertEngine::toCsv(list));
        out().flush();
        return 0;
    }
    for (const Incident &i : list) {
        out() << QStringLiteral("#%1  %2  %3  %4  %5")
                     .arg(i.id)
                     .arg(QDateTime::fromMSecsSinceEpoch(i.openedAtMs).toString(Qt::ISODate))
                     .arg(i.resolvedAtMs ? QStringLiteral("resolved") : i.ackedAtMs ? QStringLiteral("acked   ") : QStringLiteral("OPEN    "))
                     .arg(IncidentKey{i.kind, i.project}.name(), -6)
                     .arg(i.summary)
              << Qt::endl;
    }
    return 0;
}

int silencesCommand(const QCommandLineParser &parser, const Options &o, const QStringList &args)
{
    Database db({parser.value(o.database), 5000});
    if (!openDatabase(db))
        return 2;
    const QString sub = args.value(1);
    if (sub == u"list") {
        const auto silences = SqliteSilenceStore(db).active(Clock::system().nowMs(), SilenceStore::Order::ByEnd);
        if (!silences)
            return fail(QStringLiteral("cannot read the silences: %1").arg(silences.error));
        for (const Silence &s : silences.value)
            out() << "#" << s.id << "  " << s.pattern << "  until "
                  << QDateTime::fromMSecsSinceEpoch(s.untilMs).toString(Qt::ISODate) << "  " << s.comment << Qt::endl;
        return 0;
    }
    if (sub != u"add" || args.value(2).isEmpty() || !parser.isSet(o.until) || !parser.isSet(o.comment))
        return fail(QStringLiteral("usage: clevagent-server silences add PATTERN --until WHEN --comment TEXT"));
    const QString when = parser.value(o.until).trimmed();
    qint64 untilMs = 0;
    static const QRegularExpression relative(QStringLiteral("^\\+(\\d+)([mhd])$"));
    if (const auto m = relative.match(when); m.hasMatch()) {
        const qint64 unit = m.captured(2) == u"m" ? 60'000 : m.captured(2) == u"h" ? 3'600'000 : 86'400'000;
        untilMs = Clock::system().nowMs() + m.captured(1).toLongLong() * unit;
    } else {
        const QDateTime dt = QDateTime::fromString(when, Qt::ISODate);
        if (!dt.isValid())
            return fail(QStringLiteral("--until must be a date-time such as 2026-12-01T08:00 or +2h, +30m, +1d (got '%1')").arg(when));
        untilMs = dt.toMSecsSinceEpoch();
    }
    AlertEngine alerts(db, Clock::system(), nullptr, {});
    QString error;
    const qint64 id = alerts.addSilence(args.value(2), untilMs, parser.value(o.comment), &error);
    if (id == 0)
        return fail(error);
    err() << "Silence #" << id << " mutes '" << args.value(2) << "' until "
          << QDateTime::fromMSecsSinceEpoch(untilMs).toString(Qt::ISODate) << "; alerts are still recorded." << Qt::endl;
    return 0;
}

// tls self-signed --out DIR [--host NAME]... [--force]
int tlsCommand(const QCommandLineParser &parser, const Options &o, const QStringList &args)
{
    if (args.value(1) != u"self-signed" || !parser.isSet(o.out))
        return fail(QStringLiteral("usage: clevagent-server tls self-signed --out DIR [--host NAME]... [--force]"));
    QStringList hosts = parser.values(o.host);
    if (hosts.isEmpty())
        hosts = {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    QString error;
    const QByteArray fingerprint = writeSelfSignedCertificate(parser.value(o.out), hosts, &error, parser.isSet(o.force));
    if (fingerprint.isEmpty())
        return fail(error);
    const QDir dir(parser.value(o.out));
    out() << fingerprint << Qt::endl;
    err() << "Wrote " << dir.filePath(QStringLiteral("cert.pem")) << " and " << dir.filePath(QStringLiteral("key.pem"))
          << " (for " << hosts.join(QStringLiteral(", ")) << ").\nSHA-256 fingerprint (printed above) for the desktop app to pin.\n"
          << "Serve with: clevagent-server --tls-cert " << dir.filePath(QStringLiteral("cert.pem")) << " --tls-key "
          << dir.filePath(QStringLiteral("key.pem")) << Qt::endl;
    return 0;
}

int serve(const QCommandLineParser &parser, const Options &o)
{
    ServerConfig config;
    QString error;
    if (!buildConfig(parser, o, &config, &error))
        return fail(error);
    if (!config.http.address.isLoopback() && !config.http.tls)
        err() << "clevagent-server: warning: listening on " << config.http.address.toString()
              << ", beyond this machine; heartbeats travel unencrypted (see --tls-cert)." << Qt::endl;

    ServerInstance server(config);
    if (!server.start(&error))
        return fail(error);
    if (KeyStore(server.database()).list().isEmpty())
        err() << "clevagent-server: no API keys yet; create one with: clevagent-server keys create --database "
              << config.databasePath << " --scope ingest,read" << Qt::endl;
    err() << "clevagent-server " << CLEV_VERSION << " listening on " << (config.http.tls ? "https://" : "http://")
          << (config.http.address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + config.http.address.toString() + u']'
                                                                              : config.http.address.toString())
          << ':' << server.port() << " (database " << config.databasePath << ")" << Qt::endl;

    UnixSignalWatcher signals({SIGTERM, SIGINT});
    QObject::connect(&signals, &UnixSignalWatcher::received, qApp, [](int signal) {
        err() << "clevagent-server: " << (signal == SIGTERM ? "SIGTERM" : "SIGINT")
              << " received; finishing open requests" << Qt::endl;
        QCoreApplication::exit(0);
    });
    const int code = QCoreApplication::exec();
    server.stop(10'000);
    err() << "clevagent-server: stopped" << Qt::endl;
    return code;
}

} // namespace

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ClevAgent server: the heartbeat API and store for AI agents.\n\n"
        "Commands:\n"
        "  serve                      serve the API (the default)\n"
        "  keys create [--scope S] [--name N] [--rate-limit R]\n"
        "                             create an API key and print it once\n"
        "  keys list                  list keys (never the keys themselves)\n"
        "  keys revoke ID|PREFIX      revoke a key\n"
        "  agents add NAME            register an agent (for --strict)\n"
        "  tls self-signed --out DIR [--force]\n"
        "                             write a self-signed certificate for --tls-cert/--tls-key\n"
        "  agents set NAME [--interval S] [--grace S] [--budget USD] | --clear\n"
        "                             the agent's own interval, grace and daily budget\n"
        "  channels list|test NAME    the alert channels of --config; send a test notification\n"
        "  incidents list [--open] [--agent A] [--kind K] [--csv]\n"
        "  incidents ack ID           acknowledge an incident (no more repeats)\n"
        "  silences add PATTERN --until WHEN --comment TEXT\n"
        "  silences list              mute alerts of matching agents (still recorded)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("serve, keys or agents"), QStringLiteral("[command]"));
    Options o;
    parser.addOptions({o.listen, o.database, o.ioThreads, o.maxConnections, o.strict, o.rateLimit, o.retentionDays,
                       o.rollupDays, o.timeZone, o.requestTimeout, o.keepAlive, o.eventsKeepAlive, o.maxBody, o.busyTimeout, o.durability, o.scope, o.name,
                       o.config, o.agent, o.kind, o.openOnly, o.csv, o.limit, o.until, o.comment, o.interval, o.grace, o.budget, o.clear, o.tlsCert, o.tlsKey, o.out, o.host, o.force});
    parser.process(arguments);

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, QStringLiteral("serve"));
    if (command == u"serve")
        return serve(parser, o);
    if (command == u"keys")
        return keysCommand(parser, o, args);
    if (command == u"agents")
        return agentsCommand(parser, o, args);
    if (command == u"tls")
        return tlsCommand(parser, o, args);
    if (command == u"channels")
        return channelsCommand(parser, o, args);
    if (command == u"incidents")
        return incidentsCommand(parser, o, args);
    if (command == u"silences")
        return silencesCommand(parser, o, args);
    return fail(QStringLiteral("unknown command '%1' (see --help)").arg(command));
}

} // namespace ServerCommands
