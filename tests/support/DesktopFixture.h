// SPDX-License-Identifier: MIT
#pragma once

// The desktop app, as `clevagent-desktop` puts it together, on a fresh database in a private folder,
// listening on any free port; plus helpers the desktop tests share.
#include "gui/DesktopApp.h"
#include "gui/LocalMonitor.h"
#include "support/TestEnv.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QTest>

#include <memory>

namespace clev::test {

struct DesktopFixture
{
    TestDir dir;
    std::unique_ptr<DesktopApp> app;

    bool start(int keychainTimeoutMs = 5000)
    {
        QSettings().clear();
        QSettings().setValue(QStringLiteral("listener/port"), 0); // any free port
        DesktopApp::Options o;
        o.databasePath = dir.file(QStringLiteral("desk.db"));
        o.keychainTimeoutMs = keychainTimeoutMs;
        app = std::make_unique<DesktopApp>(o);
        app->start();
        return QTest::qWaitFor([this] { return app->monitor().isListening(); }, 10'000);
    }
    quint16 port() { return app->monitor().server().port(); }
};

template <typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

// Every file under `dir` as bytes (database, WAL, settings): for "no secret on disk" checks.
inline QByteArray everything(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace clev::test
