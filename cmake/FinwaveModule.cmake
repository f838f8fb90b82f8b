# One static library per folder of core/ (docs/architecture.md): its public headers, its internal
# headers and its sources, each listed by hand, and the folders below it that it may use.
#
# Public headers are made reachable through a tree of links, FINWAVE_PUBLIC_INCLUDE, that holds
# core/<folder>/<header> for every public header and nothing else (as Qt's build makes forwarding
# headers of its public ones): app/ and tests/ see only that tree, so an internal header
# (core/<folder>/internal/...) cannot be included from outside core. core's own sources also see
# the source tree, so a folder may use the internal headers of a folder below it.
#
#   finwave_core_module(NAME
#       PUBLIC_HEADERS a.h ...  INTERNAL_HEADERS internal/b.h ...  SOURCES a.cpp ...
#       USES other_folder ...)        folders below this one (their libraries are linked)
set(FINWAVE_PUBLIC_INCLUDE ${PROJECT_BINARY_DIR}/include)

function(finwave_public_link source link)
    get_filename_component(dir ${link} DIRECTORY)
    file(MAKE_DIRECTORY ${dir})
    if(NOT IS_SYMLINK ${link})
        file(REMOVE_RECURSE ${link})
        file(CREATE_LINK ${source} ${link} SYMBOLIC)
    endif()
endfunction()

function(finwave_core_module name)
    cmake_parse_arguments(M "" "" "PUBLIC_HEADERS;INTERNAL_HEADERS;SOURCES;USES" ${ARGN})
    set(target finwave_${name})
    add_library(${target} STATIC ${M_SOURCES} ${M_PUBLIC_HEADERS} ${M_INTERNAL_HEADERS})
    target_include_directories(${target}
        PUBLIC ${FINWAVE_PUBLIC_INCLUDE}
        PRIVATE ${PROJECT_SOURCE_DIR})
    target_compile_features(${target} PUBLIC cxx_std_20)
    set(uses "")
    foreach(u IN LISTS M_USES)
        list(APPEND uses finwave_${u})
    endforeach()
    target_link_libraries(${target} PUBLIC ${uses} finwave_sanitizers PRIVATE finwave_warnings)
    add_dependencies(${target} finwave_check_core)
    foreach(h IN LISTS M_PUBLIC_HEADERS)
        finwave_public_link(${CMAKE_CURRENT_SOURCE_DIR}/${h} ${FINWAVE_PUBLIC_INCLUDE}/core/${name}/${h})
    endforeach()
    # The layering check reads these: which folders this one may include ("sim=sim,engine,protocol").
    list(JOIN M_USES "," uses_text)
    set_property(GLOBAL APPEND PROPERTY FINWAVE_CORE_LAYERS "${name}=${name},${uses_text}")
endfunction()
