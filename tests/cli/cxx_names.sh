# C++ names in reports are the program's spelling: a crash's place was
# named by its mangled symbol (_ZNKSt8functionIFiiEEclEi), and a long one
# (a std::unordered_map internal) was cut at 255 characters, left mangled
# (a probe of C++ programs).
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat >"$d/fn.cpp" <<'EOT'
#include <cstdlib>
#include <functional>
#include <thread>
static std::function<int(int)> f;
int main()
{
	std::thread t([] { f(1); });
	t.join();
	return 0;
}
EOT
WEFT_CXX=${WEFT_CXX:-g++} "$B/bin/weft-c++" -std=c++17 -O1 -g "$d/fn.cpp" -o "$d/fn" 2>/dev/null || fail "fn.cpp did not build"
st=0
out=$("$d/fn" 2>&1) || st=$?
[ $st = 1 ] || fail "exit status $st, expected 1: $out"
printf '%s\n' "$out" | grep -q '^crash: ' || fail "not a crash: $out"
printf '%s\n' "$out" | grep '^crash: ' | grep -q 'std::function<int (int)>::operator()(int) const' ||
	fail "the std::function call is not named: $out"
printf '%s\n' "$out" | grep '^crash: ' | grep -q '_Z' && fail "a mangled name: $out"
# A race inside library code inlined at the program's line names that
# code too: libstdc++ 12's std::atomic<std::shared_ptr> reads its pointer
# and unlocks with a relaxed store, a race by the C++ memory model (as
# ThreadSanitizer reports it too), which was shown at the program's lines
# alone, as the program's own access.
cat >"$d/asp.cpp" <<'EOT'
#include <atomic>
#include <cstdio>
#include <memory>
#include <thread>
static std::atomic<std::shared_ptr<int>> g;
int main()
{
	g.store(std::make_shared<int>(1));
	std::thread writer([] { g.store(std::make_shared<int>(2)); });
	std::thread reader([] { auto p = g.load(); std::printf("%d\n", *p); });
	writer.join();
	reader.join();
	return 0;
}
EOT
WEFT_CXX=${WEFT_CXX:-g++} "$B/bin/weft-c++" -std=c++20 -O1 -g "$d/asp.cpp" -o "$d/asp" 2>/dev/null || fail "asp.cpp did not build"
out=$("$d/asp" 2>&1)
if printf '%s\n' "$out" | grep -q '^data-race: '; then
	printf '%s\n' "$out" | grep -q 'asp.cpp:[0-9]* (operator()), inside std::_Sp_atomic<std::shared_ptr<int> >::load at shared_ptr_atomic.h:[0-9]*' ||
		fail "the library's load is not named: $out"
fi
echo ok
