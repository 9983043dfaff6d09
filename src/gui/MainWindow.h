// SPDX-License-Identifier: MIT
#pragma once

#include "gui/AgentsModel.h"
#include "gui/AlertsModel.h"

#include <QHash>
#include <QMainWindow>
#include <QTimer>

#include <limits>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QTableView;

namespace Ui {
class MainWindow;
}

namespace clev {

class Clock;
class CombinedSource;
class CostsView;
class MonitorSource;
class StatusStrip;

// The dashboard: the agents table (filter box, state filter, sortable columns), or — until the first
// agent beats — the panel that shows how to connect one. The worst state sums up in the title.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(MonitorSource *source, const Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setFirstRunKey(const QByteArray &key);
    AgentsModel &model() { return m_model; }
    AgentFilterModel &filter() { return m_filter; }
    QString snippet() const;
    AlertsModel &alerts() { return m_alerts; }
    // How the selected alert's notifications went.
    DeliveriesModel &deliveries() { return m_deliveries; }
    // Asks the source for the alert history with the filters shown.
    void refreshAlerts();
    bool exportAlerts(const QString &path, QString *error) const;
    void showAlertsTab();
    void showCostsTab();
    CostsView &costs() { return *m_costsView; }
    StatusStrip &statusStrip() { return *m_strip; }
    // Several sources at once (this computer and remote instances), chosen in a sidebar that shows when
    // there is more than one. The window shows one at a time.
    void addSource(MonitorSource *source, const QString &label);
    void removeSource(MonitorSource *source);
    MonitorSource *currentSource() const { return m_source; }
    void showSource(MonitorSource *source);
    // "All sources": every source's agents, alerts and costs in one view (a sidebar entry when there is
    // more than one source).
    void showAllSources();
    MonitorSource *allSources() const;
    // The sidebar shows icons only (a narrow window).
    bool sidebarCompact() const { return m_compactSidebar; }
    // Selects an agent by name in the table (shows its detail); false when it is not listed.
    bool selectAgent(const QString &name);
    // Shows `source` and selects the agent there, as soon as its list arrived.
    void showAgent(MonitorSource *source, const QString &name);
    // The same in the source that lists the agent (the shown one first), else the shown one.
    void showAgentAnywhere(const QString &name);
    // Every source summed up: the worst state of all agents, and a line per source (tray, title).
    AgentState worstState() const;
    QString summaryText() const;
    // The agents in trouble in every source (dead, error, late, warning, looping or over budget), worst
    // first, at most `max`: what the tray's menu lists.
    struct Problem
    {
        MonitorSource *source = nullptr;
        QString sourceLabel; // empty for this computer
        AgentRow row;
    };
    QList<Problem> problems(int max) const;
    // The detail last received for the selected agent.
    const AgentDetail &detail() const;
    // Deletes the selected agent after asking; `confirmed` skips the question (tests, scripts).
    void forgetSelected(bool confirmed = false);
    // Opens the selected agent's settings dialog.
    void editSelectedSettings();

Q_SIGNALS:
    void portChosen(quint16 port);
    // The counts of some source changed (worstState(), summaryText()).
    void summaryChanged();

protected:
    // A new palette (the theme changed): the state colours follow.
    void changeEvent(QEvent *event) override;
    // A narrow window: the sidebar collapses to icons.
    void resizeEvent(QResizeEvent *event) override;
    // The pointer over the agents table: its rows hold still (sorting waits until it leaves).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSnapshot(const QList<AgentRow> &rows);
    void onListenerChanged(bool listening, const QString &message);
    void onConnectionChanged(bool connected, const QString &message);
    void attachSource(MonitorSource *source);
    void updateSources();
    MonitorSource *sourceAtRow(int row) const;
    // Hides the least needed columns of the agents table while they do not fit (a small screen).
    void fitColumns();
    void updateTitle();
    void updateFirstRun();
    void showDetail();
    void pauseSelected(qint64 forMs);
    void clearDetail();
    void silenceSelectedAlert();
    void countSource(MonitorSource *source, const QList<AgentRow> &rows);
    QString countsText(MonitorSource *source) const;
    // Enables the actions the shown source allows (a read-only remote: none, with a tooltip why).
    void applyCapabilities();
    QList<QWidget *> actionButtons() const;
    void requestCostsSoon();
    // Asks the shown source for its open incidents (the status strip's count), at most every second.
    void requestOpenIncidents();
    void setDetailShown(bool shown);
    // Asks the shown source how the alert's notifications went (0: none selected).
    void showDeliveriesOf(qint64 incidentId);
    void onDeliveries(qint64 incidentId, const QList<Delivery> &deliveries, const QString &error);

    std::unique_ptr<Ui::MainWindow> m_ui;
    MonitorSource *m_source;
    const Clock &m_clock; // the one "now" of the views (tests inject a ManualClock)
    AgentsModel m_model;
    AgentFilterModel m_filter;
    AlertsModel m_alerts;
    DeliveriesModel m_deliveries;
    qint64 m_deliveriesFor = 0;
    QByteArray m_key;
    qint64 m_detailAgent = 0;
    QList<QMetaObject::Connection> m_sourceConnections;
    QList<QPair<MonitorSource *, QString>> m_sources;
    QHash<MonitorSource *, QString> m_sourceProblems;
    QString m_listenerMessage;                                           // this computer's listener, for the status bar
    qint64 m_detailRequestedMs = std::numeric_limits<qint64>::min() / 2; // monotonic, as the next
    CostsView *m_costsView = nullptr;
    // What each source's last list held, for the sidebar, the title and the tray.
    struct Counts
    {
        int total = 0, dead = 0, late = 0, error = 0;
        AgentState worst = AgentState::New;
        bool operator==(const Counts &o) const
        {
            return total == o.total && dead == o.dead && late == o.late && error == o.error && worst == o.worst;
        }
    };
    QHash<MonitorSource *, Counts> m_counts;
    QHash<MonitorSource *, QList<AgentRow>> m_lists; // the last list of each (shared, not copied)
    QString m_pendingAgent;                          // to select when the shown source's list arrives
    qint64 m_costsRequestedMs = std::numeric_limits<qint64>::min() / 2;
    QTimer m_costsTimer;
    QPlainTextEdit *m_alertDetailText = nullptr;
    QTableView *m_deliveriesView = nullptr;
    QLabel *m_deliveriesLabel = nullptr;
    StatusStrip *m_strip = nullptr;
    CombinedSource *m_combined = nullptr;
    bool m_compactSidebar = false;
    QLabel *m_detailPlaceholder = nullptr;
    int m_openCountsPending = 0; // answers to requestOpenIncidents() on the way
    QTimer m_incidentsTimer;
    QTimer m_historyTimer; // the agents' history: every minute, and 3 s after a change of state
};

} // namespace clev
