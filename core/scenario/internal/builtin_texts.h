#pragma once
// Internal to core/scenario: the built-in scenarios' files as embedded at configure time
// (cmake/EmbedScenarios.cmake writes the array from resources/scenarios/*.json).

#include <cstddef>
#include <string_view>

namespace finwave::detail {

struct BuiltinText {
    std::string_view name;
    std::string_view json;
};
extern const BuiltinText kBuiltinTexts[];  // in the menu's order
extern const std::size_t kBuiltinTextCount;

}  // namespace finwave::detail
