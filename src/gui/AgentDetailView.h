// SPDX-License-Identifier: MIT
#pragma once

#include "core/AgentRecords.h"

#include <QGroupBox>

#include <memory>

class QPlainTextEdit;

namespace Ui {
class AgentDetailView;
}

namespace clev {

class AgentsModel;
class Clock;

// The selected agent's detail: its facts and actions, usage charts (bars per bucket, tokens by kind,
// usage by model), its states over the last 24 hours with the timeline below, recent beats, restarts
// and incidents (with the whole detail of the one selected, a crash's traceback readable and
// copyable). It shows what it is given; the window asks the source and passes the answers on.
class AgentDetailView final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentDetailView)

public:
    // Columns of the incidents table.
    enum IncidentColumn { Opened, Kind, Resolved, Duration, Acknowledged, Summary, IncidentColumnCount };

    explicit AgentDetailView(QWidget *parent = nullptr);
    ~AgentDetailView() override;

    // The "now" of the timeline (tests inject a ManualClock); the system clock until set.
    void setClock(const Clock *clock);
    // Shows the agent in `sourceRow` of `model` (its facts); true when it is another agent than shown.
    bool showRow(const AgentsModel &model, int sourceRow);
    // The source's detail of the shown agent (an answer for another agent is ignored).
    void setDetail(const AgentDetail &detail);
    // Nothing shown.
    void clear();
    qint64 agentId() const { return m_agentId; }
    const AgentDetail &detail() const { return m_detail; }
    // The buttons that act on the agent (a read-only source disables them), and Resume among them.
    QList<QWidget *> actionButtons() const;
    QWidget *resumeButton() const;

Q_SIGNALS:
    void pauseRequested(qint64 forMs); // 0: until resumed
    void resumeRequested();
    void restartRequested();
    void settingsRequested();
    void forgetRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showTimeline();
    void showBeats();
    void showRestarts();
    void showIncidents();
    void showIncidentDetail();
    void showUsage();
    void showModels(const QList<ModelUsage> &models);

    std::unique_ptr<Ui::AgentDetailView> m_ui;
    const Clock *m_clock = nullptr;
    qint64 m_agentId = 0;
    AgentState m_state = AgentState::New;
    AgentDetail m_detail;
    QPlainTextEdit *m_crashText = nullptr;
};

} // namespace clev
