#include "support/tshark_run.h"
#include "support/temp_folder.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace finwave::testing {

bool haveTshark() { return std::system("tshark --version > /dev/null 2>&1") == 0; }

std::optional<std::vector<std::vector<std::string>>> tsharkFields(const std::string& path,
                                                                  const std::vector<std::string>& fields) {
    // Checksum validation on: a wrong checksum then shows as status 0 ("Bad") and an expert error.
    std::string cmd = "tshark -n -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE "
                      "-o tcp.relative_sequence_numbers:TRUE -r '" + path + "' -T fields -E separator=/t";
    for (const std::string& f : fields)
        cmd += " -e " + f;
    cmd += " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::vector<std::vector<std::string>> rows;
    std::string line;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, pipe)) {
        line += buf;
        if (line.empty() || line.back() != '\n')
            continue;
        line.pop_back();
        std::vector<std::string> row;
        std::size_t start = 0;
        for (;;) {
            const std::size_t tab = line.find('\t', start);
            row.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos)
                break;
            start = tab + 1;
        }
        row.resize(fields.size());
        rows.push_back(std::move(row));
        line.clear();
    }
    if (pclose(pipe) != 0)
        return std::nullopt;
    return rows;
}

std::string writeTemp(const std::string& name, const std::string& bytes) {
    const std::string path = processTempFolder().file(name);
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

}  // namespace finwave::testing
