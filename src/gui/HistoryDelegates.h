// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

#include <array>

namespace clev {

// The agents table's heartbeat strip (AgentsModel::StripRole): one bar per slot, like a status page's
// uptime bar: on time green, late amber, missed red, error orange, none the palette's mid tone. Painted,
// never a widget per cell; colours are made once per palette, nothing is allocated per slot.
class BeatStripDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The colour of each BeatSlot on `palette` (by its value).
    static std::array<QColor, 5> colours(const QPalette &palette);

private:
    mutable std::array<QColor, 5> m_colours;
    mutable qint64 m_paletteKey = -1;
};

// A sparkline of the hourly cost over 24 h (AgentsModel::CostSeriesRole), scaled to its own highest hour.
class CostSparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The line's colour on `palette` (selected rows: the highlighted text's).
    static QColor lineColour(const QPalette &palette, bool selected);
};

} // namespace clev
