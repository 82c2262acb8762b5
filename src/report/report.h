/* src/report/report.h - pieces shared by the report formats (text, JSON
 * Lines, JUnit XML, SARIF) and the parent's run loop. */
#ifndef WEFT_REPORT_H
#define WEFT_REPORT_H

#include <link.h>
#include <stdio.h>

#include "internal.h"
#include "record.h"

/* The reports of one test (report.c), and the program's symbols
 * (symbols.c). */
void weft__report_text(FILE *out, const struct weft_test *t,
		       struct weft__shm *s, const char *argv0);
void weft__report_json(FILE *out, const struct weft_test *t,
		       struct weft__shm *s, const char *argv0);
const char *weft__symbolize(const void *addr);
/* Name the size bytes at addr, an object of a model that stands for state
 * the C library keeps (a literal name; at most 16, set up before main). */
void weft__name_model_object(const void *addr, size_t size, const char *name);
char *weft__demangle(const char *name, bool function);
void weft__symbols_load(void);
/* Whether weft-cc linked the program from optimized code (-O1 and up:
 * its mark weft_cc_optimized). */
bool weft__program_optimized(void);
/* Read the symbols again, with the objects loaded since (a library the
 * parent loaded for a test's dlopen, cli/jobs.c). */
void weft__symbols_reload(void);
/* Put on the verdict the note that the program has atomic instructions in
 * inline assembly, if weft-cc marked any function so (symbols.c).  Runs
 * in a worker, after the parent loaded the symbols; does not block. */
void weft__asm_atomics_note(void);
/* The same for the shared libraries linked to the program that were not
 * built with weft-cc, other than the C runtime's (objects.c): a note on
 * every verdict naming the first.  Does not block. */
void weft__unseen_libs_note(void);
/* Whether finding i of V is a data race of a program with inline-assembly
 * atomics, which may order its accesses (explore/asm_verdict.c): a
 * possible one, so reported (report.c), and a warning in SARIF
 * (results.c, sarif.c).  Does not block. */
bool weft__possible_race(const struct weft__verdict *V, int i);
/* Whether weft-cc marked any function of the program so, and the first
 * one's name (symbols.c).  Neither blocks. */
bool weft__asm_atomics(void);
const char *weft__asm_first(void);
/* The end of the code of the marked function pc lies in (its start in
 * *start), or 0 when it lies in none.  Reads fixed arrays filled when the
 * symbols were loaded: safe in a signal handler. */
uintptr_t weft__asm_code(uintptr_t pc, uintptr_t *start);
/* An ELF file mapped for reading, its section headers checked to lie
 * inside it (objects.c); m is NULL when path is not one.  Unmap it with
 * weft__elf_unmap.  Neither blocks. */
struct weft__elf_map {
	char *m;
	size_t len;
	const ElfW(Ehdr) *eh;
	const ElfW(Shdr) *sh;
};
struct weft__elf_map weft__elf_map(const char *path);
void weft__elf_unmap(struct weft__elf_map *e);
/* Whether a loaded shared object is one of the program's own: built with
 * weft-cc's instrumentation (it imports ThreadSanitizer's entry points),
 * not the system's or weft's.  Its data is restored before every
 * execution like the executable's, and its symbols and lines are looked
 * up for reports.  Reads the file once per object; does not block. */
bool weft__user_object(const char *path);
/* Calls f for each of the program's own loaded objects: the executable
 * first (main true; its dlpi_name is empty), then its own libraries in
 * load order.  Does not block. */
struct dl_phdr_info;
void weft__user_objects(void (*f)(struct dl_phdr_info *info, bool main,
				  void *data),
			void *data);
/* The program's own objects as replay tokens name their code: 0 the
 * executable, then its own shared libraries (weft__user_object) in the
 * order they were loaded, which a run of the same program repeats
 * wherever the system put them.  Each spans from its load address to the
 * end of its last loadable segment.  Returns how many, at most max. */
int weft__user_images(uintptr_t *lo, uintptr_t *hi, int max);
/* The objects loaded changed (a library loaded for a test's dlopen): the
 * next weft__user_images looks again. */
void weft__user_images_forget(void);
bool weft__crt_fini(uintptr_t *addr);

void weft__step_cell(char *buf, size_t n, const char *op, const char *obj,
		     int value, const char *note, const struct weft_loc *loc);
/* The trace after a blank line, or nothing when no step is visible (a
 * crash in main's first lines). */
