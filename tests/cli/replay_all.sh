# Every replay command a report prints, pasted into a shell in the
# directory it was printed in, replays the same kind of bug: for every bug
# the detection programs and seed models report (test binaries, and
# programs whose own main runs under weft), from the text report's
# "replay:" line and from the JSON report's "command" field.  The pthread
# programs and a main-mode program whose bug needs its (quoted) arguments
# are replay_pthread.sh's.
. tests/cli/replay.inc
replay_programs $(ls tests/detect/*/*_bug.c examples/seeds/*/before.c | grep -v '^tests/detect/pthread/')

echo "ok: replayed the bugs of $n programs"
