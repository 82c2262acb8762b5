/* src/report/report.h - pieces shared by the text and JSON reports. */
#ifndef WEFT_REPORT_H
#define WEFT_REPORT_H

#include <stdio.h>

#include "sched/sched.h"

void weft__step_cell(char *buf, size_t n, const char *op, const char *obj,
		     int value, const char *note, const struct weft_loc *loc);
void weft__trace_draw(FILE *out, struct weft__shm *S, bool verbose,
		      const struct weft__step *blocked);
const char *weft__verdict_name(int v);
/* The replay token of the recorded execution (malloc'd). */
char *weft__report_token(const struct weft_test *t, struct weft__shm *S);
const char *weft__code_location(const void *pc, char *buf, size_t n);

#endif
