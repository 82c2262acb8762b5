# A library not built with weft-cc that creates a thread while the test
# runs (OpenMP's runtime for a parallel region, a library's thread pool):
# a real thread, which weft neither schedules nor watches, running the
# program's code beside the test.  An OpenMP loop's data race was
# "verified (exhaustive: 1 schedule)".  Now the execution is inconclusive,
# naming the library and the program's call; the same program with its
# threads made by pthread_create in weft-cc's code is explored as usual.
. tests/cli/common.inc
W=$B/bin/weft-cc
CC_=${CC:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/libpool.c" <<'EOT'
#include <pthread.h>
/* Built with the plain compiler: its pthread_create is the real one. */
void pool_run(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	pthread_create(&t, 0, fn, arg);
	fn(arg);
	pthread_join(t, 0);
}
EOT
cat >"$tmp/usepool.c" <<'EOT'
#include <assert.h>
#include <pthread.h>
void pool_run(void *(*fn)(void *), void *arg);
static int sum;
static void *add(void *a)
{
	(void)a;
	sum++;
	return 0;
}
int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		pthread_t t;
		pthread_create(&t, 0, add, 0);
		add(0);
		pthread_join(t, 0);
	} else {
		pool_run(add, 0);
	}
	assert(sum == 2);
	return 0;
}
EOT
$CC_ -O1 -fPIC -shared "$tmp/libpool.c" -o "$tmp/libpool.so" -lpthread 2>"$tmp/err" || fail "library build: $(cat "$tmp/err")"
$W -O1 "$tmp/usepool.c" -L"$tmp" -lpool -Wl,-rpath,"$tmp" -o "$tmp/usepool" 2>"$tmp/err" || fail "program build: $(cat "$tmp/err")"
out=$("$tmp/usepool" 2>&1)
st=$?
printf '%s\n' "$out" | head -n 1 | grep -q "^== usepool: inconclusive (unsupported: a library's thread" ||
	fail "a library's own thread was not refused: $out"
printf '%s\n' "$out" | grep -q "libpool.so created a thread with pthread_create while the test ran" ||
	fail "the library is not named: $out"
printf '%s\n' "$out" | grep -q "at .*usepool.c:20)" || fail "the program's call is not named: $out"
expect_eq $st 3 "exit status of an inconclusive run"
# Its threads made by weft-cc's code: the race is found.
out=$("$tmp/usepool" own 2>&1)
printf '%s\n' "$out" | head -n 1 | grep -q '^== usepool: bug (data-race)\|^== usepool: bug (assertion)' ||
	fail "the program's own threads: $out"
# OpenMP, where the compiler has it: a parallel loop's race was verified.
cat >"$tmp/omp.c" <<'EOT'
int main(void)
{
	int sum = 0;
#pragma omp parallel for
	for (int i = 0; i < 100; i++)
		sum += i;
	return sum == 4950 ? 0 : 1;
}
EOT
if $W -fopenmp "$tmp/omp.c" -o "$tmp/omp" 2>/dev/null; then
	out=$("$tmp/omp" 2>&1)
	printf '%s\n' "$out" | head -n 1 | grep -q "^== omp: inconclusive (unsupported: a library's thread" ||
		fail "an OpenMP region was not refused: $out"
	printf '%s\n' "$out" | grep -q "libgomp" || fail "libgomp is not named: $out"
fi
exit 0
