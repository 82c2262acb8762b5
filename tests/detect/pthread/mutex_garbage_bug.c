//! expect: bug misuse
/* mutex_garbage_ok.c without the initialisation after the overwrite. */
#define GARBAGE
#include "mutex_garbage_ok.c"
