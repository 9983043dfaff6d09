// SPDX-License-Identifier: MIT
#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace clev::test {

// Runs `work` on the next modal dialog that opens: how a test presses a dialog's buttons while the code
// under test waits in exec().
inline void onNextDialog(std::function<void(QWidget *)> work)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, work] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            work(dialog);
        }
    });
    poll->start();
}

} // namespace clev::test
