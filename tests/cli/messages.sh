# weft's messages to the user never name weft's internals: no string
# literal in src/ contains an internal identifier (weft__...).  A
# mechanical rename once turned "at the end of the test" in two leak
# reports into "at the weft__linux_ext_irq_end of the test"; no test
# compared those messages' words.
. tests/cli/common.inc
found=$(grep -rno '"[^"]*"' src --include=*.c --include=*.h | grep 'weft__' |
	tr '\n' ' ')
expect_eq "$found" "" "string literals naming weft's internals"
# The check itself finds such a literal.
t=$(mktemp)
trap 'rm -f "$t"' EXIT
printf 'weft__fail(K, loc, "pending at the weft__x_end of the test");\n' >"$t"
hit=$(grep -no '"[^"]*"' "$t" | grep -c 'weft__')
expect_eq "$hit" "1" "the check on a planted literal"
echo ok
