#include "app/cli/command_support.h"

#include "app/io/save_file.h"
#include "core/scenario/scenario_io.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QString>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace finwave::app {

int refuse(const char* command, const std::string& reason) {
    std::fprintf(stderr, "finwave %s: %s\n", command, printable(reason, 4096).c_str());
    return 2;
}

int finishOutput(const char* command) {
    // errno as the failed write left it (a later successful call leaves it alone).
    std::cout.flush();
    if (std::cout)
        return 0;
    const int why = errno;
    std::fprintf(stderr, "finwave %s: standard output: writing failed (%s)\n", command,
                 why != 0 ? std::strerror(why) : "the stream failed");
    return 1;
}

void prepareHeadlessQt() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    // The folder Qt itself would fall back to, made as Qt wants it: owned by us, mode 0700.
    const QString dir = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(::getuid());
    if (QDir().mkpath(dir) && QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
}

std::optional<std::string> openCheckedOutput(const char* flag, const std::string& path, QSaveFile& file) {
    if (const QString problem = outputPathProblem(QString::fromStdString(path)); !problem.isEmpty())
        return std::string(flag) + ": " + problem.toStdString();
    file.setFileName(QFileInfo(QString::fromStdString(path)).absoluteFilePath());
    if (!file.open(QIODevice::WriteOnly))
        return std::string(flag) + ": " + path + ": cannot be written (" + file.errorString().toStdString() + ")";
    return std::nullopt;
}

}  // namespace finwave::app
