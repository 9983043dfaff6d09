// SPDX-License-Identifier: MIT
// The alert engine's reading side: the incident history, how an incident's notifications went, and the
// history as CSV. Reads only; the writes are in AlertEngine.cpp.
#include "core/Csv.h"
#include "core/Logging.h"
#include "engine/AlertEngine.h"
#include "storage/IncidentStore.h"
#include "storage/OutboxStore.h"

#include <QDateTime>

namespace clev {

QList<Incident> AlertEngine::history(const Filter &f, QString *error) const
{
    auto stored = m_stores.incidents->history(f);
    if (!stored) {
        qCWarning(lcAlerts) << "cannot read the incidents:" << stored.error;
        if (error)
            *error = stored.error;
    }
    return stored.value;
}

std::optional<QList<Delivery>> AlertEngine::deliveries(qint64 incidentId, QString *error) const
{
    auto stored = m_stores.outbox->forIncident(incidentId);
    if (!stored) {
        qCWarning(lcAlerts) << "cannot read the notifications of incident" << incidentId << ":" << stored.error;
        if (error)
            *error = stored.error;
        return std::nullopt;
    }
    return stored.value;
}

QByteArray AlertEngine::toCsv(const QList<Incident> &incidents)
{
    auto when = [](qint64 ms) {
        return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
    };
    QByteArray out =
        Csv::row({QStringLiteral("id"), QStringLiteral("agent"), QStringLiteral("kind"), QStringLiteral("opened"),
                  QStringLiteral("resolved"), QStringLiteral("acknowledged"), QStringLiteral("silenced"),
                  QStringLiteral("notifications"), QStringLiteral("summary"), QStringLiteral("detail")});
    for (const Incident &i : incidents) {
        out += Csv::row({QString::number(i.id), Csv::field(i.agent), Csv::field(IncidentKey{i.kind, i.project}.name()),
                         when(i.openedAtMs), when(i.resolvedAtMs), when(i.ackedAtMs),
                         i.silencedBy ? QStringLiteral("yes") : QStringLiteral("no"), QString::number(i.notifications),
                         Csv::field(i.summary), Csv::field(i.detail)});
    }
    return out;
}

} // namespace clev
