#pragma once
// Runs tshark on a file and returns one row of fields per frame (tests only).

#include <optional>
#include <string>
#include <vector>

namespace finwave::testing {

bool haveTshark();
// Each row is the fields in the order asked; multiple occurrences of a field are joined by ','.
// nullopt when tshark could not be run.
std::optional<std::vector<std::vector<std::string>>> tsharkFields(const std::string& path,
                                                                  const std::vector<std::string>& fields);
// Writes bytes to a fresh file in the test's temporary folder and returns its path.
std::string writeTemp(const std::string& name, const std::string& bytes);

}  // namespace finwave::testing
