# The PDF writer (src/write/pdf*.c): cairo + pango with the Noto CJK fonts.
# Only their headers are needed to build: the libraries are loaded with
# dlopen on the first PDF written (src/write/pdf.c), so that gongkai's other
# commands do not pay for loading them.
pkg_check_modules(GK_PANGOCAIRO REQUIRED pangocairo cairo-pdf)
target_sources(gongkai_lib PRIVATE
  src/write/pdf.c
  src/write/pdf_layout.c
  src/write/pdf_table.c
  src/write/pdf_chart.c)
target_include_directories(gongkai_lib SYSTEM PRIVATE ${GK_PANGOCAIRO_INCLUDE_DIRS})

add_test(NAME write_pdf COMMAND ${CMAKE_SOURCE_DIR}/tests/write/pdf.sh $<TARGET_FILE:gongkai>
         ${CMAKE_SOURCE_DIR})
add_executable(test_pdf tests/write/test_pdf.c)
target_link_libraries(test_pdf PRIVATE gongkai_lib PkgConfig::CMOCKA)
add_test(NAME write_pdf_unit COMMAND test_pdf)
# fontconfig's and cairo's process-wide caches are not leaks (tests/lsan.supp).
set_tests_properties(write_pdf write_pdf_unit PROPERTIES
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
# parse → render .pdf → parse keeps every cell (the examples and the corpus
# documents tests/write/roundtrip.sh asserts; the others measured).
add_test(NAME roundtrip_pdf COMMAND ${CMAKE_SOURCE_DIR}/tests/write/roundtrip.sh
         $<TARGET_FILE:gongkai> ${CMAKE_SOURCE_DIR} ${GK_SHARED_DIR} pdf)
set_tests_properties(roundtrip_pdf PROPERTIES
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
