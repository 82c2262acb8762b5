//! expect: verified
//! args: --strategy=dfs
#define FIXED
#include "rmlock_reader_bug.c"
