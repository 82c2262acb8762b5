/* weft/race.h - races a program means to have.
 *
 * Between weft_race_ignore_begin() and weft_race_ignore_end() the calling
 * thread's plain memory accesses are not checked for data races, and
 * other threads' accesses are not checked against them: the semantics of
 * KCSAN's data_race() and of ThreadSanitizer's "ignore this thread"
 * brackets.  A use of freed memory there is still reported, and the
 * accesses still count as the thread's progress for fair scheduling.
 * The brackets nest, belong to the calling thread, and are no
 * scheduling points; neither call blocks or orders anything.
 * WEFT_DATA_RACE(expr) evaluates expr (not void) inside them. */
#ifndef WEFT_RACE_H
#define WEFT_RACE_H

/* C++ programs call these by their C names. */
#ifdef __cplusplus
extern "C" {
#endif

void weft_race_ignore_begin(void);
void weft_race_ignore_end(void);

#define WEFT_DATA_RACE(expr)                                                  \
	__extension__({                                                       \
		weft_race_ignore_begin();                                     \
		__auto_type weft_dr_v_ = (expr);                              \
		weft_race_ignore_end();                                       \
		weft_dr_v_;                                                   \
	})

#ifdef __cplusplus
}
#endif

#endif
