# Every example in the README prints what the README shows: the first
# block is built by the README's weft-cc line (build/examples has it), the
# others are commands run from the top of the tree.
. tests/cli/common.inc
# Times vary, and so does where the tree was checked out (debug info names
# some source files by their absolute path).
norm() { sed -e 's/([0-9.]* s)/(T s)/' -e "s|$(pwd)/||g"; }
block() { # the lines after the line starting with "$1", up to the fence
	awk -v start="$1" 'index($0, start) == 1 {on=1; next} on && /^```/ {exit} on {print}' README.md
}
want=$(block '$ build/bin/weft-cc examples/flush_under_lock.c' | norm)
[ -n "$want" ] || fail "README example block not found"
got=$(cd "$B/examples" && ./flush_under_lock | norm)
[ "$want" = "$got" ] || { printf '%s\n' "---- README" "$want" "---- weft" "$got"; fail "README example differs"; }
n=1
for cmd in $(grep -n '^\$ (cd build/' README.md | cut -d: -f1); do
	line=$(sed -n "${cmd}p" README.md)
	run=${line#\$ }
	run=$(printf '%s' "$run" | sed "s|cd build/|cd $B/|")
	want=$(block "$line" | norm)
	got=$(sh -c "$run" | norm)
	[ "$want" = "$got" ] || { printf '%s\n' "---- README" "$want" "---- weft" "$got"; fail "README block at line $cmd differs"; }
	n=$((n + 1))
done
[ $n -ge 2 ] || fail "expected the seed example in the README"
echo "ok: $n examples"
