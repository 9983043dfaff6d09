// SPDX-License-Identifier: MIT
#include "engine/ServerConfigFile.h"

#include "core/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace clev::ServerConfigFile {

namespace {

QByteArray systemEnv(const char *name)
{
    return qgetenv(name);
}

// Reads typed values out of one JSON object, reporting the first problem with its full key path.
class Reader
{
public:
    Reader(const QJsonObject &o, QString path, QString *error)
        : m_o(o)
        , m_path(std::move(path))
        , m_error(error)
    {
    }

    bool allowOnly(const QStringList &keys)
    {
        for (auto it = m_o.begin(); it != m_o.end(); ++it) {
            if (!keys.contains(it.key()))
                return fail(
                    it.key(),
                    QStringLiteral("is not a known setting (known here: %1)").arg(keys.join(QStringLiteral(", "))));
        }
        return true;
    }
    bool has(const char *key) const
    {
        return m_o.contains(QLatin1String(key)) && !m_o.value(QLatin1String(key)).isNull();
    }
    QString where(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }
    bool fail(const QString &key, const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = QStringLiteral("%1 %2").arg(where(key), message);
        return false;
    }

    bool number(const char *key, double min, double max, std::optional<double> *out)
    {
        if (!has(key))
            return true;
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
            return fail(QLatin1String(key), QStringLiteral("must be a number from %1 to %2").arg(min).arg(max));
        *out = v.toDouble();
        return true;
    }
    template <typename Int> bool integer(const char *key, qint64 min, qint64 max, Int *out)
    {
        if (!has(key))
            return true;
        const QJsonValue v = m_o.value(QLatin1String(key));
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > double(max))
            return fail(QLatin1String(key), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        *out = static_cast<Int>(d);
        return true;
    }
    bool string(const char *key, QString *out, bool required = false)
    {
        if (!has(key))
            return required ? fail(QLatin1String(key), QStringLiteral("is required")) : true;
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isString())
            return fail(QLatin1String(key), QStringLiteral("must be a string"));
        *out = v.toString();
        return true;
    }
    bool boolean(const char *key, bool *out)
    {
        if (!has(key))
            return true;
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isBool())
            return fail(QLatin1String(key), QStringLiteral("must be true or false"));
        *out = v.toBool();
        return true;
    }
    bool strings(const char *key, QStringList *out)
    {
        if (!has(key))
            return true;
        const QJsonValue v = m_o.value(QLatin1String(key));
        const QJsonArray a = v.toArray();
        if (!v.isArray() || std::any_of(a.begin(), a.end(), [](const QJsonValue &e) { return !e.isString(); }))
            return fail(QLatin1String(key), QStringLiteral("must be a list of strings"));
        out->clear();
        for (const QJsonValue &e : a)
            out->append(e.toString());
        return true;
    }
    bool object(const char *key, QJsonObject *out)
    {
        if (!has(key))
            return true;
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (!v.isObject())
            return fail(QLatin1String(key), QStringLiteral("must be an object"));
        *out = v.toObject();
        return true;
    }
    bool secret(const char *key, const QString &what, QString *out, const Environment &env, bool required)
    {
        QString reference;
        if (!string(key, &reference, required))
            return false;
        if (reference.isEmpty())
            return true;
        QString error;
        if (!resolveSecret(reference, what, out, &error, env))
            return fail(QLatin1String(key), error);
        return true;
    }

private:
    QJsonObject m_o;
    QString m_path;
    QString *m_error;
};

bool policy(Reader &r, AgentPolicy *p)
{
    return r.number("interval", 1, 7 * 86400, &p->intervalSecs) && r.number("grace", 0, 7 * 86400, &p->graceSecs) &&
           r.number("daily_budget_usd", 0, 1e9, &p->dailyBudgetUsd);
}

