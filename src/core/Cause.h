// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>
#include <QVariant>
#include <QVariantMap>

#include <array>
#include <optional>

// Why something happened, as data: a kind and its parameters. The engine builds these for the timeline's
// causes and the incidents' summaries and details; englishText() gives the English text the channels, the
// API's text fields and the CSV exports carry, and the desktop renders the same value in its own language
// (gui/CauseText). Stored as the kind's name and the parameters as compact JSON; an old row without them
// reads back as kind None with its text.
namespace clev {

enum class CauseKind {
    None, // no structure: the text alone (params "text"), e.g. a row stored before causes had kinds
    // A beat changed the state.
    BeatOk,
    BeatWarning, // message?
    BeatError,   // message?
    Shutdown,
    // Silence.
    Late,          // expected_ms
    Dead,          // silent_ms
    DeadAtStartup, // last_beat_ms, silent_ms
    LateAtStartup, // last_beat_ms
    // Loops; the reasons the loop detector gives.
    LoopDetected, // reason (a nested cause)
    LoopEnded,
    LoopToolRepeat,   // tool, count
    LoopPromptRepeat, // beats
    LoopTokenSpike,   // tokens, beats, factor, mean
    LoopToolSpike,    // calls, beats, factor, mean
    LoopIterationCap, // iteration, cap
    Budget,           // percent, budget_usd, spent_usd, project?
    Paused,           // until_ms? (none: until resumed), comment?
    PauseEnded,
    PauseEndedUnwatched,
    Resumed,
    IntervalChanged,
    IntervalChangedDueLater,
    CurrentState, // state, message?
    // Restarts: the timeline's line, the result itself, its triggers and the give-up.
    Restart,       // as RestartResult, "restart: " before it
    RestartResult, // ok, target, trigger (nested), attempt + max when ok, error when not, context?
    RestartDied,   // cause (nested)
    RestartCrashed,
    RestartExited, // summary
    RestartAsked,
    RestartGaveUp, // why, trigger (nested), context?
    // Incident summaries and details.
    AgentDead, // agent
    AgentError,
    AgentCrashed,
    AgentLooping,
    AgentFlapping,
    AgentBudget,   // agent, percent
    ProjectBudget, // project, percent
    AgentNotRestarted,
    AgentExited,
    Flapping, // count, window_ms, cause (nested)
};

inline constexpr std::array<CauseKind, 40> allCauseKinds{
    CauseKind::BeatOk,
    CauseKind::BeatWarning,
    CauseKind::BeatError,
    CauseKind::Shutdown,
    CauseKind::Late,
    CauseKind::Dead,
    CauseKind::DeadAtStartup,
    CauseKind::LateAtStartup,
    CauseKind::LoopDetected,
    CauseKind::LoopEnded,
    CauseKind::LoopToolRepeat,
    CauseKind::LoopPromptRepeat,
    CauseKind::LoopTokenSpike,
    CauseKind::LoopToolSpike,
    CauseKind::LoopIterationCap,
    CauseKind::Budget,
    CauseKind::Paused,
    CauseKind::PauseEnded,
    CauseKind::PauseEndedUnwatched,
    CauseKind::Resumed,
    CauseKind::IntervalChanged,
    CauseKind::IntervalChangedDueLater,
    CauseKind::CurrentState,
    CauseKind::Restart,
    CauseKind::RestartResult,
    CauseKind::RestartDied,
    CauseKind::RestartCrashed,
    CauseKind::RestartExited,
    CauseKind::RestartAsked,
    CauseKind::RestartGaveUp,
    CauseKind::AgentDead,
    CauseKind::AgentError,
    CauseKind::AgentCrashed,
    CauseKind::AgentLooping,
    CauseKind::AgentFlapping,
    CauseKind::AgentBudget,
    CauseKind::ProjectBudget,
    CauseKind::AgentNotRestarted,
    CauseKind::AgentExited,
    CauseKind::Flapping,
};

// The stored and sent name ("beat_ok", "dead", …); empty for None.
QString causeKindName(CauseKind kind);
// Exactly one of those names, else nullopt (also for the empty name: None is not sent by name).
std::optional<CauseKind> causeKindFromName(QStringView name);

// Parameter names. Besides each kind's own, these few may sit on any cause and append to its text, in
// this order: back_after_ms " (back after 3 min of silence)", then_silent_ms "; no beat for 95 s",
// from_stored_beat " (from the last stored beat, at start-up)", last_spent_by " (last spent by agent 'x')",
// found_at_startup " (found at start-up)", traceback "\n\n<traceback>".
namespace CauseParam {
inline const QString Text = QStringLiteral("text");
inline const QString Message = QStringLiteral("message");
inline const QString ExpectedMs = QStringLiteral("expected_ms");
inline const QString SilentMs = QStringLiteral("silent_ms");
inline const QString LastBeatMs = QStringLiteral("last_beat_ms");
inline const QString Reason = QStringLiteral("reason");
inline const QString Tool = QStringLiteral("tool");
inline const QString Count = QStringLiteral("count");
inline const QString Beats = QStringLiteral("beats");
inline const QString Tokens = QStringLiteral("tokens");
inline const QString Calls = QStringLiteral("calls");
inline const QString Factor = QStringLiteral("factor");
inline const QString Mean = QStringLiteral("mean");
inline const QString Iteration = QStringLiteral("iteration");
inline const QString Cap = QStringLiteral("cap");
inline const QString Percent = QStringLiteral("percent");
inline const QString BudgetUsd = QStringLiteral("budget_usd");
inline const QString SpentUsd = QStringLiteral("spent_usd");
inline const QString Project = QStringLiteral("project");
inline const QString UntilMs = QStringLiteral("until_ms");
inline const QString Comment = QStringLiteral("comment");
inline const QString State = QStringLiteral("state");
inline const QString Ok = QStringLiteral("ok");
inline const QString Target = QStringLiteral("target");
inline const QString Trigger = QStringLiteral("trigger");
inline const QString Attempt = QStringLiteral("attempt");
inline const QString Max = QStringLiteral("max");
inline const QString Error = QStringLiteral("error");
inline const QString Context = QStringLiteral("context");
inline const QString Cause = QStringLiteral("cause");
inline const QString Summary = QStringLiteral("summary");
inline const QString Why = QStringLiteral("why");
inline const QString Agent = QStringLiteral("agent");
inline const QString WindowMs = QStringLiteral("window_ms");
// The modifiers.
inline const QString BackAfterMs = QStringLiteral("back_after_ms");
inline const QString ThenSilentMs = QStringLiteral("then_silent_ms");
inline const QString FromStoredBeat = QStringLiteral("from_stored_beat");
inline const QString LastSpentBy = QStringLiteral("last_spent_by");
inline const QString FoundAtStartup = QStringLiteral("found_at_startup");
inline const QString Traceback = QStringLiteral("traceback");
} // namespace CauseParam

struct Cause
{
    CauseKind kind = CauseKind::None;
    QVariantMap params;

