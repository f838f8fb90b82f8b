// A file named without a flag on the window's command line (internal/opened_file.h).
#include "core/options/internal/opened_file.h"

#include "core/options/internal/paths.h"
#include "core/scenario/lesson.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace finwave::options::detail {

namespace {
namespace fs = std::filesystem;

// pcap (micro- and nanosecond, either byte order) and pcapng's Section Header Block.
bool isCaptureMagic(const std::array<unsigned char, 4>& b) {
    const std::uint32_t v =
        (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | b[3];
    return v == 0xa1b2c3d4u || v == 0xd4c3b2a1u || v == 0xa1b23c4du || v == 0x4d3cb2a1u || v == 0x0a0d0d0au;
}

bool hasCaptureExtension(std::string_view path) {
    return hasExtension(path, ".pcap") || hasExtension(path, ".pcapng") || hasExtension(path, ".cap");
}
}  // namespace

OpenedKind openedFileKind(const std::string& path) {
    std::error_code ec;
    // Only a regular file is looked into: a FIFO would block, and its reader refuses it anyway.
    if (!fs::is_regular_file(path, ec))
        return hasCaptureExtension(path) ? OpenedKind::Capture : OpenedKind::Scenario;
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 4> head{};
    if (!in.read(reinterpret_cast<char*>(head.data()), head.size()))
        return hasCaptureExtension(path) ? OpenedKind::Capture : OpenedKind::Scenario;
    if (isCaptureMagic(head))
        return OpenedKind::Capture;
    // The scenario reader's own size limit: a larger file is refused by it, by name.
    if (fs::file_size(path, ec) > kMaxScenarioFileBytes || ec)
        return OpenedKind::Scenario;
    in.seekg(0);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return isLessonText(text) ? OpenedKind::Lesson : OpenedKind::Scenario;
}

bool looksLikeFile(std::string_view argument) {
    std::error_code ec;
    return argument.find_first_of("/.") != std::string_view::npos ||
           fs::exists(fs::path(std::string(argument)), ec);
}

Refusal readOpenedPath(WindowOptions& o, std::string_view path) {
    if (!o.file.empty())
        return "unexpected argument '" + printable(path) + "': one FILE at a time (see finwave --help)";
    o.file = std::string(path);
    return std::nullopt;
}

Refusal dispatchOpenedFile(WindowOptions& o) {
    if (o.file.empty())
        return std::nullopt;
    const std::string file = printable(o.file);
    switch (openedFileKind(o.file)) {
        case OpenedKind::Capture:
            if (o.capture && !o.capture->file.empty())
                return file + ": is a capture, and --capture names one too";
            if (!o.capture)
                o.capture.emplace();
            o.capture->file = o.file;
            break;
        case OpenedKind::Lesson:
            if (!o.lesson.empty())
                return file + ": is a lesson, and --lesson names one too";
            o.lesson = o.file;
            break;
        case OpenedKind::Scenario:
            if (o.scenario.scenarioGiven)
                return file + ": is a scenario, and --scenario names one too";
            // "./" keeps a file named like a built-in ("lost-fin") or without ".json" a file.
            o.scenario.scenario = o.file.find('/') == std::string::npos ? "./" + o.file : o.file;
            o.scenario.scenarioGiven = true;
            break;
    }
    return std::nullopt;
}

}  // namespace finwave::options::detail
