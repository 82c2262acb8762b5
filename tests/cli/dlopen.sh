# A plugin built with weft-cc that the test opens with dlopen (and never
# closes, as plugins often are): the worker stops at the first open, the
# parent loads the plugin, and the test is explored again with it loaded
# from before main (src/pthread/dl.c).  Its statics are then put back
# before every execution (without, the locked twin's count grew from one
# execution to the next and failed its check: a false bug), the block its
# constructor allocated is one from before main (no leak, no use of a
# block of an earlier execution), and a race inside it is named by its
# global and line.  The replay token and a run in two jobs find the same.
. tests/cli/common.inc
W=$B/bin/weft-cc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/plug.c" <<'EOT'
#include <pthread.h>
#include <stdlib.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int count;
static int *seen;
__attribute__((constructor)) static void plug_init(void)
{
	seen = calloc(4, sizeof *seen);
}
void plug_add(int locked)
{
	if (locked)
		pthread_mutex_lock(&m);
	count++;
	seen[count & 3]++;
	if (locked)
		pthread_mutex_unlock(&m);
}
int plug_count(void)
{
	return count;
}
EOT
cat >"$tmp/host.c" <<'EOT'
#include <assert.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
static void (*add)(int);
static void *w(void *a)
{
	add(a != 0);
	return 0;
}
int main(int argc, char **argv)
{
	void *h = dlopen("./libplug.so", RTLD_NOW);
	pthread_t t[2];
	(void)argv;
	if (!h) {
		fprintf(stderr, "%s\n", dlerror());
		return 1;
	}
	add = (void (*)(int))dlsym(h, "plug_add");
	int (*count)(void) = (int (*)(void))dlsym(h, "plug_count");
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], 0, w, argc > 1 ? (void *)1 : 0);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], 0);
	assert(count() == 2);
	return 0;
}
EOT
$W -O1 -fPIC -shared "$tmp/plug.c" -o "$tmp/libplug.so" 2>"$tmp/err" || fail "plugin build: $(cat "$tmp/err")"
$W -O1 "$tmp/host.c" -ldl -o "$tmp/host" 2>"$tmp/err" || fail "host build: $(cat "$tmp/err")"
cd "$tmp" || fail "cd $tmp"
out=$(./host locked)
expect_eq $? 0 "exit status of the locked run"
printf '%s\n' "$out" | head -n 1 | grep -q '^== host: verified' || fail "locked: $out"
out=$(WEFT_OPTIONS=jobs=2 ./host locked)
expect_eq $? 0 "exit status of the locked run in two jobs"
printf '%s\n' "$out" | head -n 1 | grep -q '^== host: verified' || fail "locked, 2 jobs: $out"
out=$(./host)
expect_eq $? 1 "exit status of the racy run"
printf '%s\n' "$out" | head -n 1 | grep -q '^== host: bug (assertion)' || fail "no lost update: $out"
printf '%s\n' "$out" | grep -q 'data race on count between .* (read at plug.c:14) and .* (write at plug.c:14)' ||
	fail "the race is not named by the plugin's global and line: $out"
token=$(printf '%s\n' "$out" | sed -n "s/^replay: WEFT_OPTIONS='replay=\([^']*\)'.*/\1/p")
[ -n "$token" ] || fail "no replay token: $out"
out=$(WEFT_OPTIONS="replay=$token" ./host)
expect_eq $? 1 "exit status of the replay"
printf '%s\n' "$out" | head -n 1 | grep -q '^== host: bug (assertion)' || fail "replay: $out"
echo ok
