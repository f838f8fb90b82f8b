#include "app/window/capture_dialogs.h"
#include "app/io/save_file.h"

#include "app/window/background_task.h"
#include "app/window/sim_controller.h"
#include "core/capture/capture_reader.h"
#include "core/capture/capture_writer.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

namespace finwave::app {

namespace {
QString stateText(TcpState s) { return QString::fromUtf8(stateName(s).data()); }

// Reads with a progress bar and Cancel, on a worker thread.
capture::ReadResult readWithProgress(QWidget* parent, const QString& path, int connection) {
    const std::string p = path.toStdString();
    const auto read = runInBackground<capture::ReadResult>(
        parent, QCoreApplication::translate("Capture", "Reading %1…").arg(QFileInfo(path).fileName()), QFileInfo(path).size(),
        [p, connection](const capture::Progress& tick) {
            return connection == 0 ? capture::listConnections(p, {}, tick) : capture::readConnection(p, connection, {}, tick);
        });
    if (read)
        return *read;
    capture::ReadResult cancelled;
    cancelled.cancelled = true;
    return cancelled;
}
}  // namespace

QString inferredText(capture::Inferred why) {
    using I = capture::Inferred;
    switch (why) {
    case I::No: return {};
    case I::MidConnection: return QCoreApplication::translate("Capture", "the capture starts mid-connection: ESTABLISHED assumed");
    case I::ListenAssumed: return QCoreApplication::translate("Capture", "the server was listening before its SYN arrived");
    case I::FarEndTime: return QCoreApplication::translate("Capture", "the capture was taken at the other end: time estimated");
    case I::NotCaptured: return QCoreApplication::translate("Capture", "a segment that must have been sent was not captured");
    case I::CopyUnclear: return QCoreApplication::translate("Capture", "sent more than once: which copy arrived is inferred");
    case I::NotArrived: return QCoreApplication::translate("Capture", "nothing shows it arrived: taken as lost");
    case I::TimerAfterCapture: return QCoreApplication::translate("Capture", "its timer ran out after the capture ended");
    case I::TimeoutBeforeRst: return QCoreApplication::translate("Capture", "it answered with RST: it had already closed by timeout");
    case I::GaveUp: return QCoreApplication::translate("Capture", "FIN resent with no answer: retries exhausted assumed");
    case I::ResetReasonGuess: return QCoreApplication::translate("Capture", "abort or unread data: the RST alone does not say which");
    case I::ShortState: return QCoreApplication::translate("Capture", "the state lasted under a millisecond");
    }
    return {};
}

QString teardownText(const capture::Teardown& t) {
    using K = capture::TeardownKind;
    using R = capture::ResetAfter;
    QString out;
    switch (t.kind) {
    case K::FourWay: out = QCoreApplication::translate("Capture", "Complete four-way close"); break;
    case K::ThreeSegment: out = QCoreApplication::translate("Capture", "Three-segment close (FIN+ACK)"); break;
    case K::Simultaneous: out = QCoreApplication::translate("Capture", "Simultaneous close"); break;
    case K::StillOpen:
        out = QCoreApplication::translate("Capture", "Connection still open at the end of the capture (A %1, B %2)").arg(stateText(t.endA), stateText(t.endB));
        break;
    case K::Abortive: {
        const bool a = t.resetBy == Side::A;
        switch (t.resetAfter) {
        case R::Nothing: out = a ? QCoreApplication::translate("Capture", "Abortive close by RST from A, with no data or FIN before it") : QCoreApplication::translate("Capture", "Abortive close by RST from B, with no data or FIN before it"); break;
        case R::Data: out = a ? QCoreApplication::translate("Capture", "Abortive close by RST from A after data, before any FIN") : QCoreApplication::translate("Capture", "Abortive close by RST from B after data, before any FIN"); break;
        case R::OwnFin: out = a ? QCoreApplication::translate("Capture", "Abortive close by RST from A after its own FIN") : QCoreApplication::translate("Capture", "Abortive close by RST from B after its own FIN"); break;
        case R::PeerFin: out = a ? QCoreApplication::translate("Capture", "Abortive close by RST from A after B's FIN") : QCoreApplication::translate("Capture", "Abortive close by RST from B after A's FIN"); break;
        case R::BothFins: out = a ? QCoreApplication::translate("Capture", "Abortive close by RST from A after both FINs") : QCoreApplication::translate("Capture", "Abortive close by RST from B after both FINs"); break;
        }
        break;
    }
    }
    if (t.halfCloseData)
        out += QCoreApplication::translate("Capture", "; half-close with data after the first FIN");
    if (t.retransmittedFin)
        out += QCoreApplication::translate("Capture", "; retransmitted FIN");
    if (t.finalAckLost && t.kind != K::Abortive && t.kind != K::StillOpen)
        out += QCoreApplication::translate("Capture", "; final ACK lost");
    else if (t.finalAckMissing && t.kind != K::Abortive && t.kind != K::StillOpen)
        out += QCoreApplication::translate("Capture", "; final ACK not seen");
    return out;
}

QString openCapture(QWidget* parent, SimController* ctl, const QString& path, int connection) {
    const capture::ReadResult list = readWithProgress(parent, path, 0);
    if (list.cancelled)
        return {};
    if (!list.ok())
        return QString::fromStdString(list.error);
    if (connection == 0 && list.connections.size() > 1) {
        QStringList items;
        for (const auto& c : list.connections) {
            const int packets = static_cast<int>(c.packets);
            const QString line = QCoreApplication::translate("Capture", "%1: %2 ↔ %3, %n packet(s)", nullptr, packets);
            items << line.arg(c.index).arg(QString::fromStdString(c.first.text()), QString::fromStdString(c.second.text()));
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(parent, QCoreApplication::translate("Capture", "Open capture"), QCoreApplication::translate("Capture", "Which TCP connection?"), items, 0, false, &ok);
        if (!ok)
            return {};
        connection = static_cast<int>(items.indexOf(chosen)) + 1;
    }
    if (connection == 0)
        connection = 1;
    if (connection > static_cast<int>(list.connections.size()))
        return QCoreApplication::translate("Capture", "%1: there is no connection %2").arg(path).arg(connection);
    const capture::ReadResult one = readWithProgress(parent, path, connection);
    if (one.cancelled)
        return {};
    if (!one.ok())
        return QString::fromStdString(one.error);
    const auto run = runInBackground<capture::Reconstruction>(
        parent, QCoreApplication::translate("Capture", "Reconstructing the states of %1…").arg(QFileInfo(path).fileName()), 0,
        [segments = one.segments](const capture::Progress&) { return capture::reconstruct(segments); });
    if (!run)
        return {};  // cancelled: the window keeps what it showed
    loadCaptureRun(ctl, *run, path, connection);
    return {};
}

void loadCaptureRun(SimController* ctl, const capture::Reconstruction& run, const QString& path, int connection) {
    const QString words = teardownText(capture::classifyTeardown(run));
    const QString name = QCoreApplication::translate("Capture", "%1 · connection %2").arg(QFileInfo(path).fileName()).arg(connection);
    ctl->loadReplay(run, name, words);
}

void openCaptureDialog(QWidget* parent, SimController* ctl) {
    QSettings settings;
    const QString file = QFileDialog::getOpenFileName(parent, QCoreApplication::translate("Capture", "Open capture"),
                                                      settings.value(QStringLiteral("capture/folder")).toString(),
                                                      QCoreApplication::translate("Capture", "Captures (*.pcapng *.pcap *.cap);;All files (*)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("capture/folder"), QFileInfo(file).absolutePath());
    const QString error = openCapture(parent, ctl, file);
    if (!error.isEmpty())
        QMessageBox::warning(parent, QCoreApplication::translate("Capture", "Open capture"), error);
}

void exportCaptureDialog(QWidget* parent, SimController* ctl) {
    if (ctl->isReplay()) {
        QMessageBox::information(parent, QCoreApplication::translate("Capture", "Export capture"), QCoreApplication::translate("Capture", "This run is a capture already; export a simulated run."));
        return;
    }
    QSettings settings;
    QString filter;
    const QString file = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("Capture", "Export capture"),
        settings.value(QStringLiteral("capture/folder")).toString() + QLatin1Char('/') +
            QString::fromStdString(ctl->scenario().name) + QStringLiteral(".pcapng"),
        QCoreApplication::translate("Capture", "pcapng with comments (*.pcapng);;Classic pcap (*.pcap)"), &filter);
    if (file.isEmpty())
        return;
    const QStringList ends = {QCoreApplication::translate("Capture", "At A (what A sent and what reached A)"), QCoreApplication::translate("Capture", "At B (what B sent and what reached B)")};
    bool ok = false;
    const QString end = QInputDialog::getItem(parent, QCoreApplication::translate("Capture", "Export capture"), QCoreApplication::translate("Capture", "Capture taken at:"), ends, 0, false, &ok);
    if (!ok)
        return;
    settings.setValue(QStringLiteral("capture/folder"), QFileInfo(file).absolutePath());
    // The whole run the window holds: the user's drops and slider moves at their steps.
    Simulator sim(ctl->sim().recordedRun(), SimulatorOptions{true, false});
    sim.runToEnd(10'000'000);
    capture::WriteOptions o;
    o.format = file.endsWith(QStringLiteral(".pcap"), Qt::CaseInsensitive) ? capture::CaptureFormat::Pcap
                                                                          : capture::CaptureFormat::Pcapng;
    o.vantage = ends.indexOf(end) == 1 ? Side::B : Side::A;
    const std::string bytes = capture::writeCapture(sim, o);
    if (const QString why = saveFile(file, QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()))); !why.isEmpty())
        QMessageBox::warning(parent, QCoreApplication::translate("Capture", "Export capture"), why);
}

}  // namespace finwave::app
