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
target_compile_definitions(gongkai_lib PRIVATE GK_WRITER_XLSX)
