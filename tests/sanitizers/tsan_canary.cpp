// SPDX-License-Identifier: MIT
// The ThreadSanitizer stage checks itself (scripts/test-tsan runs this first): with the options and the
// hand-over annotations the threaded suites run under, a hand-over through Qt's event queue must not
// be reported, and a race between two threads of our own must be. Expected: exactly one report.
#include <QCoreApplication>
#include <QThread>

#include <thread>

namespace {
int shared = 0;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QThread worker;
    worker.start();
    QObject target;
    target.moveToThread(&worker);
    // Ordered by Qt: written on the worker, read here after the blocking call returns.
    QMetaObject::invokeMethod(
        &target, [] { shared = 1; }, Qt::BlockingQueuedConnection);
    const int seen = shared;
    // Not ordered at all: a thread of ours writes while this one does.
    std::thread racer([] { shared = 2; });
    shared = 3;
    racer.join();
    worker.quit();
    worker.wait();
    return seen == 1 ? 0 : 1;
}
