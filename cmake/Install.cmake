# Where an installed FinWave puts its files (FHS, through GNUInstallDirs, so any --prefix works):
# the program in bin/, its desktop entry, AppStream metadata, file types, icons and manual page
# under share/, the built-in scenarios and the example lesson as files to copy from, and the
# Debian copyright and changelog in share/doc/finwave. Translations, the user guide and the
# program's own icon are compiled into the program, so it needs nothing from share/ to run.
include(GNUInstallDirs)

set(FINWAVE_APP_ID org.finwave.FinWave)
set(FINWAVE_PACKAGING ${PROJECT_SOURCE_DIR}/packaging)
set(FINWAVE_GENERATED ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${FINWAVE_GENERATED})

install(TARGETS finwave RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${FINWAVE_PACKAGING}/${FINWAVE_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${FINWAVE_PACKAGING}/${FINWAVE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${FINWAVE_PACKAGING}/${FINWAVE_APP_ID}.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/scenarios ${PROJECT_SOURCE_DIR}/resources/lessons
        DESTINATION ${CMAKE_INSTALL_DATADIR}/finwave FILES_MATCHING PATTERN "*.json")

# Icons: the scalable one as drawn, the fixed sizes rendered from it at build time.
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/finwave.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${FINWAVE_APP_ID}.svg)
find_program(FINWAVE_RSVG_CONVERT rsvg-convert)
if(FINWAVE_RSVG_CONVERT)
    set(icons "")
    foreach(size 48 128 256)
        set(png ${FINWAVE_GENERATED}/icons/${size}x${size}/${FINWAVE_APP_ID}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${FINWAVE_GENERATED}/icons/${size}x${size}
            COMMAND ${FINWAVE_RSVG_CONVERT} --width ${size} --height ${size} --output ${png}
                    ${PROJECT_SOURCE_DIR}/resources/icons/finwave.svg
            DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/finwave.svg
            COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
        list(APPEND icons ${png})
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
    add_custom_target(finwave_icons ALL DEPENDS ${icons})
else()
    message(STATUS "rsvg-convert (librsvg2-bin) not found: only the scalable icon is installed")
endif()

# The manual page and the Debian changelog, compressed as Debian's policy asks (-n: no name or
# time stamp in the gzip header, so a package built twice is the same byte for byte).
find_program(FINWAVE_GZIP gzip REQUIRED)
function(finwave_gzip source output)
    add_custom_command(OUTPUT ${output}
        COMMAND ${FINWAVE_GZIP} -9nc ${source} > ${output}
        DEPENDS ${source} COMMENT "Compressing ${output}")
endfunction()
configure_file(${FINWAVE_PACKAGING}/finwave.1.in ${FINWAVE_GENERATED}/finwave.1 @ONLY)  # the version
finwave_gzip(${FINWAVE_GENERATED}/finwave.1 ${FINWAVE_GENERATED}/finwave.1.gz)
finwave_gzip(${FINWAVE_PACKAGING}/changelog.Debian ${FINWAVE_GENERATED}/changelog.Debian.gz)
add_custom_target(finwave_docs ALL DEPENDS ${FINWAVE_GENERATED}/finwave.1.gz ${FINWAVE_GENERATED}/changelog.Debian.gz)
install(FILES ${FINWAVE_GENERATED}/finwave.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${FINWAVE_PACKAGING}/copyright ${FINWAVE_GENERATED}/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/finwave)
# What lintian is told to accept in the package, each with its reason in the file.
install(FILES ${FINWAVE_PACKAGING}/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME finwave)

# The changelog's newest entry and the metainfo's releases must name this version, or the package
# and the software centre would say another one.
file(STRINGS ${FINWAVE_PACKAGING}/changelog.Debian changelog_top LIMIT_COUNT 1)
if(NOT changelog_top MATCHES "^finwave \\(${PROJECT_VERSION}-[0-9]+\\) ")
    message(FATAL_ERROR "packaging/changelog.Debian starts with '${changelog_top}', not version ${PROJECT_VERSION}: add an entry")
endif()
file(READ ${FINWAVE_PACKAGING}/${FINWAVE_APP_ID}.metainfo.xml metainfo)
string(FIND "${metainfo}" "<release version=\"${PROJECT_VERSION}\"" release_at)
if(release_at EQUAL -1)
    message(FATAL_ERROR "packaging/${FINWAVE_APP_ID}.metainfo.xml has no <release> for version ${PROJECT_VERSION}")
endif()
