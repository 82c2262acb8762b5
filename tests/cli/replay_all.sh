# Every bug the detection programs and seed models report replays from its
# token to the same kind of bug (the replay strategy follows exactly what
# the exploring strategy chose, fair or not, up to the same last step).
. tests/cli/common.inc
n=0
for src in tests/detect/*/*_bug.c examples/seeds/*/before.c; do
	bin=$B/${src%.c}
	[ -x "$bin" ] || fail "$bin not built"
	if grep -q 'WEFT_TEST(' "$src"; then
		out=$("$bin" --format=json 2>/dev/null)
	else
		out=$(WEFT_OPTIONS="format=json" "$bin" 2>/dev/null)
	fi
	printf '%s\n' "$out" | grep '"verdict":"bug"' | while IFS= read -r line; do
		test=$(printf '%s' "$line" | sed 's/^{"test":"\([^"]*\)".*/\1/')
		kind=$(printf '%s' "$line" | sed 's/.*"verdict":"bug","kind":"\([^"]*\)".*/\1/')
		tok=$(printf '%s' "$line" | sed -n 's/.*"replay":"\(w1[^"]*\)".*/\1/p')
		[ -n "$tok" ] || fail "$src $test: no token"
		if grep -q 'WEFT_TEST(' "$src"; then
			rep=$("$bin" --format=json --filter="$test" --replay="$tok" 2>&1)
		else
			rep=$(WEFT_OPTIONS="format=json replay=$tok" "$bin" 2>&1)
		fi
		printf '%s' "$rep" | grep -q "\"verdict\":\"bug\",\"kind\":\"$kind\"" ||
			fail "$src $test: replay of $kind gave: $(printf '%s' "$rep" | head -c 300)"
	done || exit 1
	n=$((n + 1))
done
echo "ok: replayed the bugs of $n programs"
