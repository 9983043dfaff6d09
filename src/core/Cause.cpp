// SPDX-License-Identifier: MIT
#include "core/Cause.h"

#include "core/AgentState.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace clev {

namespace {

struct KindName
{
    CauseKind kind;
    const char16_t *name;
};

// The one table of names: stored in state_changes.cause_kind and incidents.summary_kind/detail_kind, sent
// as the API's cause_kind/summary_kind/detail_kind. They never change.
constexpr KindName Names[] = {
    {CauseKind::BeatOk, u"beat_ok"},
    {CauseKind::BeatWarning, u"beat_warning"},
    {CauseKind::BeatError, u"beat_error"},
    {CauseKind::Shutdown, u"shutdown"},
    {CauseKind::Late, u"late"},
    {CauseKind::Dead, u"dead"},
    {CauseKind::DeadAtStartup, u"dead_at_startup"},
    {CauseKind::LateAtStartup, u"late_at_startup"},
    {CauseKind::LoopDetected, u"loop_detected"},
    {CauseKind::LoopEnded, u"loop_ended"},
    {CauseKind::LoopToolRepeat, u"loop_tool_repeat"},
    {CauseKind::LoopPromptRepeat, u"loop_prompt_repeat"},
    {CauseKind::LoopTokenSpike, u"loop_token_spike"},
    {CauseKind::LoopToolSpike, u"loop_tool_spike"},
    {CauseKind::LoopIterationCap, u"loop_iteration_cap"},
    {CauseKind::Budget, u"budget"},
    {CauseKind::Paused, u"paused"},
    {CauseKind::PauseEnded, u"pause_ended"},
    {CauseKind::PauseEndedUnwatched, u"pause_ended_unwatched"},
    {CauseKind::Resumed, u"resumed"},
    {CauseKind::IntervalChanged, u"interval_changed"},
    {CauseKind::IntervalChangedDueLater, u"interval_changed_due_later"},
    {CauseKind::CurrentState, u"current_state"},
    {CauseKind::Restart, u"restart"},
    {CauseKind::RestartResult, u"restart_result"},
    {CauseKind::RestartDied, u"restart_died"},
    {CauseKind::RestartCrashed, u"restart_crashed"},
    {CauseKind::RestartExited, u"restart_exited"},
    {CauseKind::RestartAsked, u"restart_asked"},
    {CauseKind::RestartGaveUp, u"restart_gave_up"},
    {CauseKind::AgentDead, u"agent_dead"},
    {CauseKind::AgentError, u"agent_error"},
    {CauseKind::AgentCrashed, u"agent_crashed"},
    {CauseKind::AgentLooping, u"agent_looping"},
    {CauseKind::AgentFlapping, u"agent_flapping"},
    {CauseKind::AgentBudget, u"agent_budget"},
    {CauseKind::ProjectBudget, u"project_budget"},
    {CauseKind::AgentNotRestarted, u"agent_not_restarted"},
    {CauseKind::AgentExited, u"agent_exited"},
    {CauseKind::Flapping, u"flapping"},
};
static_assert(std::size(Names) == allCauseKinds.size(), "every kind has a name");

const QString KindKey = QStringLiteral("kind");
const QString ParamsKey = QStringLiteral("params");

QString money(double usd)
{
    return QStringLiteral("$%1").arg(usd, 0, 'f', usd < 10 ? 2 : 0);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate);
}

QString str(const Cause &c, const QString &key)
{
    return c.params.value(key).toString();
}

qint64 num(const Cause &c, const QString &key)
{
    return c.params.value(key).toLongLong();
}

QString restartResultText(const Cause &c)
{
    const QString target = str(c, CauseParam::Target);
    const QString what = c.params.value(CauseParam::Ok).toBool()
                             ? QStringLiteral("restarted through %1 (attempt %2 of %3)")
                                   .arg(target)
                                   .arg(num(c, CauseParam::Attempt))
                                   .arg(num(c, CauseParam::Max))
                             : QStringLiteral("restart through %1 failed: %2").arg(target, str(c, CauseParam::Error));
    const QString context = str(c, CauseParam::Context);
    return QStringLiteral("%1 after %2%3")
        .arg(what, englishText(c.nested(CauseParam::Trigger)),
             context.isEmpty() ? QString() : QStringLiteral("; ") + context);
}

QString spikeText(const Cause &c, const QString &amountKey, const QString &format)
{
    const QString head =
        format.arg(num(c, amountKey)).arg(num(c, CauseParam::Beats)).arg(c.params.value(CauseParam::Factor).toDouble());
    const double mean = c.params.value(CauseParam::Mean).toDouble();
    // The mean of tokens is whole, that of tool calls has one decimal.
    return c.kind == CauseKind::LoopTokenSpike ? head.arg(qRound64(mean)) : head.arg(mean, 0, 'f', 1);
}

