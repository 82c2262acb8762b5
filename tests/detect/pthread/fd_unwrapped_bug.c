//! expect: bug exit-status
/* fd_unwrapped_ok.c making its descriptors 300 times in one execution:
 * past the limit of 256 the calls fail, natively too, and the program
 * returns 1.  Closing what an execution left before the next does not
 * hide descriptors an execution runs out of itself. */
#define FD_UNWRAPPED_BUG 1
#include "fd_unwrapped_ok.c"
