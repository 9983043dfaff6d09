// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace clev {

// The agents table's state as a badge: a rounded pill tinted with the state's colour (palette-aware, as
// the model gives it), the state's icon — or, for an agent that loops or is over budget, that flag's icon
// — and the text. Sized to its text, so the default column width never cuts it off.
class StateBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    enum class Flag { None, Looping, OverBudget };
    // What the badge shows for the agent at `index` (of the agents model or a proxy over it).
    static Flag flagOf(const QModelIndex &index);
    static QIcon flagIcon(Flag flag);
};

} // namespace clev
