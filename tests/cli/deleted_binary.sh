# A program that deletes its own file (a self-cleaning tool, an
# installer) keeps the source lines of its report: the addr2line helper
# was given the path /proc/self/exe names, "... (deleted)", and every
# line was "?:0" with an error of addr2line's on stderr (a helper's probe
# of the command line).  The kernel still has the file, under the
# process's /proc entry.
. tests/cli/common.inc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/unl.c" <<'EOT'
#include <pthread.h>
#include <unistd.h>
int x;
static void *f(void *a) { x++; return a; }
int main(int argc, char **argv)
{
	pthread_t t;
	(void)argc;
	unlink(argv[0]);
	pthread_create(&t, 0, f, 0);
	x++;
	pthread_join(t, 0);
	return 0;
}
EOT
$B/bin/weft-cc -g "$tmp/unl.c" -o "$tmp/unl" || fail "unl.c did not build"
out=$("$tmp/unl" 2>"$tmp/err")
expect_eq "$(printf '%s\n' "$out" | head -n 1)" "== unl: bug (data-race)" "the race"
printf '%s\n' "$out" | grep -q 'unl\.c:[0-9]' || fail "no source line: $out"
[ -s "$tmp/err" ] && fail "stderr: $(cat "$tmp/err")"
echo ok
