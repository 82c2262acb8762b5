# weft --help and weft run --help print the usage on stdout and exit 0;
# a bad command or a missing program is one line on stderr and exit 2;
# the flags weft --help lists are those a test binary accepts.
. tests/cli/common.inc
W=$B/bin/weft
for args in "--help" "-h" "help" "run --help" "run --strategy=dfs -h -- ./x"; do
	out=$($W $args 2>/dev/null)
	expect_eq $? 0 "weft $args"
	printf '%s\n' "$out" | grep -q '^usage: weft run' || fail "weft $args: no usage on stdout"
done
for args in "bogus" "" "run" "run --strategy=dfs" "run --strategy dfs -- $P" "run -- ./no/such/program" "run -- tests/cli/common.inc"; do
	err=$($W $args 2>&1 >/dev/null)
	expect_eq $? 2 "weft $args"
	expect_eq "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "one line for weft $args"
	case "$err" in weft:*) ;; *) fail "weft $args: $err" ;; esac
done
$W --version | grep -q '^weft [0-9]' || fail "weft --version"
# The flag lists agree (weft's own copy and the test binary's --help).
flags() { grep -o -- '^  --[a-z-]*' | grep -v -- --help | sort -u; }
expect_eq "$($W --help | flags | tr '\n' ' ')" "$($P --help | flags | tr '\n' ' ')" "flag lists"
# And so do their texts, from --iterations on (--strategy's lists the
# strategies of a test binary; weft's own copy went stale: the defaults
# of --iterations and --spin-bound had changed).
block() { sed -n '/^  --iterations=/,/^  --help, --version\|^Numbers are decimal/p' | grep -v '^  --help, --version\|^Numbers are decimal'; }
expect_eq "$($W --help | block)" "$($P --help | block)" "flag texts"
# A value with spaces and quotes reaches the program intact.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
$W run --filter=clean "--junit=$d/it's a dir.xml" -- $P >/dev/null
expect_eq $? 0 "weft run with a quoted value"
[ -s "$d/it's a dir.xml" ] || fail "junit file with a quote and spaces not written"
echo ok
