#pragma once
// An MP4 (H.264, yuv420p, faststart) made by the `ffmpeg` program from the same frames as the GIF,
// piped to it as raw pixels. ffmpeg runs as a separate process (QProcess), so FinWave links no
// codec: Debian's ffmpeg and libx264 are GPL, FinWave's own licence is untouched.

#include <QByteArray>
#include <QImage>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace finwave::app {

// The ffmpeg program on PATH, or empty when it is not installed.
QString ffmpegProgram();
// The one line that says how to get it (Debian and Ubuntu's package).
QString ffmpegMissingText();

class Mp4Encoder {
public:
    Mp4Encoder() = default;
    ~Mp4Encoder();
    Mp4Encoder(const Mp4Encoder&) = delete;
    Mp4Encoder& operator=(const Mp4Encoder&) = delete;

    // Starts ffmpeg for frames of `size` (even sides) at `fps`, writing into a temporary folder of
    // its own. False (error() says why) when ffmpeg is missing or does not start.
    bool start(QSize size, int fps);
    bool addFrame(const QImage& frame);  // RGB32, the started size
    // Ends the stream and waits for ffmpeg; the finished file's bytes, or empty on failure.
    QByteArray finish();
    void cancel();                       // stops ffmpeg; nothing is kept
    QString error() const { return m_error; }

private:
    bool fail(const QString& why);

    QProcess m_ffmpeg;
    QTemporaryDir m_folder;
    QString m_output;
    QSize m_size;
    QString m_error;
};

}  // namespace finwave::app
