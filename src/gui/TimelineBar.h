// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QWidget>

#include <optional>

namespace clev {

// An agent's states over a window (the last 24 hours) as one Gantt row: a coloured span per state (the
// agents table's state colours on this palette), a time axis with hour ticks under it. Hovering a span
// shows its state, from–to, duration and the cause that began it.
class TimelineBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineBar)

public:
    struct Span
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        AgentState state = AgentState::New;
        QString cause; // of the change that began it; empty when it began before the window's timeline
    };
    static constexpr qint64 DayMs = 24 * 3600 * 1000;

    explicit TimelineBar(QWidget *parent = nullptr);

    // The spans of [nowMs - windowMs, nowMs] from `timeline` (newest first, as AgentDetail holds it):
    // before the first change the window shows, the state it changed from; with no change at all,
    // `current` throughout; before an agent's first change from "new" (its first beat), nothing. Events
    // that keep the state (loops, budget) begin no span.
    void setTimeline(const QList<TimelineEntry> &timeline, AgentState current, qint64 nowMs, qint64 windowMs = DayMs);
    void clear();
    const QList<Span> &spans() const { return m_spans; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    // The span at a time, or at a point of the widget.
    std::optional<Span> spanAt(qint64 ms) const;
    qint64 timeAt(int x) const;
    int xAt(qint64 ms) const;
    // What the widget paints at a time, and what its tooltip says there (empty where there is no span).
    QColor colourAt(qint64 ms) const;
    QString toolTipAt(qint64 ms) const;
    // A duration as people read it: "45 s", "12 min", "3 h 05 min", "2 d 4 h".
    static QString durationText(qint64 ms);
    // The one way a timeline's cause is shown (as text, copyable).
    static QString causeText(const TimelineEntry &entry);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QRect barRect() const;

    QList<Span> m_spans; // oldest first
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace clev
