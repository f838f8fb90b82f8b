#include "app/window/event_log.h"
#include "app/views/theme.h"

#include "app/window/capture_dialogs.h"
#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"

#include <QBrush>
#include <QEvent>
#include <QFont>
#include <QHeaderView>

namespace finwave::app {

EventLogModel::EventLogModel(SimController* controller, QObject* parent)
    : QAbstractTableModel(parent), m_ctl(controller) {
    connect(controller, &SimController::scenarioLoaded, this, [this] {
        beginResetModel();
        m_rows = static_cast<int>(m_ctl->sim().trace().size());
        m_teardownRow = false;
        endResetModel();
    });
    connect(controller, &SimController::recordsAppended, this, [this](int first, int count) {
        setTeardownRow(false);
        beginInsertRows({}, first, first + count - 1);
        m_rows = first + count;
        endInsertRows();
    });
    connect(controller, &SimController::recordsTruncated, this, [this](int size) {
        setTeardownRow(false);
        if (size >= m_rows)
            return;
        beginRemoveRows({}, size, m_rows - 1);
        m_rows = size;
        endRemoveRows();
    });
    connect(controller, &SimController::stepChanged, this, [this] {
        setTeardownRow(m_ctl->isReplay() && m_ctl->sim().isFinished() && !m_ctl->teardownText().isEmpty());
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1), {Qt::BackgroundRole});
    });
    connect(controller, &SimController::timesHiddenChanged, this, [this] {
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, What), index(m_rows - 1, What), {Qt::DisplayRole});
    });
    m_rows = static_cast<int>(m_ctl->sim().trace().size());
}

int EventLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_rows + (m_teardownRow ? 1 : 0); }

void EventLogModel::setTeardownRow(bool shown) {
    if (shown == m_teardownRow)
        return;
    shown ? beginInsertRows({}, m_rows, m_rows) : beginRemoveRows({}, m_rows, m_rows);
    m_teardownRow = shown;
    shown ? endInsertRows() : endRemoveRows();
}
int EventLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

quint64 EventLogModel::stepOfRow(int row) const {
    return row >= m_rows ? m_ctl->sim().stepIndex() : m_ctl->sim().trace()[static_cast<std::size_t>(row)].step;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() > m_rows || (index.row() == m_rows && !m_teardownRow))
        return {};
    if (index.row() == m_rows) {  // the capture's ending, in words
        if (role == Qt::DisplayRole && index.column() == What)
            return tr("How it ended: %1").arg(m_ctl->teardownText());
        if (role == Qt::DisplayRole && index.column() == Step)
            return static_cast<qulonglong>(m_ctl->sim().stepIndex());
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    const Simulator& sim = m_ctl->sim();
    const TraceRecord& r = sim.trace()[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Step: return r.step;
        case Time: return formatTime(r.t, sim.timeGrain());
        case Side: return QString::fromUtf8(sideName(r.side).data());
        case What: {
            // An imported capture: say where the state is inferred, and why.
            const auto why = m_ctl->inferredAt(static_cast<std::size_t>(index.row()));
            const QString what = recordSummary(sim, r, m_ctl->timesHidden());  // a quiz may ask when a timer fires
            if (why == capture::Inferred::No)
                return what;
            return tr("%1 — inferred: %2").arg(what, inferredText(why));
        }
        case Why: return reasonSentence(r.reason);
        case Rule: return ruleText(r.reason);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() >= What)
        return QStringLiteral("<p>%1</p><p><i>%2</i></p>").arg(reasonSentence(r.reason).toHtmlEscaped(),
                                                            ruleText(r.reason));
    if (role == Qt::FontRole && m_ctl->inferredAt(static_cast<std::size_t>(index.row())) != capture::Inferred::No) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::BackgroundRole && r.step == sim.stepIndex())
        return QBrush(QColor(255, 243, 196));
    if (role == Qt::ForegroundRole && index.column() == Side && r.side != finwave::Side::Net)
        return QBrush(r.side == finwave::Side::A ? m_sideA : m_sideB);  // the diagrams' colours
    return {};
}

void EventLogModel::setTheme(const Theme& theme) {
    m_sideA = theme.sideA;
    m_sideB = theme.sideB;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, Side), index(m_rows - 1, Side), {Qt::ForegroundRole});
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Step: return tr("Step");
    case Time: return tr("Time");
    case Side: return tr("Side");
    case What: return tr("What happened");
    case Why: return tr("Why");
    case Rule: return tr("Rule");
    default: return {};
    }
}

void EventLogModel::retranslate() {
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

EventLogView::EventLogView(SimController* controller, QWidget* parent)
    : QTableView(parent), m_ctl(controller), m_model(new EventLogModel(controller, this)) {
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(EventLogModel::What, QHeaderView::Interactive);
    setColumnWidth(EventLogModel::Step, 48);
    setColumnWidth(EventLogModel::Time, 80);
    setColumnWidth(EventLogModel::Side, 44);
    setColumnWidth(EventLogModel::What, 300);
    setColumnWidth(EventLogModel::Why, 420);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (!current.isValid() || m_seeking)
            return;
        m_seeking = true;
        m_ctl->seek(m_model->stepOfRow(current.row()));
        m_seeking = false;
        if (static_cast<std::size_t>(current.row()) < m_ctl->sim().trace().size())
            Q_EMIT recordChosen(static_cast<std::size_t>(current.row()));
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_seeking)
            scrollToBottom();
    });
}

void EventLogView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        m_model->retranslate();
    QTableView::changeEvent(event);
}

}  // namespace finwave::app
