# Where the CPU has no FSGSBASE, a C++ program's test threads keep their
# own copies of the C++ runtime's thread-local variables by swapping them
# at each switch (src/arch/tls.c).  The runtime keeps std::call_once's
# callable in a thread-local pointer: when that path left C++ programs
# sharing it, two threads' call_once calls raced on the one pointer (a
# false data race in call_once_ok, a crash in future_async_ok).
# WEFT_FIBER_TLS=syscall decides as if FSGSBASE were missing on any
# machine; the programs' verdicts must not change.  x86_64 only.
. tests/cli/common.inc
[ "$(uname -m)" = x86_64 ] || { echo ok; exit 0; }
verdict() { # PROGRAM: "verdict kind" of its dfs run
	WEFT_OPTIONS="strategy=dfs format=json" "$1" 2>/dev/null |
		sed -n 's/.*"verdict":"\([a-z]*\)","kind":\("[^"]*"\|null\).*/\1 \2/p'
}
for t in call_once_ok future_async_ok thread_local_dtor_ok call_once_bug; do
	p=$B/tests/detect/cxx/$t
	[ -x "$p" ] || { echo "tls_syscall.sh: $p not built" >&2; exit 1; }
	want=$(verdict "$p")
	got=$(WEFT_FIBER_TLS=syscall verdict "$p")
	expect_eq "$got" "$want" "$t with the system call switch"
	case $t in *_ok) expect_eq "$got" "verified null" "$t verified" ;; esac
done
echo ok
