// The compare window's files: a capture or a scenario file as the second run, and Export both.
#include "app/compare/compare_window.h"

#include "app/compare/compare_summary.h"
#include "app/export/compare_exporter.h"
#include "app/views/sequence/sequence_view.h"
#include "app/views/state_graph/state_graph_view.h"
#include "app/window/capture_dialogs.h"
#include "app/window/sim_controller.h"
#include "app/text/scenario_error_text.h"
#include "core/scenario/scenario_io.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTabWidget>

namespace finwave::app {

void CompareWindow::chooseCapture() {
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(this, tr("Compare with a capture"), settings.value(QStringLiteral("capture/folder")).toString(),
                                                      QCoreApplication::translate("Capture", "Captures (*.pcapng *.pcap *.cap);;All files (*)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("capture/folder"), QFileInfo(file).absolutePath());
    if (const QString error = compareWithCapture(file); !error.isEmpty())
        QMessageBox::warning(this, tr("Compare with a capture"), error);
}

QString CompareWindow::compareWithCapture(const QString& path, int connection) {
    // Read, chosen and reconstructed as File → Open capture does, with its progress and Cancel.
    if (const QString error = openCapture(this, m_ctlB, path, connection); !error.isEmpty() || !m_ctlB->capture())
        return error;
    m_runA = compare::finishedRun(m_current);
    m_ctlA->loadScenario(m_current);
    const capture::Reconstruction& run = *m_ctlB->capture();
    m_runB = std::make_shared<Simulator>(m_current);
    m_runB->loadReplay(run.trace, run.issA, run.issB, m_ctlB->sim().scenario().name);
    m_runB->runToEnd(run.trace.size() + 1);  // a replay shows its records as it is stepped
    m_second->setCurrentIndex(2);
    // A capture's clock starts at its first packet (often a handshake the run does not have).
    pairRuns(true);
    return {};
}

void CompareWindow::chooseScenarioFile() {
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(this, tr("Compare with a scenario file"), settings.value(QStringLiteral("compare/scenarioFolder")).toString(),
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("compare/scenarioFolder"), QFileInfo(file).absolutePath());
    if (const QString error = compareWithScenarioFile(file); !error.isEmpty())
        QMessageBox::warning(this, tr("Compare with a scenario file"), error);
}

QString CompareWindow::compareWithScenarioFile(const QString& path) {
    const ScenarioResult read = readScenarioFile(path.toStdString());
    if (!read)
        return scenarioErrorText(read.error);
    m_second->setCurrentIndex(3);
    load(m_current, *read.scenario);
    return {};
}

QString CompareWindow::exportTo(const QString& path) {
    ExportOptions o;
    if (!formatFromPath(path, o.format))
        return tr("%1: unknown extension (png, svg, pdf)").arg(path);
    o.caption = comparisonSummary(*m_runA, *m_runB, m_comparison);
    o.view = m_sidesA->currentIndex() == 0 ? DiagramView::Sequence : DiagramView::States;
    if (QString error = checkExportPath(path); !error.isEmpty())
        return error;
    return writeDiagram(paintComparison(ComparedScenes{{m_viewA->diagram(), m_viewB->diagram()}, {m_graphA->graph(), m_graphB->graph()}}, o), path);
}

void CompareWindow::chooseExport() {
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export both runs"), settings.value(QStringLiteral("compare/exportFile")).toString(),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("compare/exportFile"), path);
    if (const QString error = exportTo(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export both runs"), error);
}

}  // namespace finwave::app
