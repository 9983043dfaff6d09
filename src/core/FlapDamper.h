// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <deque>

namespace clev {

// Keeps an agent that dies and comes back over and over from sending one notice per flip. One
// instance per notifier (the server's alert channels, the desktop's tray); keys name the agent
// (with its source where there are several). The rule (docs/WATCHDOG.md):
//  - the `count`-th death within `windowMs` starts flapping: one notice saying so;
//  - while flapping, deaths and recoveries are recorded but not notified one by one;
//  - flapping ends once no death came for `windowMs`: one notice, and if the agent is dead at that
//    moment its death is notified then.
class FlapDamper
{
public:
    struct Options
    {
        int count = 3;
        qint64 windowMs = 600'000;
    };
    enum class Death { Notify, StartsFlapping, Damped };

    FlapDamper() = default;
    explicit FlapDamper(Options options)
        : m_options(options)
    {
    }

    Death onDeath(const QString &key, qint64 nowMs);
    bool isFlapping(const QString &key) const;
    // Flapping that ended by `nowMs` (no death for the window): forgotten here, returned to the caller.
    QStringList settled(qint64 nowMs);
    const Options &options() const { return m_options; }

private:
    struct Agent
    {
        std::deque<qint64> deaths; // within the window
        bool flapping = false;
    };
    Options m_options;
    QHash<QString, Agent> m_agents;
};

} // namespace clev
