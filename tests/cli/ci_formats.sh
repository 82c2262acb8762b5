# --junit=FILE, --sarif=FILE and --json=FILE: JUnit XML with one testsuite
# and a testcase per test (a failure with the report for a bug, skipped
# for an inconclusive test, an error for a usage error); a SARIF 2.1.0 log
# with one result per bug, checked against the schema's required fields
# and allowed properties; the JSON Lines reports in a file while stdout
# keeps the text report.  An unwritable file is a usage error up front.
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
R=$B/tests/cli/reports
line() { grep -n -F -- "$1" tests/cli/reports.c | head -n 1 | cut -d: -f1; }

$P --time-limit=1 --junit="$d/prog.xml" --sarif="$d/prog.sarif" \
	--json="$d/prog.jsonl" >"$d/prog.txt"
expect_eq $? 1 "exit status"
grep -q '^== deadlocks: bug (deadlock)' "$d/prog.txt" || fail "stdout is not the text report"
$P --time-limit=1 --format=json >"$d/stdout.jsonl"
$R --filter='*race*' --sarif="$d/race.sarif" --junit="$d/race.xml" >/dev/null
$B/tests/cli/nondet --junit="$d/nondet.xml" --sarif="$d/nondet.sarif" >/dev/null 2>&1
expect_eq $? 2 "nondeterministic program"

python3 - "$d" "$(line 'shared = 1;')" "$(line 'reports_sink = shared;')" <<'PY' || exit 1
import json, sys, xml.etree.ElementTree as ET
d, writer, reader = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)

# ---- JUnit
root = ET.parse(d + "/prog.xml").getroot()
if root.tag != "testsuites" or len(root) != 1 or root[0].tag != "testsuite":
    fail("JUnit: want <testsuites> holding one <testsuite>")
suite = root[0]
cases = {c.get("name"): c for c in suite.findall("testcase")}
if list(cases) != ["deadlocks", "crashes", "clean", "hangs"]:
    fail("JUnit testcases: %s" % list(cases))
want = {"tests": "4", "failures": "2", "skipped": "1", "errors": "0"}
for k, v in want.items():
    if suite.get(k) != v or root.get(k) != v:
        fail("JUnit %s=%s, want %s" % (k, suite.get(k), v))
if suite.get("name") != "prog" or any(c.get("classname") != "prog" for c in cases.values()):
    fail("JUnit suite and class names")
for name, kind in (("deadlocks", "deadlock"), ("crashes", "crash")):
    f = cases[name].find("failure")
    if f is None or f.get("type") != kind or not f.get("message", "").startswith(kind + ": "):
        fail("JUnit failure of %s" % name)
    if "replay: " not in f.text or ("== %s: bug" % name) not in f.text:
        fail("JUnit failure of %s lacks the report" % name)
s = cases["hangs"].find("skipped")
if s is None or "time-limit" not in s.get("message", "") or cases["hangs"].find("failure") is not None:
    fail("JUnit: hangs is not skipped with its reason")
if len(cases["clean"].findall("failure")) + len(cases["clean"].findall("skipped")):
    fail("JUnit: clean is not a plain pass")
for c in cases.values():
    float(c.get("time"))
err = ET.parse(d + "/nondet.xml").getroot().find("testsuite/testcase/error")
if err is None or "different path" not in err.get("message", ""):
    fail("JUnit: nondeterminism is not an error")

# ---- SARIF 2.1.0: required fields, allowed properties, types
def obj(o, where, required=(), allowed=None):
    if not isinstance(o, dict):
        fail("SARIF %s: not an object" % where)
    for k in required:
        if k not in o:
            fail("SARIF %s: missing required '%s'" % (where, k))
    if allowed is not None:
        extra = set(o) - set(allowed) - {"properties"}
        if extra:
            fail("SARIF %s: properties the schema forbids: %s" % (where, extra))
    return o

def message(m, where):
    obj(m, where, allowed=("text", "markdown", "id", "arguments"))
    if not isinstance(m.get("text"), str) and not isinstance(m.get("id"), str):
        fail("SARIF %s: a message needs text or id" % where)

def location(l, where, related):
    obj(l, where, allowed=("id", "physicalLocation", "logicalLocations", "message",
                           "annotations", "relationships"))
    if related and (not isinstance(l.get("id"), int) or l["id"] < -1):
        fail("SARIF %s: related location without an integer id" % where)
    if "message" in l:
        message(l["message"], where + ".message")
    p = obj(l["physicalLocation"], where, allowed=("address", "artifactLocation", "region",
                                                   "contextRegion"))
    a = obj(p["artifactLocation"], where, allowed=("uri", "uriBaseId", "index", "description"))
    if not isinstance(a.get("uri"), str) or not a["uri"] or " " in a["uri"]:
        fail("SARIF %s: bad uri %r" % (where, a.get("uri")))
    r = obj(p["region"], where, allowed=("startLine", "startColumn", "endLine", "endColumn",
                                         "charOffset", "charLength", "byteOffset",
                                         "byteLength", "snippet", "message", "sourceLanguage"))
    if not isinstance(r.get("startLine"), int) or r["startLine"] < 1:
        fail("SARIF %s: startLine must be an integer >= 1" % where)
    return (a["uri"], r["startLine"])

