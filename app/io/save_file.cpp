#include "app/io/save_file.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace finwave::app {

QString outputPathProblem(const QString& path) {
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())  // isFile() follows a symbolic link to its target
        return QCoreApplication::translate("SaveFile", "%1: not a regular file (a device, a pipe or a folder)").arg(path);
    return {};
}

QString commitChecked(QSaveFile& file) {
    // flush() reports what the buffered writes met; error() what any earlier write did.
    if (!file.flush() || file.error() != QFileDevice::NoError) {
        const QString why = file.errorString();
        file.cancelWriting();
        file.commit();  // cancelled: removes the temporary file, keeps the old one
        return QStringLiteral("%1: %2").arg(file.fileName(), why);
    }
    if (!file.commit())
        return QStringLiteral("%1: %2").arg(file.fileName(), file.errorString());
    return {};
}

QString saveFile(const QString& path, const QByteArray& bytes) {
    if (QString problem = outputPathProblem(path); !problem.isEmpty())
        return problem;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        file.commit();
        return QStringLiteral("%1: %2").arg(path, why);
    }
    return commitChecked(file);
}

}  // namespace finwave::app
