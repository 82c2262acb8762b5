/* src/pthread/output_unlocked.c - the stdio writers that take no stream
 * lock (fputs_unlocked, fwrite_unlocked, fputc_unlocked, putc_unlocked,
 * putchar_unlocked), and the readers (fgetc_unlocked, getc_unlocked,
 * getchar_unlocked, fgets_unlocked, fread_unlocked).
 *
 * glibc's locked writers take the stream's lock around their update of
 * its buffer; these do not, so two threads writing one stream with them
 * corrupt the buffer unless each holds the stream's lock (flockfile)
 * around its writes.  The C library is not instrumented: each call is
 * checked as the write of the stream's buffer pointer it makes (the
 * field glibc's inline putc_unlocked updates, so the inline form and
 * these race with one another too), which flockfile's lock orders; then
 * the output goes where the locked form's would.  A reader is checked as
 * the write of the read pointer it moves (two threads reading one stream
 * so lost characters and crashed natively, and were verified), then
 * reads as the locked form does: a scheduling point.  A reader may block
 * as its locked form does; no writer blocks. */
#include <stdio.h>
#include <string.h>

#include "detect/race.h"
#include "modelled.h"
#include "pthread/pt.h"
#include "report/report.h"

/* The write of one of the stream's buffer pointers, *ptr, at ra. */
static void pointer_write(char **ptr, const char *name, uintptr_t ra)
{
	/* Named once per pointer, for reports ("a stream's buffer"). */
	static const void *named;

	if (!weft__race_on)
		return;
	if (ptr != named) {
		weft__name_model_object(ptr, sizeof *ptr, name);
		named = ptr;
	}
	weft__race_access(ptr, sizeof *ptr, WEFT__RACE_WRITE, ra);
}

static void buffer_write(FILE *f, uintptr_t ra)
{
	pointer_write(&f->_IO_write_ptr,
		      "a stream's buffer (written by the _unlocked stdio "
		      "calls)", ra);
}

static void buffer_read(FILE *f, uintptr_t ra)
{
	pointer_write(&f->_IO_read_ptr,
		      "a stream's read position (moved by the _unlocked "
		      "stdio calls)", ra);
}

int __weft_fputs_unlocked(const char *s, FILE *f)
{
	buffer_write(f, PT_RA());
	return __weft_fputs(s, f);
}

size_t __weft_fwrite_unlocked(const void *p, size_t size, size_t n, FILE *f)
{
	buffer_write(f, PT_RA());
	return __weft_fwrite(p, size, n, f);
}

int __weft_fputc_unlocked(int c, FILE *f)
{
	buffer_write(f, PT_RA());
	return __weft_fputc(c, f);
}

int __weft_putc_unlocked(int c, FILE *f)
{
	buffer_write(f, PT_RA());
	return __weft_putc(c, f);
}

int __weft_putchar_unlocked(int c)
{
	buffer_write(stdout, PT_RA());
	return __weft_putchar(c);
}

int __weft_fgetc_unlocked(FILE *f)
{
	buffer_read(f, PT_RA());
	return __weft_fgetc(f);
}

int __weft_getc_unlocked(FILE *f)
{
	buffer_read(f, PT_RA());
	return __weft_getc(f);
}

int __weft_getchar_unlocked(void)
{
	buffer_read(stdin, PT_RA());
	return __weft_getchar();
}

char *__weft_fgets_unlocked(char *s, int n, FILE *f)
{
	buffer_read(f, PT_RA());
	return __weft_fgets(s, n, f);
}

size_t __weft_fread_unlocked(void *p, size_t size, size_t n, FILE *f)
{
	buffer_read(f, PT_RA());
	return __weft_fread(p, size, n, f);
}
