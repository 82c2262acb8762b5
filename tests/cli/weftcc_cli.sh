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
# --version asks the compiler weft-cc picked, never weft-cc (with
# CC=weft-cc it called itself without end).  The CC here is a weft-cc
# that counts its calls and refuses a second, so a relapse fails this
# test instead of filling the machine with processes.
printf '#!/bin/sh\necho call >>"%s/calls"\n[ $(wc -l <"%s/calls") -le 1 ] || exit 1\nexec "%s" "$@"\n' \
	"$tmp" "$tmp" "$W" >"$tmp/weft-cc"
chmod +x "$tmp/weft-cc"
out=$(CC="$tmp/weft-cc" "$W" --version) || fail "CC=weft-cc weft-cc --version: status $?"
[ ! -e "$tmp/calls" ] || fail "CC=weft-cc weft-cc --version ran CC, weft-cc itself: $out"
printf '%s\n' "$out" | sed -n 2p | grep -q . || fail "CC=weft-cc weft-cc --version: no compiler line: $out"
printf '#include <weft/weft.h>\nWEFT_TEST(t) { }\n' >"$tmp/t.c"
CC="$W" timeout 60 "$W" "$tmp/t.c" -o "$tmp/t" || fail "CC=weft-cc: build failed or hung"
PATH="$B/bin:$PATH" CC=weft-cc timeout 60 "$W" "$tmp/t.c" -o "$tmp/t2" ||
	fail "CC=weft-cc (on PATH): build failed or hung"
"$tmp/t2" | grep -q '^== t: verified' || fail "the program built with CC=weft-cc did not run"
# weft-cc adds no feature macro: a source that defines _GNU_SOURCE itself
# builds under -Werror (no redefinition), and one that does not gets the
# POSIX strerror_r, which returns an int, as with cc.
printf '#define _GNU_SOURCE\n#include <pthread.h>\nstatic pthread_mutex_t m = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;\nint main(void) { return pthread_mutex_lock(&m); }\n' >"$tmp/gnu.c"
$W -Wall -Werror "$tmp/gnu.c" -o "$tmp/gnu" 2>"$tmp/err" || fail "#define _GNU_SOURCE under -Werror: $(cat "$tmp/err")"
printf '#include <string.h>\nint main(void) { char b[64]; int r = strerror_r(2, b, sizeof b); return r; }\n' >"$tmp/xsi.c"
$W -Wall -Werror "$tmp/xsi.c" -o "$tmp/xsi" 2>"$tmp/err" || fail "POSIX strerror_r: $(cat "$tmp/err")"
# A project's own -flto (in its CFLAGS) builds, compiled separately or not,
# and the calls still reach weft's models: the race is found, and the
# locked twin is verified.
cat >"$tmp/lto.c" <<'EOT'
#include <pthread.h>
static int n;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *w(void *a)
{
	(void)a;
	if (LOCKED)
		pthread_mutex_lock(&m);
	n++;
	if (LOCKED)
		pthread_mutex_unlock(&m);
	return 0;
}
int main(void)
{
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, w, 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	return 0;
}
EOT
$W -O2 -flto -DLOCKED=0 "$tmp/lto.c" -o "$tmp/lto_bug" 2>"$tmp/err" || fail "-flto: build failed: $(cat "$tmp/err")"
out=$("$tmp/lto_bug" 2>&1 | head -n 1)
[ "$out" = "== lto_bug: bug (data-race)" ] || fail "-flto: the race: $out"
$W -O2 -flto -DLOCKED=1 -c "$tmp/lto.c" -o "$tmp/lto.o" 2>"$tmp/err" || fail "-flto -c: $(cat "$tmp/err")"
$W -O2 -flto "$tmp/lto.o" -o "$tmp/lto_ok" 2>"$tmp/err" || fail "-flto link: $(cat "$tmp/err")"
out=$("$tmp/lto_ok" 2>&1 | head -n 1)
case "$out" in "== lto_ok: verified"*) ;; *) fail "-flto: the locked twin: $out" ;; esac
# A program of one source is linked with ld --wrap (its calls of the names
# weft models go to the models at the link), any other by renaming the
# calls in its objects (WEFT_CC_RENAME=1 forces that path): both keep a
# definition the program makes itself, and give the same report.
cat >"$tmp/own.c" <<'EOT'
#include <assert.h>
#include <pthread.h>
#include <sched.h>
static int mine;
int sched_yield(void)
{
	mine++;
	return 0;
}
static void *w(void *a)
{
	(void)a;
	sched_yield();
	return 0;
}
int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, w, 0);
	pthread_join(t, 0);
	sched_yield();
	assert(mine == 2);
	return 0;
}
EOT
for m in 0 1; do
	WEFT_CC_RENAME=$m $W "$tmp/own.c" -o "$tmp/own$m" 2>"$tmp/err" || fail "own sched_yield (WEFT_CC_RENAME=$m): $(cat "$tmp/err")"
	out=$("$tmp/own$m" 2>&1 | head -n 1)
	case "$out" in "== own$m: verified"*) ;; *) fail "own sched_yield (WEFT_CC_RENAME=$m): $out" ;; esac
