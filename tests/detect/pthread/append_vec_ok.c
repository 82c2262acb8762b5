//! expect: verified
/* append_vec_bug.c with the log opened O_APPEND: each write lands at
 * the end. */
#define OK
#include "append_vec_bug.c"
