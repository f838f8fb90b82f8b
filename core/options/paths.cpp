// The checks of the files a command names (internal/paths.h).
#include "core/options/internal/paths.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace finwave::options::detail {

namespace fs = std::filesystem;

Refusal checkOutputPath(std::string_view path) {
    std::error_code ec;
    const fs::path p{std::string(path)};
    const fs::path folder = fs::absolute(p, ec).parent_path();
    if (ec || !fs::is_directory(folder, ec))
        return printable(path) + ": the folder " + printable(folder.string()) + " does not exist";
    const fs::file_status status = fs::status(p, ec);
    if (fs::is_directory(status))
        return printable(path) + ": is a folder";
    if (fs::exists(status) && !fs::is_regular_file(status))
        return printable(path) + ": is not a regular file (a device, a FIFO or a socket), so it is not written over";
    return std::nullopt;
}

bool samePath(std::string_view a, std::string_view b) {
    std::error_code ec;
    const fs::path pa{std::string(a)}, pb{std::string(b)};
    if (fs::exists(pa, ec) && fs::exists(pb, ec))
        return fs::equivalent(pa, pb, ec);
    return fs::weakly_canonical(pa, ec) == fs::weakly_canonical(pb, ec);
}

bool hasExtension(std::string_view path, std::string_view extension) {
    if (path.size() < extension.size())
        return false;
    return std::equal(extension.begin(), extension.end(), path.end() - static_cast<std::ptrdiff_t>(extension.size()),
                      [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

Refusal checkTableAndChart(const std::string& csv, const std::string& chart) {
    if (csv.empty())
        return std::string("--csv: is required");
    if (Refusal bad = checkOutputPath(csv))
        return named("--csv", *bad);
    if (!chart.empty()) {
        if (Refusal bad = checkOutputPath(chart))
            return named("--chart", *bad);
        if (samePath(csv, chart))
            return named("--chart", printable(chart) + ": is also the --csv file");
    }
    return std::nullopt;
}

}  // namespace finwave::options::detail
