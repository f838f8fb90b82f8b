#include "app/export/mp4_encoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>

namespace finwave::app {

namespace {
constexpr int kWriteWaitMs = 30'000;   // ffmpeg takes a frame in milliseconds; this is a stall
constexpr int kFinishWaitMs = 120'000;
constexpr qint64 kPipeAhead = 16 << 20;  // bytes written ahead of ffmpeg before waiting for it
// Whether `bytes` is a whole MP4: its top-level boxes (ISO/IEC 14496-12 §4.2: a 32-bit big-endian
// size, or 1 and a 64-bit size after the type) cover the file exactly, with the index (moov) and
// the frames (mdat). ffmpeg can exit 0 after a write failed part way (a full disk: the file is cut
// short), so its exit status alone is not trusted. Written by hand: Qt reads no MP4, and this walk
// of box headers is all that is needed.
bool isWholeMp4(const QByteArray& bytes) {
    const auto be = [&bytes](qsizetype at, int n) {
        quint64 v = 0;
        for (int i = 0; i < n; ++i)
            v = (v << 8) | static_cast<quint8>(bytes[at + i]);
        return v;
    };
    bool moov = false, mdat = false;
    qsizetype at = 0;
    while (at + 8 <= bytes.size()) {
        quint64 size = be(at, 4);
        const QByteArray type = bytes.mid(at + 4, 4);
        if (size == 1 && at + 16 <= bytes.size())
            size = be(at + 8, 8);
        if (size < 8 || size > static_cast<quint64>(bytes.size() - at))
            return false;
        moov = moov || type == "moov";
        mdat = mdat || type == "mdat";
        at += static_cast<qsizetype>(size);
    }
    return at == bytes.size() && moov && mdat;
}
}  // namespace

QString ffmpegProgram() { return QStandardPaths::findExecutable(QStringLiteral("ffmpeg")); }

QString ffmpegMissingText() {
    return QCoreApplication::translate("Export", "an MP4 is made by the ffmpeg program, which is not installed (install it with: sudo apt install ffmpeg)");
}

Mp4Encoder::~Mp4Encoder() { cancel(); }

bool Mp4Encoder::fail(const QString& why) {
    if (m_error.isEmpty())
        m_error = why;
    return false;
}

bool Mp4Encoder::start(QSize size, int fps) {
    const QString program = ffmpegProgram();
    if (program.isEmpty())
        return fail(ffmpegMissingText());
    if (!m_folder.isValid())
        return fail(QCoreApplication::translate("Export", "no temporary folder for ffmpeg (%1)").arg(m_folder.errorString()));
    m_size = size;
    m_output = m_folder.filePath(QStringLiteral("run.mp4"));
    // Raw BGRA frames (QImage's RGB32 in memory on a little-endian machine) in, H.264 out:
    // yuv420p so every player plays it, faststart so a browser starts before the whole file came.
    const QStringList args = {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                              QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), QStringLiteral("bgra"),
                              QStringLiteral("-video_size"), QStringLiteral("%1x%2").arg(size.width()).arg(size.height()),
                              QStringLiteral("-framerate"), QString::number(fps), QStringLiteral("-i"), QStringLiteral("pipe:0"),
                              QStringLiteral("-an"), QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                              QStringLiteral("veryfast"), QStringLiteral("-tune"), QStringLiteral("animation"),
                              QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-movflags"),
                              QStringLiteral("+faststart"), QStringLiteral("-f"), QStringLiteral("mp4"), QStringLiteral("-y"), m_output};
    m_ffmpeg.setProcessChannelMode(QProcess::SeparateChannels);
    m_ffmpeg.start(program, args);
    if (!m_ffmpeg.waitForStarted(kWriteWaitMs))
        return fail(QCoreApplication::translate("Export", "ffmpeg did not start (%1)").arg(m_ffmpeg.errorString()));
    return true;
}

bool Mp4Encoder::addFrame(const QImage& frame) {
    if (!m_error.isEmpty() || m_ffmpeg.state() != QProcess::Running)
        return fail(QCoreApplication::translate("Export", "ffmpeg stopped: %1")
                        .arg(QString::fromUtf8(m_ffmpeg.readAllStandardError()).trimmed().replace(QLatin1Char('\n'), QStringLiteral("; "))));
    const QImage rgb = frame.format() == QImage::Format_RGB32 ? frame : frame.convertToFormat(QImage::Format_RGB32);
    const qint64 row = static_cast<qint64>(rgb.width()) * 4;
    if (rgb.bytesPerLine() == row) {  // one write of the frame: a QImage's rows are usually unpadded
        m_ffmpeg.write(reinterpret_cast<const char*>(rgb.constBits()), row * rgb.height());
    } else {
        for (int y = 0; y < rgb.height(); ++y)
            m_ffmpeg.write(reinterpret_cast<const char*>(rgb.constScanLine(y)), row);
    }
    while (m_ffmpeg.bytesToWrite() > kPipeAhead)
        if (!m_ffmpeg.waitForBytesWritten(kWriteWaitMs))
            return fail(QCoreApplication::translate("Export", "ffmpeg stopped taking frames (%1)").arg(m_ffmpeg.errorString()));
    return true;
}

QByteArray Mp4Encoder::finish() {
    if (!m_error.isEmpty())
        return {};
    while (m_ffmpeg.bytesToWrite() > 0)
        if (!m_ffmpeg.waitForBytesWritten(kWriteWaitMs))
            break;
    m_ffmpeg.closeWriteChannel();
    if (!m_ffmpeg.waitForFinished(kFinishWaitMs) || m_ffmpeg.exitStatus() != QProcess::NormalExit || m_ffmpeg.exitCode() != 0) {
        fail(QCoreApplication::translate("Export", "ffmpeg failed: %1")
                 .arg(QString::fromUtf8(m_ffmpeg.readAllStandardError()).trimmed().replace(QLatin1Char('\n'), QStringLiteral("; "))));
        cancel();
        return {};
    }
    QFile made(m_output);
    if (!made.open(QIODevice::ReadOnly)) {
        fail(QCoreApplication::translate("Export", "ffmpeg wrote no file (%1)").arg(made.errorString()));
        return {};
    }
    const QByteArray bytes = made.readAll();
    if (!isWholeMp4(bytes)) {
        const QString said = QString::fromUtf8(m_ffmpeg.readAllStandardError()).trimmed().replace(QLatin1Char('\n'), QStringLiteral("; "));
        fail(QCoreApplication::translate("Export", "ffmpeg wrote an incomplete MP4 (%1)")
                 .arg(said.isEmpty() ? QCoreApplication::translate("Export", "is the disk full?") : said));
        return {};
    }
    return bytes;
}

void Mp4Encoder::cancel() {
    if (m_ffmpeg.state() != QProcess::NotRunning) {
        m_ffmpeg.kill();  // this process's own child, by its handle
        m_ffmpeg.waitForFinished(kWriteWaitMs);
    }
}

}  // namespace finwave::app
