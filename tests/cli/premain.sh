# A constructor of the program's runs before main, and so before weft:
# one that crashes or calls exit() is one line from weft and exit status
# 2, no test having run (a crash was the shell's "Segmentation fault",
# status 139; exit(3) was status 3 with no word, read as inconclusive).
# The program's own lines before it stay.
. tests/cli/common.inc
X=$B/tests/cli/ctor_end
err=$(CTOR_END=crash $X 2>&1 >/dev/null)
expect_eq $? 2 "a crash in a constructor: exit status"
case $err in
"weft: the program crashed (SIGSEGV) before main, in a constructor or a static initializer (at ctor_end.c:"*" in setup): no test ran") ;;
*) fail "a crash in a constructor: '$err'" ;; esac
err=$(CTOR_END=exit $X 2>&1 >/dev/null)
expect_eq $? 2 "exit(3) in a constructor: exit status"
expect_eq "$err" "config missing
weft: the program called exit(3) before main, in a constructor or a static initializer: no test ran" "exit(3) in a constructor"
err=$(CTOR_END=abort $X 2>&1 >/dev/null)
expect_eq $? 2 "abort() in a constructor: exit status"
expect_eq "$err" "weft: the program crashed (SIGABRT) before main, in a constructor or a static initializer: no test ran" "abort() in a constructor"
# Nothing changes once main runs: the program's exit and crashes are
# weft's verdicts as before.
out=$(CTOR_END=none $X 2>&1)
expect_eq $? 0 "no end in the constructor: $out"
case $out in "== ctor_end: verified"*) ;; *) fail "no end in the constructor: '$out'" ;; esac
echo ok
