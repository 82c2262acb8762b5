// data_race_bug.c with the reader's own update under the lock: the only
// race left is the one data_race() marks, and it is not reported.
//! expect(debug_stats): verified
//! expect(marked_only): verified
//! expect(value_matters): verified
#define DATA_RACE_OK
#include "data_race_bug.c"
