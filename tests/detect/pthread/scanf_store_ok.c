// The twin of scanf_store_bug.c: the thread is joined before fscanf
// stores the variable it increments.
//! expect: verified
#define OK
#include "scanf_store_bug.c"
