// SPDX-License-Identifier: MIT
#include "gui/AgentsModel.h"

#include "core/Clock.h"
#include "gui/Money.h"
#include "gui/Theme.h"

#include <QApplication>
#include <QColor>
#include <QIcon>
#include <QLocale>

namespace clev {

AgentsModel::AgentsModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
    , m_palette(QApplication::palette())
{
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &AgentsModel::tick);
    m_tick.start();
}

int AgentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AgentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgentsModel::ago(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%n s ago", nullptr, static_cast<int>(s));
    if (s < 3600)
        return tr("%n min ago", nullptr, static_cast<int>(s / 60));
    if (s < 86400)
        return tr("%n h ago", nullptr, static_cast<int>(s / 3600));
    return tr("%n days ago", nullptr, static_cast<int>(s / 86400));
}

QColor AgentsModel::colour(AgentState state, const QPalette &palette)
{
    return theme::stateColour(state, palette);
}

void AgentsModel::setPalette(const QPalette &palette)
{
    if (theme::isDark(palette) == theme::isDark(m_palette) &&
        palette.color(QPalette::Base) == m_palette.color(QPalette::Base)) {
        m_palette = palette;
        return;
    }
    m_palette = palette;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, State), index(static_cast<int>(m_rows.size()) - 1, State), {Qt::ForegroundRole});
}

QIcon AgentsModel::stateIcon(AgentState state)
{
    // One SVG per state (resources/icons), rendered by Qt for each size and device pixel ratio.
    static const QHash<int, QIcon> icons = [] {
        QHash<int, QIcon> all;
        for (AgentState s : {AgentState::New, AgentState::Healthy, AgentState::Warning, AgentState::Error,
                             AgentState::Late, AgentState::Dead, AgentState::Stopped, AgentState::Paused})
            all.insert(static_cast<int>(s),
                       QIcon(QStringLiteral(":/clevagent/icons/state-%1.svg").arg(agentStateName(s))));
        return all;
    }();
    return icons.value(static_cast<int>(state));
}

QString AgentsModel::stateText(AgentState state)
{
    switch (state) {
    case AgentState::New:
        return tr("new");
    case AgentState::Healthy:
        return tr("healthy");
    case AgentState::Warning:
        return tr("warning");
    case AgentState::Error:
        return tr("error");
    case AgentState::Late:
        return tr("late");
    case AgentState::Dead:
        return tr("dead");
    case AgentState::Stopped:
        return tr("stopped");
    case AgentState::Paused:
        return tr("paused");
    }
    return QString();
}

QVariant AgentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AgentRow &a = m_rows.at(index.row());
    const QLocale locale;
    if (role == StateRole)
        return static_cast<int>(a.state);
    if (role == IdRole)
        return a.id;
    if (role == SortRole) {
        switch (index.column()) {
        case State:
            return agentStateSeverity(a.state);
        case Name:
            return a.name.toLower();
        case LastSeen:
            return a.lastSeenMs;
        case Interval:
            return a.expectedIntervalSecs;
        case Tokens:
            return a.tokensToday;
        case Cost:
            return a.costTodayUsd;
        case Iteration:
            return a.iterationCount.value_or(-1);
        case Message:
            return a.lastMessage;
        }
    }
    if (role == Qt::DecorationRole && index.column() == State)
        return stateIcon(a.state);
    if (role == Qt::ForegroundRole && index.column() == State)
        return (a.looping || a.overBudget) && agentStateSeverity(a.state) < agentStateSeverity(AgentState::Warning)
                   ? colour(AgentState::Error, m_palette)
                   : colour(a.state, m_palette);
    if (role == Qt::ToolTipRole && index.column() == Cost && a.unpricedToday > 0)
        return tr("%n beats today used a model without a known price: not counted", nullptr,
                  static_cast<int>(a.unpricedToday));
    if (role == Qt::TextAlignmentRole && (index.column() == Tokens || index.column() == Cost ||
                                          index.column() == Iteration || index.column() == Interval))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case State: {
        QString text = stateText(a.state);
        if (a.looping)
            text += tr(", looping");
        if (a.overBudget)
            text += tr(", over budget");
        return text;
    }
    case Name:
        return a.name;
    case LastSeen:
        return a.lastSeenMs > 0 ? ago(m_clock.nowMs() - a.lastSeenMs) : tr("never");
    case Interval:
        return a.expectedIntervalSecs > 0 ? tr("%1 s").arg(locale.toString(a.expectedIntervalSecs, 'g', 4)) : QString();
    case Tokens:
        return locale.toString(a.tokensToday);
    case Cost: {
        QString cost = usd(a.costTodayUsd, locale);
        if (a.unpricedToday > 0)
            cost += QStringLiteral(" +?");
        return cost;
    }
    case Iteration:
        return a.iterationCount ? locale.toString(*a.iterationCount) : QString();
    case Message:
        return a.lastMessage.simplified().left(200);
    }
    return {};
}

