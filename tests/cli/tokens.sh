# Crafted replay tokens with valid checksums (a negative run length, a huge
# length, values out of range, overlong numbers, bytes after the end ...)
# are refused with one line on stderr and exit status 2, never a crash; a
# token finds its own test without --filter.
. tests/cli/common.inc
# craft TEST:HEX-PAYLOAD...: a token with a valid checksum for each, one a
# line.  All the tokens come from one Python (its start-up, once per
# token, was most of this case's time).
craft() {
	python3 -c '
import base64, sys, zlib
for arg in sys.argv[1:]:
    name, _, hexp = arg.partition(":")
    name, payload = name.encode(), bytes.fromhex(hexp)
    crc = zlib.crc32(payload, zlib.crc32(name)).to_bytes(4, "little")
    print("w1." + base64.urlsafe_b64encode(payload + crc).decode().rstrip("="))
' "$@"
}
max='ffffffffffffffffff01' # 2^64-1 as a varint: read as -1 once
payloads="0500$max 05000200$max 8080808080808001 0100 0200ffffffffff0f00
	01000080808080808080808001 0100000000 01000001 010000ffffffff0f
	01000002ffffffff 0000ff"
# The tokens of the payloads for test clean, in their order, then those
# of the checks after the loop: clean with no payload, clean 00, and
# elsewhere 0100.
crafted=$(craft $(for payload in $payloads; do printf 'clean:%s ' "$payload"; done) clean: clean:00 elsewhere:0100)
set -- $crafted
expect_eq "$#" 14 "tokens crafted"
for payload in $payloads; do
	tok=$1
	shift
	err=$($P --filter=clean --replay="$tok" 2>&1 >/dev/null)
	expect_eq $? 2 "exit status for payload '$payload'"
	expect_eq "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "one line for '$payload'"
	case "$err" in "weft: bad replay token for test clean: "*) ;;
	*) fail "payload '$payload': $err" ;; esac
	# Without --filter the checksum still picks the test.
	err=$($P --replay="$tok" 2>&1 >/dev/null)
	expect_eq $? 2 "exit status without --filter for '$payload'"
	case "$err" in "weft: bad replay token for test clean: "*) ;;
	*) fail "without --filter, payload '$payload': $err" ;; esac
done
# Too short to hold a checksum; well formed but of another execution.
err=$($P --replay="$1" 2>&1 >/dev/null)
expect_eq $? 2 "empty token"
case "$err" in "weft: bad replay token: it is too short") ;; *) fail "empty: $err" ;; esac
err=$($P --filter=clean --replay="$2" 2>&1 >/dev/null)
expect_eq $? 2 "token of no decisions"
case "$err" in *"replay diverged"*"(a replay needs the program, its arguments, environment and input as they were when the token was printed)") ;; *) fail "no decisions: $err" ;; esac
# A token of no test here, and one that is not a token at all.
err=$($P --replay="$3" 2>&1 >/dev/null)
expect_eq $? 2 "token of another program"
case "$err" in *"none of the 4 tests"*) ;; *) fail "other program: $err" ;; esac
err=$($P --replay=w1.@@@ 2>&1 >/dev/null)
expect_eq $? 2 "not base64url"
case "$err" in "weft: bad replay token: "*base64*) ;; *) fail "garbage: $err" ;; esac
# A real token runs only its own test when no --filter is given.
tok=$($P --filter=deadlocks --format=json | sed -n 's/.*"replay":"\(w1[^"]*\)".*/\1/p')
out=$($P --replay="$tok")
expect_eq $? 1 "replay without --filter"
expect_eq "$(printf '%s\n' "$out" | grep -c '^== ')" 1 "one test replayed"
printf '%s\n' "$out" | grep -q '^== deadlocks: bug (deadlock)' || fail "replay without --filter: $out"
echo ok
