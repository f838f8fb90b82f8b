#include "app/export/animation_export.h"

#include "app/export/frame_renderer.h"
#include "app/export/gif_encoder.h"
#include "app/export/handout.h"
#include "app/export/mp4_encoder.h"
#include "app/io/save_file.h"
#include "app/text/language.h"
#include "app/views/sequence/sequence_scene.h"
#include "app/window/sim_controller.h"

#include <QCoreApplication>

namespace finwave::app {

namespace {
QString named(const QString& path, const QString& why) { return path + QStringLiteral(": ") + why; }

// The frames of the plan into a GIF or an MP4's bytes; empty when cancelled (`cancelled` set) or
// failed (`error` set).
QByteArray encodeFrames(FrameRenderer& r, const AnimationPlan& plan, const ExportOptions& o, const StepProgress& progress,
                        bool& cancelled, QString& error) {
    const int total = static_cast<int>(plan.frames.size());
    if (o.format == ExportFormat::Gif) {
        GifEncoder gif(o.frameSize, gifPalette(r.sequence().theme()));
        for (int i = 0; i < total; ++i) {
            if (!gif.addFrame(r.render(plan.frames[static_cast<std::size_t>(i)]), gifDelayCentiseconds(i, plan.fps))) {
                error = gif.error();
                return {};
            }
            if (progress && !progress(i + 1, total)) {
                cancelled = true;
                return {};
            }
        }
        const QByteArray bytes = gif.finish();
        error = gif.error();
        return bytes;
    }
    Mp4Encoder mp4;
    if (!mp4.start(o.frameSize, plan.fps)) {
        error = mp4.error();
        return {};
    }
    for (int i = 0; i < total; ++i) {
        if (!mp4.addFrame(r.render(plan.frames[static_cast<std::size_t>(i)]))) {
            error = mp4.error();
            return {};
        }
        if (progress && !progress(i + 1, total)) {
            mp4.cancel();
            cancelled = true;
            return {};
        }
    }
    const QByteArray bytes = mp4.finish();
    error = mp4.error();
    return bytes;
}
}  // namespace

bool isMovingExport(const ExportOptions& o) {
    return o.handout || o.format == ExportFormat::Gif || o.format == ExportFormat::Mp4 || o.format == ExportFormat::Html;
}

double animationSeconds(const SimController& source, const ExportOptions& o) {
    FrameRenderer r(source, o);
    return r.problem().isEmpty() ? r.plan().seconds() : 0;
}

QString exportMoving(const SimController& source, const ExportOptions& options, const QString& path, const StepProgress& progress,
                     bool* cancelled) {
    if (cancelled)
        *cancelled = false;
    if (QString error = checkExportPath(path); !error.isEmpty())
        return error;
    if (options.format == ExportFormat::Mp4 && !options.handout && ffmpegProgram().isEmpty())
        return named(path, ffmpegMissingText());
    ExportOptions o = options;
    if (o.handout)
        o.frameSize = handoutDiagramSize(o.view);
    FrameRenderer r(source, o);
    if (!r.problem().isEmpty())
        return named(path, r.problem());
    QByteArray bytes;
    bool stopped = false;
    QString error;
    if (o.handout) {
        bytes = handoutPdf(r, progress);
        stopped = bytes.isEmpty();
    } else if (o.format == ExportFormat::Html) {
        const QString first = o.language.isEmpty() ? currentLanguage() : o.language;
        QStringList languages{first.isEmpty() ? QStringLiteral("en") : first};
        if (o.bothLanguages)
            languages << (languages.first() == QLatin1String("zh_CN") ? QStringLiteral("en") : QStringLiteral("zh_CN"));
        bytes = runPage(r, languages, progress);
        stopped = bytes.isEmpty();
    } else {
        const AnimationPlan plan = r.plan();
        if (static_cast<int>(plan.frames.size()) > kMaxAnimationFrames)
            return named(path, QCoreApplication::translate("Export", "the animation would have %1 frames; the limit is %2 (choose fewer steps, a higher speed or fewer frames a second)")
                                   .arg(plan.frames.size())
                                   .arg(kMaxAnimationFrames));
        if (o.format == ExportFormat::Gif && !o.allowLong && plan.seconds() > kMaxGifSeconds)
            return named(path, QCoreApplication::translate("Export", "the GIF would last %1 s, longer than %2 s; write an MP4 instead (much smaller), choose fewer steps or a higher speed, or allow a long GIF")
                                   .arg(plan.seconds(), 0, 'f', 1)
                                   .arg(kMaxGifSeconds));
        bytes = encodeFrames(r, plan, o, progress, stopped, error);
    }
    if (stopped && error.isEmpty()) {
        if (cancelled)
            *cancelled = true;
        return {};
    }
    if (!error.isEmpty())
        return named(path, error);
    return saveFile(path, bytes);  // flushed and checked before the commit; the old file kept on failure
}

}  // namespace finwave::app
