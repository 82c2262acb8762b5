# libweft.so exports only what programs under test call: the public API
# (weft_*, each declared in a header under include/), the entry points
# instrumented or renamed code calls (__tsan_*, the array-bounds check's
# __ubsan_handle_out_of_bounds*, __weft_*, __VERIFIER_*, and __wrap_* for the programs weft-cc links with ld --wrap,
# the -finstrument-functions hooks), the C++ allocation operators, the
# libstdc++ functions of containers and streams (cxx_containers.c) and libc
# names it interposes, the synchronisation functions of libraries
# it refuses (src/pthread/lib_sync.def), and the five internals weft_main.o and WEFT_TEST's
# registration call.  Everything else, weft's own internals above all,
# stays local, so the program can neither see nor interpose them.
. tests/cli/common.inc
lib="$B/lib/libweft.so"
[ -f "$lib" ] || fail "no $lib"
syms=$(nm -D --defined-only "$lib" | awk '{print $3}')
[ -n "$syms" ] || fail "nm -D found no symbols in $lib"
stray=$(printf '%s\n' "$syms" | grep -Ev \
	'^(weft_[a-z]|__weft_|__wrap_|__tsan_|__ubsan_handle_out_of_bounds|__VERIFIER_|__cyg_profile_func_)' |
	grep -Ev '^_Z(nw|na|dl|da)' |
	grep -Evx '_ZNSt8ios_base15sync_with_stdioEb' |
	grep -Evx "$(grep -o '_Z[A-Za-z0-9_]*' src/pthread/cxx_containers.c |
		sort -u | paste -sd'|')" |
	grep -Evx 'weft__entry|weft__program_fini|weft__premain_guard|weft__register_test|weft__wake_sites|reach_error|__once_proxy' |
	grep -Evx 'pthread_[a-z_]+|clock_gettime|nanosleep|syscall|gettid' |
	grep -Evx 'fwrite|fputc|putc|fputs|putwc|fprintf|fflush|write|writev' |
	grep -Evx "$(sed -n 's/^LIB_SYNC\(_WAIT\)\{0,1\}(\([A-Za-z0-9_]*\))$/\2/p' \
		src/pthread/lib_sync.def | paste -sd'|')" |
	tr '\n' ' ')
expect_eq "$stray" "" "exported but neither public nor an entry point"
undeclared=""
for s in $(printf '%s\n' "$syms" | grep '^weft_[a-z]'); do
	grep -rqw "$s" include/ || undeclared="$undeclared$s "
done
expect_eq "$undeclared" "" "exported as public but in no header"
echo ok