bool channel(const QJsonObject &o, int index, ChannelConfig *c, QString *error, const Environment &env)
{
    Reader r(o, QStringLiteral("channels[%1]").arg(index), error);
    QString type;
    if (!r.string("name", &c->name, true) || !r.string("type", &type, true))
        return false;
    if (c->name.trimmed().isEmpty()) {
        *error = QStringLiteral("a channel needs a name");
        return false;
    }
    if (!c->setType(type, error))
        return false;
    Reader named(o, QStringLiteral("channels.%1").arg(c->name), error);
    switch (c->type) {
    case ChannelType::Slack:
    case ChannelType::Discord:
        if (!named.allowOnly(
                {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("kinds"), QStringLiteral("url")}) ||
            !named.secret("url",
                          c->type == ChannelType::Slack ? QStringLiteral("the Slack webhook URL")
                                                        : QStringLiteral("the Discord webhook URL"),
                          &c->url, env, true))
            return false;
        break;
    case ChannelType::Webhook:
        if (!named.allowOnly({QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("kinds"),
                              QStringLiteral("url"), QStringLiteral("secret")}) ||
            !named.string("url", &c->url, true) ||
            !named.secret("secret", QStringLiteral("the signing secret"), &c->secret, env, false))
            return false;
        break;
    case ChannelType::PagerDuty:
        c->url = QStringLiteral("https://events.pagerduty.com/v2/enqueue");
        if (!named.allowOnly({QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("kinds"),
                              QStringLiteral("url"), QStringLiteral("routing_key")}) ||
            !named.string("url", &c->url) ||
            !named.secret("routing_key", QStringLiteral("the routing key"), &c->secret, env, true))
            return false;
        break;
    case ChannelType::Email:
        if (!named.allowOnly({QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("kinds"),
                              QStringLiteral("smtp_url"), QStringLiteral("tls"), QStringLiteral("user"),
                              QStringLiteral("password"), QStringLiteral("from"), QStringLiteral("to"),
                              QStringLiteral("ca_file")}) ||
            !named.string("smtp_url", &c->smtpUrl, true) || !named.string("tls", &c->tls) ||
            !named.string("user", &c->user) ||
            !named.secret("password", QStringLiteral("the SMTP password"), &c->password, env, false) ||
            !named.string("from", &c->from, true) || !named.strings("to", &c->to) ||
            !named.string("ca_file", &c->caFile))
            return false;
        break;
    }
    QStringList kinds;
    if (!named.strings("kinds", &kinds) || !c->setKinds(kinds, error))
        return false;
    const QString problem = c->validate();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return true;
}

} // namespace

bool parseListen(const QString &listen, QHostAddress *address, quint16 *port, QString *error)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const int p = colon > 0 ? listen.mid(colon + 1).toInt(&portOk) : -1;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress a(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
    if (!portOk || p < 0 || p > 65535 || a.isNull()) {
        *error = QStringLiteral("must be HOST:PORT with an IP address, e.g. 127.0.0.1:9475 (got '%1')").arg(listen);
        return false;
    }
    *address = a;
    *port = static_cast<quint16>(p);
    return true;
}

bool resolveSecret(const QString &reference, const QString &what, QString *value, QString *error,
                   const Environment &envIn)
{
    const Environment env = envIn ? envIn : Environment(systemEnv);
    if (reference.startsWith(u"env:")) {
        const QByteArray name = reference.mid(4).toUtf8();
        const QByteArray v = name.isEmpty() ? QByteArray() : env(name.constData());
        if (v.isEmpty()) {
            *error = QStringLiteral("names the environment variable %1, which is not set").arg(QString::fromUtf8(name));
            return false;
        }
        *value = QString::fromUtf8(v).trimmed();
        return true;
    }
    if (reference.startsWith(u"file:")) {
        const QString path = reference.mid(5);
        const QFileInfo info(path);
        if (!info.isFile()) {
            *error = QStringLiteral("names the file %1, which does not exist").arg(path);
            return false;
        }
        if (info.permissions() &
            (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther)) {
            *error =
                QStringLiteral("names the file %1, which others can read; make it private (chmod 600 %1)").arg(path);
            return false;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("names the file %1, which cannot be read: %2").arg(path, f.errorString());
            return false;
        }
        *value = QString::fromUtf8(f.readAll()).trimmed();
        if (value->isEmpty()) {
            *error = QStringLiteral("names the file %1, which is empty").arg(path);
            return false;
        }
        return true;
    }
    *error =
        QStringLiteral("must not hold %1 itself: write \"env:VARIABLE\" (an environment variable) or \"file:/path\" "
                       "(a file only you can read)")
            .arg(what);
    return false;
}

