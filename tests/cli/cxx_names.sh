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
echo ok
