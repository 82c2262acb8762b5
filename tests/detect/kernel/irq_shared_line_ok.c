// irq_shared_line_bug.c with both devices counting in their hard
// handlers, which the line runs one after another.
//! expect: verified
#define FIXED
#include "irq_shared_line_bug.c"
