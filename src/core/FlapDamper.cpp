// SPDX-License-Identifier: MIT
#include "core/FlapDamper.h"

namespace clev {

FlapDamper::Death FlapDamper::onDeath(const QString &key, qint64 nowMs)
{
    Agent &a = m_agents[key];
    while (!a.deaths.empty() && a.deaths.front() <= nowMs - m_options.windowMs)
        a.deaths.pop_front();
    a.deaths.push_back(nowMs);
    if (a.flapping)
        return Death::Damped;
    if (m_options.count > 0 && static_cast<int>(a.deaths.size()) >= m_options.count) {
        a.flapping = true;
        return Death::StartsFlapping;
    }
    return Death::Notify;
}

bool FlapDamper::isFlapping(const QString &key) const
{
    auto it = m_agents.constFind(key);
    return it != m_agents.cend() && it->flapping;
}

QStringList FlapDamper::settled(qint64 nowMs)
{
    QStringList out;
    for (auto it = m_agents.begin(); it != m_agents.end();) {
        if (it->deaths.empty() || it->deaths.back() <= nowMs - m_options.windowMs) {
            if (it->flapping)
                out.append(it.key());
            it = m_agents.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

} // namespace clev
