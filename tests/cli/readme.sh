# The README's example trace is what weft prints for that example.
. tests/cli/common.inc
want=$(awk '/^\$ build\/bin\/weft-cc examples\/flush_under_lock.c/ {on=1; next}
	on && /^```/ {exit} on {print}' README.md | sed 's/([0-9.]* s)/(T s)/')
[ -n "$want" ] || fail "README example block not found"
got=$(cd "$B/examples" && ./flush_under_lock | sed 's/([0-9.]* s)/(T s)/')
[ "$want" = "$got" ] || { printf '%s\n' "---- README" "$want" "---- weft" "$got"; fail "README example differs"; }
echo ok
