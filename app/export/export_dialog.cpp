#include "app/export/export_dialog.h"

#include "app/export/diagram_exporter.h"
#include "app/sim_controller.h"
#include "app/views/sequence_view.h"
#include "app/views/state_graph_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSpinBox>

namespace finwave::app {

namespace {

QString captionFor(const Simulator& sim) {
    const ChannelParams ab = sim.channel(Direction::AtoB), ba = sim.channel(Direction::BtoA);
    return QCoreApplication::translate("ExportDialog", "%1 · profile %2 · delay %3/%4 ms · loss %5/%6 % · seed %7 · step %8")
        .arg(QString::fromStdString(sim.scenario().name), QString::fromUtf8(profileName(sim.params().profile).data()))
        .arg(ab.delay / 1000)
        .arg(ba.delay / 1000)
        .arg(ab.loss * 100, 0, 'f', 0)
        .arg(ba.loss * 100, 0, 'f', 0)
        .arg(sim.scenario().seed)
        .arg(sim.stepIndex());
}

// Exports from views of their own (not shown), so the window's position is never touched.
QString exportFrom(SimController* source, bool completeRun, ExportOptions options, const QString& path) {
    SimController ctl;
    Scenario s = source->scenario();
    s.params = source->sim().params();
    s.ab = source->sim().channel(Direction::AtoB);
    s.ba = source->sim().channel(Direction::BtoA);
    ctl.loadScenario(s);
    if (completeRun)
        ctl.seek(1'000'000);
    else
        ctl.seek(source->sim().stepIndex());
    SequenceView seq(&ctl);
    StateGraphView states(&ctl);
    if (!options.caption.isNull())
        options.caption = captionFor(ctl.sim());
    return exportDiagram(&seq, &states, options, path);
}
}  // namespace

void showExportDialog(QWidget* parent, SimController* controller) {
    QSettings settings;
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("ExportDialog", "Export diagram"));
    auto* view = new QComboBox(&dialog);
    view->addItems({QCoreApplication::translate("ExportDialog", "Sequence diagram"), QCoreApplication::translate("ExportDialog", "State graph"), QCoreApplication::translate("ExportDialog", "Both, side by side")});
    auto* format = new QComboBox(&dialog);
    format->addItems({QStringLiteral("PNG"), QStringLiteral("SVG"), QStringLiteral("PDF")});
    format->setCurrentIndex(settings.value(QStringLiteral("export/format"), 0).toInt());
    auto* scale = new QSpinBox(&dialog);
    scale->setRange(1, 4);
    scale->setSuffix(QStringLiteral("×"));
    scale->setValue(settings.value(QStringLiteral("export/scale"), 2).toInt());
    auto* transparent = new QCheckBox(QCoreApplication::translate("ExportDialog", "Transparent background (PNG)"), &dialog);
    auto* caption = new QCheckBox(QCoreApplication::translate("ExportDialog", "Caption with scenario, profile and parameters"), &dialog);
    auto* scope = new QComboBox(&dialog);
    scope->addItems({QCoreApplication::translate("ExportDialog", "The complete run"), QCoreApplication::translate("ExportDialog", "Up to the current step")});
    auto* form = new QFormLayout(&dialog);
    form->addRow(QCoreApplication::translate("ExportDialog", "View"), view);
    form->addRow(QCoreApplication::translate("ExportDialog", "Format"), format);
    form->addRow(QCoreApplication::translate("ExportDialog", "Scale"), scale);
    form->addRow(transparent);
    form->addRow(caption);
    form->addRow(QCoreApplication::translate("ExportDialog", "Scope"), scope);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString ext[] = {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
    const QString folder = settings.value(QStringLiteral("export/folder")).toString();
    const QString suggested = folder + QLatin1Char('/') + QString::fromStdString(controller->scenario().name) +
                              QLatin1Char('.') + ext[format->currentIndex()];
    const QString path = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("ExportDialog", "Export diagram"), suggested,
                                                      QCoreApplication::translate("ExportDialog", "%1 files (*.%2)").arg(format->currentText(), ext[format->currentIndex()]));
    if (path.isEmpty())
        return;
    ExportOptions o;
    o.view = static_cast<DiagramView>(view->currentIndex());
    o.format = static_cast<ExportFormat>(format->currentIndex());
    o.scale = scale->value();
    o.transparent = transparent->isChecked();
    o.caption = caption->isChecked() ? QStringLiteral("") : QString();
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
    settings.setValue(QStringLiteral("export/format"), format->currentIndex());
    settings.setValue(QStringLiteral("export/scale"), scale->value());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = exportFrom(controller, scope->currentIndex() == 0, o, path);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        QMessageBox::warning(parent, QCoreApplication::translate("ExportDialog", "Export failed"), error);
}

void copyDiagramToClipboard(SimController* controller) {
    SimController ctl;
    Scenario s = controller->scenario();
    s.params = controller->sim().params();
    s.ab = controller->sim().channel(Direction::AtoB);
    s.ba = controller->sim().channel(Direction::BtoA);
    ctl.loadScenario(s);
    ctl.seek(controller->sim().stepIndex());
    SequenceView seq(&ctl);
    const QRectF r = seq.contentRect();
    QImage image((r.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    seq.renderContent(&p, QRectF(QPointF(0, 0), r.size() * 2));
    p.end();
    QGuiApplication::clipboard()->setImage(image);
}

}  // namespace finwave::app
