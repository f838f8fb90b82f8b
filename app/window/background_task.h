#pragma once
// Long work off the GUI thread: a worker runs it while the window stays drawn and a progress dialog
// offers Cancel (opening a large capture: reading it, then reconstructing its states).

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace finwave::app {

// Told how far the work is; returns false once Cancel was clicked (core/capture's reader callback).
using BackgroundProgress = std::function<bool(std::uint64_t done)>;

// Runs `work` on a worker thread while a window-modal progress dialog (after 300 ms) shows how far
// it is (`done` of `total`; 0 total: busy) and offers Cancel, so a large capture never freezes the
// window. `work` gets the reader's progress callback, which returns false once Cancel was clicked.
// On Cancel the dialog returns at once and the result is dropped (the reconstructor cannot stop
// half way; it finishes on its own copy of the segments).
template <class Result>
std::optional<Result> runInBackground(QWidget* parent, const QString& label, qint64 total,
                                      std::function<Result(const BackgroundProgress&)> work) {
    struct Shared {
        std::atomic<std::uint64_t> done{0};
        std::atomic<bool> cancel{false};
    };
    const auto shared = std::make_shared<Shared>();
    QFuture<Result> future = QtConcurrent::run([shared, work = std::move(work)] {
        return work([shared](std::uint64_t bytes) {
            shared->done = bytes;
            return !shared->cancel.load();
        });
    });
    QProgressDialog progress(label, QCoreApplication::translate("Capture", "Cancel"), 0, total > 0 ? 1000 : 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setValue(0);
    QEventLoop loop;
    QFutureWatcher<Result> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QObject::connect(&progress, &QProgressDialog::canceled, &loop, [&loop, shared] {
        shared->cancel = true;
        loop.quit();
    });
    QTimer tick;
    // The Cancel button emits canceled(); Escape, closing the dialog or cancel() only set wasCanceled().
    QObject::connect(&tick, &QTimer::timeout, &progress, [&progress, &loop, shared, total] {
        if (progress.wasCanceled()) {
            shared->cancel = true;
            loop.quit();
        } else if (total > 0) {
            progress.setValue(static_cast<int>(std::min<double>(999, 1000.0 * static_cast<double>(shared->done) / static_cast<double>(total))));
        }
    });
    tick.start(50);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    if (shared->cancel)
        return std::nullopt;
    return future.result();
}

}  // namespace finwave::app
