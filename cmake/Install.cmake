# Install rules, generated man pages and completion, the Debian package and
# the commit `bordermap --version` prints. Included by the top-level
# CMakeLists.txt after the `bordermap` target exists. See docs/install.md.
include(GNUInstallDirs)

# --- the commit, refreshed whenever HEAD moves (only cli/version.cpp sees it) ---
find_package(Git QUIET)
set(BORDERMAP_COMMIT "unknown")
if(GIT_FOUND AND EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/.git")
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=12 HEAD
    WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
    OUTPUT_VARIABLE BORDERMAP_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --path-format=absolute
      --git-path HEAD --git-path logs/HEAD
    WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
    OUTPUT_VARIABLE _bm_git_files OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  string(REPLACE "\n" ";" _bm_git_files "${_bm_git_files}")
  foreach(f ${_bm_git_files})
    if(EXISTS "${f}")
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${f}")
    endif()
  endforeach()
  if(NOT BORDERMAP_COMMIT)
    set(BORDERMAP_COMMIT "unknown")
  endif()
endif()
set_property(SOURCE src/cli/version.cpp APPEND PROPERTY COMPILE_DEFINITIONS
  BORDERMAP_COMMIT="${BORDERMAP_COMMIT}")

# --- man pages and completion, generated from the command registry ---
set(BORDERMAP_GENERATED ${CMAKE_CURRENT_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${BORDERMAP_GENERATED}/stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${BORDERMAP_GENERATED}/man
  COMMAND bordermap -q manpage ${BORDERMAP_GENERATED}/man
  COMMAND bordermap -q completion bash > ${BORDERMAP_GENERATED}/bordermap.bash
  COMMAND bordermap -q completion zsh > ${BORDERMAP_GENERATED}/_bordermap
  COMMAND ${CMAKE_COMMAND} -E touch ${BORDERMAP_GENERATED}/stamp
  DEPENDS bordermap
  COMMENT "Generating man pages and shell completion from the command registry")
add_custom_target(bordermap_docs ALL DEPENDS ${BORDERMAP_GENERATED}/stamp)

# --- install layout: the data folder mirrors the source tree's, so the
# binary finds it at ../share/bordermap (src/geodata/bundle.cpp) ---
set(BORDERMAP_DATADIR ${CMAKE_INSTALL_DATADIR}/bordermap)
install(TARGETS bordermap RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES geodata/bordermap.gpkg geodata/PROVENANCE.md
  DESTINATION ${BORDERMAP_DATADIR}/geodata)
install(DIRECTORY geodata/incidents geodata/reference
  DESTINATION ${BORDERMAP_DATADIR}/geodata
  FILES_MATCHING PATTERN "*.csv" PATTERN "*.md")
install(DIRECTORY styles/ DESTINATION ${BORDERMAP_DATADIR}/styles
  FILES_MATCHING PATTERN "*.toml" PATTERN "*.qml" PATTERN "*.sld" PATTERN "*.md"
  PATTERN "*.png")
install(DIRECTORY ${BORDERMAP_GENERATED}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${BORDERMAP_GENERATED}/bordermap.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME bordermap)
install(FILES ${BORDERMAP_GENERATED}/_bordermap
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES README.md geodata/PROVENANCE.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")

# --- the Debian package: `cpack --config build/release/CPackConfig.cmake` ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bordermap)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "maps and GIS data from reports of border incidents")
set(CPACK_PACKAGE_DESCRIPTION
  "bordermap turns news articles, ACLED/UCDP tables, spreadsheets and PostGIS \
tables about border incidents into report maps (SVG, PNG, PDF) and GIS data \
(GeoJSON, GeoPackage, CSV) that QGIS opens styled. Bundled data: Natural Earth \
(public domain), OpenStreetMap-derived boundaries (ODbL), GeoNames (CC BY 4.0).")
set(CPACK_PACKAGE_CONTACT "bordermap maintainers <bordermap@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # bordermap_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libraries from dpkg-shlibdeps
# Not visible to dpkg-shlibdeps: fonts Pango needs for Latin and Cyrillic
# labels, and the PROJ database GDAL and PROJ read at run time.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core | fonts-dejavu-core, proj-data")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_CURRENT_BINARY_DIR}/package)
include(CPack)