QString withMessage(const Cause &c, const QString &bare)
{
    const QString message = str(c, CauseParam::Message);
    return message.isEmpty() ? bare : QStringLiteral("%1: %2").arg(bare, message);
}

// Long function: the one English text of each kind, a switch that lists them all.
QString baseText(const Cause &c)
{
    using K = CauseKind;
    const QString agent = str(c, CauseParam::Agent);
    switch (c.kind) {
    case K::None:
        return str(c, CauseParam::Text);
    case K::BeatOk:
        return QStringLiteral("beat: ok");
    case K::BeatWarning:
        return withMessage(c, QStringLiteral("beat: warning"));
    case K::BeatError:
        return withMessage(c, QStringLiteral("beat: error"));
    case K::Shutdown:
        return QStringLiteral("clean shutdown");
    case K::Late: {
        const QString every = formatDuration(num(c, CauseParam::ExpectedMs));
        return QStringLiteral("no beat for %1 (expected every %2)").arg(every, every);
    }
    case K::Dead:
        return QStringLiteral("no beat for %1").arg(formatDuration(num(c, CauseParam::SilentMs)));
    case K::DeadAtStartup:
        return QStringLiteral("no beat since %1 (%2); found at start-up")
            .arg(isoTime(num(c, CauseParam::LastBeatMs)), formatDuration(num(c, CauseParam::SilentMs)));
    case K::LateAtStartup:
        return QStringLiteral("no beat since %1; found at start-up").arg(isoTime(num(c, CauseParam::LastBeatMs)));
    case K::LoopDetected:
        return QStringLiteral("loop detected: %1").arg(englishText(c.nested(CauseParam::Reason)));
    case K::LoopEnded:
        return QStringLiteral("loop ended");
    case K::LoopToolRepeat:
        return QStringLiteral("the tool '%1' was called %2 times in a row with the same arguments")
            .arg(str(c, CauseParam::Tool))
            .arg(num(c, CauseParam::Count));
    case K::LoopPromptRepeat:
        return QStringLiteral("the same prompts were sent on %1 beats in a row while tokens kept flowing")
            .arg(num(c, CauseParam::Beats));
    case K::LoopTokenSpike:
        return spikeText(c, CauseParam::Tokens,
                         QStringLiteral("%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4"));
    case K::LoopToolSpike:
        return spikeText(c, CauseParam::Calls,
                         QStringLiteral("%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4"));
    case K::LoopIterationCap:
        return QStringLiteral("iteration %1 is past the cap of %2")
            .arg(num(c, CauseParam::Iteration))
            .arg(num(c, CauseParam::Cap));
    case K::Budget: {
        const QString project = str(c, CauseParam::Project);
        const QString owner =
            project.isEmpty() ? QStringLiteral("budget") : QStringLiteral("project '%1' budget").arg(project);
        return QStringLiteral("%1: %2 % of the daily %3 spent (%4)")
            .arg(owner)
            .arg(num(c, CauseParam::Percent))
            .arg(money(c.params.value(CauseParam::BudgetUsd).toDouble()),
                 money(c.params.value(CauseParam::SpentUsd).toDouble()));
    }
    case K::Paused: {
        const qint64 until = num(c, CauseParam::UntilMs);
        const QString when = until > 0 ? isoTime(until) : QStringLiteral("resumed");
        const QString comment = str(c, CauseParam::Comment);
        return comment.isEmpty() ? QStringLiteral("paused until %1").arg(when)
                                 : QStringLiteral("paused until %1: %2").arg(when, comment);
    }
    case K::PauseEnded:
        return QStringLiteral("pause ended");
    case K::PauseEndedUnwatched:
        return QStringLiteral("pause ended while nothing watched");
    case K::Resumed:
        return QStringLiteral("resumed");
    case K::IntervalChanged:
        return QStringLiteral("interval or grace changed");
    case K::IntervalChangedDueLater:
        return QStringLiteral("interval or grace changed; the next beat is due later");
    case K::CurrentState: {
        const QString message = str(c, CauseParam::Message);
        return message.isEmpty()
                   ? QStringLiteral("the agent is %1").arg(str(c, CauseParam::State))
                   : QStringLiteral("the agent is %1; its last message: %2").arg(str(c, CauseParam::State), message);
    }
    case K::Restart:
        return QStringLiteral("restart: ") + restartResultText(c);
    case K::RestartResult:
        return restartResultText(c);
    case K::RestartDied:
        return QStringLiteral("died: %1").arg(englishText(c.nested(CauseParam::Cause)));
    case K::RestartCrashed:
        return QStringLiteral("crashed: %1").arg(englishText(c.nested(CauseParam::Cause)));
    case K::RestartExited:
        return QStringLiteral("exited: %1").arg(str(c, CauseParam::Summary));
    case K::RestartAsked:
        return QStringLiteral("asked by a person");
    case K::RestartGaveUp: {
        const QString context = str(c, CauseParam::Context);
        return QStringLiteral("%1 (%2)").arg(str(c, CauseParam::Why), englishText(c.nested(CauseParam::Trigger))) +
               (context.isEmpty() ? QString() : QStringLiteral("; ") + context);
    }
    case K::AgentDead:
        return QStringLiteral("Agent '%1' is dead").arg(agent);
    case K::AgentError:
        return QStringLiteral("Agent '%1' reports an error").arg(agent);
    case K::AgentCrashed:
        return QStringLiteral("Agent '%1' crashed").arg(agent);
    case K::AgentLooping:
        return QStringLiteral("Agent '%1' is looping").arg(agent);
    case K::AgentFlapping:
        return QStringLiteral("Agent '%1' is flapping").arg(agent);
    case K::AgentBudget:
    case K::ProjectBudget: {
        const QString owner = c.kind == K::AgentBudget
                                  ? QStringLiteral("Agent '%1'").arg(agent)
                                  : QStringLiteral("Project '%1'").arg(str(c, CauseParam::Project));
        const qint64 percent = num(c, CauseParam::Percent);
        return percent >= 100 ? owner + QStringLiteral(" spent its daily budget")
                              : owner + QStringLiteral(" used %1 % of its daily budget").arg(percent);
    }
    case K::AgentNotRestarted:
        return QStringLiteral("Agent '%1' could not be restarted").arg(agent);
    case K::AgentExited:
        return QStringLiteral("Agent '%1' exited").arg(agent);
    case K::Flapping:
        return QStringLiteral("It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and "
                              "recoveries are recorded but not notified one by one until it has stayed up for %2.")
            .arg(num(c, CauseParam::Count))
            .arg(formatDuration(num(c, CauseParam::WindowMs)), englishText(c.nested(CauseParam::Cause)));
    }
    return str(c, CauseParam::Text);
}

} // namespace

