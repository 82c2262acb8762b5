# The calls weft-cc renames to __weft_<name> (its `modelled` list) and the
# models the runtime defines are written in two places: each name weft-cc
# renames must have its model in libweft.so, or a program calling it would
# not link; and each model the runtime exports must be in weft-cc's list,
# or programs would call the real function unseen.
. tests/cli/common.inc
names=$(sed -n '/^modelled=(/,/^)/p' tools/weft-cc | sed '1d;$d' | tr -s ' \t' '\n\n' | grep -v '^$' | sort -u)
[ -n "$names" ] || fail "no modelled list found in tools/weft-cc"
models=$(nm -D --defined-only "$B/lib/libweft.so" | awk '{print $3}' | sed -n 's/^__weft_//p' | sort -u)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf '%s\n' "$names" >"$d/names"
printf '%s\n' "$models" >"$d/models"
missing=$(comm -23 "$d/names" "$d/models" | tr '\n' ' ')
extra=$(comm -13 "$d/names" "$d/models" | tr '\n' ' ')
expect_eq "$missing" "" "renamed by weft-cc but not defined by the runtime"
expect_eq "$extra" "" "defined by the runtime but not renamed by weft-cc"
echo ok
