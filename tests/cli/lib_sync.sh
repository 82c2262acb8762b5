# Synchronisation inside a library weft does not see (src/pthread/
# lib_sync.c): a program whose threads lock with a library's g_mutex_lock
# (here a stand-in for GLib's, built without weft-cc, with glibc's own
# mutex inside) gets an honest inconclusive naming the call and the
# library, where a correct program was a data race and an ABBA deadlock
# was verified; the exhaustive search alone ends (it ran its whole budget
# when a refusal's step never returned), at the first refusal.  The same library built with
# weft-cc is seen: its calls go through, and a correct program verifies.
. tests/cli/common.inc
W=$B/bin/weft-cc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/libg.c" <<'EOT'
#include <pthread.h>
typedef struct { pthread_mutex_t m; } GMutex;
void g_mutex_lock(GMutex *m) { pthread_mutex_lock(&m->m); }
void g_mutex_unlock(GMutex *m) { pthread_mutex_unlock(&m->m); }
EOT
cat >"$tmp/useg.c" <<'EOT'
#include <assert.h>
#include <pthread.h>
typedef struct { pthread_mutex_t m; } GMutex;
void g_mutex_lock(GMutex *m);
void g_mutex_unlock(GMutex *m);
static GMutex a = { PTHREAD_MUTEX_INITIALIZER };
static int counter;
static void *work(void *p)
{
	(void)p;
	g_mutex_lock(&a);
	counter++;
	g_mutex_unlock(&a);
	return 0;
}
int main(void)
{
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, work, 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	assert(counter == 2);
	return 0;
}
EOT
# Not seen: a plain build of the library.
cc -O1 -fPIC -shared "$tmp/libg.c" -o "$tmp/libg.so" -lpthread 2>"$tmp/err" || fail "library build: $(cat "$tmp/err")"
$W -O1 "$tmp/useg.c" -L"$tmp" -lg -Wl,-rpath,"$tmp" -o "$tmp/useg" 2>"$tmp/err" || fail "program build: $(cat "$tmp/err")"
for s in dfs auto; do
	out=$(WEFT_OPTIONS="strategy=$s" "$tmp/useg")
	expect_eq $? 3 "exit status, $s ($out)"
	printf '%s\n' "$out" | head -n 1 | grep -q '^== useg: inconclusive (unsupported: g_mutex_lock' ||
		fail "$s: $out"
	printf '%s\n' "$out" | grep -q 'with g_mutex_lock of libg.so, which was not built with weft-cc' ||
		fail "$s: the library is not named: $out"
done
out=$(WEFT_OPTIONS="strategy=dfs" "$tmp/useg")
printf '%s\n' "$out" | head -n 1 | grep -q 'dfs; ' || fail "the exhaustive search did not end: $out"
printf '%s\n' "$out" | head -n 1 | grep -q ' 500000 cut' && fail "the exhaustive search ran its whole budget: $out"
# The first refusal ends the search: the library keeps state weft does
# not restore, and a later execution ran on it (a correct liburcu
# reader's second execution failed liburcu's own assertion, and that
# crash was the verdict).
printf '%s\n' "$out" | head -n 1 | grep -q '(unsupported: g_mutex_lock; 1 execution, ' ||
	fail "the search went on after a refusal: $out"
# Every verdict names the library weft does not see (a lost update
# through a library's atomics was verified with no word of it).
printf '%s\n' "$out" | grep -q '^note: the program is linked with libg.so, not built with weft-cc' ||
	fail "no note of the unseen library: $out"
# Seen: the library built with weft-cc.
$W -O1 -fPIC -shared "$tmp/libg.c" -o "$tmp/libg.so" 2>"$tmp/err" || fail "weft-cc library build: $(cat "$tmp/err")"
out=$("$tmp/useg")
expect_eq $? 0 "exit status with the library built with weft-cc ($out)"
printf '%s\n' "$out" | head -n 1 | grep -q '^== useg: verified' || fail "built with weft-cc: $out"
printf '%s\n' "$out" | grep -q 'is linked with' && fail "a library built with weft-cc is named as unseen: $out"
echo ok
