// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentState.h"

#include <QWidget>

class QLabel;

namespace clev {

// Where the desktop has no system tray: a small always-on-top window with the worst state, the
// summary and the last notification, and the tray's actions (open, mute for an hour, quit). It never
// takes the focus.
class StatusWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusWindow)

public:
    explicit StatusWindow(QWidget *parent = nullptr);

    void setState(AgentState worst, const QString &summary);
    void showNotification(const QString &title, const QString &text);
    QString summaryText() const;
    QString notificationText() const;

Q_SIGNALS:
    void openRequested();
    void muteRequested();
    void quitRequested();

private:
    QLabel *m_icon;
    QLabel *m_summary;
    QLabel *m_notification;
};

} // namespace clev
