/* The source places a report's text names (src/report/refs.c), when a
 * name holds spaces or quotes: the whole name, not its part after the
 * last space or quote, which the SARIF log located its results at. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "report/report.h"

UNIT(refs_plain_names)
{
	struct weft__ref r[4];

	EXPECT_EQ_INT(weft__refs_find("assertion failed: x (at dir/b.c:9)", r,
				      4), 1);
	EXPECT_STR(r[0].file, "dir/b.c");
	EXPECT_EQ_INT(r[0].line, 9);
}

/* A name the run's record holds (a step's, a mark's, the test's file) is
 * read whole, and a reference through a directory with a space is the
 * full path; a word before a known name's last part is not taken for its
 * start ("data b.c" is b.c). */
UNIT(refs_known_names)
{
	struct weft__ref r[4];

	weft__refs_learn("q \"x\" \xc3\xa9.c");
	weft__refs_learn("/src/my dir/ab.c");
	weft__refs_learn("a b.c");
	EXPECT_EQ_INT(weft__refs_find("failed (at q \"x\" \xc3\xa9.c:9)", r, 4),
		      1);
	EXPECT_STR(r[0].file, "q \"x\" \xc3\xa9.c");
	EXPECT_EQ_INT(weft__refs_find("race (read at ab.c:3):\n  read at "
				      "/src/my dir/ab.c:3 (w)", r, 4), 1);
	EXPECT_STR(r[0].file, "/src/my dir/ab.c");
	EXPECT_EQ_INT(weft__refs_find("at /build/src/my dir/ab.c:4", r, 4), 1);
	EXPECT_STR(r[0].file, "/build/src/my dir/ab.c");
	EXPECT_EQ_INT(weft__refs_find("in data b.c:5", r, 4), 1);
	EXPECT_STR(r[0].file, "b.c");
}

/* A name the record does not hold: the longest that names a file. */
UNIT(refs_existing_names)
{
	char dir[] = "/tmp/weft_refs_XXXXXX", sub[64], file[96], text[160];
	struct weft__ref r[4];
	FILE *f;

	if (!mkdtemp(dir)) {
		EXPECT_TRUE(!"mkdtemp");
		return;
	}
	snprintf(sub, sizeof sub, "%s/other dir", dir);
	snprintf(file, sizeof file, "%s/it's \"z\".c", sub);
	mkdir(sub, 0700);
	f = fopen(file, "w");
	EXPECT_TRUE(f != NULL);
	if (f)
		fclose(f);
	snprintf(text, sizeof text, "write of 4 bytes by thread t at %s:7 (f)",
		 file);
	EXPECT_EQ_INT(weft__refs_find(text, r, 4), 1);
	EXPECT_STR(r[0].file, file);
	unlink(file);
	rmdir(sub);
	rmdir(dir);
}
