# A race inside a function of the program's own header is reported at the
# header's line, with the header's name: with gcc 12's DWARF 5 line
# tables, binutils 2.40's addr2line named the including file instead ("at
# m.c:36" in a 3-line m.c), and libstdc++'s gthr-default.h lines were
# drawn as the program's.  weft-cc now asks for DWARF 4.
. tests/cli/common.inc
W=$B/bin/weft-cc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
	for i in $(seq 1 30); do echo "/* line $i */"; done
	cat <<'EOT'
static int counter;
static void bump(void)
{
	counter++;
}
EOT
} >"$tmp/helper.h"
cat >"$tmp/m.c" <<'EOT'
#include <pthread.h>
#include "helper.h"
static void *w(void *a) { (void)a; bump(); return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, w, 0); bump(); pthread_join(t, 0); return 0; }
EOT
$W -O1 "$tmp/m.c" -o "$tmp/m" 2>"$tmp/err" || fail "build: $(cat "$tmp/err")"
out=$("$tmp/m" 2>&1)
printf '%s\n' "$out" | grep -q 'data race on counter between w (read at helper.h:34) and m (write at helper.h:34)' ||
	fail "the race is not at the header's line: $out"
exit 0
