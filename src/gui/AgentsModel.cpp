// SPDX-License-Identifier: MIT
#include "gui/AgentsModel.h"

#include "core/Clock.h"
#include "gui/Money.h"
#include "gui/Theme.h"

#include <QApplication>
#include <QColor>
#include <QIcon>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

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

QVariant AgentsModel::historyData(const AgentRow &a, int column, int role) const
{
    const AgentHistory *h = history(a.id);
    const auto percent = [](double v) {
        return v < 0 ? tr("unknown") : tr("%1 %").arg(QLocale().toString(std::floor(v * 10) / 10, 'f', 1));
    };
    switch (role) {
    case StripRole:
        return h ? h->strip : QByteArray();
    case CostSeriesRole:
        return QVariant::fromValue(h ? h->cost24h : QList<float>());
    case SortRole:
        if (column == Beats) // the fewest beats on time first when ascending
            return h ? HistoryRules::count(h->strip, BeatSlot::OnTime) : -1;
        if (column == Uptime)
            return h ? h->uptime24h : -2.0;
        return h ? std::accumulate(h->cost24h.cbegin(), h->cost24h.cend(), 0.0) : -1.0;
    case Qt::DisplayRole:
        if (column == Uptime && h && h->uptime24h >= 0)
            return percent(h->uptime24h);
        return QString();
    case Qt::TextAlignmentRole:
        return column == Uptime ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    if (!h)
        return tr("No history read yet");
    if (column == Uptime)
        return tr("Uptime: %1 in the last 24 h, %2 in the last 30 days (time dead or in error counts as down; "
                  "paused, stopped and before the first beat do not count)")
            .arg(percent(h->uptime24h), percent(h->uptime30d));
    if (column == Beats) {
        QString text = tr("Last %n beats: ", nullptr, static_cast<int>(h->strip.size())) +
                       tr("%1 on time, %2 late, %3 missed")
                           .arg(HistoryRules::count(h->strip, BeatSlot::OnTime))
                           .arg(HistoryRules::count(h->strip, BeatSlot::Late))
                           .arg(HistoryRules::count(h->strip, BeatSlot::Missed));
        if (const int errors = HistoryRules::count(h->strip, BeatSlot::Error))
            text += tr(", %n with an error", nullptr, errors);
        return text;
    }
    const double total = std::accumulate(h->cost24h.cbegin(), h->cost24h.cend(), 0.0);
    const float most = h->cost24h.isEmpty() ? 0 : *std::max_element(h->cost24h.cbegin(), h->cost24h.cend());
    const QLocale locale;
    return tr("Cost in the last 24 hours: %1 (at most %2 in one hour)").arg(usd(total, locale), usd(most, locale));
}

QVariant AgentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AgentRow &a = m_rows.at(index.row());
    if (role == StateRole)
        return static_cast<int>(a.state);
    if (role == IdRole)
        return a.id;
    const int column = index.column();
    if (column == Beats || column == Uptime || column == CostTrend || role == StripRole || role == CostSeriesRole)
        return historyData(a, column, role);
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
    // Made only here: one on every call was the largest cost of an update (the sorting proxy asks for
    // SortRole hundreds of thousands of times per update of 10 000 agents).
    const QLocale locale;
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
    case Beats:
        return tr("Last beats");
    case Uptime:
        return tr("Uptime 24 h");
    case CostTrend:
        return tr("Cost 24 h");
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

void AgentsModel::applyHistory(const QList<AgentHistory> &history)
{
    m_history.clear();
    m_history.reserve(history.size());
    for (const AgentHistory &h : history)
        m_history.insert(h.agentId, h);
    if (m_rows.isEmpty())
        return;
    const int last = static_cast<int>(m_rows.size()) - 1;
    Q_EMIT dataChanged(index(0, Beats), index(last, Uptime));
    Q_EMIT dataChanged(index(0, CostTrend), index(last, CostTrend));
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
