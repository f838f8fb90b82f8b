#pragma once
// Writing a file so that nothing is lost: the old file stays until the new one is whole on disk,
// and a failed write (a full disk, a read-only folder, a size limit) is reported, never committed.

#include <QByteArray>
#include <QString>

class QSaveFile;

namespace finwave::app {

// Empty when `path` may be written: it does not exist yet or is a regular file. Else why not, in
// one line naming it ("out.csv: not a regular file (a device, a pipe or a folder)"): writing by
// rename would put a file in place of /dev/null or a FIFO.
QString outputPathProblem(const QString& path);

// Writes `bytes` to `path` through QSaveFile: empty on success, else "path: why" with the old file
// kept. The write is flushed and checked before the commit: Qt buffers small writes, and a commit
// after a flush that failed (ENOSPC) would rename an empty file over the old one.
QString saveFile(const QString& path, const QByteArray& bytes);

// For a writer that streams into a QSaveFile it opened itself: flushes it and, when everything
// was written, commits it; empty on success, else "path: why" (and the old file kept).
QString commitChecked(QSaveFile& file);

}  // namespace finwave::app
