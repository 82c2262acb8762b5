# Source paths with spaces and quotes.  A data race in a file under a
# directory whose name has a space names its lines and is one finding:
# addr2line's "FILE:LINE" was cut at the first space, so every racing
# access was at "?:0", each instruction became a site of its own, and the
# one race of x++ against x++ was three findings (its write drawn twice).
# A SARIF log locates a bug in a file whose name has a space and a quote
# at that whole name, percent-encoded: the name was read out of the
# report from its last space or quote on ('a "b" c.c' became "c.c"),
# also once the source is gone (the name comes from the run's record).
. tests/cli/common.inc
W=$(cd "$B/bin" && pwd)/weft-cc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
d="$tmp/my dir"
mkdir "$d" || fail "mkdir"
cat >"$d/ab.c" <<'EOT'
#include <weft/weft.h>
static int counter;
static void w(void *a) { (void)a; counter++; }
WEFT_TEST(race) {
	weft_thread_t t = weft_spawn(w, NULL);
	counter++;
	weft_join(t);
}
EOT
cat >"$d/a \"b\" c.c" <<'EOT'
#include <weft/weft.h>
static int n;
WEFT_TEST(fails) { weft_assert(n == 1); }
EOT
(cd "$d" && "$W" -g ab.c -o ab && "$W" -g 'a "b" c.c' -o abc) ||
	fail "weft-cc in a directory whose name has a space"
has() { printf '%s\n' "$1" | grep -q -F -- "$2" || fail "$3: no '$2' in:
$1"; }
hasnt() { ! printf '%s\n' "$1" | grep -q -F -- "$2" || fail "$3: '$2' in:
$1"; }

out=$(cd "$d" && ./ab --sarif=race.sarif)
expect_eq $? 1 "race: exit status"
has "$out" "data race on counter between w (read at ab.c:3) and race (write at ab.c:6)" "race header"
has "$out" "read of 4 bytes by thread w at $d/ab.c:3 (w)" "race: the read's place"
has "$out" "previous write of 4 bytes by thread race at $d/ab.c:6" "race: the write's place"
has "$out" "write(counter) [race]  ab.c:6" "race trace: main's write"
has "$out" "read(counter) [race]  ab.c:3" "race trace: w's read"
hasnt "$out" "?:0" "race: an unknown place"
expect_eq "$(printf '%s\n' "$out" | grep -c '^\(also \)\{0,1\}data-race: ')" 1 \
	"data-race findings"
expect_eq "$(printf '%s\n' "$out" | grep -c -F 'write(counter) [race]')" 1 \
	"rows of main's write"

(cd "$d" && ./abc --sarif=abc.sarif >/dev/null)
expect_eq $? 1 "assertion: exit status"
rm "$d/a \"b\" c.c"
(cd "$d" && ./abc --sarif=gone.sarif >/dev/null)
expect_eq $? 1 "assertion, source gone: exit status"

python3 - "$d" <<'PY' || exit 1
import json, sys
d = sys.argv[1]

def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)

def results(name):
    run = json.load(open(d + "/" + name))["runs"][0]
    root = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    if root != "file://" + d.replace(" ", "%20") + "/":
        fail("%s: SRCROOT %r" % (name, root))
    out = []
    for r in run["results"]:
        locs = [(l["physicalLocation"]["artifactLocation"]["uri"],
                 l["physicalLocation"]["region"]["startLine"])
                for l in r["locations"] + r["relatedLocations"]]
        out.append((r["ruleId"], locs))
    return out

races = results("race.sarif")
if races != [("data-race", [("ab.c", 3), ("ab.c", 6)])]:
    fail("race.sarif: %s" % races)
for name in ("abc.sarif", "gone.sarif"):
    got = results(name)
    if got != [("assertion", [("a%20%22b%22%20c.c", 3)])]:
        fail("%s: %s" % (name, got))
PY
echo ok
