// SPDX-License-Identifier: MIT
#include "gui/TimelineBar.h"

#include "gui/CauseText.h"

#include "gui/AgentsModel.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace clev {

namespace {
constexpr int AxisHeight = 16;
constexpr qint64 HourMs = 3600 * 1000;
} // namespace

TimelineBar::TimelineBar(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("States over the last 24 hours"));
}

QSize TimelineBar::sizeHint() const
{
    return {480, fontMetrics().height() + AxisHeight + 20};
}

QSize TimelineBar::minimumSizeHint() const
{
    return {120, fontMetrics().height() + AxisHeight + 20};
}

void TimelineBar::clear()
{
    m_spans.clear();
    m_fromMs = m_toMs = 0;
    update();
}

void TimelineBar::setTimeline(const QList<TimelineEntry> &timeline, AgentState current, qint64 nowMs, qint64 windowMs)
{
    m_spans.clear();
    m_toMs = nowMs;
    m_fromMs = nowMs - windowMs;
    // Only changes of state, oldest first.
    QList<TimelineEntry> changes;
    for (const TimelineEntry &e : timeline) {
        if (e.from != e.to && agentStateFromName(e.to))
            changes.prepend(e);
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const TimelineEntry &a, const TimelineEntry &b) { return a.atMs < b.atMs; });
    // The state when the window opens: the last change before it, else what the first one in it left.
    qint64 at = m_fromMs;
    // The state of the span being drawn; `known` false: none (before the agent's first beat). A plain pair,
    // not an optional: GCC 12 then warns of a maybe-uninitialised read inlining std::optional<enum>.
    bool known = false;
    AgentState state = AgentState::New;
    const auto take = [&known, &state](const QString &name) {
        const auto s = agentStateFromName(name);
        known = s.has_value();
        state = s.value_or(AgentState::New);
    };
    QString cause;
    int i = 0;
    for (; i < changes.size() && changes.at(i).atMs <= m_fromMs; ++i) {
        take(changes.at(i).to);
        cause = TimelineBar::causeText(changes.at(i));
    }
    if (!known) {
        if (i < changes.size()) {
            take(changes.at(i).from);
        } else {
            known = true;
            state = current;
        }
        cause.clear();
        // Before its first beat the agent was not there: no span.
        if (known && state == AgentState::New && i < changes.size())
            known = false;
    }
    for (; i < changes.size() && changes.at(i).atMs < m_toMs; ++i) {
        const TimelineEntry &e = changes.at(i);
        if (known && e.atMs > at)
            m_spans.append({at, e.atMs, state, cause});
        at = std::max(at, e.atMs);
        take(e.to);
        cause = TimelineBar::causeText(e);
    }
    if (known && at < m_toMs)
        m_spans.append({at, m_toMs, state, cause});
    update();
}

QString TimelineBar::causeText(const TimelineEntry &entry)
{
    return CauseText::render(entry.causeData, entry.cause); // in the UI's language
}

QString TimelineBar::durationText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

std::optional<TimelineBar::Span> TimelineBar::spanAt(qint64 ms) const
{
    for (const Span &s : m_spans) {
        if (ms >= s.fromMs && ms < s.toMs)
            return s;
    }
    if (!m_spans.isEmpty() && ms == m_spans.last().toMs)
        return m_spans.last();
    return std::nullopt;
}

QRect TimelineBar::barRect() const
{
    return QRect(4, 4, std::max(1, width() - 8), std::max(4, height() - AxisHeight - 8));
}

qint64 TimelineBar::timeAt(int x) const
{
    const QRect bar = barRect();
    if (m_toMs <= m_fromMs)
        return 0;
    return m_fromMs + qint64(double(x - bar.left()) / double(bar.width()) * double(m_toMs - m_fromMs));
}

int TimelineBar::xAt(qint64 ms) const
{
    const QRect bar = barRect();
    if (m_toMs <= m_fromMs)
        return bar.left();
    return bar.left() + int(double(ms - m_fromMs) / double(m_toMs - m_fromMs) * double(bar.width()));
}

QColor TimelineBar::colourAt(qint64 ms) const
{
    const auto span = spanAt(ms);
    return span ? AgentsModel::colour(span->state, palette()) : QColor();
}

QString TimelineBar::toolTipAt(qint64 ms) const
{
    const auto span = spanAt(ms);
    if (!span)
        return {};
    const QLocale locale;
    const auto time = [&locale](qint64 t) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(t), QLocale::ShortFormat);
    };
    QString text = tr("%1\n%2 – %3 (%4)")
                       .arg(AgentsModel::stateText(span->state), time(span->fromMs), time(span->toMs),
                            durationText(span->toMs - span->fromMs));
    if (!span->cause.isEmpty())
        text += QStringLiteral("\n") + span->cause;
    return text;
}

void TimelineBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect bar = barRect();
    const QPalette pal = palette();
    p.fillRect(bar, pal.color(QPalette::AlternateBase));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    // Spans inside the frame; a short one still shows (1 px), the state now at least 4 px.
    const QRect inside = bar.adjusted(1, 1, -1, -1);
    p.setClipRect(inside);
    for (int i = 0; i < m_spans.size(); ++i) {
        const Span &s = m_spans.at(i);
        const int x1 = std::min(xAt(s.toMs), inside.right() + 1);
        int x0 = std::min(xAt(s.fromMs), x1 - 1);
        if (i == m_spans.size() - 1 && s.toMs == m_toMs)
            x0 = std::min(x0, x1 - 4);
        p.fillRect(QRect(x0, inside.top(), x1 - x0, inside.height()), AgentsModel::colour(s.state, pal));
    }
    p.setClipping(false);
    if (m_toMs <= m_fromMs)
        return;
    // Hour ticks; a label every few hours, as many as fit.
    p.setPen(pal.color(QPalette::WindowText));
    const QFontMetrics fm = fontMetrics();
    const int labelWidth = fm.horizontalAdvance(QStringLiteral("00:00")) + 24;
    const double hourPx = double(bar.width()) * HourMs / double(m_toMs - m_fromMs);
    int every = 1;
    while (every < 24 && hourPx * every < labelWidth)
        every = every < 3 ? every + 1 : every < 6 ? 6 : 12;
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(m_fromMs);
    QDateTime tick(first.date(), QTime(first.time().hour(), 0));
    if (tick.toMSecsSinceEpoch() < m_fromMs)
        tick = tick.addSecs(3600);
    const QLocale locale;
    for (; tick.toMSecsSinceEpoch() <= m_toMs; tick = tick.addSecs(3600)) {
        const int x = xAt(tick.toMSecsSinceEpoch());
        const bool labelled = tick.time().hour() % every == 0;
        p.drawLine(x, bar.bottom() + 1, x, bar.bottom() + (labelled ? 5 : 3));
        if (labelled) {
            const QString text = locale.toString(tick.time(), QStringLiteral("HH:mm"));
            const int w = fm.horizontalAdvance(text);
            const int left = std::clamp(x - w / 2, 0, std::max(0, width() - w));
            p.drawText(QRect(left, bar.bottom() + 5, w, fm.height()), Qt::AlignCenter, text);
        }
    }
}

bool TimelineBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = barRect().contains(help->pos()) ? toolTipAt(timeAt(help->pos().x())) : QString();
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        update();
}

} // namespace clev
