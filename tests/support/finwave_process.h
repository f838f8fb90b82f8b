#pragma once
// Runs the built `finwave` as a user would from a script: no display, no runtime folder.
#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace finwave::testing {

struct ProcessResult {
    int code = -1;
    QString out, err;
    // The contract for bad input: exit 2 and exactly one line on stderr.
    bool isOneLineRefusal() const { return code == 2 && !err.trimmed().isEmpty() && !err.trimmed().contains(QLatin1Char('\n')); }
};

// `extra` adds to or overrides the environment (a settings folder, a platform with a screen size).
inline ProcessResult runFinwave(const QStringList& args, int timeoutMs = 60000,
                                const QProcessEnvironment& extra = QProcessEnvironment()) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    for (const QString& key : extra.keys())
        env.insert(key, extra.value(key));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(FINWAVE_BINARY), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// A file's bytes, or none when it cannot be read.
inline QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Writes `bytes` to `path` (replacing it); false when it cannot.
inline bool writeBytes(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

}  // namespace finwave::testing
