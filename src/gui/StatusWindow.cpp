// SPDX-License-Identifier: MIT
#include "gui/StatusWindow.h"

#include "gui/AgentsModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace clev {

StatusWindow::StatusWindow(QWidget *parent)
    : QWidget(parent, Qt::Tool | Qt::WindowStaysOnTopHint | Qt::WindowDoesNotAcceptFocus)
    , m_icon(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_notification(new QLabel(this))
{
    setObjectName(QStringLiteral("statusWindow"));
    setWindowTitle(tr("ClevAgent status"));
    setAttribute(Qt::WA_ShowWithoutActivating);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_icon);
    m_summary->setObjectName(QStringLiteral("statusSummaryLabel"));
    top->addWidget(m_summary, 1);
    layout->addLayout(top);
    m_notification->setObjectName(QStringLiteral("statusNotificationLabel"));
    m_notification->setWordWrap(true);
    m_notification->hide();
    layout->addWidget(m_notification);
    auto *buttons = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open"), this);
    auto *mute = new QPushButton(QIcon(QStringLiteral(":/clevagent/icons/mute.svg")), tr("Mute 1 h"), this);
    auto *quit = new QPushButton(tr("Quit"), this);
    for (QPushButton *b : {open, mute, quit}) {
        b->setFocusPolicy(Qt::NoFocus);
        buttons->addWidget(b);
    }
    layout->addLayout(buttons);
    connect(open, &QPushButton::clicked, this, &StatusWindow::openRequested);
    connect(mute, &QPushButton::clicked, this, &StatusWindow::muteRequested);
    connect(quit, &QPushButton::clicked, this, &StatusWindow::quitRequested);
    setState(AgentState::New, tr("No agents yet"));
    setMinimumWidth(260);
}

void StatusWindow::setState(AgentState worst, const QString &summary)
{
    m_icon->setPixmap(AgentsModel::stateIcon(worst == AgentState::New ? AgentState::Healthy : worst).pixmap(24, 24));
    if (summary == m_summary->text())
        return;
    m_summary->setText(summary);
    adjustSize(); // a longer summary (another source, more states) is never cut off
}

void StatusWindow::showNotification(const QString &title, const QString &text)
{
    m_notification->setText(QStringLiteral("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    m_notification->show();
    adjustSize();
}

QString StatusWindow::summaryText() const
{
    return m_summary->text();
}

QString StatusWindow::notificationText() const
{
    return m_notification->isVisible() || !m_notification->text().isEmpty() ? m_notification->text() : QString();
}

} // namespace clev
