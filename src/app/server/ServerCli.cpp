// SPDX-License-Identifier: MIT
// The clevagent-server command line: a table of commands, each parsed by its own QCommandLineParser
// with only its own options, so `COMMAND --help` shows what that command takes and an option of
// another command is refused by name. The command words may stand anywhere among the options
// (`--database F keys list` works as `keys list --database F`); without one the command is `serve`.
#include "ServerCommands.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QSet>
#include <QTextStream>

namespace ServerCommands {

namespace {

struct Argument
{
    QString syntax; // as the usage line shows it: ID|PREFIX
    QString description;
};

struct Command
{
    QStringList path; // the command words: {"keys", "create"}
    QString summary;  // one line, for the list of commands
    QList<QCommandLineOption> options;
    QList<Argument> arguments;
    int (*handler)(const Invocation &) = nullptr;
    bool isDefault = false; // the one run when its group is named without a command (`incidents` = `incidents list`)
};

QCommandLineOption valued(const QString &name, const QString &description, const QString &valueName,
                          const QString &byDefault = {})
{
    return QCommandLineOption(name, description, valueName, byDefault);
}

QCommandLineOption flag(const QString &name, const QString &description)
{
    return QCommandLineOption(name, description);
}

// The options more than one command takes, declared once.
QCommandLineOption databaseOption()
{
    return valued(QStringLiteral("database"),
                  QStringLiteral("SQLite database file (default: %1).").arg(defaultDatabasePath()),
                  QStringLiteral("path"), defaultDatabasePath());
}

QCommandLineOption configOption()
{
    return valued(
        QStringLiteral("config"),
        QStringLiteral(
            "JSON configuration: listen address, watchdog, per-agent policies, alert channels (docs/CONFIG.md)."),
        QStringLiteral("file"));
}

QList<QCommandLineOption> serveOptions()
{
    const QString n = QStringLiteral("n"), ms = QStringLiteral("ms");
    return {
        valued(QStringLiteral("listen"), QStringLiteral("Address and port to listen on (default 127.0.0.1:9475)."),
               QStringLiteral("host:port"), QStringLiteral("127.0.0.1:9475")),
        databaseOption(),
        configOption(),
        valued(QStringLiteral("tls-cert"),
               QStringLiteral("Serve HTTPS with this PEM certificate (chain); needs --tls-key."),
               QStringLiteral("file")),
        valued(QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."), QStringLiteral("file")),
        flag(QStringLiteral("strict"),
             QStringLiteral("Refuse heartbeats from agents not registered with `agents add`.")),
        valued(QStringLiteral("rate-limit"),
               QStringLiteral("Requests per minute per key (default 10000; a key's own limit wins)."), n),
        valued(QStringLiteral("io-threads"), QStringLiteral("Threads that serve connections (default 2)."), n,
               QStringLiteral("2")),
        valued(QStringLiteral("max-connections"), QStringLiteral("Open connections at most (default 1024)."), n,
               QStringLiteral("1024")),
        valued(QStringLiteral("retention-days"), QStringLiteral("Days raw heartbeats are kept (default 30)."), n,
               QStringLiteral("30")),
        valued(QStringLiteral("rollup-retention-days"),
               QStringLiteral("Days hourly and daily usage is kept (default 365)."), n, QStringLiteral("365")),
        valued(QStringLiteral("time-zone"), QStringLiteral("IANA time zone for daily usage (default: the system's)."),
               QStringLiteral("zone")),
        valued(QStringLiteral("request-timeout-ms"),
               QStringLiteral("A request must arrive whole within this (default 10000)."), ms, QStringLiteral("10000")),
        valued(QStringLiteral("keepalive-timeout-ms"),
               QStringLiteral("Idle keep-alive connections close after this (default 60000)."), ms,
               QStringLiteral("60000")),
        valued(QStringLiteral("events-keepalive-ms"),
               QStringLiteral(
                   "A comment on idle event streams this often, so clients notice a dead link (default 15000)."),
               ms, QStringLiteral("15000")),
        valued(QStringLiteral("max-body-bytes"), QStringLiteral("Largest request body (default 2097152)."),
               QStringLiteral("bytes"), QStringLiteral("2097152")),
        valued(QStringLiteral("busy-timeout-ms"),
               QStringLiteral("How long a commit waits for a locked database before answering 503 (default 5000)."), ms,
               QStringLiteral("5000")),
        valued(QStringLiteral("durability"),
               QStringLiteral("normal: a commit survives a crash of the server; full: also a power loss "
                              "(an fsync per commit, slower ingest). Default normal."),
               QStringLiteral("normal|full"), QStringLiteral("normal")),
    };
}

QList<Command> keysAndAgents()
{
    const QCommandLineOption database = databaseOption();
    const QString s = QStringLiteral("s");
    return {
        {{QStringLiteral("keys"), QStringLiteral("create")},
         QStringLiteral("create an API key and print it once (only its hash is stored)"),
         {database,
          valued(QStringLiteral("scope"), QStringLiteral("ingest, read, admin, or a comma list (default ingest)."),
                 QStringLiteral("scopes"), QStringLiteral("ingest")),
          valued(QStringLiteral("name"), QStringLiteral("A name to recognise the key by (default key)."),
                 QStringLiteral("name")),
          valued(QStringLiteral("rate-limit"),
                 QStringLiteral("This key's own limit, requests per minute (default: the server's)."),
                 QStringLiteral("n"))},
         {},
         keysCreate},
        {{QStringLiteral("keys"), QStringLiteral("list")},
         QStringLiteral("list the keys (never the keys themselves)"),
         {database},
         {},
         keysList},
        {{QStringLiteral("keys"), QStringLiteral("revoke")},
         QStringLiteral("revoke a key; a running server refuses it within 5 seconds"),
         {database},
         {{QStringLiteral("ID|PREFIX"), QStringLiteral("The key's id or prefix (see `keys list`).")}},
         keysRevoke},
        {{QStringLiteral("agents"), QStringLiteral("add")},
         QStringLiteral("register an agent (for serve --strict)"),
         {database},
         {{QStringLiteral("NAME"), QStringLiteral("The agent's name.")}},
         agentsAdd},
        {{QStringLiteral("agents"), QStringLiteral("set")},
         QStringLiteral("the agent's own interval, grace and daily budget"),
         {database, valued(QStringLiteral("interval"), QStringLiteral("Expected seconds between beats."), s),
          valued(QStringLiteral("grace"), QStringLiteral("Seconds late before dead."), s),
          valued(QStringLiteral("budget"), QStringLiteral("Daily budget in USD."), QStringLiteral("usd")),
          flag(QStringLiteral("clear"), QStringLiteral("Drop the agent's settings (back to the defaults)."))},
         {{QStringLiteral("NAME"), QStringLiteral("The agent's name.")}},
         agentsSet},
    };
}

QList<Command> alertCommands()
{
    const QCommandLineOption database = databaseOption();
    const QList<Argument> channel{{QStringLiteral("NAME"), QStringLiteral("The channel's name in the configuration.")}};
    return {
        {{QStringLiteral("channels"), QStringLiteral("list")},
         QStringLiteral("list the alert channels of --config"),
         {configOption()},
         {},
         channelsList},
        {{QStringLiteral("channels"), QStringLiteral("test")},
         QStringLiteral("send a test notification through a channel of --config"),
         {configOption()},
         channel,
         channelsTest},
        {{QStringLiteral("incidents"), QStringLiteral("list")},
         QStringLiteral("list incidents, newest first (also plain `incidents`)"),
         {database, valued(QStringLiteral("agent"), QStringLiteral("Only this agent."), QStringLiteral("name")),
          valued(QStringLiteral("kind"),
                 QStringLiteral(
                     "Only this kind (dead, error, crash, loop, budget, project_budget, restart_failed, flapping)."),
                 QStringLiteral("kind")),
          flag(QStringLiteral("open"), QStringLiteral("Only open incidents.")),
          flag(QStringLiteral("csv"), QStringLiteral("Print CSV.")),
          valued(QStringLiteral("limit"), QStringLiteral("At most this many (default 100)."), QStringLiteral("n"),
                 QStringLiteral("100"))},
         {},
         incidentsList,
         true},
        {{QStringLiteral("incidents"), QStringLiteral("ack")},
         QStringLiteral("acknowledge an incident (no more repeats)"),
         {database},
         {{QStringLiteral("ID"), QStringLiteral("The incident's number.")}},
         incidentsAck},
        {{QStringLiteral("silences"), QStringLiteral("add")},
         QStringLiteral("mute the alerts of matching agents (incidents are still recorded)"),
         {database,
          valued(QStringLiteral("until"), QStringLiteral("End, as 2026-12-01T08:00 or +2h / +30m / +1d (required)."),
                 QStringLiteral("when")),
          valued(QStringLiteral("comment"), QStringLiteral("Why (required)."), QStringLiteral("text"))},
         {{QStringLiteral("PATTERN"), QStringLiteral("An agent name, or a wildcard such as batch-*.")}},
         silencesAdd},
        {{QStringLiteral("silences"), QStringLiteral("list")},
         QStringLiteral("list the active silences"),
         {database},
         {},
         silencesList},
    };
}

const QList<Command> &commands()
{
    static const QList<Command> table = [] {
        QList<Command> all{{{QStringLiteral("serve")},
                            QStringLiteral("serve the API (the default when no command is given)"),
                            serveOptions(),
                            {},
                            serve}};
        all += keysAndAgents();
        all.append(
            Command{{QStringLiteral("tls"), QStringLiteral("self-signed")},
                    QStringLiteral("write a self-signed certificate for serve --tls-cert/--tls-key"),
                    {valued(QStringLiteral("out"), QStringLiteral("Folder for cert.pem and key.pem (required)."),
                            QStringLiteral("dir")),
                     valued(QStringLiteral("host"),
                            QStringLiteral("A host name or IP the certificate is for (repeatable; default localhost, "
                                           "127.0.0.1, ::1)."),
                            QStringLiteral("name")),
                     flag(QStringLiteral("force"), QStringLiteral("Replace an existing key and certificate."))},
                    {},
                    tlsSelfSigned});
        all += alertCommands();
        return all;
    }();
    return table;
}

QString words(const Command &c)
{
    return c.path.join(u' ');
}

QList<const Command *> group(const QString &word)
{
    QList<const Command *> found;
    for (const Command &c : commands()) {
        if (c.path.constFirst() == word)
            found << &c;
    }
    return found;
}

QStringList groupNames()
{
    QStringList names;
    for (const Command &c : commands()) {
        if (!names.contains(c.path.constFirst()))
            names << c.path.constFirst();
    }
    return names;
}

// The commands (as "keys create") that take the option `name`.
QStringList commandsTaking(const QString &name)
{
    QStringList found;
    for (const Command &c : commands()) {
        for (const QCommandLineOption &o : c.options) {
            if (o.names().contains(name))
                found << words(c);
        }
    }
    return found;
}

// Where the words that are neither options nor option values stand: the command words come first
// among them, the command's own arguments after them.
QList<int> wordPositions(const QStringList &arguments)
{
    static const QSet<QString> takesValue = [] {
        QSet<QString> names;
        for (const Command &c : commands()) {
            for (const QCommandLineOption &o : c.options) {
                if (!o.valueName().isEmpty())
                    names.insert(o.names().constFirst());
            }
        }
        return names;
    }();
    QList<int> positions;
    bool onlyWords = false;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (onlyWords || a.size() < 2 || !a.startsWith(u'-')) {
            positions << i;
        } else if (a == u"--") {
            onlyWords = true;
        } else if (a.startsWith(u"--") && !a.contains(u'=') && takesValue.contains(a.mid(2))) {
            ++i; // the option's value
        }
    }
    return positions;
}

bool asksHelp(const QStringList &arguments)
{
    for (const QString &a : arguments.mid(1)) {
        if (a == u"--")
            return false;
        if (a == u"--help" || a == u"-h" || a == u"--help-all")
            return true;
    }
    return false;
}

QString listing(const QList<const Command *> &list)
{
    QString text;
    for (const Command *c : list) {
        QString head = words(*c);
        for (const Argument &a : c->arguments)
            head += u' ' + a.syntax;
        text += QStringLiteral("  %1  %2\n").arg(head, -24).arg(c->summary);
    }
    return text;
}

void configure(QCommandLineParser &parser, const Command &c)
{
    parser.setApplicationDescription(c.summary.left(1).toUpper() + c.summary.mid(1) + u'.');
    // Qt's own help option would offer --help-all "including Qt specific options": there are none here.
    QCommandLineOption helpAll(QStringLiteral("help-all"), QStringLiteral("The same as --help."));
    helpAll.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions(
        {{{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Print this command's options and arguments.")},
         helpAll,
         {{QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Print the version.")}});
    parser.addOptions(c.options);
    for (const Argument &a : c.arguments)
        parser.addPositionalArgument(a.syntax, a.description, a.syntax);
}

// Qt's help with a usage line that names the command (Qt's names only the program).
QString commandHelp(const Command &c)
{
    QCommandLineParser parser;
    configure(parser, c);
    const QString qtHelp = parser.helpText();
    QString usage = QStringLiteral("Usage: clevagent-server ") + words(c) + QStringLiteral(" [options]");
    for (const Argument &a : c.arguments)
        usage += u' ' + a.syntax;
    return usage + qtHelp.mid(qtHelp.indexOf(u'\n'));
}

int topHelp()
{
    QList<const Command *> all;
    for (const Command &c : commands())
        all << &c;
    out() << "Usage: clevagent-server [command] [options]\n"
             "ClevAgent server: the heartbeat API and store for AI agents.\n\nCommands:\n"
          << listing(all)
          << QStringLiteral("  %1  %2\n")
                 .arg(QStringLiteral("help [COMMAND]"), -24)
                 .arg(QStringLiteral("this list, or a command's options"))
          << "\nWithout a command the options are serve's, e.g.\n"
             "  clevagent-server --listen 127.0.0.1:9475 --database FILE --config FILE\n"
             "Each command takes only its own options: see `clevagent-server COMMAND --help`.\n\n"
             "Options:\n  -h, --help     this list\n  -v, --version  the version\n";
    out().flush();
    return 0;
}

int groupHelp(const QString &word)
{
    out() << "Usage: clevagent-server " << word << " COMMAND [options]\n\nCommands:\n"
          << listing(group(word)) << "\nSee `clevagent-server " << word
          << " COMMAND --help` for a command's options.\n";
    out().flush();
    return 0;
}

int optionError(const Command &c, const QCommandLineParser &parser)
{
    const QString see = QStringLiteral("; see `clevagent-server %1 --help`").arg(words(c));
    const QStringList unknown = parser.unknownOptionNames();
    if (unknown.isEmpty()) { // a missing or an unexpected value
        QString why = parser.errorText();
        if (why.endsWith(u'.'))
            why.chop(1);
        return fail(QStringLiteral("`%1`: %2").arg(words(c), why) + see);
    }
    const QString name = unknown.constFirst();
    const QString dashed = (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    const QStringList owners = commandsTaking(name);
    if (owners.isEmpty())
        return fail(QStringLiteral("unknown option %1 for `%2`").arg(dashed, words(c)) + see);
    return fail(QStringLiteral("%1 is not an option of `%2` (it belongs to `%3`)")
                    .arg(dashed, words(c), owners.join(QStringLiteral("`, `"))) +
                see);
}

int runCommand(const Command &c, const QStringList &arguments)
{
    QCommandLineParser parser;
    configure(parser, c);
    if (!parser.parse(arguments))
        return optionError(c, parser);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out() << commandHelp(c);
        out().flush();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits 0
    const QStringList args = parser.positionalArguments();
    if (args.size() > c.arguments.size())
        return fail(QStringLiteral("unexpected argument '%2' for `%1`; see `clevagent-server %1 --help`")
                        .arg(words(c), args.at(c.arguments.size())));
    return c.handler(Invocation{parser, args});
}

// The command a group's word and the word after it name; null (with the error printed) if none.
const Command *pick(const QString &word, const QString &next, bool *tookNext)
{
    const QList<const Command *> members = group(word);
    if (members.isEmpty()) {
        fail(QStringLiteral("unknown command '%1' (use one of: %2, help; see --help)")
                 .arg(word, groupNames().join(QStringLiteral(", "))));
        return nullptr;
    }
    *tookNext = members.constFirst()->path.size() > 1;
    if (!*tookNext)
        return members.constFirst();
    QStringList subs;
    for (const Command *c : members) {
        if (c->path.at(1) == next)
            return c;
        subs << c->path.at(1);
    }
    if (next.isEmpty()) {
        for (const Command *c : members) {
            if (c->isDefault) {
                *tookNext = false;
                return c;
            }
        }
        fail(QStringLiteral("%1 needs a command: %2 (see `clevagent-server %1 --help`)")
                 .arg(word, subs.join(QStringLiteral(", "))));
    } else {
        fail(QStringLiteral("unknown %1 command '%2' (use %3)").arg(word, next, subs.join(QStringLiteral(", "))));
    }
    return nullptr;
}

// help [COMMAND [SUBCOMMAND]]
int helpCommand(const QStringList &topics)
{
    if (topics.isEmpty())
        return topHelp();
    if (topics.size() == 1 && group(topics.constFirst()).size() > 1)
        return groupHelp(topics.constFirst());
    bool tookNext = false;
    const Command *c = pick(topics.constFirst(), topics.value(1), &tookNext);
    if (!c)
        return 2;
    out() << commandHelp(*c);
    out().flush();
    return 0;
}

} // namespace

int run(const QStringList &arguments)
{
    const QList<int> positions = wordPositions(arguments);
    if (positions.isEmpty())
        return asksHelp(arguments) ? topHelp() : runCommand(commands().constFirst(), arguments); // serve
    const QString word = arguments.at(positions.constFirst());
    if (word == u"help") {
        QStringList topics;
        for (int i : positions.mid(1))
            topics << arguments.at(i);
        return helpCommand(topics);
    }
    const QString next = positions.size() > 1 ? arguments.at(positions.at(1)) : QString();
    if (next.isEmpty() && group(word).size() > 1 && asksHelp(arguments))
        return groupHelp(word);
    bool tookNext = false;
    const Command *c = pick(word, next, &tookNext);
    if (!c)
        return 2;
    QStringList rest = arguments;
    if (tookNext)
        rest.removeAt(positions.at(1));
    rest.removeAt(positions.constFirst());
    return runCommand(*c, rest);
}

} // namespace ServerCommands