// Long function: the configuration file's top level, one block per key in the order CONFIG.md
// documents them.
bool parse(const QByteArray &json, ServerConfig *config, QString *error, const Environment &env)
{
    error->clear();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error =
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("invalid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset)
                : QStringLiteral("the file must hold a JSON object");
        return false;
    }
    Reader top(doc.object(), QString(), error);
    if (!top.allowOnly({QStringLiteral("listen"), QStringLiteral("time_zone"), QStringLiteral("strict"),
                        QStringLiteral("rate_limit_per_minute"), QStringLiteral("retention"),
                        QStringLiteral("prices_file"), QStringLiteral("watchdog"), QStringLiteral("agents"),
                        QStringLiteral("projects"), QStringLiteral("alerts"), QStringLiteral("channels"),
                        QStringLiteral("docker_host"), QStringLiteral("restart_containers"),
                        QStringLiteral("systemctl"), QStringLiteral("journalctl")}))
        return false;
    QString zone, listen, systemctl;
    if (!top.string("listen", &listen))
        return false;
    if (!listen.isEmpty()) {
        QString why;
        if (!parseListen(listen, &config->http.address, &config->http.port, &why))
            return top.fail(QStringLiteral("listen"), why);
    }
    if (!top.string("time_zone", &zone) || !top.boolean("strict", &config->writer.strict) ||
        !top.integer("rate_limit_per_minute", 1, 10'000'000, &config->api.defaultRateLimitPerMin) ||
        !top.string("prices_file", &config->pricesPath) ||
        !top.string("docker_host", &config->restartOptions.dockerHost) ||
        !top.boolean("restart_containers", &config->restartOptions.containersFromBeats) ||
        !top.string("systemctl", &systemctl) || !top.string("journalctl", &config->restartOptions.journalctl))
        return false;
    // systemd is reached over D-Bus now; "systemctl" stays accepted so that older files still load.
    if (!systemctl.isEmpty())
        qCInfo(lcRestart) << "the configuration's \"systemctl\" is no longer used: systemd is reached over D-Bus";
    if (!zone.isEmpty()) {
        const QTimeZone tz(zone.toUtf8());
        if (!tz.isValid())
            return top.fail(QStringLiteral("time_zone"),
                            QStringLiteral("is not a known time zone (use an IANA name such as Europe/Berlin)"));
        config->timeZone = tz;
    }

    QJsonObject retention, watchdog, loop, agents, alerts, projects;
    if (!top.object("retention", &retention) || !top.object("watchdog", &watchdog) || !top.object("agents", &agents) ||
        !top.object("alerts", &alerts) || !top.object("projects", &projects))
        return false;
    for (auto it = projects.begin(); it != projects.end(); ++it) {
        if (!it.value().isObject()) {
            *error = QStringLiteral("projects.%1 must be an object").arg(it.key());
            return false;
        }
        Reader pr(it.value().toObject(), QStringLiteral("projects.%1").arg(it.key()), error);
        ProjectPolicy p;
        p.name = it.key();
        std::optional<double> budget;
        if (!pr.allowOnly({QStringLiteral("agents"), QStringLiteral("daily_budget_usd")}) ||
            !pr.strings("agents", &p.agents) || !pr.number("daily_budget_usd", 0, 1e9, &budget))
            return false;
        if (p.agents.isEmpty() || !budget)
            return pr.fail(QStringLiteral("agents"), QStringLiteral("and daily_budget_usd are both required"));
        p.dailyBudgetUsd = *budget;
        config->watchdog.projects.append(p);
    }
    Reader ret(retention, QStringLiteral("retention"), error);
    if (!ret.allowOnly({QStringLiteral("raw_days"), QStringLiteral("rollup_days")}) ||
        !ret.integer("raw_days", 1, 3650, &config->writer.rawRetentionDays) ||
        !ret.integer("rollup_days", 1, 3650, &config->writer.rollupRetentionDays))
        return false;

    Reader wd(watchdog, QStringLiteral("watchdog"), error);
    if (!wd.allowOnly({QStringLiteral("interval"), QStringLiteral("grace"), QStringLiteral("daily_budget_usd"),
                       QStringLiteral("loop")}) ||
        !policy(wd, &config->watchdog.defaults) || !wd.object("loop", &loop))
        return false;
    Reader lp(loop, QStringLiteral("watchdog.loop"), error);
    LoopDetector::Options &l = config->watchdog.loop;
    if (!lp.allowOnly({QStringLiteral("tool_repeat_warn"), QStringLiteral("tool_repeat_loop"),
                       QStringLiteral("prompt_repeat_beats"), QStringLiteral("spike_factor"),
                       QStringLiteral("spike_token_floor"), QStringLiteral("spike_tool_floor"),
                       QStringLiteral("spike_beats"), QStringLiteral("iteration_cap"), QStringLiteral("quiet_secs")}) ||
        !lp.integer("tool_repeat_warn", 2, 1000, &l.toolWarn) ||
        !lp.integer("tool_repeat_loop", 2, 1000, &l.toolLoop) ||
        !lp.integer("prompt_repeat_beats", 2, 1000, &l.promptRepeatBeats) ||
        !lp.integer("spike_token_floor", 0, 1'000'000'000, &l.spikeTokenFloor) ||
        !lp.integer("spike_tool_floor", 0, 1'000'000, &l.spikeToolFloor) ||
        !lp.integer("spike_beats", 1, 1000, &l.spikeBeats) ||
        !lp.integer("iteration_cap", 0, std::numeric_limits<qint32>::max(), &l.iterationCap))
        return false;
    std::optional<double> factor;
    if (!lp.number("spike_factor", 1.5, 1000, &factor))
        return false;
    if (factor)
        l.spikeFactor = *factor;
    std::optional<double> quiet;
    if (!lp.number("quiet_secs", 1, 7 * 86400, &quiet))
        return false;
    if (quiet)
        l.quietMs = qRound64(*quiet * 1000);
    if (l.toolWarn > l.toolLoop)
        return lp.fail(QStringLiteral("tool_repeat_warn"), QStringLiteral("must not be above tool_repeat_loop"));

    for (auto it = agents.begin(); it != agents.end(); ++it) {
        if (!it.value().isObject()) {
            *error = QStringLiteral("agents.%1 must be an object").arg(it.key());
            return false;
        }
        Reader a(it.value().toObject(), QStringLiteral("agents.%1").arg(it.key()), error);
        AgentPolicy p;
        if (!a.allowOnly({QStringLiteral("interval"), QStringLiteral("grace"), QStringLiteral("daily_budget_usd"),
                          QStringLiteral("restart"), QStringLiteral("command"), QStringLiteral("working_directory"),
                          QStringLiteral("environment"), QStringLiteral("log_file"), QStringLiteral("restart_guard"),
                          QStringLiteral("watch")}) ||
            !policy(a, &p))
            return false;
        config->watchdog.agents.insert(it.key(), p);
        QString watch;
        if (!a.string("watch", &watch))
            return false;
        if (!watch.isEmpty()) {
            const WatchSpec spec{it.key(), watch, p.intervalSecs.value_or(30)};
            const QString problem = spec.validate();
            if (!problem.isEmpty())
                return a.fail(QStringLiteral("watch"), problem);
            config->watches.append(spec);
        }
        QString restart;
        if (!a.string("restart", &restart))
            return false;
        if (restart.isEmpty())
            continue;
        QString targetError;
        const auto target = RestartTarget::parse(restart, &targetError);
        if (!target)
            return a.fail(QStringLiteral("restart"), targetError);
        RestartManager::Policy rp;
        rp.target = *target;
        QJsonObject variables, guard;
        if (!a.string("command", &rp.process.command) || !a.string("working_directory", &rp.process.workingDirectory) ||
            !a.string("log_file", &rp.process.logFile) || !a.object("environment", &variables) ||
            !a.object("restart_guard", &guard))
            return false;
        if (rp.target.kind == RestartTarget::Kind::Process && QProcess::splitCommand(rp.process.command).isEmpty())
            return a.fail(QStringLiteral("command"), QStringLiteral("is required for a process restart target"));
        for (auto e = variables.begin(); e != variables.end(); ++e) {
            if (!e.value().isString())
                return a.fail(QStringLiteral("environment.") + e.key(), QStringLiteral("must be a string"));
            rp.process.environment << e.key() + u'=' + e.value().toString();
        }
        Reader g(guard, QStringLiteral("agents.%1.restart_guard").arg(it.key()), error);
        int maxRestarts = rp.guard.maxRestarts;
        std::optional<double> window, backoff, grace;
        if (!g.allowOnly({QStringLiteral("max_restarts"), QStringLiteral("window_minutes"),
                          QStringLiteral("backoff_seconds"), QStringLiteral("startup_grace_seconds")}) ||
            !g.integer("max_restarts", 1, 1000, &maxRestarts) || !g.number("window_minutes", 1, 7 * 24 * 60, &window) ||
            !g.number("backoff_seconds", 0, 3600, &backoff) || !g.number("startup_grace_seconds", 0, 3600, &grace))
            return false;
        rp.guard.maxRestarts = maxRestarts;
        if (window)
            rp.guard.windowMs = qRound64(*window * 60'000);
        if (backoff)
            rp.guard.firstBackoffMs = qRound64(*backoff * 1000);
        if (grace)
            rp.guard.startupGraceMs = qRound64(*grace * 1000);
        config->restarts.insert(it.key(), rp);
    }

    Reader al(alerts, QStringLiteral("alerts"), error);
    std::optional<double> flapWindow;
    if (!al.allowOnly(
            {QStringLiteral("repeat_minutes"), QStringLiteral("flap_count"), QStringLiteral("flap_window_secs")}) ||
        !al.integer("repeat_minutes", 0, 7 * 24 * 60, &config->alerts.repeatMinutes) ||
        !al.integer("flap_count", 0, 1000, &config->alerts.flap.count) ||
        !al.number("flap_window_secs", 1, 86400, &flapWindow))
        return false;
    if (flapWindow)
        config->alerts.flap.windowMs = qRound64(*flapWindow * 1000);

    const QJsonValue channels = doc.object().value(QLatin1String("channels"));
    if (!channels.isUndefined() && !channels.isArray())
        return top.fail(QStringLiteral("channels"), QStringLiteral("must be a list"));
    QStringList names;
    const QJsonArray list = channels.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            *error = QStringLiteral("channels[%1] must be an object").arg(i);
            return false;
        }
        ChannelConfig c;
        if (!channel(list.at(i).toObject(), static_cast<int>(i), &c, error, env))
            return false;
        if (names.contains(c.name)) {
            *error = QStringLiteral("two channels are named '%1'").arg(c.name);
            return false;
        }
        names << c.name;
        config->channels.append(c);
    }
    return true;
}

bool load(const QString &path, ServerConfig *config, QString *error, const Environment &env)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the configuration %1: %2").arg(path, f.errorString());
        return false;
    }
    if (!parse(f.readAll(), config, error, env)) {
        *error = QStringLiteral("%1: %2").arg(path, *error);
        return false;
    }
    return true;
}

} // namespace clev::ServerConfigFile
