# core/ is standard C++20 only (DESIGN.md). Fails the build if any file under core/ includes a
# Qt header, so the rule holds even where Qt's include directories happen to be reachable.
file(GLOB_RECURSE core_files "${CORE_DIR}/*.h" "${CORE_DIR}/*.hpp" "${CORE_DIR}/*.cpp")
set(offenders "")
foreach(f IN LISTS core_files)
    file(STRINGS "${f}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](Q[A-Za-z]|Qt[A-Za-z]*/)")
    if(hits)
        list(APPEND offenders "${f}: ${hits}")
    endif()
endforeach()
if(offenders)
    list(JOIN offenders "\n  " text)
    message(FATAL_ERROR "core/ must not include Qt headers:\n  ${text}")
endif()
