//! expect: verified
/* cout_unsynced_bug.cpp with the standard streams synchronised with
 * stdio, as they are by default. */
#define OK
#include "cout_unsynced_bug.cpp"