def sarif(path):
    log = obj(json.load(open(path)), "log", ("version", "runs"),
              ("$schema", "version", "runs", "inlineExternalProperties"))
    if log["version"] != "2.1.0" or not isinstance(log["runs"], list) or len(log["runs"]) != 1:
        fail("SARIF log: version or runs")
    run = obj(log["runs"][0], "run", ("tool",))
    drv = obj(obj(run["tool"], "tool", ("driver",), ("driver", "extensions"))["driver"],
              "driver", ("name",))
    rules = drv.get("rules", [])
    for i, rule in enumerate(rules):
        obj(rule, "rule %d" % i, ("id",))
        message(rule["shortDescription"], "rule %d" % i)
    for inv in run.get("invocations", []):
        obj(inv, "invocation", ("executionSuccessful",))
        if not isinstance(inv["executionSuccessful"], bool):
            fail("SARIF invocation: executionSuccessful is not a boolean")
        for n in inv.get("toolExecutionNotifications", []):
            obj(n, "notification", ("message",))
            message(n["message"], "notification")
    out = []
    for i, r in enumerate(run["results"]):
        w = "result %d" % i
        obj(r, w, ("message",), ("ruleId", "ruleIndex", "level", "message", "locations",
                                 "relatedLocations", "kind", "rule"))
        message(r["message"], w)
        if r.get("level") not in ("none", "note", "warning", "error"):
            fail("SARIF %s: level" % w)
        if rules[r["ruleIndex"]]["id"] != r["ruleId"]:
            fail("SARIF %s: ruleIndex does not point at ruleId" % w)
        locs = [location(l, w + " location", False) for l in r["locations"]]
        rel = [location(l, w + " related", True) for l in r["relatedLocations"]]
        if len({l["id"] for l in r["relatedLocations"]}) != len(rel):
            fail("SARIF %s: related location ids repeat" % w)
        out.append((r["ruleId"], locs, rel, r["properties"]))
    return run, out

run, results = sarif(d + "/prog.sarif")
kinds = [k for k, _, _, _ in results]
if kinds[:3] != ["deadlock", "lock-order", "crash"] or len(kinds) != 3:
    fail("SARIF results of prog: %s" % kinds)
dl = results[0]
src = open("tests/cli/prog.c").read().splitlines()
def line_of(text, after=0):
    return next(i + 1 for i, l in enumerate(src) if i >= after and text in l)
ab_b = line_of("weft_mutex_lock(&b);")               # ab waits for b here
ba_a = line_of("weft_mutex_lock(&a);", line_of("static void ba("))
if dl[1] != [("tests/cli/prog.c", ab_b)] or ("tests/cli/prog.c", ba_a) not in dl[2]:
    fail("SARIF deadlock: located at %s, related %s" % (dl[1], dl[2]))
if "replay" not in dl[3] or dl[3]["test"] != "deadlocks":
    fail("SARIF deadlock: properties %s" % dl[3])
if run["originalUriBaseIds"]["SRCROOT"]["uri"][:8] != "file:///":
    fail("SARIF: SRCROOT")
if run["invocations"][0]["executionSuccessful"] is not True or \
   "hangs" not in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]:
    fail("SARIF: the inconclusive test is not a notification")

_, results = sarif(d + "/race.sarif")
# The races of the two tests named *race*; a test added to reports.c
# under such a name must not change the count.
races = [r for r in results if r[0] == "data-race" and
         r[3]["test"] in ("volatile_race", "race_in_long_run")]
if len(races) != 2:
    fail("SARIF race results: %s" % results)
race = [r for r in races if r[3]["test"] == "race_in_long_run"][0]
if race[1] != [("tests/cli/reports.c", writer)] or ("tests/cli/reports.c", reader) not in race[2]:
    fail("SARIF race: located at %s, related %s" % (race[1], race[2]))
run, results = sarif(d + "/nondet.sarif")
if results or run["invocations"][0]["executionSuccessful"] is not False:
    fail("SARIF: a usage error is not an unsuccessful execution")

# ---- JSON Lines in a file: what --format=json prints
def norm(path):
    rows = [json.loads(l) for l in open(path)]
    for r in rows:
        r.pop("seconds")
    return rows
if norm(d + "/prog.jsonl") != norm(d + "/stdout.jsonl"):
    fail("--json=FILE differs from --format=json")
PY
# A file that cannot be written stops the run before it starts.
for f in junit sarif json; do
	err=$($P --filter=clean "--$f=$d/no/such/dir/x" 2>&1 >/dev/null)
	expect_eq $? 2 "--$f to an unwritable path"
	expect_eq "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 1 "one line for --$f"
done
echo ok
