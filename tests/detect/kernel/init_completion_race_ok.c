// init_completion_race_bug.c with the completer joined before the init.
//! expect: verified
#define OK
#include "init_completion_race_bug.c"
