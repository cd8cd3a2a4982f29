# Excel: the XLSX writer (src/write/xlsx.c, libxlsxwriter) and the xlsx
# reader (src/read/xlsx*.c, libzip + expat).  The reader is called from
# src/read/input.c whatever is written, so it is always built; it is here to
# keep the libraries of the format together.
pkg_check_modules(GK_XLSX REQUIRED IMPORTED_TARGET libzip expat)
target_sources(gongkai_lib PRIVATE src/read/xlsx.c src/read/xlsx_format.c)
target_link_libraries(gongkai_lib PUBLIC PkgConfig::GK_XLSX)
pkg_check_modules(GK_XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
target_sources(gongkai_lib PRIVATE src/write/xlsx.c)
target_link_libraries(gongkai_lib PUBLIC PkgConfig::GK_XLSXWRITER)

# Tests: the writer's workbooks (structure, formats, names, failures), the
# reader on made and hostile workbooks and on the real templates, both at the
# level of values, and the round trip of every cell.
add_test(NAME write_xlsx COMMAND ${CMAKE_SOURCE_DIR}/tests/write/xlsx.sh $<TARGET_FILE:gongkai>
         ${CMAKE_SOURCE_DIR})
add_test(NAME read_xlsx COMMAND ${CMAKE_SOURCE_DIR}/tests/read/xlsx.sh $<TARGET_FILE:gongkai>
         ${CMAKE_SOURCE_DIR} ${GK_SHARED_DIR})
add_executable(test_xlsx tests/unit/test_xlsx.c)
target_link_libraries(test_xlsx PRIVATE gongkai_lib PkgConfig::CMOCKA)
add_test(NAME unit_xlsx COMMAND test_xlsx)
add_test(NAME roundtrip_xlsx COMMAND ${CMAKE_SOURCE_DIR}/tests/write/roundtrip.sh
         $<TARGET_FILE:gongkai> ${CMAKE_SOURCE_DIR} ${GK_SHARED_DIR} xlsx)
# Fuzz regressions of the xlsx reader (fuzz/fuzz_xlsx.c), as for the others.
add_executable(replay_xlsx fuzz/fuzz_xlsx.c fuzz/replay.c)
target_link_libraries(replay_xlsx PRIVATE gongkai_lib)
target_compile_definitions(replay_xlsx PRIVATE GK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME regress_xlsx COMMAND replay_xlsx ${CMAKE_SOURCE_DIR}/tests/regress/xlsx)
# Publishing from the template: filled completely, every format checks clean.
add_test(NAME publish_template COMMAND ${CMAKE_SOURCE_DIR}/tests/read/xlsx_publish.sh
         $<TARGET_FILE:gongkai> ${CMAKE_SOURCE_DIR} ${GK_SHARED_DIR})
set_tests_properties(publish_template PROPERTIES TIMEOUT 600
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
