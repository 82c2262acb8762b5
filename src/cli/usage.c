/* src/cli/usage.c - what --help prints.  tools/weft repeats the flag list
 * for `weft --help`; tests/cli/weft_help.sh checks that they agree. */
#include "report/report.h"
#include "options.h"
#include "explore/explore.h"

/* The strategies come from their table (src/explore/strategies.def). */
static const char *strategy_text =
	"  --strategy=S          %s (auto, the\n"
	"                        default: exhaustive DFS for half the budget,\n"
	"                        then PCT)\n";

static const char *usage_text =
	"  --iterations=N        execution budget per test (default 500000; 0:\n"
	"                        no limit but the time limit)\n"
	"  --seed=N              seed for random and pct (default 24301)\n"
	"  --depth=D             PCT bug depth, delays of delay (default 3)\n"
	"  --preemption-bound=K  DFS bound (default: none; 'unbounded' or -1:\n"
	"                        none)\n"
	"  --max-steps=N         steps per execution; a longer one ends it and\n"
	"                        the test is inconclusive (default 20000)\n"
	"  --spin-bound=N        steps with only spinning threads before\n"
	"                        reporting a livelock (default 10000, at\n"
	"                        most half of --max-steps; a thread that\n"
	"                        spins while no other can run goes on for\n"
	"                        100 times that)\n"
	"  --fair-bound=K        DFS: times per execution a thread that just\n"
	"                        spun or yielded may run again before the\n"
	"                        threads it yielded to (default 1, doubled\n"
	"                        up to 64 by the default strategy while its\n"
	"                        budget lasts; -1 or 'unbounded': no limit)\n"
	"  --starve-bound=N      steps a thread runs while another could run\n"
	"                        before it waits for that one to take a step,\n"
	"                        as fair scheduling (default 0: never)\n"
	"  --stale-bound=K       loads per execution that may read an older\n"
	"                        store than the latest (C11 atomics; default\n"
	"                        -1 or 'unbounded': every one; 0: sequential\n"
	"                        consistency only)\n"
	"  --replay=TOKEN        re-run exactly the execution a report printed\n"
	"  --filter=GLOB         run only the tests whose name matches\n"
	"  --list                list the tests and exit\n"
	"  --jobs=N              worker processes for one test: the exhaustive\n"
	"                        search in parts, or random and pct by seeds\n"
	"                        (same verdict and counts as one process\n"
	"                        with the same --split)\n"
	"  --split=W             exhaustive search: branch fully until W\n"
	"                        leaves, the parts' unit (default 8 per job,\n"
	"                        or 8 per shard, at least 16; else no split)\n"
	"  --shard=K/N           explore only part K (1..N) of each test; 'weft\n"
	"                        merge' adds the parts' --json files up\n"
	"  --merge=FILE          report the sum of the shards' JSON results in\n"
	"                        FILE (repeat it) instead of exploring\n"
	"  --time-limit=SECONDS  exploration time per test (default 60; 0 or\n"
	"                        'none': no limit); a test still running 5 s\n"
	"                        later is killed\n"
	"  --no-spurious         do not explore spurious condvar wakeups\n"
	"                        nor spurious compare_exchange_weak failures\n"
	"  --stack-size=BYTES    stack of each WEFT_TEST thread (default\n"
	"                        262144; pthread programs get native sizes)\n"
	"  --leaks=WHICH         blocks reported at the end of a test:\n"
	"                        unreachable (default), all, off\n"
	"  --volatile=plain|marked  volatile accesses race like plain ones\n"
	"                        (default), or are the program's atomics\n"
	"  --exit-status=zero|any  a program's non-zero exit status is a bug\n"
	"                        (default), or any status is fine\n"
	"  --races=bug|off       a data race is a bug (default), or only\n"
	"                        makes its sites scheduling points (SV-COMP's\n"
	"                        unreach-call tasks)\n"
	"  --deadlocks=bug|off   a deadlock or lock-order cycle is a bug\n"
	"                        (default), or ends its execution unreported\n"
	"                        (SV-COMP's unreach-call tasks)\n"
	"  --alloc-fail=nowait|none  a kernel allocation that does not\n"
	"                        sleep (GFP_ATOMIC, GFP_NOWAIT, M_NOWAIT,\n"
	"                        __GFP_NORETRY) may return NULL, once per\n"
	"                        thread and execution (default), or never\n"
	"  --format=text|json    report format on stdout (default text)\n"
	"  --json=FILE           also write the JSON Lines reports to FILE\n"
	"  --junit=FILE          also write a JUnit XML report to FILE\n"
	"  --sarif=FILE          also write the bugs as a SARIF 2.1.0 log to FILE\n"
	"  --verbose             full traces: no collapsed runs\n"
	"  --quiet               no progress line (shown on stderr when it is a\n"
	"                        terminal and a test runs longer than 2 s)\n"
	"  --help, --version\n"
	"Numbers are decimal.  Every flag can also be given in\n"
	"WEFT_OPTIONS=\"strategy=pct iterations=1000\" (quote values with spaces:\n"
	"WEFT_OPTIONS=\"junit='my dir/weft.xml'\").\n"
	"Exit status: 0 no bug, 1 bug found, 2 usage error, 3 inconclusive\n"
	"(a limit of weft, not a bug, kept it from concluding).\n";

void weft__usage(FILE *out, const char *argv0)
{
	if (weft__main_mode_active())
		fprintf(out, "usage: WEFT_OPTIONS='[flags]' %s [program "
			     "arguments]\nRuns the program's main under "
			     "weft's explorer; flags go in WEFT_OPTIONS.\n",
			argv0);
	else
		fprintf(out, "usage: %s [flags]\nRuns the program's weft tests "
			     "under weft's explorer.\n",
			argv0);
	fprintf(out, strategy_text, weft__strategy_names());
	fputs(usage_text, out);
}
