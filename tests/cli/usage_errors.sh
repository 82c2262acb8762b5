# Bad flags, values and tokens: one line on stderr, exit status 2.
. tests/cli/common.inc
for args in "--bogus" "--iterations=abc" "--strategy=nope" "--format=xml" \
	"--replay=w1.garbage!" "--replay=hello" "positional" "--depth=0" \
	"--json=/tmp/weft-same.$$ --junit=/tmp/weft-same.$$"; do
	err=$($P --filter=clean $args 2>&1 >/dev/null)
	code=$?
	expect_eq "$code" 2 "exit status for $args"
	expect_eq "$(printf '%s\n' "$err" | wc -l)" 1 "one line of error for $args"
	case "$err" in weft:*) ;; *) fail "error for $args does not start with weft: ($err)" ;; esac
done
rm -f /tmp/weft-same.$$
$P --filter=no_such_test >/dev/null 2>&1
expect_eq $? 2 "filter matching nothing"
echo ok
