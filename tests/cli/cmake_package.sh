# From a fresh prefix: find_package(weft) gives weft::weft and
# weft_add_test(), which builds with weft-cc and registers with CTest (a
# racy pthread program fails, its fixed twin passes, arguments and weft
# flags reach the program); pkg-config gives the runtime for tests written
# against weft's API and names weft-cc; the man pages render cleanly.
. tests/cli/common.inc
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
make -s install PREFIX="$d/prefix" BUILD="$B" >/dev/null || fail "make install"
for f in lib/cmake/weft/weftConfig.cmake lib/cmake/weft/weftConfigVersion.cmake \
	lib/cmake/weft/weft-launch share/man/man1/weft.1 share/man/man1/weft-cc.1; do
	[ -e "$d/prefix/$f" ] || fail "missing $f"
done
mkdir "$d/proj"
cp tests/detect/pthread/racy_counter_bug.c tests/detect/pthread/racy_counter_ok.c \
	tests/detect/core/abba_bug.c tests/cli/mainargs.c "$d/proj/"
cat >"$d/proj/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.13)
project(weft_user C)
enable_testing()
find_package(weft 0.1 REQUIRED)
weft_add_test(racy SOURCES racy_counter_bug.c OPTIONS --strategy=dfs)
weft_add_test(fixed SOURCES racy_counter_ok.c)
weft_add_test(with_args SOURCES mainargs.c
	ARGS "it's a \"race\" $HOME" "--replay=not-weft's")
# The runtime alone, for a test written against weft's API.
add_executable(api abba_bug.c)
target_link_libraries(api weft::weft)
add_test(NAME api COMMAND api --format=json)
set_tests_properties(api PROPERTIES PASS_REGULAR_EXPRESSION "\"kind\":\"deadlock\"")
CMAKE
(cd "$d/proj" && cmake -S . -B build -DCMAKE_PREFIX_PATH="$d/prefix" >"$d/cmake.log" 2>&1) ||
	{ cat "$d/cmake.log"; fail "cmake configure"; }
cmake --build "$d/proj/build" >"$d/build.log" 2>&1 || { cat "$d/build.log"; fail "cmake build"; }
nm "$d/proj/build/racy" | grep -q __tsan_read || fail "weft_add_test target is not instrumented"
(cd "$d/proj/build" && ctest --output-on-failure >"$d/ctest.log" 2>&1)
grep -q 'tests passed, 2 tests failed out of 4' "$d/ctest.log" || { cat "$d/ctest.log"; fail "ctest summary"; }
for t in racy with_args; do
	grep -q "$t .*Failed" "$d/ctest.log" || fail "$t should fail: $(cat "$d/ctest.log")"
done
for t in racy with_args; do # with_args races only with its arguments
	grep -q "^== $t: bug (data-race)" "$d/ctest.log" || fail "ctest output lacks the report of $t"
done
for t in fixed api; do
	grep -q "$t .*Passed" "$d/ctest.log" || fail "$t should pass: $(cat "$d/ctest.log")"
done
# pkg-config: the runtime for a test against weft's API, and weft-cc's place.
export PKG_CONFIG_PATH="$d/prefix/lib/pkgconfig"
cc tests/detect/core/abba_bug.c $(pkg-config --cflags --libs weft) -o "$d/abba" ||
	fail "build with pkg-config"
"$d/abba" --format=json | grep -q '"kind":"deadlock"' || fail "program built with pkg-config"
[ -x "$(pkg-config --variable=weftcc weft)" ] || fail "pkg-config --variable=weftcc"
expect_eq "$(pkg-config --modversion weft)" "$("$d/prefix/bin/weft" --version | cut -d' ' -f2)" "versions"
# The man pages render without warnings.
for m in weft weft-cc; do
	w=$(groff -man -ww -z "$d/prefix/share/man/man1/$m.1" 2>&1)
	[ -z "$w" ] || fail "$m.1: $w"
	MANWIDTH=80 man -l "$d/prefix/share/man/man1/$m.1" 2>/dev/null | grep -q '^SYNOPSIS' ||
		fail "$m.1 does not render"
done
echo ok
