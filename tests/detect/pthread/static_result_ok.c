//! expect: verified
/* static_result_bug.c with ether_ntoa_r and a buffer of each thread's. */
#define OK
#include "static_result_bug.c"
