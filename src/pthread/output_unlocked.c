/* src/pthread/output_unlocked.c - the stdio writers that take no stream
 * lock (fputs_unlocked, fwrite_unlocked, fputc_unlocked, putc_unlocked,
 * putchar_unlocked).
 *
 * glibc's locked writers take the stream's lock around their update of
 * its buffer; these do not, so two threads writing one stream with them
 * corrupt the buffer unless each holds the stream's lock (flockfile)
 * around its writes.  The C library is not instrumented: each call is
 * checked as the write of the stream's buffer pointer it makes (the
 * field glibc's inline putc_unlocked updates, so the inline form and
 * these race with one another too), which flockfile's lock orders; then
 * the output goes where the locked form's would.  None blocks. */
#include <stdio.h>
#include <string.h>

#include "detect/race.h"
#include "modelled.h"
#include "pthread/pt.h"
#include "report/report.h"

static void buffer_write(FILE *f, uintptr_t ra)
{
	/* Named once per stream, for reports ("a stream's buffer"). */
	static const FILE *named;

	if (!weft__race_on)
		return;
	if (f != named) {
		weft__name_model_object(&f->_IO_write_ptr,
					sizeof f->_IO_write_ptr,
					"a stream's buffer (written by the "
					"_unlocked stdio calls)");
		named = f;
	}
	weft__race_access(&f->_IO_write_ptr, sizeof f->_IO_write_ptr,
			  WEFT__RACE_WRITE, ra);
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
