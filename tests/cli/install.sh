#!/bin/bash
# make install: the program, its man page and the docs under a prefix; the
# installed program works on its own (rules and catalog compiled in).
#   install.sh BUILD_DIR
set -u
BUILD=$1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

cmake --install "$BUILD" --prefix "$TMP/usr" >"$TMP/log" 2>&1 && ok || bad "cmake --install: $(tail -3 "$TMP/log")"
GK=$TMP/usr/bin/gongkai
[ -x "$GK" ] && ok || bad "no bin/gongkai"
[ -f "$TMP/usr/share/man/man1/gongkai.1" ] && ok || bad "no man page"
[ -f "$TMP/usr/share/doc/gongkai/batch.md" ] && [ -f "$TMP/usr/share/doc/gongkai/examples/final-2024.txt" ] && ok || bad "no docs or examples"
# Away from the source tree, from any directory.
(cd "$TMP" && "$GK" check usr/share/doc/gongkai/examples/final-2024.txt | grep -q '0 个错误，0 个警告') && ok || bad "installed gongkai check"
(cd "$TMP" && "$GK" rules | grep -q '^EXP001') && ok || bad "installed gongkai rules"
if command -v man >/dev/null; then
    MANWIDTH=100 man -l "$TMP/usr/share/man/man1/gongkai.1" 2>/dev/null | grep -q -- '--as-one' && ok || bad "man page does not render"
fi

echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
