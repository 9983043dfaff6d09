// SPDX-License-Identifier: MIT
#include "gui/StatusStrip.h"

#include "gui/AgentsModel.h"
#include "gui/Money.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

#include <algorithm>

namespace clev {

namespace {
// In the order of the state filter: the worst first.
constexpr AgentState Shown[] = {AgentState::Dead,    AgentState::Late,   AgentState::Error,   AgentState::Warning,
                                AgentState::Healthy, AgentState::Paused, AgentState::Stopped, AgentState::New};
// Shown even at zero: "0 dead" is news too.
bool alwaysShown(AgentState s)
{
    return s == AgentState::Healthy || s == AgentState::Late || s == AgentState::Dead;
}
} // namespace

StatusStrip::StatusStrip(QWidget *parent)
    : QFrame(parent)
    , m_incidents(new QToolButton(this))
    , m_spend(new QLabel(this))
{
    setObjectName(QStringLiteral("statusStrip"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (AgentState s : Shown) {
        auto *b = new QToolButton(this);
        b->setObjectName(QStringLiteral("stateFilter_%1").arg(agentStateName(s)));
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setIcon(AgentsModel::stateIcon(s));
        b->setToolTip(tr("Show only %1 agents; click again to show all").arg(AgentsModel::stateText(s)));
        connect(b, &QToolButton::clicked, this, [this, s](bool checked) {
            Q_EMIT filterRequested(checked ? std::optional<AgentState>(s) : std::nullopt);
        });
        m_buttons.insert(static_cast<int>(s), b);
        layout->addWidget(b);
        updateButton(s);
    }
    layout->addSpacing(12);
    m_incidents->setObjectName(QStringLiteral("openIncidentsButton"));
    m_incidents->setAutoRaise(true);
    m_incidents->setToolTip(tr("Show the open incidents in the Alerts tab"));
    m_incidents->hide();
    connect(m_incidents, &QToolButton::clicked, this, &StatusStrip::incidentsRequested);
    layout->addWidget(m_incidents);
    layout->addStretch(1);
    m_spend->setObjectName(QStringLiteral("spendTodayLabel"));
    layout->addWidget(m_spend);
}

QToolButton *StatusStrip::button(AgentState state) const
{
    return m_buttons.value(static_cast<int>(state));
}

void StatusStrip::updateButton(AgentState s)
{
    QToolButton *b = button(s);
    const int n = count(s);
    const QString text = QStringLiteral("%1 %2").arg(QLocale().toString(n), AgentsModel::stateText(s));
    if (b->text() != text) {
        b->setText(text);
        b->setAccessibleName(text);
    }
    b->setVisible(n > 0 || alwaysShown(s) || m_filter == s);
}

void StatusStrip::setRows(const QList<AgentRow> &rows)
{
    std::array<int, 8> counts{};
    double spent = 0, budget = 0;
    for (const AgentRow &r : rows) {
        ++counts[static_cast<size_t>(r.state)];
        spent += r.costTodayUsd;
        if (r.dailyBudgetUsd)
            budget += *r.dailyBudgetUsd;
    }
    if (counts != m_counts) {
        m_counts = counts;
        for (AgentState s : Shown)
            updateButton(s);
    }
    if (spent == m_spent && budget == m_budget)
        return;
    m_spent = spent;
    m_budget = budget;
    // The spend changes with nearly every list: a label of fixed size takes a new text without asking
    // the whole tab (table and detail pane) to lay itself out again; it grows only when a text is wider.
    m_spend->setText(spendText());
    const QSize hint = m_spend->sizeHint();
    if (hint.width() > m_spend->minimumWidth() || hint.height() != m_spend->minimumHeight())
        m_spend->setFixedSize(hint.width() + 4 * m_spend->fontMetrics().averageCharWidth(), hint.height());
}

QString StatusStrip::spendText() const
{
    const QLocale locale;
    const double spent = std::max(0.0, m_spent);
    return m_budget > 0 ? tr("Today %1 of %2 in daily budgets").arg(usd(spent, locale), usd(m_budget, locale))
                        : tr("Today %1 (no daily budgets)").arg(usd(spent, locale));
}

void StatusStrip::setOpenIncidents(int count)
{
    m_open = count;
    m_incidents->setVisible(count >= 0);
    if (count < 0)
        return;
    m_incidents->setText(tr("%n open incident(s)", nullptr, count));
    m_incidents->setAccessibleName(m_incidents->text());
}

void StatusStrip::setFilter(std::optional<AgentState> state)
{
    m_filter = state;
    for (AgentState s : Shown) {
        button(s)->setChecked(state == s);
        updateButton(s);
    }
}

} // namespace clev
