# The HTML writer (src/write/html.c, charts in src/write/svg_chart.c): one
# self-contained page, no library beyond libm (the pie's arcs).
target_sources(gongkai_lib PRIVATE src/write/html.c src/write/svg_chart.c)
target_link_libraries(gongkai_lib PUBLIC m)

# Structure, escaping, the same bytes, read-back, write failures, and the
# page in headless Chromium (skipped, exit 77, only when it is absent).
add_test(NAME write_html COMMAND ${CMAKE_SOURCE_DIR}/tests/write/html.sh $<TARGET_FILE:gongkai>
         ${CMAKE_SOURCE_DIR} ${GK_SHARED_DIR})
set_tests_properties(write_html PROPERTIES SKIP_RETURN_CODE 77)
# A document built by hand: spans, row lines, escaping, charts, write errors.
add_executable(test_html tests/write/test_html.c)
target_link_libraries(test_html PRIVATE gongkai_lib PkgConfig::CMOCKA)
add_test(NAME write_html_unit COMMAND test_html)
# parse → render .html → parse keeps every cell (the examples and the corpus
# documents tests/write/roundtrip.sh asserts; the others measured).
add_test(NAME roundtrip_html COMMAND ${CMAKE_SOURCE_DIR}/tests/write/roundtrip.sh
         $<TARGET_FILE:gongkai> ${CMAKE_SOURCE_DIR} ${GK_SHARED_DIR} html)
# check --format html, the reviewer's report (src/write/findings_html.c):
# escaping, every finding listed, and in headless Chromium every finding's
# place marked and the filters working; leaves report_html.png here.
target_sources(gongkai_lib PRIVATE src/write/findings_html.c)
add_test(NAME report_html COMMAND ${CMAKE_SOURCE_DIR}/tests/write/report_html.sh
         $<TARGET_FILE:gongkai> ${CMAKE_SOURCE_DIR} ${GK_SHARED_DIR})
set_tests_properties(report_html PROPERTIES SKIP_RETURN_CODE 77)
