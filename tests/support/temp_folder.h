#pragma once
// A temporary folder of the test process's own, so that tests run in parallel (ctest -j) never
// write the same file: made with mkdtemp under the system's temporary folder, removed with all it
// holds when the process ends.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace finwave::testing {

class TempFolder {
public:
    TempFolder() {
        std::string pattern = ::testing::TempDir() + "/finwave-test-XXXXXX";
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        if (::mkdtemp(buffer.data()))
            m_path = buffer.data();
    }
    ~TempFolder() {
        std::error_code ec;
        if (!m_path.empty())
            std::filesystem::remove_all(m_path, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

// The process's own folder, made on first use.
inline const TempFolder& processTempFolder() {
    static const TempFolder folder;
    return folder;
}

}  // namespace finwave::testing
