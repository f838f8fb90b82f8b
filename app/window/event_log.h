#pragma once

#include "app/views/theme.h"

#include <QAbstractTableModel>
#include <QTableView>

namespace finwave::app {

class SimController;

// One row per trace record: step, time, side, what happened, why, and the rule's source. An
// imported capture, once stepped to its end, has one more row: how the connection ended, in words.
class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Step, Time, Side, What, Why, Rule, ColumnCount };
    explicit EventLogModel(SimController* controller, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    quint64 stepOfRow(int row) const;
    void retranslate();
    void setTheme(const Theme& theme);  // the side column in the diagrams' A and B colours

private:
    void setTeardownRow(bool shown);  // the capture's last row, after the records

    SimController* m_ctl;
    int m_rows = 0;
    bool m_teardownRow = false;
    QColor m_sideA = Theme::light().sideA, m_sideB = Theme::light().sideB;
};

// The log dock's view: selecting a row moves the whole window to that step, and names its record
// (the packet details show a segment's).
class EventLogView : public QTableView {
    Q_OBJECT
public:
    explicit EventLogView(SimController* controller, QWidget* parent = nullptr);
    EventLogModel* logModel() const { return m_model; }
    void setTheme(const Theme& theme) { m_model->setTheme(theme); }

Q_SIGNALS:
    void recordChosen(std::size_t record);

protected:
    void changeEvent(QEvent* event) override;

private:
    SimController* m_ctl;
    EventLogModel* m_model;
    bool m_seeking = false;
};

}  // namespace finwave::app
