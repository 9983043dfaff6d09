// SPDX-License-Identifier: MIT
// Actions (admin scope): pause, resume, restart, stop, settings and forgetting an agent; acknowledging
// alerts; silences. What writes the database runs on the thread of the object that owns the data (the
// watchdog's, the restart manager's) or on a pool thread, and answers from there: an HTTP I/O thread
// never waits on the database for an admin action.
#include "engine/ApiService.h"

#include "core/ApiWire.h"
#include "core/Clock.h"
#include "core/Logging.h"
#include "core/RestartGuard.h"
#include "engine/AlertEngine.h"
#include "engine/RestartManager.h"
#include "engine/Watchdog.h"
#include "storage/HeartbeatWriter.h"

#include <QDateTime>
#include <QThreadPool>

namespace clev {

namespace {

// The body of PUT /api/v1/agents/{name}/settings: each field a number, or null / absent for "the
// default"; the restart target a docker or systemd one.
AgentSettings settingsFrom(const QJsonObject &o, QList<FieldError> *errors)
{
    AgentSettings settings;
    const auto number = [&o, errors](const char *field, double min, double max) -> std::optional<double> {
        const QJsonValue v = o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max) {
            errors->append(
                {QLatin1String(field), QStringLiteral("must be a number from %1 to %2, or null").arg(min).arg(max)});
            return std::nullopt;
        }
        return v.toDouble();
    };
    settings.intervalSecs = number("interval", 1, 604800);
    settings.graceSecs = number("grace", 0, 604800);
    settings.dailyBudgetUsd = number("daily_budget_usd", 0.01, 1e9);
    if (const auto v = number("tool_loop_repeats", 2, 1000))
        settings.toolLoopRepeats = static_cast<int>(*v);
    if (const auto v = number("iteration_cap", 1, 1e12))
        settings.iterationCap = static_cast<qint64>(*v);
    const QString target = o.value(QLatin1String("restart_target")).toString();
    if (!target.isEmpty()) {
        QString targetError;
        const auto parsed = RestartTarget::parse(target, &targetError);
        if (!parsed || parsed->kind == RestartTarget::Kind::Process)
            errors->append(
                {QStringLiteral("restart_target"),
                 parsed ? QStringLiteral("supervised processes are set in the configuration file") : targetError});
        else
            settings.restartTarget = target;
    }
    return settings;
}

// Until when a pause holds (0: until resumed), from {"minutes": n} or {"until": time}.
qint64 pauseUntil(const QJsonObject &o, qint64 now, QList<FieldError> *errors)
{
    if (o.contains(QLatin1String("minutes"))) {
        const double m = o.value(QLatin1String("minutes")).toDouble(-1);
        if (m > 0 && m <= 366 * 24 * 60)
            return now + qRound64(m * 60'000);
        errors->append({QStringLiteral("minutes"), QStringLiteral("must be a number of minutes from 1 to 527040")});
    } else if (o.contains(QLatin1String("until"))) {
        const QDateTime until = QDateTime::fromString(o.value(QLatin1String("until")).toString(), Qt::ISODateWithMs);
        if (until.isValid() && until.toMSecsSinceEpoch() > now)
            return until.toMSecsSinceEpoch();
        errors->append({QStringLiteral("until"), QStringLiteral("must be a future ISO 8601 date-time")});
    }
    return 0;
}

} // namespace

qint64 ApiService::actionAgent(const ApiCall &call, const QString &agent)
{
    if (!m_watchdog) {
        call.reply.notFound(QStringLiteral("no agent named '%1'").arg(agent));
        return 0;
    }
    return agentId(call, agent);
}

void ApiService::pause(const ApiCall &call)
{
    const QString agent = call.param("name");
    const qint64 id = actionAgent(call, agent);
    if (id == 0)
        return;
    QJsonValue body = QJsonObject();
    if (!call.request.body.trimmed().isEmpty() && !parseBody(call, &body))
        return;
    const QJsonObject o = body.toObject();
    QList<FieldError> errors;
    if (!body.isObject()) // [1], "x", 5: not an object with minutes, until or comment
        errors.append({QStringLiteral("body"), QStringLiteral("must be a JSON object")});
    const qint64 untilMs = pauseUntil(o, m_clock.nowMs(), &errors);
    const QJsonValue comment = o.value(QLatin1String("comment"));
    if (!comment.isUndefined() && (!comment.isString() || comment.toString().size() > 500))
        errors.append({QStringLiteral("comment"), QStringLiteral("must be a string of at most 500 characters")});
    if (!errors.isEmpty()) {
        call.reply.validationFailed(errors);
        return;
    }
    m_watchdog->pause(id, agent, untilMs, comment.toString());
    call.reply.json(200, QJsonObject{{QStringLiteral("agent"), agent},
                                     {QStringLiteral("state"), agentStateName(AgentState::Paused)},
                                     {QStringLiteral("until"), ApiWire::secondsTimeJson(untilMs)}});
}

void ApiService::resume(const ApiCall &call)
{
    const QString agent = call.param("name");
    const qint64 id = actionAgent(call, agent);
    if (id == 0)
        return;
    if (!m_watchdog->resume(id)) {
        call.reply.error(409, QStringLiteral("not_paused"), QStringLiteral("'%1' is not paused").arg(agent));
        return;
    }
    call.reply.json(200, QJsonObject{{QStringLiteral("agent"), agent},
                                     {QStringLiteral("state"), agentStateName(*m_watchdog->stateOf(id))}});
}

void ApiService::restartOrStop(const ApiCall &call, bool restart)
{
    if (!m_restarts) {
        call.reply.notFound(QStringLiteral("this server restarts nothing"));
        return;
    }
    RestartManager *restarts = m_restarts;
    // The manager lives on the engine thread: the call is queued there, and answered from there.
    QMetaObject::invokeMethod(
        restarts,
        [restarts, reply = call.reply, agent = call.param("name"), restart] {
            QString error;
            const bool ok = restart ? restarts->restartNow(agent, &error) : restarts->stop(agent, &error);
            if (!ok) {
                reply.error(409, QStringLiteral("not_possible"), error);
                return;
            }
            const QString done = restart ? QStringLiteral("restarting") : QStringLiteral("stopped");
            reply.json(200, QJsonObject{{QStringLiteral("agent"), agent}, {done, true}});
        },
        Qt::QueuedConnection);
}

void ApiService::putSettings(const ApiCall &call)
{
    const QString agent = call.param("name");
    const qint64 id = actionAgent(call, agent);
    if (id == 0)
        return;
    QJsonValue body;
    if (!parseBody(call, &body))
        return;
    QList<FieldError> errors;
    const AgentSettings settings = settingsFrom(body.toObject(), &errors);
    if (!errors.isEmpty()) {
        call.reply.validationFailed(errors);
        return;
    }
    // Saved on the watchdog's thread, which owns the agent's settings, and answered from there: the I/O
    // thread goes on serving its other connections meanwhile. The restart target is then applied on
    // the manager's thread; the answer says whether it took.
    Watchdog *watchdog = m_watchdog;
    RestartManager *restarts = m_restarts;
    QMetaObject::invokeMethod(
        watchdog,
        [watchdog, restarts, reply = call.reply, id, agent, settings] {
            QString error;
            if (!watchdog->setSettings(id, agent, settings, &error)) {
                reply.storageUnavailable("saving the settings of an agent", error);
                return;
            }
            const QJsonObject saved{{QStringLiteral("agent"), agent}, {QStringLiteral("saved"), true}};
            if (!restarts) {
                reply.json(200, saved);
                return;
            }
            QMetaObject::invokeMethod(
                restarts,
                [restarts, reply, agent, target = settings.restartTarget, saved] {
                    QString targetError;
                    if (!restarts->setTarget(agent, target, &targetError)) {
                        qCWarning(lcApi) << "the restart target of" << agent
                                         << "was saved but not applied:" << targetError;
                        reply.error(
                            409, QStringLiteral("not_possible"),
                            QStringLiteral("the settings were saved, but the restart target was not applied: %1")
                                .arg(targetError));
                        return;
                    }
                    reply.json(200, saved);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ApiService::forgetAgent(const ApiCall &call)
{
    const QString agent = call.param("name");
    const qint64 id = agentId(call, agent);
    if (id == 0)
        return;
    // Deleting waits for the writer between two commits: off the I/O thread.
    HeartbeatWriter *writer = &m_writer;
    Watchdog *watchdog = m_watchdog;
    QThreadPool::globalInstance()->start([writer, watchdog, id, agent, reply = call.reply] {
        const HeartbeatWriter::ForgetResult forgotten = writer->forget(agent).get();
        if (!forgotten.ok) {
            reply.storageUnavailable("forgetting an agent", forgotten.error);
            return;
        }
        if (watchdog)
            watchdog->forget(id, agent);
        reply.json(200, QJsonObject{{QStringLiteral("agent"), agent}, {QStringLiteral("forgotten"), true}});
    });
}

void ApiService::acknowledge(const ApiCall &call)
{
    const std::optional<qint64> alert = alertIdOf(call);
    if (!alert)
        return;
    const qint64 id = *alert;
    // Written on the alert engine's thread and answered from there (not on the I/O thread).
    AlertEngine *alerts = m_alerts;
    QMetaObject::invokeMethod(
        alerts,
        [alerts, id, reply = call.reply] {
            QString error;
            bool missing = false;
            if (!alerts->acknowledge(id, &error, &missing)) {
                if (missing)
                    reply.notFound(error);
                else
                    reply.storageUnavailable("acknowledging an alert", error);
                return;
            }
            reply.json(200, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("acknowledged"), true}});
        },
        Qt::QueuedConnection);
}

void ApiService::silence(const ApiCall &call)
{
    if (!m_alerts) {
        call.reply.notFound(QStringLiteral("this server keeps no alerts"));
        return;
    }
    QJsonValue body;
    if (!parseBody(call, &body))
        return;
    const QJsonObject o = body.toObject();
    QList<FieldError> errors;
    const QString pattern = o.value(QLatin1String("pattern")).toString().trimmed();
    if (pattern.isEmpty() || pattern.size() > 200)
        errors.append(
            {QStringLiteral("pattern"), QStringLiteral("must be an agent name or wildcard of 1 to 200 characters")});
    const QDateTime until = QDateTime::fromString(o.value(QLatin1String("until")).toString(), Qt::ISODateWithMs);
    if (!until.isValid() || until.toMSecsSinceEpoch() <= m_clock.nowMs())
        errors.append({QStringLiteral("until"), QStringLiteral("must be a future ISO 8601 date-time")});
    const QString comment = o.value(QLatin1String("comment")).toString().trimmed();
    if (comment.isEmpty() || comment.size() > 500) // a silence says why, for whoever finds alerts muted
        errors.append({QStringLiteral("comment"), QStringLiteral("must say why, in 1 to 500 characters")});
    if (!errors.isEmpty()) {
        call.reply.validationFailed(errors);
        return;
    }
    // Written on the alert engine's thread and answered from there (not on the I/O thread).
    AlertEngine *alerts = m_alerts;
    QMetaObject::invokeMethod(
        alerts,
        [alerts, pattern, untilMs = until.toMSecsSinceEpoch(), comment, reply = call.reply] {
            QString error;
            const qint64 id = alerts->addSilence(pattern, untilMs, comment, &error);
            if (id <= 0) {
                reply.storageUnavailable("adding a silence", error);
                return;
            }
            reply.json(201, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("pattern"), pattern}});
        },
        Qt::QueuedConnection);
}

} // namespace clev
