//! expect: verified
//! args: --strategy=dfs --races=off
/* The twin of races_off_bug.c with SV-COMP's bound: after one round
 * neither i nor j exceeds 3 in any interleaving, so reach_error() is
 * unreachable and, races aside (--races=off), the program is safe. */
#define LIMIT 3
#include "races_off_bug.c"
