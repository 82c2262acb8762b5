# The array-bounds check weft-cc adds reports an index out of bounds
# through weft's handler (src/tsan/bounds.c) with gcc and clang alike, also
# when the program brings its own -fsanitize=undefined: clang links UBSan's
# runtime into the executable, whose handler printed the index and let the
# test come out verified, until weft-cc's link sent the calls to weft's.
. tests/cli/common.inc
src=tests/detect/pthread/global_index_bug.c
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
n=0
for cc in gcc clang; do
	command -v $cc >/dev/null 2>&1 || continue
	for extra in "" -fsanitize=undefined; do
		n=$((n + 1))
		WEFT_CC=$cc $B/bin/weft-cc -O1 -g $extra "$src" -o "$d/p$n" ||
			fail "$cc $extra: build failed"
		out=$(WEFT_OPTIONS=strategy=dfs "$d/p$n" 2>&1 | head -n 2)
		case "$out" in
		*"bug (out-of-bounds)"*"index -1 is out of bounds"*) ;;
		*) fail "$cc $extra: expected an out-of-bounds bug, got: $out" ;;
		esac
	done
done
[ $n -gt 0 ] || fail "no compiler"
echo ok
