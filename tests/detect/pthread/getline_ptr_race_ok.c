//! expect: verified
//! args: --strategy=dfs
/* getline_ptr_race_bug.c starting the worker after getline returned. */
#define GETLINE_PTR_RACE_OK
#include "getline_ptr_race_bug.c"
