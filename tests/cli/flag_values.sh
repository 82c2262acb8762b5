# Numeric flags take decimal numbers in range and nothing else: infinite,
# not-a-number, overflowing, negative, octal- or hex-looking values are
# one line on stderr and exit status 2, on the command line and in
# WEFT_OPTIONS; --time-limit=0 or none means no limit.
. tests/cli/common.inc
bad() { # bad ARGS...: a usage error of one line
	err=$("$@" 2>&1 >/dev/null)
	code=$?
	expect_eq "$code" 2 "exit status for $*"
	expect_eq "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "one line for $*"
	case "$err" in weft:*) ;; *) fail "error for $* does not start with weft: ($err)" ;; esac
}
for v in inf -inf INF infinity nan NaN 1e999 1e3 -1 -0.5 0x10 ' 5' '5 ' '' abc 1.5.2 20000000; do
	bad $P --filter=clean "--time-limit=$v"
done
for a in --iterations=010 --iterations=0x10 --iterations=-5 --iterations=1e3 \
	--iterations=99999999999999999999 --iterations=' 5' --iterations=+5 \
	--jobs=0 --jobs=65 --depth=17 --seed=-1 --max-steps=9 --spin-bound=0 \
	--stack-size=1 --preemption-bound=-2 --fair-bound=1001 --iterations= \
	--verbose=1 --list=yes --quiet=no --leaks=some --volatile=maybe; do
	bad $P --filter=clean "$a"
done
# The same care in WEFT_OPTIONS, which says where the bad value was.
err=$(WEFT_OPTIONS="time-limit=inf" $P --filter=clean 2>&1 >/dev/null)
expect_eq $? 2 "WEFT_OPTIONS time-limit=inf"
case "$err" in *WEFT_OPTIONS*) ;; *) fail "error does not name WEFT_OPTIONS: $err" ;; esac
bad env WEFT_OPTIONS="junit='unterminated" $P --filter=clean
# No limit: 0 and none; decimals are fine.
for v in 0 none 2.5 0.5; do
	out=$($P --filter=clean --format=json "--time-limit=$v")
	expect_eq $? 0 "--time-limit=$v"
	printf '%s' "$out" | grep -q '"verdict":"verified"' || fail "--time-limit=$v: $out"
done
$P --help | grep -q "0 or" || fail "--help does not say what 0 means for --time-limit"
# Quoted values in WEFT_OPTIONS keep their spaces.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
WEFT_OPTIONS="filter=clean json='$d/a b.json'" $P >/dev/null
expect_eq $? 0 "quoted WEFT_OPTIONS value"
[ -s "$d/a b.json" ] || fail "quoted path in WEFT_OPTIONS not used"
echo ok
