# The Debian package, made by CPack's DEB generator from the install rules (cmake/Install.cmake):
# scripts/package.sh builds build/finwave_VERSION-1_amd64.deb. Its library dependencies are found
# by dpkg-shlibdeps; the fonts the diagrams are laid out for are named here, since no library
# links them. SOURCE_DATE_EPOCH (set by package.sh from the last commit) fixes every time stamp.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME finwave)
set(CPACK_PACKAGE_VENDOR "FinWave developers")
set(CPACK_PACKAGE_CONTACT "FinWave developers <finwave@finwave.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see how a TCP connection closes, step by step")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${PROJECT_SOURCE_DIR}/packaging/description.txt)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR})

set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # finwave_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://finwave.org/)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, fonts-noto-cjk")
# Qt's own dialogs in Chinese; captures written by FinWave open in Wireshark.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-translations-l10n)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "wireshark | tshark, ffmpeg")  # ffmpeg: File → Export… as MP4, run as a program
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

include(CPack)
