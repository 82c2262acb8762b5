# A library under test built as a shared object with weft-cc and linked to
# its test program: a race inside it is reported with the library's
# global by name and its source lines (each object's own symbols and
# addr2line), not as "memory@1 at libq.so:0"; with the lock, verified,
# which needs the library's statics put back before every execution
# like the program's (its count would otherwise grow from one execution
# to the next and fail the program's check).  Its replay token replays.
. tests/cli/common.inc
W=$B/bin/weft-cc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/libq.c" <<'EOT'
#include <pthread.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int count;
void q_add(int locked)
{
	if (locked)
		pthread_mutex_lock(&m);
	count++;
	if (locked)
		pthread_mutex_unlock(&m);
}
int q_count(void)
{
	return count;
}
EOT
cat >"$tmp/useq.c" <<'EOT'
#include <assert.h>
#include <pthread.h>
void q_add(int locked);
int q_count(void);
static void *w(void *a)
{
	q_add(a != 0);
	return 0;
}
int main(int argc, char **argv)
{
	pthread_t t[2];
	(void)argv;
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, w, argc > 1 ? (void *)1 : 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	assert(q_count() == 2);
	return 0;
}
EOT
$W -O1 -fPIC -shared "$tmp/libq.c" -o "$tmp/libq.so" 2>"$tmp/err" || fail "library build: $(cat "$tmp/err")"
$W -O1 "$tmp/useq.c" -L"$tmp" -lq -Wl,-rpath,"$tmp" -o "$tmp/useq" 2>"$tmp/err" || fail "program build: $(cat "$tmp/err")"
out=$("$tmp/useq")
expect_eq $? 1 "exit status of the racy run"
# The lost update fails the check; the race is reported with it.
printf '%s\n' "$out" | head -n 1 | grep -q '^== useq: bug (assertion)' || fail "no lost update: $out"
printf '%s\n' "$out" | grep -q 'data race on count between .* (read at libq.c:8) and .* (write at libq.c:8)' ||
	fail "the race is not named by the library's global and line: $out"
printf '%s\n' "$out" | grep -q 'called from w at .*useq.c:7' || fail "no caller in the program: $out"
# The replay token of a race inside the library replays it: the racing
# sites it carries are named by object and offset, not only the
# executable's (a replay once diverged at the library's racing site).
token=$(printf '%s\n' "$out" | sed -n "s/^replay: WEFT_OPTIONS='replay=\([^']*\)'.*/\1/p")
[ -n "$token" ] || fail "no replay token: $out"
rout=$(WEFT_OPTIONS="replay=$token" "$tmp/useq")
expect_eq $? 1 "exit status of the replay"
printf '%s\n' "$rout" | head -n 1 | grep -q '^== useq: bug (assertion)' || fail "replay: $rout"
out=$("$tmp/useq" locked)
expect_eq $? 0 "exit status of the locked run"
printf '%s\n' "$out" | head -n 1 | grep -q '^== useq: verified' || fail "locked: $out"
# A loop in the library that polls a plain flag, read once before it at
# -O1: the thread is parked there as looping for ever, a livelock at the
# library's line, not a 65 s time limit (the probe looked at the
# executable's code only: a probe of awkward programs).
cat >"$tmp/libw.c" <<'EOT'
int w_ready;
void w_wait(void)
{
	while (!w_ready)
		;
}
EOT
cat >"$tmp/usew.c" <<'EOT'
#include <pthread.h>
extern int w_ready;
void w_wait(void);
static void *waiter(void *a)
{
	(void)a;
	w_wait();
	return 0;
}
int main(void)
{
	pthread_t t;
	pthread_create(&t, 0, waiter, 0);
	w_ready = 1;
	pthread_join(t, 0);
	return 0;
}
EOT
$W -O1 -fPIC -shared "$tmp/libw.c" -o "$tmp/libw.so" 2>"$tmp/err" || fail "library build: $(cat "$tmp/err")"
$W -O1 "$tmp/usew.c" -L"$tmp" -lw -Wl,-rpath,"$tmp" -o "$tmp/usew" 2>"$tmp/err" || fail "program build: $(cat "$tmp/err")"
out=$(WEFT_OPTIONS=time-limit=20 "$tmp/usew")
expect_eq $? 1 "exit status of the library's endless loop"
printf '%s\n' "$out" | head -n 1 | grep -q '^== usew: bug (livelock)' || fail "library loop: $out"
printf '%s\n' "$out" | grep -q 'loops for ever here.*libw.c:4' || fail "library loop's line: $out"

# A system-style library built without weft-cc keeps an eventfd in a
# static across calls, as event loops do: weft keeps the library's
# statics, so it must keep the descriptor open too.  A sweep of every
# anonymous descriptor left open closed it, and the library's next write
# failed in a later execution (a review's probe).
cat >"$tmp/libc1.c" <<'EOT'
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
static int efd = -1;
int cache_signal(void)
{
	uint64_t one = 1;
	if (efd < 0)
		efd = eventfd(0, EFD_CLOEXEC);
	return (int)write(efd, &one, sizeof one);
}
EOT
cat >"$tmp/usec1.c" <<'EOT'
#include <pthread.h>
#include <stdlib.h>
int cache_signal(void);
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int n;
static void *fn(void *a)
{
	for (int i = 0; i < 2; i++) {
		pthread_mutex_lock(&m);
		n++;
		pthread_mutex_unlock(&m);
	}
	return a;
}
int main(void)
{
	pthread_t t[3];
	if (cache_signal() != 8)
		abort();
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], 0, fn, 0);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], 0);
	return 0;
}
EOT
${CC:-cc} -O1 -fPIC -shared "$tmp/libc1.c" -o "$tmp/libc1.so" 2>"$tmp/err" || fail "plain library build: $(cat "$tmp/err")"
$W -O1 "$tmp/usec1.c" -L"$tmp" -lc1 -Wl,-rpath,"$tmp" -o "$tmp/usec1" 2>"$tmp/err" || fail "program build: $(cat "$tmp/err")"
out=$("$tmp/usec1")
expect_eq $? 0 "exit status of a program whose library keeps an eventfd"
printf '%s\n' "$out" | head -n 1 | grep -q '^== usec1: verified' || fail "library's eventfd: $out"
echo ok
