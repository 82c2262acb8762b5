//! expect: verified
//! args: --strategy=dfs
/* getline_ptr_race_ok.c with _GNU_SOURCE (getline_gnu_bug.c). */
#define _GNU_SOURCE
#define GETLINE_PTR_RACE_OK
#include "getline_ptr_race_bug.c"