done
# The definition in another source: the call is not the link's to wrap.
sed -n '/^int sched_yield/,/^}/p' "$tmp/own.c" | sed 's/^int sched_yield/int mine;\nint sched_yield/' >"$tmp/def.c"
sed -e '/^int sched_yield/,/^}/d' -e 's/^static int mine;/extern int mine;/' "$tmp/own.c" >"$tmp/use.c"
$W "$tmp/use.c" "$tmp/def.c" -o "$tmp/own2" 2>"$tmp/err" || fail "two sources: $(cat "$tmp/err")"
out=$("$tmp/own2" 2>&1 | head -n 1)
case "$out" in "== own2: verified"*) ;; *) fail "sched_yield defined in another source: $out" ;; esac
# The same race found either way, with the same replay token.
for m in 0 1; do
	WEFT_CC_RENAME=$m $W -O2 -DLOCKED=0 "$tmp/lto.c" -o "$tmp/race$m" 2>"$tmp/err" || fail "race (WEFT_CC_RENAME=$m): $(cat "$tmp/err")"
	"$tmp/race$m" >"$tmp/race$m.out" 2>&1
done
expect_eq "$(sed -n 's/^replay: .*--replay=//p' "$tmp/race0.out")" "$(sed -n 's/^replay: .*--replay=//p' "$tmp/race1.out")" "the race's token, wrapped and renamed"
expect_eq "$(head -n 1 "$tmp/race0.out" | sed 's/race0/race/')" "== race: bug (data-race)" "the race, wrapped"
# Forms of cc's command line weft-cc dropped or misread (a helper's
# probe): each built a program without the user's code, or failed, or
# linked the real ThreadSanitizer runtime.
cat >"$tmp/ra.c" <<'EOT'
#include <pthread.h>
int x;
static void *f(void *a) { x++; return a; }
int main(void) { pthread_t t; pthread_create(&t, 0, f, 0); x++; pthread_join(t, 0); return 0; }
EOT
cp "$tmp/ra.c" "$tmp/ra.txt"
printf -- '-O1 "%s" -o "%s"\n' "$tmp/ra.c" "$tmp/rsp" >"$tmp/args.rsp"
$W @"$tmp/args.rsp" 2>"$tmp/err" || fail "@file: $(cat "$tmp/err")"
$W -x c "$tmp/ra.txt" -o "$tmp/xc" 2>"$tmp/err" || fail "-x c file.txt: $(cat "$tmp/err")"
$W -x c - -o "$tmp/stdin" <"$tmp/ra.c" 2>"$tmp/err" || fail "-x c -: $(cat "$tmp/err")"
$W -o"$tmp/att" "$tmp/ra.c" 2>"$tmp/err" || fail "-oFILE: $(cat "$tmp/err")"
$W -fsanitize=thread "$tmp/ra.c" -o "$tmp/tsan" 2>"$tmp/err" || fail "-fsanitize=thread: $(cat "$tmp/err")"
for p in rsp xc stdin att tsan; do
	out=$("$tmp/$p" 2>&1 | head -n 1)
	expect_eq "$out" "== $p: bug (data-race)" "$p: the program's race"
