// SPDX-License-Identifier: MIT
#include "gui/StateBadgeDelegate.h"

#include "gui/AgentsModel.h"
#include "gui/Theme.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace clev {

namespace {
constexpr int Pad = 6;   // inside the pill, left and right
constexpr int Gap = 4;   // between icon and text
constexpr int Inset = 3; // between the cell and the pill
constexpr int Slack = 4; // fractional glyph advances round up when drawn: never elide a text that fits
} // namespace

StateBadgeDelegate::Flag StateBadgeDelegate::flagOf(const QModelIndex &index)
{
    QModelIndex source = index;
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    const auto *model = qobject_cast<const AgentsModel *>(source.model());
    if (!model || !source.isValid() || source.row() >= model->rowCount())
        return Flag::None;
    const AgentRow &row = model->row(source.row());
    // A flag shows when it is news: an agent that is dead or in error shows that first.
    if (agentStateSeverity(row.state) >= agentStateSeverity(AgentState::Warning))
        return Flag::None;
    return row.looping ? Flag::Looping : row.overBudget ? Flag::OverBudget : Flag::None;
}

QIcon StateBadgeDelegate::flagIcon(Flag flag)
{
    static const QIcon looping(QStringLiteral(":/clevagent/icons/flag-looping.svg"));
    static const QIcon overBudget(QStringLiteral(":/clevagent/icons/flag-over-budget.svg"));
    return flag == Flag::Looping ? looping : flag == Flag::OverBudget ? overBudget : QIcon();
}

void StateBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const Flag flag = flagOf(index);
    const QIcon icon = flag == Flag::None ? opt.icon : flagIcon(flag);
    const QColor colour = index.data(Qt::ForegroundRole).value<QColor>().isValid()
                              ? index.data(Qt::ForegroundRole).value<QColor>()
                              : opt.palette.color(QPalette::Text);
    // The cell itself (selection, hover, alternating rows) as the style draws it, without its content.
    opt.text.clear();
    opt.icon = QIcon();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const int iconSize = opt.decorationSize.height();
    const int textWidth = opt.fontMetrics.horizontalAdvance(text);
    QRect pill = opt.rect.adjusted(Inset, Inset, -Inset, -Inset);
    pill.setWidth(std::min(pill.width(), Pad + iconSize + Gap + textWidth + Slack + Pad));
    const bool selected = opt.state & QStyle::State_Selected;
    const bool dark = theme::isDark(opt.palette);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = colour;
    fill.setAlpha(dark ? 56 : 34);
    QColor edge = colour;
    edge.setAlpha(selected ? 230 : 120);
    painter->setPen(QPen(selected ? opt.palette.color(QPalette::HighlightedText) : edge, 1));
    painter->setBrush(selected ? QColor(255, 255, 255, 40) : fill);
    const qreal radius = pill.height() / 2.0;
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    const QRect iconRect(pill.left() + Pad, pill.center().y() - iconSize / 2 + 1, iconSize, iconSize);
    icon.paint(painter, iconRect);
    const QRect textRect(iconRect.right() + 1 + Gap, pill.top(), pill.right() - iconRect.right() - Gap - Pad,
                         pill.height());
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText) : colour);
    painter->setFont(opt.font);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int iconSize = opt.decorationSize.height();
    const int width = 2 * Inset + Pad + iconSize + Gap + opt.fontMetrics.horizontalAdvance(opt.text) + Slack + Pad;
    const int height = std::max(opt.fontMetrics.height(), iconSize) + 2 * Inset + 2;
    return {width, height};
}

} // namespace clev
