# gongkai annotate (src/write/annotate.c): poppler-glib adds the findings to
# the source PDF.  Like the PDF reader, it is loaded with dlopen when used;
# the test reads the annotations back with poppler-glib linked directly.
target_sources(gongkai_lib PRIVATE src/write/annotate.c)

add_executable(test_annotate tests/write/test_annotate.c)
target_link_libraries(test_annotate PRIVATE gongkai_lib PkgConfig::CMOCKA PkgConfig::POPPLER)
target_compile_definitions(test_annotate PRIVATE
  GK_SOURCE_DIR="${CMAKE_SOURCE_DIR}" GK_SHARED_DIR="${GK_SHARED_DIR}")
add_test(NAME write_annotate COMMAND test_annotate)
# glib's and poppler's process-wide caches are not leaks (tests/lsan.supp).
set_tests_properties(write_annotate PROPERTIES
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
