// SPDX-License-Identifier: MIT
// Runs one CredentialStore job in a process of its own (its own D-Bus environment) and prints the
// result and how long it took: "ok VALUE", "notfound" or "error MESSAGE", then "ms N". With --times N
// the job runs N times in a row (each reported, each timed from its own start). Test support.
//   clev_keychain_probe read|write|remove KEY [VALUE] --timeout-ms N [--times N]
#include "secrets/CredentialStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <functional>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    int timeoutMs = 5000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--timeout-ms")); i >= 0 && i + 1 < args.size()) {
        timeoutMs = args.at(i + 1).toInt();
        args.remove(i, 2);
    }
    int times = 1;
    if (const qsizetype i = args.indexOf(QStringLiteral("--times")); i >= 0 && i + 1 < args.size()) {
        times = std::max(1, args.at(i + 1).toInt());
        args.remove(i, 2);
    }
    if (args.size() < 2)
        return 2;
    clev::CredentialStore store(timeoutMs);
    QElapsedTimer clock;
    clock.start();
    int exitCode = 0;
    std::function<void()> runOnce;
    const auto done = [&](const clev::CredentialStore::Result &r) {
        if (r.ok)
            std::printf("ok %s\n", qPrintable(r.value));
        else if (r.notFound)
            std::printf("notfound\n");
        else
            std::printf("error %s\n", qPrintable(r.error));
        std::printf("ms %lld\n", static_cast<long long>(clock.elapsed()));
        std::fflush(stdout);
        exitCode = r.ok || r.notFound ? exitCode : 1;
        if (--times > 0)
            runOnce();
        else
            QCoreApplication::exit(exitCode);
    };
    runOnce = [&] {
        clock.restart();
        if (args.at(0) == u"write")
            store.write(args.at(1), args.value(2), &app, done);
        else if (args.at(0) == u"read")
            store.read(args.at(1), &app, done);
        else
            store.remove(args.at(1), &app, done);
    };
    runOnce();
    return QCoreApplication::exec();
}
