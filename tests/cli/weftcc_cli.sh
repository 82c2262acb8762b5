# weft-cc answers --help and --version as a user expects, and a build
# system that exports CC=weft-cc does not make it call itself forever.
. tests/cli/common.inc
W=$B/bin/weft-cc
out=$($W --help) || fail "weft-cc --help exit status $?"
printf '%s\n' "$out" | grep -q '^usage: weft-cc' || fail "weft-cc --help: $out"
out=$($W --version) || fail "weft-cc --version exit status $?"
printf '%s\n' "$out" | head -n 1 | grep -q '^weft-cc (weft) [0-9]' || fail "weft-cc --version: $out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include <weft/weft.h>\nWEFT_TEST(t) { }\n' >"$tmp/t.c"
CC="$W" timeout 60 "$W" "$tmp/t.c" -o "$tmp/t" || fail "CC=weft-cc: build failed or hung"
PATH="$B/bin:$PATH" CC=weft-cc timeout 60 "$W" "$tmp/t.c" -o "$tmp/t2" ||
	fail "CC=weft-cc (on PATH): build failed or hung"
"$tmp/t2" | grep -q '^== t: verified' || fail "the program built with CC=weft-cc did not run"
echo ok
