# The HTML writer (src/write/html.c, charts in src/write/svg_chart.c): one
# self-contained page, no library beyond libm (the pie's arcs).
target_sources(gongkai_lib PRIVATE src/write/html.c src/write/svg_chart.c)
target_compile_definitions(gongkai_lib PRIVATE GK_WRITER_HTML)
target_link_libraries(gongkai_lib PUBLIC m)