done
for f in -fsanitize=address -fsanitize=undefined,address -static-pie --static; do
	err=$($W $f "$tmp/ra.c" -o "$tmp/no" 2>&1 >/dev/null)
	st=$?
	expect_eq "$st" 2 "$f: exit status"
	expect_eq "$(printf '%s\n' "$err" | grep -c '^weft-cc: ')" 1 "$f: one line: $err"
done
# A review's cases: a response file's escaped quotes and an empty one, a
# response file that names another, -c with -oFILE, -x c then -x none,
# -fsanitize=thread in a list, -Wl,-Bstatic around a library, a shared
# library named by path with its version.
printf '%s\n' "\"$tmp/ra.c\" -o \"$tmp/q1\" \"-DNAME=\\\"weft\\\"\"" >"$tmp/q.rsp"
$W @"$tmp/q.rsp" 2>"$tmp/err" || fail "escaped quotes in @file: $(cat "$tmp/err")"
: >"$tmp/e.rsp"
$W @"$tmp/e.rsp" "$tmp/ra.c" -o "$tmp/q2" 2>"$tmp/err" || fail "empty @file: $(cat "$tmp/err")"
printf '%s\n' "\"$tmp/ra.c\" -o \"$tmp/q3\"" >"$tmp/in.rsp"
printf '@%s\n' "$tmp/in.rsp" >"$tmp/out.rsp"
$W @"$tmp/out.rsp" 2>"$tmp/err" || fail "nested @file: $(cat "$tmp/err")"
$W -c "$tmp/ra.c" -o"$tmp/q4.o" 2>"$tmp/err" && [ -f "$tmp/q4.o" ] || fail "-c -oFILE: $(cat "$tmp/err")"
printf 'int helper(void) { return 0; }\n' >"$tmp/helper.c"
cc -c "$tmp/helper.c" -o "$tmp/helper.o"
ar rcs "$tmp/libhelper.a" "$tmp/helper.o"
sed 's/return 0; }$/return helper(); }/;1i int helper(void);' "$tmp/ra.c" >"$tmp/uh.txt"
$W -x c "$tmp/uh.txt" -x none "$tmp/helper.o" -o "$tmp/q5" 2>"$tmp/err" || fail "-x c, -x none: $(cat "$tmp/err")"
$W -fsanitize=thread,undefined "$tmp/ra.c" -o "$tmp/q6" 2>"$tmp/err" || fail "-fsanitize=thread,undefined: $(cat "$tmp/err")"
cp "$tmp/uh.txt" "$tmp/uh.c"
$W "$tmp/uh.c" -L"$tmp" -Wl,-Bstatic -lhelper -Wl,-Bdynamic -o "$tmp/q7" 2>"$tmp/err" || fail "-Wl,-Bstatic: $(cat "$tmp/err")"
cc -shared -fPIC "$tmp/helper.c" -o "$tmp/libhelper.so.1"
$W "$tmp/uh.c" "$tmp/libhelper.so.1" -o "$tmp/q8" 2>"$tmp/err" || fail "a .so.1 by path: $(cat "$tmp/err")"
for p in q1 q2 q3 q6 q7; do
	out=$("$tmp/$p" 2>&1 | head -n 1)
	expect_eq "$out" "== $p: bug (data-race)" "$p: the program's race"
done
for p in q5 q8; do
	out=$(LD_LIBRARY_PATH=$tmp "$tmp/$p" 2>&1 | head -n 1)
	expect_eq "$out" "== $p: bug (data-race)" "$p: the program's race, helper linked"
done
echo ok
