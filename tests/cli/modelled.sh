# The calls weft-cc renames to __weft_<name> (its `modelled` list, which
# the build writes in from src/modelled.def) and the models the runtime
# defines (declared from the same list, src/modelled.h): each name weft-cc
# renames must have its model in libweft.so, or a program calling it would
# not link; and each model the runtime exports must be in weft-cc's list,
# or programs would call the real function unseen.  (A program of one
# source is linked with ld --wrap instead: __wrap_<name>, checked below.)
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
# A program of one source is linked with ld --wrap=<name> instead: each
# name, and the memory intrinsics, must have __wrap_<name> at its model's
# address.
bad=$(nm -D --defined-only "$B/lib/libweft.so" | awk '
	{ addr[$3] = $1 }
	END {
		while ((getline n < "'"$d/names"'") > 0)
			if (addr["__wrap_" n] == "" || addr["__wrap_" n] != addr["__weft_" n])
				printf "%s ", n
		split("memcpy memmove memset", m, " ")
		for (i = 1; i <= 3; i++)
			if (addr["__wrap_" m[i]] == "" || addr["__wrap_" m[i]] != addr["__tsan_" m[i]])
				printf "%s ", m[i]
	}')
expect_eq "$bad" "" "__wrap_ names missing or not at the model"
echo ok
