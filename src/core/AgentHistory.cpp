// SPDX-License-Identifier: MIT
#include "core/AgentHistory.h"

#include "core/AgentRules.h"

#include <algorithm>

namespace clev::HistoryRules {

namespace {

void push(QByteArray &out, BeatSlot slot, qint64 times = 1)
{
    for (qint64 i = 0; i < times; ++i)
        out.append(static_cast<char>(slot));
}

} // namespace

QByteArray strip(const QList<BeatMark> &beats, qint64 intervalMs, qint64 graceMs, qint64 nowMs, bool expecting,
                 int slots)
{
    QByteArray all;
    all.reserve(slots + 8);
    const bool known = intervalMs > 0;
    const auto beatSlot = [](const BeatMark &b, BeatSlot timing) { return b.error ? BeatSlot::Error : timing; };
    for (int i = 0; i < beats.size(); ++i) {
        const BeatMark &b = beats.at(i);
        if (i == 0 || !known || beats.at(i - 1).shutdown) {
            push(all, beatSlot(b, BeatSlot::OnTime));
            continue;
        }
        const qint64 prev = beats.at(i - 1).atMs;
        switch (AgentRules::judge(prev, intervalMs, graceMs, b.atMs)) {
        case AgentRules::Lateness::OnTime:
            push(all, beatSlot(b, BeatSlot::OnTime));
            break;
        case AgentRules::Lateness::Late:
            push(all, beatSlot(b, BeatSlot::Late));
            break;
        case AgentRules::Lateness::Dead:
            // At most a strip's worth: a gap of a month is not a million slots.
            push(all, BeatSlot::Missed, std::clamp<qint64>((b.atMs - prev) / intervalMs - 1, 1, slots));
            push(all, beatSlot(b, BeatSlot::Late));
            break;
        }
    }
    if (known && expecting && !beats.isEmpty() && !beats.last().shutdown &&
        AgentRules::judge(beats.last().atMs, intervalMs, graceMs, nowMs) == AgentRules::Lateness::Dead)
        push(all, BeatSlot::Missed, std::clamp<qint64>((nowMs - beats.last().atMs) / intervalMs, 1, slots));
    if (all.size() >= slots)
        return all.right(slots);
    return QByteArray(slots - all.size(), static_cast<char>(BeatSlot::None)) + all;
}

int count(const QByteArray &strip, BeatSlot slot)
{
    return static_cast<int>(std::count(strip.cbegin(), strip.cend(), static_cast<char>(slot)));
}

Uptime uptimeOf(AgentState state)
{
    switch (state) {
    case AgentState::Healthy:
    case AgentState::Warning:
    case AgentState::Late:
        return Uptime::Up;
    case AgentState::Dead:
    case AgentState::Error:
        return Uptime::Down;
    case AgentState::New:
    case AgentState::Paused:
    case AgentState::Stopped:
        return Uptime::Excluded;
    }
    return Uptime::Excluded;
}

double uptime(std::optional<AgentState> before, const QList<StateMark> &changes, AgentState current, qint64 sinceMs,
              qint64 fromMs, qint64 nowMs)
{
    AgentState state = before ? *before : changes.isEmpty() ? current : changes.first().from;
    qint64 up = 0, down = 0;
    qint64 at = std::max(fromMs, sinceMs);
    const auto account = [&](qint64 untilMs) {
        untilMs = std::min(untilMs, nowMs);
        if (untilMs <= at)
            return;
        const Uptime u = uptimeOf(state);
        if (u == Uptime::Up)
            up += untilMs - at;
        else if (u == Uptime::Down)
            down += untilMs - at;
        at = untilMs;
    };
    for (const StateMark &c : changes) {
        account(c.atMs);
        state = c.to;
    }
    account(nowMs);
    if (up + down <= 0)
        return -1;
    return 100.0 * static_cast<double>(up) / static_cast<double>(up + down);
}

QString stripText(const QByteArray &strip)
{
    static constexpr char letters[] = {'.', 'o', 'l', 'm', 'e'};
    QString out(strip.size(), u'.');
    for (int i = 0; i < strip.size(); ++i) {
        const auto v = static_cast<unsigned char>(strip.at(i));
        out[i] = QLatin1Char(v < sizeof letters ? letters[v] : '.');
    }
    return out;
}

QByteArray stripFromText(const QString &text)
{
    QByteArray out(text.size(), static_cast<char>(BeatSlot::None));
    for (int i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        out[i] = static_cast<char>(c == u'o'   ? BeatSlot::OnTime
                                   : c == u'l' ? BeatSlot::Late
                                   : c == u'm' ? BeatSlot::Missed
                                   : c == u'e' ? BeatSlot::Error
                                               : BeatSlot::None);
    }
    return out;
}

} // namespace clev::HistoryRules
