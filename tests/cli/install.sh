# make install PREFIX=DIR installs headers, the runtime, weft-cc, weft and
# weft.pc, and a program built with the installed weft-cc runs.
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
make -s install PREFIX="$d" BUILD="$B" >/dev/null || fail "make install"
for f in bin/weft-cc bin/weft include/weft/weft.h include/weft/linux.h \
	include/weft/freebsd.h lib/libweft.so lib/weft_main.o lib/pkgconfig/weft.pc; do
	[ -e "$d/$f" ] || fail "missing $f"
done
grep -q "prefix=$d" "$d/lib/pkgconfig/weft.pc" || fail "weft.pc prefix"
"$d/bin/weft-cc" -O1 tests/detect/core/abba_bug.c -o "$d/abba" || fail "weft-cc from the install"
"$d/abba" --format=json | grep -q '"kind":"deadlock"' || fail "installed program"
echo ok