QString causeKindName(CauseKind kind)
{
    for (const KindName &n : Names) {
        if (n.kind == kind)
            return QString::fromUtf16(n.name);
    }
    return QString();
}

std::optional<CauseKind> causeKindFromName(QStringView name)
{
    if (name.isEmpty())
        return std::nullopt;
    for (const KindName &n : Names) {
        if (name == QStringView(n.name))
            return n.kind;
    }
    return std::nullopt;
}

Cause Cause::with(const QString &key, const QVariant &value) const
{
    Cause c = *this;
    c.params.insert(key, value);
    return c;
}

QVariantMap Cause::toVariant() const
{
    if (kind == CauseKind::None)
        return QVariantMap{{CauseParam::Text, englishText(*this)}};
    QVariantMap m{{KindKey, causeKindName(kind)}};
    if (!params.isEmpty())
        m.insert(ParamsKey, params);
    return m;
}

Cause Cause::fromVariant(const QVariant &value)
{
    const QVariantMap m = value.toMap();
    return fromParts(m.value(KindKey).toString(), m.value(ParamsKey).toMap(), m.value(CauseParam::Text).toString());
}

QByteArray Cause::paramsJson() const
{
    if (params.isEmpty())
        return QByteArray();
    return QJsonDocument(QJsonObject::fromVariantMap(params)).toJson(QJsonDocument::Compact);
}

QVariantMap Cause::paramsFromJson(const QByteArray &json)
{
    if (json.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isObject() ? doc.object().toVariantMap() : QVariantMap();
}

Cause Cause::fromParts(const QString &kindName, const QVariantMap &params, const QString &fallbackText)
{
    const auto kind = causeKindFromName(kindName);
    if (!kind)
        return fallbackText.isEmpty() ? Cause() : Cause::text(fallbackText);
    return Cause(*kind, params);
}

bool operator==(const Cause &a, const Cause &b)
{
    return a.kind == b.kind && a.paramsJson() == b.paramsJson();
}

QString englishText(const Cause &cause)
{
    QString text = baseText(cause);
    const QVariantMap &p = cause.params;
    if (p.contains(CauseParam::BackAfterMs))
        text += QStringLiteral(" (back after %1 of silence)").arg(formatDuration(num(cause, CauseParam::BackAfterMs)));
    if (p.contains(CauseParam::ThenSilentMs))
        text += QStringLiteral("; no beat for %1").arg(formatDuration(num(cause, CauseParam::ThenSilentMs)));
    if (p.value(CauseParam::FromStoredBeat).toBool())
        text += QStringLiteral(" (from the last stored beat, at start-up)");
    if (p.contains(CauseParam::LastSpentBy))
        text += QStringLiteral(" (last spent by agent '%1')").arg(str(cause, CauseParam::LastSpentBy));
    if (p.value(CauseParam::FoundAtStartup).toBool())
        text += QStringLiteral(" (found at start-up)");
    if (p.contains(CauseParam::Traceback))
        text += QStringLiteral("\n\n") + str(cause, CauseParam::Traceback);
    return text;
}

} // namespace clev
