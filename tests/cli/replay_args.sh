# Replay commands that carry more than a token: a main-mode program whose
# bug needs its (quoted) arguments, and an option that decides what is a
# bug.  (Every detection program's bugs are replayed by the runner itself,
# from their JSON results' commands: runner_replay.c; the text report's
# "replay:" line is the same command, weft__replay_command.)
. tests/cli/replay.inc

# Main mode with arguments that need quoting (one looks like a weft flag).
M=$B/tests/cli/mainargs
a1='it'\''s a "race" $HOME'
a2="--replay=not-weft's"
"$M" "$a1" "$a2" | from_text >"$pairs"
WEFT_OPTIONS="format=json" "$M" "$a1" "$a2" | from_json >>"$pairs"
expect_eq "$(wc -l <"$pairs" | tr -d ' ')" 2 "mainargs: a bug in text and in JSON"
grep -q "^mainargs	data-race	WEFT_OPTIONS='replay=w1\." "$pairs" ||
	fail "mainargs: replay command is not WEFT_OPTIONS=... ./prog: $(cat "$pairs")"
check_replays mainargs
# Without its arguments the program has no bug, even replaying the racy
# run's token: the replays above really passed them.
"$M" >/dev/null || fail "mainargs without arguments reports a bug"
tok=$(sed -n "s/.*replay=\(w1[^' ]*\).*/\1/p" "$pairs" | head -n 1)
WEFT_OPTIONS="replay=$tok" "$M" >/dev/null 2>&1
[ $? -ne 1 ] || fail "mainargs replayed without its arguments still finds the bug"
# Options that decide what is a bug go into the replay command: a leak
# found with leaks=all replayed as a pass without it.
L=$B/tests/cli/leak_reachable
WEFT_OPTIONS="leaks=all" "$L" | from_text >"$pairs"
grep -q "leaks=all" "$pairs" || fail "leak_reachable: no leaks=all in $(cat "$pairs")"
check_replays leak_reachable
# Without the option the replay finds no bug: the token was printed for
# a bug, so that is a divergence, a usage error (exit 2), not a pass (it
# said "budget spent, no bug found", as of a search, and then a pass of
# the replay, exit 0).
ltok=$(sed -n "s/.*replay=\(w1[^' ]*\).*/\1/p" "$pairs" | head -n 1)
out=$(WEFT_OPTIONS="replay=$ltok" "$L" 2>&1)
st=$?
expect_eq "$st" 2 "leak_reachable replayed without leaks=all: exit status"
printf '%s\n' "$out" | grep -q 'replay diverged.*found no bug' ||
	fail "leak_reachable replayed without leaks=all: $out"
# A limit's token printed after the search turned --starve-bound on:
# the replay command carries the bound, and the replay meets the limit
# again (it ran without the bound, started over and said "pass", exit 0).
A=$B/tests/cli/long_adds
out=$(WEFT_OPTIONS="max-steps=100 iterations=20" "$A")
expect_eq $? 3 "long_adds: inconclusive"
rtok=$(printf '%s\n' "$out" | sed -n "s/.*WEFT_OPTIONS='\(replay=[^']*\)'.*/\1/p" | head -n 1)
case "$rtok" in *starve-bound=1000*) ;; *) fail "long_adds: no starve-bound in: $rtok" ;; esac
out=$(WEFT_OPTIONS="$rtok" "$A")
expect_eq $? 3 "long_adds: the replay's status"
printf '%s\n' "$out" | head -n 1 | grep -q "inconclusive (step-limit" ||
	fail "long_adds replayed: $out"
echo "ok: replayed mainargs' and leak_reachable's bugs"