void weft__trace_draw(FILE *out, struct weft__shm *S, bool verbose,
		      const struct weft__step *blocked);
/* One line of a drawn trace: a step of thread tid, shortened to fit a
 * column (trace.c). */
#define WEFT__TRACE_COL_MAX 52
struct weft__trace_row {
	int tid;
	bool keep;                 /* the report refers to it, or blocked */
	char text[WEFT__TRACE_COL_MAX + 1];
};
/* Draws a block of rows that comes again and again in a row once,
 * with one row that says how many times more (trace_fold.c); returns
 * the rows left.  Rows the report refers to are never folded away. */
int weft__trace_fold(struct weft__trace_row *rows, int nr);
/* More threads than this with steps in a trace: one step per line
 * instead of a column per thread (trace_wide.c). */
#define WEFT__TRACE_WIDE 6
void weft__trace_draw_linear(FILE *out, const struct weft__shm *S,
			     const struct weft__trace_row *rows, int nr);
const char *weft__verdict_name(int v);
/* A statement the clean verdict V rests on (its threads were never
 * seen sharing anything: src/sched/shared.c), or NULL. */
const char *weft__verdict_note_text(const struct weft__verdict *V);
/* The replay token of the recorded execution (malloc'd). */
char *weft__report_token(const struct weft_test *t, struct weft__shm *S);
const char *weft__code_location(const void *pc, char *buf, size_t n);
/* addr2line's place, "FILE:LINE" or "FILE:LINE (discriminator N)", made
 * "FILE:LINE" in place: only the newline and that suffix go.  A path may
 * hold spaces and parentheses ("my dir/a.c"); cutting at the first space
 * or '(' left "/home/me/my", no line, and every access of such a program
 * was "?:0".  Does not block. */
void weft__strip_place(char *fl);
/* The executable's image [return value, *hi): where its code and data are
 * loaded.  Does not block. */
uintptr_t weft__exe_image(uintptr_t *hi);
/* Whether address a lies in the executable's image (its code, not a
 * library's).  Does not block. */
bool weft__in_executable(uintptr_t a);
void weft__crash_to_bug(struct weft__shm *S);
/* Whose fault a worker's crash is (crash_owner.c): what the rule reads,
 * the rule, and the whole of it for a crash record. */
enum weft__frame {
	WEFT__FRAME_PROGRAM,  /* the executable or a library of the program's */
	WEFT__FRAME_WEFT,     /* weft's library */
	WEFT__FRAME_SYSTEM,   /* the C library, libstdc++, ... */
	WEFT__FRAME_NOWHERE   /* no loaded object (a bad function pointer) */
};
struct weft__crash_facts {
	int signal;
	bool stack_overflow;
	bool test_thread;          /* a test thread was running */
	enum weft__frame frame;    /* the innermost frame outside the
				      system's libraries */
	bool at_pc;                /* that frame is the faulting instruction,
				      not a caller of it */
	const char *source;        /* its source file, in weft's library;
				      NULL when unknown */
};
/* Whether the crash is weft's own error, not the program's.  Does not
 * block. */
bool weft__crash_is_weft(const struct weft__crash_facts *f);
/* Whether weft's source file path is its machinery, code that never
 * dereferences a pointer of the program. */
bool weft__crash_machinery(const char *path);
/* The same for the crash V recorded, reading the library's debug
 * information (addr2line); *at is the deciding frame's address. */
bool weft__crash_in_weft(const struct weft__verdict *V, uintptr_t *at);
/* Whether code address pc lies in weft's library. */
bool weft__crash_pc_in_weft(const void *pc);
/* The verdict of a worker that ended with this wait status (killed: by
 * the parent, for a hang, after hung seconds without a step). */
void weft__report_ending(struct weft__shm *S, int status, bool killed,
			 double hung);

/* ---- the replay command (command.c) ------------------------------------ */

/* The program runs its own main (main mode) with these arguments. */
void weft__report_main_args(int argc, char **argv);
bool weft__main_mode_active(void);
/* The shell command that replays tok: "./prog --filter=T --replay=TOK",
 * or in main mode "WEFT_OPTIONS='replay=TOK' ./prog 'arg 1'" (malloc'd). */
/* The program and its arguments, quoted for sh. */
char *weft__program_command(const char *argv0);
char *weft__replay_command(const struct weft_test *t, const char *argv0,
			   const char *tok);
/* s quoted for sh when it needs quoting (malloc'd). */
char *weft__shell_quote(const char *s);

