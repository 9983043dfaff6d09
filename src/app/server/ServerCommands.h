// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineParser>
#include <QStringList>

class QTextStream;

// The clevagent-server command line: `serve` (the default) and the administration commands (`keys`,
// `agents`, `tls`, `channels`, `incidents`, `silences`). ServerCli.cpp holds the table of commands —
// each with its own options, arguments and help, parsed by its own QCommandLineParser — and picks the
// command; ServerCommands.cpp holds what each command does.
namespace ServerCommands {

// Parses `arguments` (the program first), runs the command and returns the process exit code: 0 done,
// 2 a usage or configuration error (the reason on stderr); `channels test` answers 1 when the
// receiver refused the notification.
int run(const QStringList &arguments);

// One command's parsed command line: its options (only those its table entry declares) and its
// positional arguments, the command words left out.
struct Invocation
{
    const QCommandLineParser &parser;
    QStringList args;

    bool isSet(const QString &option) const { return parser.isSet(option); }
    QString value(const QString &option) const { return parser.value(option); }
    QStringList values(const QString &option) const { return parser.values(option); }
    QString arg(int i) const { return args.value(i); }
};

QTextStream &out();
QTextStream &err();
// "clevagent-server: <message>" on stderr; returns 2, the exit code of a usage or configuration error.
int fail(const QString &message);
QString defaultDatabasePath();

// The commands (ServerCommands.cpp); each returns the process exit code.
int serve(const Invocation &);
int keysCreate(const Invocation &);
int keysList(const Invocation &);
int keysRevoke(const Invocation &);
int agentsAdd(const Invocation &);
int agentsSet(const Invocation &);
int tlsSelfSigned(const Invocation &);
int channelsList(const Invocation &);
int channelsTest(const Invocation &);
int incidentsList(const Invocation &);
int incidentsAck(const Invocation &);
int silencesList(const Invocation &);
int silencesAdd(const Invocation &);

} // namespace ServerCommands
