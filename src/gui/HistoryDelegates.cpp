// SPDX-License-Identifier: MIT
#include "gui/HistoryDelegates.h"

#include "core/AgentHistory.h"
#include "gui/AgentsModel.h"
#include "gui/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

namespace clev {

namespace {

constexpr int SlotWidth = 4;
constexpr int SlotGap = 1;
constexpr int Margin = 4;

// The cell drawn as the style draws any cell (background, selection, focus), without text.
void paintCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QStyleOptionViewItem opt = option;
    opt.index = index;
    opt.features &= ~QStyleOptionViewItem::HasDisplay;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

} // namespace

std::array<QColor, 5> BeatStripDelegate::colours(const QPalette &palette)
{
    std::array<QColor, 5> c;
    c[static_cast<int>(BeatSlot::None)] = palette.color(QPalette::Mid);
    c[static_cast<int>(BeatSlot::OnTime)] = theme::stateColour(AgentState::Healthy, palette);
    c[static_cast<int>(BeatSlot::Late)] = theme::stateColour(AgentState::Warning, palette); // amber
    c[static_cast<int>(BeatSlot::Missed)] = theme::stateColour(AgentState::Dead, palette);
    c[static_cast<int>(BeatSlot::Error)] = theme::stateColour(AgentState::Error, palette);
    return c;
}

void BeatStripDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintCell(painter, option, index);
    const QVariant v = index.data(AgentsModel::StripRole);
    const QByteArray strip = v.toByteArray(); // shared with the model's: no copy
    if (strip.isEmpty())
        return;
    if (option.palette.cacheKey() != m_paletteKey) {
        m_colours = colours(option.palette);
        m_paletteKey = option.palette.cacheKey();
    }
    const QRect r = option.rect.adjusted(Margin, 3, -Margin, -3);
    const int n = static_cast<int>(strip.size());
    // Slots shrink to fit a narrow column (at least 1 px, no gap), and never grow beyond SlotWidth.
    const int pitch = std::clamp(r.width() / std::max(1, n), 1, SlotWidth + SlotGap);
    const int width = pitch > 2 ? pitch - SlotGap : pitch;
    const int first = std::max(0, n - r.width() / pitch); // too narrow: the newest slots
    int x = r.left();
    for (int i = first; i < n; ++i, x += pitch) {
        const auto slot = static_cast<unsigned char>(strip.at(i));
        painter->fillRect(x, r.top(), width, r.height(), m_colours[slot < m_colours.size() ? slot : 0]);
    }
}

QSize BeatStripDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {HistoryRules::StripSlots * (SlotWidth + SlotGap) + 2 * Margin, base.height()};
}

QColor CostSparklineDelegate::lineColour(const QPalette &palette, bool selected)
{
    if (selected)
        return palette.color(QPalette::HighlightedText);
    // The link colour reads on both: Qt's dark palettes give a light blue.
    return theme::isDark(palette) ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1f, 0x5f, 0xbf);
}

void CostSparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintCell(painter, option, index);
    const QList<float> series = index.data(AgentsModel::CostSeriesRole).value<QList<float>>();
    const int n = static_cast<int>(std::min<qsizetype>(series.size(), HistoryRules::CostHours));
    if (n < 2)
        return;
    const float most = *std::max_element(series.cbegin(), series.cbegin() + n);
    const QRectF r = QRectF(option.rect).adjusted(Margin, 3, -Margin, -3);
    std::array<QPointF, HistoryRules::CostHours + 2> points; // on the stack: nothing allocated
    const double step = r.width() / (n - 1);
    for (int i = 0; i < n; ++i) {
        const double share = most > 0 ? series.at(i) / most : 0.0;
        points[i] = QPointF(r.left() + i * step, r.bottom() - share * r.height());
    }
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QColor line = lineColour(option.palette, selected);
    // No antialiasing: a 1 px cosmetic line and a plain polygon are the raster engine's fast paths (with
    // it, the sparklines of one screen cost several ms per repaint).
    painter->save();
    if (most > 0) { // the area under the line, faint
        points[n] = r.bottomRight();
        points[n + 1] = r.bottomLeft();
        QColor fill = line;
        fill.setAlpha(60);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawPolygon(points.data(), n + 2);
    }
    painter->setPen(QPen(line, 0)); // cosmetic: 1 px
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(points.data(), n);
    painter->restore();
}

QSize CostSparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {HistoryRules::CostHours * 4 + 2 * Margin, base.height()};
}

} // namespace clev
