// SPDX-License-Identifier: MIT
#include "gui/CauseText.h"

#include "core/AgentState.h"
#include "gui/AgentsModel.h"

#include <QDateTime>
#include <QLocale>

namespace clev {

namespace {

QString str(const Cause &c, const QString &key)
{
    return c.params.value(key).toString();
}

qint64 num(const Cause &c, const QString &key)
{
    return c.params.value(key).toLongLong();
}

QString nested(const Cause &c, const QString &key)
{
    const Cause inner = c.nested(key);
    return CauseText::render(inner, englishText(inner));
}

QString money(double usd)
{
    return QStringLiteral("$%1").arg(QLocale().toString(usd, 'f', usd < 10 ? 2 : 0));
}

QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

QString stateName(const QString &name)
{
    const auto state = agentStateFromName(name);
    return state ? AgentsModel::stateText(*state) : name;
}

QString withMessage(const Cause &c, const QString &bare)
{
    const QString message = str(c, CauseParam::Message);
    return message.isEmpty() ? bare : CauseText::tr("%1: %2").arg(bare, message);
}

QString restartResult(const Cause &c)
{
    const QString target = str(c, CauseParam::Target);
    const QString what = c.params.value(CauseParam::Ok).toBool()
                             ? CauseText::tr("restarted through %1 (attempt %2 of %3)")
                                   .arg(target)
                                   .arg(num(c, CauseParam::Attempt))
                                   .arg(num(c, CauseParam::Max))
                             : CauseText::tr("restart through %1 failed: %2").arg(target, str(c, CauseParam::Error));
    const QString text = CauseText::tr("%1 after %2").arg(what, nested(c, CauseParam::Trigger));
    const QString context = str(c, CauseParam::Context);
    return context.isEmpty() ? text : CauseText::tr("%1; %2").arg(text, context);
}

QString budgetSummary(const Cause &c)
{
    const qint64 percent = num(c, CauseParam::Percent);
    if (c.kind == CauseKind::AgentBudget) {
        const QString agent = str(c, CauseParam::Agent);
        return percent >= 100 ? CauseText::tr("Agent '%1' spent its daily budget").arg(agent)
                              : CauseText::tr("Agent '%1' used %2 % of its daily budget").arg(agent).arg(percent);
    }
    const QString project = str(c, CauseParam::Project);
    return percent >= 100 ? CauseText::tr("Project '%1' spent its daily budget").arg(project)
                          : CauseText::tr("Project '%1' used %2 % of its daily budget").arg(project).arg(percent);
}

QString budgetEvent(const Cause &c)
{
    const QString project = str(c, CauseParam::Project);
    const qint64 percent = num(c, CauseParam::Percent);
    const QString budget = money(c.params.value(CauseParam::BudgetUsd).toDouble());
    const QString spent = money(c.params.value(CauseParam::SpentUsd).toDouble());
    return project.isEmpty() ? CauseText::tr("budget: %1 % of the daily %2 spent (%3)").arg(percent).arg(budget, spent)
                             : CauseText::tr("project '%1' budget: %2 % of the daily %3 spent (%4)")
                                   .arg(project)
                                   .arg(percent)
                                   .arg(budget, spent);
}

QString loopReason(const Cause &c)
{
    switch (c.kind) {
    case CauseKind::LoopToolRepeat:
        return CauseText::tr("the tool '%1' was called %2 times in a row with the same arguments")
            .arg(str(c, CauseParam::Tool))
            .arg(num(c, CauseParam::Count));
    case CauseKind::LoopPromptRepeat:
        return CauseText::tr("the same prompts were sent on %1 beats in a row while tokens kept flowing")
            .arg(num(c, CauseParam::Beats));
    case CauseKind::LoopTokenSpike:
        return CauseText::tr("%1 tokens per beat on %2 beats running, over %3 x the 24 h mean of %4")
            .arg(num(c, CauseParam::Tokens))
            .arg(num(c, CauseParam::Beats))
            .arg(c.params.value(CauseParam::Factor).toDouble())
            .arg(qRound64(c.params.value(CauseParam::Mean).toDouble()));
    case CauseKind::LoopToolSpike:
        return CauseText::tr("%1 tool calls per beat on %2 beats running, over %3 x the 24 h mean of %4")
            .arg(num(c, CauseParam::Calls))
            .arg(num(c, CauseParam::Beats))
            .arg(c.params.value(CauseParam::Factor).toDouble())
            .arg(c.params.value(CauseParam::Mean).toDouble(), 0, 'f', 1);
    case CauseKind::LoopIterationCap:
        return CauseText::tr("iteration %1 is past the cap of %2")
            .arg(num(c, CauseParam::Iteration))
            .arg(num(c, CauseParam::Cap));
    default:
        return QString();
    }
}

// Long function: one translated text per kind, a switch that lists them all (as englishText does).
QString baseText(const Cause &c, const QString &fallback)
{
    using K = CauseKind;
    const QString agent = str(c, CauseParam::Agent);
    switch (c.kind) {
    case K::None:
        return fallback.isEmpty() ? str(c, CauseParam::Text) : fallback;
    case K::BeatOk:
        return CauseText::tr("beat: ok");
    case K::BeatWarning:
        return withMessage(c, CauseText::tr("beat: warning"));
    case K::BeatError:
        return withMessage(c, CauseText::tr("beat: error"));
    case K::Shutdown:
        return CauseText::tr("clean shutdown");
    case K::Late: {
        const QString every = CauseText::duration(num(c, CauseParam::ExpectedMs));
        return CauseText::tr("no beat for %1 (expected every %2)").arg(every, every);
    }
    case K::Dead:
        return CauseText::tr("no beat for %1").arg(CauseText::duration(num(c, CauseParam::SilentMs)));
    case K::DeadAtStartup:
        return CauseText::tr("no beat since %1 (%2); found at start-up")
            .arg(when(num(c, CauseParam::LastBeatMs)), CauseText::duration(num(c, CauseParam::SilentMs)));
    case K::LateAtStartup:
        return CauseText::tr("no beat since %1; found at start-up").arg(when(num(c, CauseParam::LastBeatMs)));
    case K::LoopDetected:
        return CauseText::tr("loop detected: %1").arg(nested(c, CauseParam::Reason));
    case K::LoopEnded:
        return CauseText::tr("loop ended");
    case K::LoopToolRepeat:
    case K::LoopPromptRepeat:
    case K::LoopTokenSpike:
    case K::LoopToolSpike:
    case K::LoopIterationCap:
        return loopReason(c);
    case K::Budget:
        return budgetEvent(c);
    case K::Paused: {
        const qint64 until = num(c, CauseParam::UntilMs);
        const QString comment = str(c, CauseParam::Comment);
        const QString text =
            until > 0 ? CauseText::tr("paused until %1").arg(when(until)) : CauseText::tr("paused until resumed");
        return comment.isEmpty() ? text : CauseText::tr("%1: %2").arg(text, comment);
    }
    case K::PauseEnded:
        return CauseText::tr("pause ended");
    case K::PauseEndedUnwatched:
        return CauseText::tr("pause ended while nothing watched");
    case K::Resumed:
        return CauseText::tr("resumed");
    case K::IntervalChanged:
        return CauseText::tr("interval or grace changed");
    case K::IntervalChangedDueLater:
        return CauseText::tr("interval or grace changed; the next beat is due later");
    case K::CurrentState: {
        const QString message = str(c, CauseParam::Message);
        const QString state = stateName(str(c, CauseParam::State));
        return message.isEmpty() ? CauseText::tr("the agent is %1").arg(state)
                                 : CauseText::tr("the agent is %1; its last message: %2").arg(state, message);
    }
    case K::Restart:
        return CauseText::tr("restart: %1").arg(restartResult(c));
    case K::RestartResult:
        return restartResult(c);
    case K::RestartDied:
        return CauseText::tr("died: %1").arg(nested(c, CauseParam::Cause));
    case K::RestartCrashed:
        return CauseText::tr("crashed: %1").arg(nested(c, CauseParam::Cause));
    case K::RestartExited:
        return CauseText::tr("exited: %1").arg(str(c, CauseParam::Summary));
    case K::RestartAsked:
        return CauseText::tr("asked by a person");
    case K::RestartGaveUp: {
        const QString text = CauseText::tr("%1 (%2)").arg(str(c, CauseParam::Why), nested(c, CauseParam::Trigger));
        const QString context = str(c, CauseParam::Context);
        return context.isEmpty() ? text : CauseText::tr("%1; %2").arg(text, context);
    }
    case K::AgentDead:
        return CauseText::tr("Agent '%1' is dead").arg(agent);
    case K::AgentError:
        return CauseText::tr("Agent '%1' reports an error").arg(agent);
    case K::AgentCrashed:
        return CauseText::tr("Agent '%1' crashed").arg(agent);
    case K::AgentLooping:
        return CauseText::tr("Agent '%1' is looping").arg(agent);
    case K::AgentFlapping:
        return CauseText::tr("Agent '%1' is flapping").arg(agent);
    case K::AgentBudget:
    case K::ProjectBudget:
        return budgetSummary(c);
    case K::AgentNotRestarted:
        return CauseText::tr("Agent '%1' could not be restarted").arg(agent);
    case K::AgentExited:
        return CauseText::tr("Agent '%1' exited").arg(agent);
    case K::Flapping:
        return CauseText::tr("It died %1 times within %2 and came back each time; it is dead now (%3). Its deaths and "
                             "recoveries are recorded but not notified one by one until it has stayed up for %2.")
            .arg(num(c, CauseParam::Count))
            .arg(CauseText::duration(num(c, CauseParam::WindowMs)), nested(c, CauseParam::Cause));
    }
    return fallback;
}

} // namespace

QString CauseText::duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 120)
        return tr("%1 s").arg(s);
    if (s < 7200)
        return tr("%1 min").arg(s / 60);
    if (s < 2 * 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 days").arg(s / 86400);
}

QString CauseText::render(const Cause &cause, const QString &fallbackEnglish)
{
    QString text = baseText(cause, fallbackEnglish);
    if (cause.isNone())
        return text; // the stored text holds its additions already
    const QVariantMap &p = cause.params;
    if (p.contains(CauseParam::BackAfterMs))
        text = tr("%1 (back after %2 of silence)").arg(text, duration(num(cause, CauseParam::BackAfterMs)));
    if (p.contains(CauseParam::ThenSilentMs))
        text = tr("%1; no beat for %2").arg(text, duration(num(cause, CauseParam::ThenSilentMs)));
    if (p.value(CauseParam::FromStoredBeat).toBool())
        text = tr("%1 (from the last stored beat, at start-up)").arg(text);
    if (p.contains(CauseParam::LastSpentBy))
        text = tr("%1 (last spent by agent '%2')").arg(text, str(cause, CauseParam::LastSpentBy));
    if (p.value(CauseParam::FoundAtStartup).toBool())
        text = tr("%1 (found at start-up)").arg(text);
    if (p.contains(CauseParam::Traceback))
        text += QStringLiteral("\n\n") + str(cause, CauseParam::Traceback);
    return text;
}

} // namespace clev
