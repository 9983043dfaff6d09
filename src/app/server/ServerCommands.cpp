// SPDX-License-Identifier: MIT
// What each clevagent-server command does; ServerCli.cpp parses the command line and calls these.
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

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <csignal>

namespace ServerCommands {

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
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("clevagent.db"));
}

namespace {

bool parseInt(const Invocation &inv, const QString &option, int min, int max, int *out, QString *error)
{
    if (!inv.isSet(option))
        return true; // keep the configuration file's value, or the built-in default
    bool ok = false;
    const int v = inv.value(option).toInt(&ok);
    if (!ok || v < min || v > max) {
        *error = QStringLiteral("--%1 must be an integer from %2 to %3 (got '%4')")
                     .arg(option)
                     .arg(min)
                     .arg(max)
                     .arg(inv.value(option));
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

Database::Options databaseOf(const Invocation &inv)
{
    return {inv.value(QStringLiteral("database")), 5000};
}

// The configuration file first; flags given on the command line win over it.
bool buildConfig(const Invocation &inv, ServerConfig *config, QString *error)
{
    config->databasePath = inv.value(QStringLiteral("database"));
    const bool hasConfig = inv.isSet(QStringLiteral("config"));
    if (hasConfig && !ServerConfigFile::load(inv.value(QStringLiteral("config")), config, error))
        return false;
    // The listen address: the flag, else the file's "listen", else the flag's default (127.0.0.1:9475).
    if (inv.isSet(QStringLiteral("listen")) || !hasConfig) {
        if (!ServerConfigFile::parseListen(inv.value(QStringLiteral("listen")), &config->http.address,
                                           &config->http.port, error)) {
            *error = QStringLiteral("--listen ") + *error;
            return false;
        }
    }
    if (inv.isSet(QStringLiteral("strict")))
        config->writer.strict = true;
    if (inv.isSet(QStringLiteral("tls-cert")) != inv.isSet(QStringLiteral("tls-key"))) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    if (inv.isSet(QStringLiteral("tls-cert"))) {
        const auto tls =
            loadServerTls(inv.value(QStringLiteral("tls-cert")), inv.value(QStringLiteral("tls-key")), error);
        if (!tls)
            return false;
        config->http.tls = *tls;
    }
    return true;
}

// The numeric limits, the durability and the time zone (after buildConfig).
bool applyLimits(const Invocation &inv, ServerConfig *config, QString *error)
{
    int v = static_cast<int>(config->http.limits.maxBodyBytes);
    if (!parseInt(inv, QStringLiteral("io-threads"), 1, 64, &config->http.ioThreads, error) ||
        !parseInt(inv, QStringLiteral("max-connections"), 1, 100'000, &config->http.maxConnections, error) ||
        !parseInt(inv, QStringLiteral("retention-days"), 1, 3650, &config->writer.rawRetentionDays, error) ||
        !parseInt(inv, QStringLiteral("rollup-retention-days"), 1, 3650, &config->writer.rollupRetentionDays, error) ||
        !parseInt(inv, QStringLiteral("request-timeout-ms"), 100, 3'600'000, &config->http.limits.requestTimeoutMs,
                  error) ||
        !parseInt(inv, QStringLiteral("keepalive-timeout-ms"), 100, 3'600'000, &config->http.limits.keepAliveTimeoutMs,
                  error) ||
        !parseInt(inv, QStringLiteral("events-keepalive-ms"), 100, 300'000, &config->eventsKeepAliveMs, error) ||
        !parseInt(inv, QStringLiteral("busy-timeout-ms"), 0, 600'000, &config->busyTimeoutMs, error) ||
        !parseInt(inv, QStringLiteral("max-body-bytes"), 1024, 256 * 1024 * 1024, &v, error))
        return false;
    config->http.limits.maxBodyBytes = v;
    const QString durability = inv.value(QStringLiteral("durability"));
    if (durability != u"normal" && durability != u"full") {
        *error = QStringLiteral("--durability: '%1' is neither normal nor full").arg(durability);
        return false;
    }
    config->durableFull = durability == u"full";
    if (!parseInt(inv, QStringLiteral("rate-limit"), 1, 10'000'000, &config->api.defaultRateLimitPerMin, error))
        return false;
    if (inv.isSet(QStringLiteral("time-zone"))) {
        const QTimeZone zone(inv.value(QStringLiteral("time-zone")).toUtf8());
        if (!zone.isValid()) {
            *error = QStringLiteral("--time-zone: unknown time zone '%1' (use an IANA name such as Europe/Berlin)")
                         .arg(inv.value(QStringLiteral("time-zone")));
            return false;
        }
        config->timeZone = zone;
    }
    return true;
}

// The configuration file of `channels list|test`.
bool loadChannels(const Invocation &inv, ServerConfig *config)
{
    if (!inv.isSet(QStringLiteral("config"))) {
        fail(QStringLiteral("channels come from the configuration file: add --config FILE"));
        return false;
    }
    QString error;
    if (!ServerConfigFile::load(inv.value(QStringLiteral("config")), config, &error)) {
        fail(error);
        return false;
    }
    return true;
}

} // namespace

int keysCreate(const Invocation &inv)
{
    ApiKey::Scopes scopes;
    QString error;
    if (!ApiKey::parseScopes(inv.value(QStringLiteral("scope")), &scopes, &error))
        return fail(error);
    int rate = 0;
    if (inv.isSet(QStringLiteral("rate-limit")) &&
        !parseInt(inv, QStringLiteral("rate-limit"), 1, 10'000'000, &rate, &error))
        return fail(error);
    Database db(databaseOf(inv));
    if (!openDatabase(db))
        return 2;
    const QString keyName =
        inv.isSet(QStringLiteral("name")) ? inv.value(QStringLiteral("name")) : QStringLiteral("key");
    const auto created = KeyStore(db).create(keyName, scopes, rate, Clock::system().nowMs(), &error);
    if (!created)
        return fail(QStringLiteral("cannot store the key: %1").arg(error));
    // The key alone on stdout (for scripts); what it is on stderr.
    out() << QString::fromLatin1(created->key) << Qt::endl;
    err() << "Created key " << created->stored.id << " '" << keyName << "' with scope "
          << ApiKey::scopesToString(scopes) << ". It is shown only now: store it safely." << Qt::endl;
    return 0;
}

int keysList(const Invocation &inv)
{
    Database db(databaseOf(inv));
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

int keysRevoke(const Invocation &inv)
{
    const QString which = inv.arg(0);
    if (which.isEmpty())
        return fail(QStringLiteral("keys revoke needs a key id or prefix (see `keys list`)"));
    Database db(databaseOf(inv));
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

int agentsAdd(const Invocation &inv)
{
    const QString name = inv.arg(0).trimmed();
    if (name.isEmpty())
        return fail(QStringLiteral("usage: clevagent-server agents add NAME"));
    Database db(databaseOf(inv));
    if (!openDatabase(db))
        return 2;
    QString error;
    if (!AgentQueries(db).add(name, Clock::system().nowMs(), &error)) {
        if (!error.isEmpty())
            return fail(error);
        err() << "Agent '" << name << "' was already registered." << Qt::endl;
        return 0;
    }
    err() << "Registered agent '" << name << "'." << Qt::endl;
    return 0;
}

// agents set NAME --interval S --grace S --budget USD | --clear
int agentsSet(const Invocation &inv)
{
    static const QString usage =
        QStringLiteral("usage: clevagent-server agents set NAME [--interval S] [--grace S] [--budget USD] | --clear");
    const QString name = inv.arg(0).trimmed();
    if (name.isEmpty())
        return fail(usage);
    Database db(databaseOf(inv));
    if (!openDatabase(db))
        return 2;
    AgentSettings settings;
    if (!inv.isSet(QStringLiteral("clear"))) {
        settings = AgentQueries(db).settings(AgentQueries(db).idOf(name)); // what is not given stays
        const struct
        {
            QString option;
            std::optional<double> *value;
            double min;
        } fields[] = {{QStringLiteral("interval"), &settings.intervalSecs, 1},
                      {QStringLiteral("grace"), &settings.graceSecs, 0},
                      {QStringLiteral("budget"), &settings.dailyBudgetUsd, 0.01}};
        bool any = false;
        for (const auto &f : fields) {
            if (!inv.isSet(f.option))
                continue;
            bool ok = false;
            const double v = inv.value(f.option).toDouble(&ok);
            if (!ok || v < f.min || v > 1e9)
                return fail(QStringLiteral("--%1 must be a number of at least %2 (got '%3')")
                                .arg(f.option)
                                .arg(f.min)
                                .arg(inv.value(f.option)));
            *f.value = v;
            any = true;
        }
        if (!any)
            return fail(usage);
    }
    const qint64 id = AgentQueries(db).idOf(name);
    if (id == 0)
        return fail(
            QStringLiteral("no agent named '%1' (it appears on its first beat, or with `agents add`)").arg(name));
    QString error;
    if (!AgentQueries(db).setSettings(id, settings, Clock::system().nowMs(), &error))
        return fail(error);
    err() << "Settings of '" << name << "' saved; a running server on this database applies them within 3 s."
          << Qt::endl;
    return 0;
}

int channelsList(const Invocation &inv)
{
    ServerConfig config;
    if (!loadChannels(inv, &config))
        return 2;
    for (const ChannelConfig &c : std::as_const(config.channels))
        out() << c.name << "  " << channelTypeName(c.type) << "  "
              << (c.kinds.isEmpty() ? QStringLiteral("all kinds") : c.kindNames().join(u',')) << Qt::endl;
    return 0;
}

int channelsTest(const Invocation &inv)
{
    ServerConfig config;
    if (!loadChannels(inv, &config))
        return 2;
    if (inv.arg(0).isEmpty())
        return fail(QStringLiteral("usage: clevagent-server channels test NAME --config FILE"));
    // A scratch database: the test goes straight to the receiver, never through the real outbox.
    QTemporaryDir scratch;
    Database db({scratch.filePath(QStringLiteral("test.db")), 1000});
    if (!openDatabase(db))
        return 2;
    NotificationDispatcher dispatcher(db, Clock::system(), config.channels);
    int code = 1;
    dispatcher.sendTest(inv.arg(0), [&code](const QString &e) {
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

int incidentsList(const Invocation &inv)
{
    Database db(databaseOf(inv));
    if (!openDatabase(db))
        return 2;
    AlertEngine alerts(db, Clock::system(), nullptr, {});
    QString error;
    AlertEngine::Filter f;
    f.agent = inv.value(QStringLiteral("agent"));
    if (inv.isSet(QStringLiteral("kind"))) {
        f.kind = incidentKindFromName(inv.value(QStringLiteral("kind")));
        if (!f.kind)
            return fail(QStringLiteral("unknown incident kind '%1' (use %2)")
                            .arg(inv.value(QStringLiteral("kind")), incidentKindNames()));
    }
    f.open = inv.isSet(QStringLiteral("open")) ? 1 : -1;
    f.limit = inv.value(QStringLiteral("limit")).toInt() > 0 ? inv.value(QStringLiteral("limit")).toInt() : 100;
    const QList<Incident> list = alerts.history(f, &error);
    if (!error.isEmpty())
        return fail(error);
    if (inv.isSet(QStringLiteral("csv"))) {
        out() << QString::fromUtf8(AlertEngine::toCsv(list));
        out().flush();
        return 0;
    }
    for (const Incident &i : list) {
        out() << QStringLiteral("#%1  %2  %3  %4  %5")
                     .arg(i.id)
                     .arg(QDateTime::fromMSecsSinceEpoch(i.openedAtMs).toString(Qt::ISODate))
                     .arg(i.resolvedAtMs ? QStringLiteral("resolved")
                          : i.ackedAtMs  ? QStringLiteral("acked   ")
                                         : QStringLiteral("OPEN    "))
                     .arg(IncidentKey{i.kind, i.project}.name(), -6)
                     .arg(i.summary)
              << Qt::endl;
    }
    return 0;
}

int incidentsAck(const Invocation &inv)
{
    bool ok = false;
    const qint64 id = inv.arg(0).toLongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("usage: clevagent-server incidents ack ID"));
    Database db(databaseOf(inv));
    if (!openDatabase(db))
        return 2;
    AlertEngine alerts(db, Clock::system(), nullptr, {});
    QString error;
    if (!alerts.acknowledge(id, &error))
        return fail(error);
    err() << "Acknowledged incident #" << id << "." << Qt::endl;
    return 0;
}

int silencesList(const Invocation &inv)
{
    Database db(databaseOf(inv));
    if (!openDatabase(db))
        return 2;
    const auto silences = SqliteSilenceStore(db).active(Clock::system().nowMs(), SilenceStore::Order::ByEnd);
    if (!silences)
        return fail(QStringLiteral("cannot read the silences: %1").arg(silences.error));
    for (const Silence &s : silences.value)
        out() << "#" << s.id << "  " << s.pattern << "  until "
              << QDateTime::fromMSecsSinceEpoch(s.untilMs).toString(Qt::ISODate) << "  " << s.comment << Qt::endl;
    return 0;
}

int silencesAdd(const Invocation &inv)
{
    const QString pattern = inv.arg(0);
    if (pattern.isEmpty() || !inv.isSet(QStringLiteral("until")) || !inv.isSet(QStringLiteral("comment")))
        return fail(QStringLiteral("usage: clevagent-server silences add PATTERN --until WHEN --comment TEXT"));
    const QString when = inv.value(QStringLiteral("until")).trimmed();
    qint64 untilMs = 0;
    static const QRegularExpression relative(QStringLiteral("^\\+(\\d+)([mhd])$"));
    if (const auto m = relative.match(when); m.hasMatch()) {
        const qint64 unit = m.captured(2) == u"m" ? 60'000 : m.captured(2) == u"h" ? 3'600'000 : 86'400'000;
        untilMs = Clock::system().nowMs() + m.captured(1).toLongLong() * unit;
    } else {
        const QDateTime dt = QDateTime::fromString(when, Qt::ISODate);
        if (!dt.isValid())
            return fail(
                QStringLiteral("--until must be a date-time such as 2026-12-01T08:00 or +2h, +30m, +1d (got '%1')")
                    .arg(when));
        untilMs = dt.toMSecsSinceEpoch();
    }
    Database db(databaseOf(inv));
    if (!openDatabase(db))
        return 2;
    AlertEngine alerts(db, Clock::system(), nullptr, {});
    QString error;
    const qint64 id = alerts.addSilence(pattern, untilMs, inv.value(QStringLiteral("comment")), &error);
    if (id == 0)
        return fail(error);
    err() << "Silence #" << id << " mutes '" << pattern << "' until "
          << QDateTime::fromMSecsSinceEpoch(untilMs).toString(Qt::ISODate) << "; alerts are still recorded."
          << Qt::endl;
    return 0;
}

// tls self-signed --out DIR [--host NAME]... [--force]
int tlsSelfSigned(const Invocation &inv)
{
    if (!inv.isSet(QStringLiteral("out")))
        return fail(QStringLiteral("usage: clevagent-server tls self-signed --out DIR [--host NAME]... [--force]"));
    const QString folder = inv.value(QStringLiteral("out"));
    QStringList hosts = inv.values(QStringLiteral("host"));
    if (hosts.isEmpty())
        hosts = {QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    QString error;
    const QByteArray fingerprint =
        writeSelfSignedCertificate(folder, hosts, &error, inv.isSet(QStringLiteral("force")));
    if (fingerprint.isEmpty())
        return fail(error);
    const QDir dir(folder);
    out() << fingerprint << Qt::endl;
    err() << "Wrote " << dir.filePath(QStringLiteral("cert.pem")) << " and " << dir.filePath(QStringLiteral("key.pem"))
          << " (for " << hosts.join(QStringLiteral(", "))
          << ").\nSHA-256 fingerprint (printed above) for the desktop app to pin.\n"
          << "Serve with: clevagent-server --tls-cert " << dir.filePath(QStringLiteral("cert.pem")) << " --tls-key "
          << dir.filePath(QStringLiteral("key.pem")) << Qt::endl;
    return 0;
}

int serve(const Invocation &inv)
{
    ServerConfig config;
    QString error;
    if (!buildConfig(inv, &config, &error) || !applyLimits(inv, &config, &error))
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
          << (config.http.address.protocol() == QAbstractSocket::IPv6Protocol
                  ? u'[' + config.http.address.toString() + u']'
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

} // namespace ServerCommands
