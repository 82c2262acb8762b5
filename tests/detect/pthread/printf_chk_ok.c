//! expect: verified
/* printf_chk_bug.c's correct twin: the %n is in a literal format, which
 * glibc's checked printf allows. */
#define OK
#include "printf_chk_bug.c"
