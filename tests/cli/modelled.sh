# The calls weft-cc renames to __weft_<name> (its `modelled` list, which
# the build writes in from src/modelled.def) and the models the runtime
# defines (declared from the same list, src/modelled.h): each name weft-cc
# renames must have its model in libweft.so, or a program calling it would
# not link; and each model the runtime exports must be in weft-cc's list,
# or programs would call the real function unseen.
. tests/cli/common.inc
names=$(sed -n 's/^modelled=(\(.*\))$/\1/p' "$B/bin/weft-cc" | tr -s ' \t' '\n\n' | grep -v '^$' | sort -u)
[ -n "$names" ] || fail "no modelled list found in $B/bin/weft-cc"
expect_eq "$(printf '%s\n' "$names" | wc -l | tr -d ' ')" "$(grep -c '^WEFT__MODELLED(' src/modelled.def)" "names in weft-cc against entries of src/modelled.def"
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