QVariant AgentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case State:
        return tr("State");
    case Name:
        return tr("Agent");
    case LastSeen:
        return tr("Last seen");
    case Interval:
        return tr("Interval");
    case Tokens:
        return tr("Tokens today");
    case Cost:
        return tr("Cost today");
    case Iteration:
        return tr("Iteration");
    case Message:
        return tr("Last message");
    }
    return {};
}

void AgentsModel::applySnapshot(const QList<AgentRow> &rows)
{
    QHash<qint64, const AgentRow *> incoming;
    incoming.reserve(rows.size());
    for (const AgentRow &r : rows)
        incoming.insert(r.id, &r);

    // Rows that went away (forgotten agents), from the bottom so indexes stay valid.
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        if (!incoming.contains(m_rows.at(i).id)) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    m_rowOf.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).id, i);

    // Changes in place: one dataChanged over the span of changed rows keeps a large update cheap.
    int first = -1, last = -1;
    QList<AgentRow> added;
    for (const AgentRow &r : rows) {
        auto it = m_rowOf.constFind(r.id);
        if (it == m_rowOf.cend()) {
            added.append(r);
            continue;
        }
        AgentRow &mine = m_rows[*it];
        if (mine.state != r.state || mine.lastSeenMs != r.lastSeenMs || mine.tokensToday != r.tokensToday ||
            mine.costTodayUsd != r.costTodayUsd || mine.lastMessage != r.lastMessage ||
            mine.iterationCount != r.iterationCount || mine.looping != r.looping || mine.overBudget != r.overBudget ||
            mine.expectedIntervalSecs != r.expectedIntervalSecs || mine.unpricedToday != r.unpricedToday) {
            mine = r;
            first = first < 0 ? *it : std::min(first, *it);
            last = std::max(last, *it);
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (!added.isEmpty()) {
        const int start = static_cast<int>(m_rows.size());
        beginInsertRows({}, start, start + static_cast<int>(added.size()) - 1);
        for (const AgentRow &r : std::as_const(added)) {
            m_rowOf.insert(r.id, static_cast<int>(m_rows.size()));
            m_rows.append(r);
        }
        endInsertRows();
    }
}

AgentState AgentsModel::worstState() const
{
    AgentState worst = AgentState::New;
    for (const AgentRow &r : m_rows) {
        if (agentStateSeverity(r.state) > agentStateSeverity(worst))
            worst = r.state;
    }
    return worst;
}

int AgentsModel::countIn(AgentState state) const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [state](const AgentRow &r) { return r.state == state; }));
}

void AgentsModel::tick()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, LastSeen), index(static_cast<int>(m_rows.size()) - 1, LastSeen), {Qt::DisplayRole});
}

AgentFilterModel::AgentFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AgentsModel::SortRole);
    setDynamicSortFilter(true);
}

void AgentFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void AgentFilterModel::setState(std::optional<AgentState> state)
{
    m_state = state;
    invalidateFilter();
}

bool AgentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = static_cast<const AgentsModel *>(sourceModel());
    const AgentRow &a = model->row(sourceRow);
    if (m_state && a.state != *m_state)
        return false;
    return m_text.isEmpty() || a.name.contains(m_text, Qt::CaseInsensitive) ||
           a.lastMessage.contains(m_text, Qt::CaseInsensitive);
}

} // namespace clev