    Cause() = default;
    Cause(CauseKind k, QVariantMap p = {})
        : kind(k)
        , params(std::move(p))
    {
    }
    // Text without structure (kind None). Implicit, so that what took a text takes one still.
    Cause(const QString &text)
        : Cause(CauseKind::None, QVariantMap{{QStringLiteral("text"), text}})
    {
    }
    static Cause text(const QString &text) { return Cause(text); }

    bool isNone() const { return kind == CauseKind::None; }
    // A copy with one more parameter.
    Cause with(const QString &key, const QVariant &value) const;

    // As a parameter of another cause: {"kind": name, "params": {…}}; None as {"text": …}.
    QVariantMap toVariant() const;
    // None for anything else than such a map, or a kind this version does not know (then with the text
    // englishText gave, when the map carries one).
    static Cause fromVariant(const QVariant &value);
    // A nested cause of this one (kind None when absent).
    Cause nested(const QString &key) const { return fromVariant(params.value(key)); }

    // The parameters as compact JSON ("" when there are none); and back (an empty map for anything that
    // is not a JSON object).
    QByteArray paramsJson() const;
    static QVariantMap paramsFromJson(const QByteArray &json);
    // From stored or sent parts: the kind's name (empty or unknown: None, with `fallbackText`), its
    // parameters' JSON.
    static Cause fromParts(const QString &kindName, const QVariantMap &params, const QString &fallbackText = {});

    // Same kind and parameters (compared as JSON, so 95000 and 95000.0 are equal).
    friend bool operator==(const Cause &a, const Cause &b);
    friend bool operator!=(const Cause &a, const Cause &b) { return !(a == b); }
};

// The English text: exactly what the engine wrote before causes had kinds.
QString englishText(const Cause &cause);

} // namespace clev
