// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <vector>

namespace clev {

// The watchdog's deadlines, earliest first: one timer armed for the earliest, nothing scans all agents.
// A deadline carries the agent's generation when it was queued; the agent's next beat (or pause, or
// change of interval) moves the generation on, which voids its older deadlines without searching for
// them: they are dropped when they come up.
class DeadlineQueue
{
public:
    enum class Kind { Late, Dead, PauseEnd };
    struct Deadline
    {
        qint64 dueMs = 0;
        qint64 agentId = 0;
        quint64 generation = 0;
        Kind kind = Kind::Late;
        bool operator>(const Deadline &o) const { return dueMs > o.dueMs; }
    };
    // Whether a deadline still stands (its agent is known and has not moved on since).
    using Current = std::function<bool(const Deadline &)>;

    void push(const Deadline &d) { m_queue.push(d); }
    // Drops void deadlines from the front; returns when the earliest standing one is due (max() when none).
    qint64 dropVoid(const Current &current)
    {
        while (!m_queue.empty() && !current(m_queue.top()))
            m_queue.pop();
        return nextDueMs();
    }
    // Takes the earliest deadline if it is due at `nowMs` (void or not: the caller checks).
    std::optional<Deadline> takeDue(qint64 nowMs)
    {
        if (m_queue.empty() || m_queue.top().dueMs > nowMs)
            return std::nullopt;
        const Deadline d = m_queue.top();
        m_queue.pop();
        return d;
    }
    qint64 nextDueMs() const { return m_queue.empty() ? std::numeric_limits<qint64>::max() : m_queue.top().dueMs; }
    bool empty() const { return m_queue.empty(); }

private:
    std::priority_queue<Deadline, std::vector<Deadline>, std::greater<Deadline>> m_queue;
};

} // namespace clev
