# The oracles build their programs several to a binary
# (tools/oracle/batch.py): a program in a batch must be explored exactly as
# the program built alone (verdict, kind, executions, steps), or the
# oracles of `make test` would check something other than what they say.
# A sample of every kind of program the batches keep apart, both ways.
. tests/cli/common.inc
command -v python3 >/dev/null || fail "python3 is needed"
out=$(python3 tools/oracle/batch_check.py --weft-cc "$B/bin/weft-cc" --per 1 --weak 3 2>&1)
st=$?
printf '%s\n' "$out"
expect_eq "$st" 0 "batch_check exit status"
case "$out" in *", 0 differ"*) ;; *) fail "batch_check: $out" ;; esac
# A batch is one translation unit: each program's file-scope names are
# its own (two programs with the same globals and a static function of
# the same name), and the argument picks the program.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
python3 - "$d" <<'PY' || fail "batch.combine"
import sys
sys.path.insert(0, "tools/oracle")
import batch
a = """#include <assert.h>
#include <pthread.h>
int x = 1;
static int r0, r1;
static void *t1(void *arg)
{
	(void)arg;
	x = 2;
	return NULL;
}
int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, t1, NULL);
	r0 = x;
	pthread_join(t, NULL);
	assert(r0 != 5 && r1 != 5);
	return 0;
}
"""
b = a.replace("\tr0 = x;\n", "").replace("pthread_join(t, NULL);",
                                          "pthread_join(t, NULL);\n\tr1 = x;")
assert batch.names(a) == ["x", "r0", "r1", "t1", "main"], batch.names(a)
open(sys.argv[1] + "/b.c", "w").write(batch.combine([a, b]))
PY
"$B/bin/weft-cc" -O1 "$d/b.c" -o "$d/b" || fail "a batch of two programs did not build"
WEFT_OPTIONS="strategy=dfs" "$d/b" 0 >"$d/o0"
expect_eq $? 1 "program 0 (a race on x) exit status"
grep -q "data race" "$d/o0" || fail "program 0: no race: $(cat "$d/o0")"
WEFT_OPTIONS="strategy=dfs" "$d/b" 1 >"$d/o1"
expect_eq $? 0 "program 1 (x read after the join) exit status"
grep -q "verified" "$d/o1" || fail "program 1: $(cat "$d/o1")"
# A batch that does not build leaves its programs to be built alone (so a
# build error is reported against its own program): batch.build returns
# none of them.
python3 - "$B/bin/weft-cc" "$d" <<'PY' || fail "a batch with a broken program"
import multiprocessing, sys
sys.path.insert(0, "tools/oracle")
import batch
good = "#include <stdlib.h>\nint main(void)\n{\n\treturn 0;\n}\n"
bad = good.replace("return 0;", "return undeclared;")
with multiprocessing.Pool(1) as pool:
    assert batch.build(pool, [sys.argv[1], "-O1"], sys.argv[2], [good]) != {}
    got = batch.build(pool, [sys.argv[1], "-O1"], sys.argv[2], [good, bad])
assert got == {}, got
# A name names() missed must not make two programs' tentative definitions
# (`static int r0;` in each) one object: the batch fails to build instead.
tent = "static int r0;\n" + good.replace("return 0;", "return r0;")
names = batch.names
batch.names = lambda s: [n for n in names(s) if n != "r0"]
with multiprocessing.Pool(1) as pool:
    got = batch.build(pool, [sys.argv[1], "-O1"], sys.argv[2],
                      [tent, tent.replace("return r0;", "return r0 + 1;")])
assert got == {}, got
PY
echo "ok: batched programs are explored as built alone"
