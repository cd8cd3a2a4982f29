# Turn a data file into a C array (build step):
#   cmake -DIN=file -DOUT=file.c -DNAME=symbol -P embed.cmake
# defines  const char *const NAME  (NUL-terminated) and  const size_t NAME_len.
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE "${OUT}"
  "/* Generated from ${IN} by cmake/embed.cmake. Do not edit. */\n"
  "#include <stddef.h>\n"
  "static const unsigned char bytes[] = {${bytes} 0x00};\n"
  "const char *const ${NAME} = (const char *)bytes;\n"
  "const size_t ${NAME}_len = sizeof bytes - 1;\n")
