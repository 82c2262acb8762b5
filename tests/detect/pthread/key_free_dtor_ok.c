//! expect: verified
//! args: --strategy=dfs
/* The twin of key_free_dtor_bug.c: the worker publishes a copy of the
 * value, so nothing reads the buffer its key's destructor frees. */
#define COPY
#include "key_free_dtor_bug.c"