/* ---- marks: accesses a report refers to (marks.c) ----------------------- */

struct weft__mark {
	long pos;                 /* the access came after this many steps */
	int tid;
	char op[24];              /* "write", "volatile_read", ... */
	char obj[64];
	char file[256];
	int line;
	char tag[12];             /* "[race]" when empty */
};
struct weft__marks;
struct weft__marks *weft__marks_create(void);
void weft__marks_clear(struct weft__marks *m);
/* The region the next forked worker writes and the report reads. */
void weft__marks_use(struct weft__marks *m);
/* In the worker: thread tid made this access with clock entry clk. */
/* The running thread's access that the report is about (a use of freed
 * memory, an overrun), drawn after its last step with tag: such an
 * access is no step, and the trace showed no row of it. */
void weft__mark_here(const char *op, const char *obj,
		     const struct weft_loc *loc, const char *tag);
void weft__mark_access(int tid, uint32_t clk, const char *op,
		       const char *obj, const struct weft_loc *loc);
/* In the parent: the marks left by execution exec. */
int weft__marks_of(long exec, const struct weft__mark **out);
/* The first min(n, 64) marks' indices into order, by position, those at
 * one position in the order they came in; returns how many. */
int weft__marks_order(const struct weft__mark *m, int n, int order[64]);
/* The execution that began last (the one a fatal bug ended), -1 none. */
long weft__marks_running(void);
/* The execution whose marks the report of S draws. */
long weft__marks_exec(const struct weft__shm *S);

/* ---- source references in report text (refs.c) -------------------------- */

/* A "path/file.c:LINE" the report text names. */
struct weft__ref {
	char file[256];
	int line;
	char context[160];        /* the line of text it appeared on */
};
/* The distinct references in text, in order; returns how many. */
int weft__refs_find(const char *text, struct weft__ref *out, int max);
/* A source file whose name may hold spaces or quotes: a reference that
 * ends as it is read as the whole name, not from its last space on. */
void weft__refs_learn(const char *file);
/* The source files of a test's report: its file, its steps' and marks'. */
void weft__refs_learn_record(const struct weft_test *t, struct weft__shm *S);
/* Move the failure's own place ("(at file:line)" ending the message's
 * first line) to the front. */
void weft__refs_failure_first(const char *message, struct weft__ref *refs,
			      int n);
/* Does a step's location match a reference (same base name and line)? */
bool weft__ref_matches(const struct weft__ref *r, const struct weft_loc *l);

/* ---- JSON helpers (json.c) ---------------------------------------------- */

/* The length of the valid UTF-8 sequence at s (not ASCII), or 0. */
int weft__utf8_len(const unsigned char *s);
/* s as a JSON string: escaped, invalid UTF-8 replaced by U+FFFD. */
void weft__json_str(FILE *out, const char *s);

/* ---- results kept for the files written at the end (results.c) ---------- */

struct weft__result {
	char *test;
	int verdict;              /* VERDICT_*, or -1: a usage error */
	char *kind, *reason;      /* kind of bug, or why inconclusive */
	char *message;            /* first line of the report's message */
	char *text;               /* the whole text report */
	char *command;            /* replay command, or NULL */
	double seconds;
	long executions;
	int nrefs;
	struct weft__ref refs[8]; /* the report's source references */
	int nalso;                /* further findings: kind and message */
	char *also_kind[WEFT__MAX_FINDINGS], *also_msg[WEFT__MAX_FINDINGS];
};
void weft__results_add(const struct weft_test *t, struct weft__shm *S,
		       const char *argv0, const char *text);
void weft__results_add_error(const char *test, const char *message);
/* Open the --junit, --sarif and --json files (false, with a line on
 * stderr, when one cannot be written), and finish them when the run is
 * over. */
bool weft__results_open(void);
/* Print one test's report and add it to the files. */
void weft__report_test(const struct weft_test *t, struct weft__shm *S,
		       const char *argv0);
bool weft__results_write(const char *argv0);
int weft__results_count(void);
const struct weft__result *weft__result_at(int i);

bool weft__junit_write(FILE *out, const char *suite);
bool weft__sarif_write(FILE *out);

/* ---- progress on stderr (progress.c) ------------------------------------ */

void weft__progress_start(const struct weft_test *t);
/* Called while the workers run, with their shared records. */
void weft__progress_tick(struct weft__shm **S, int n);
void weft__progress_end(void);

#endif
