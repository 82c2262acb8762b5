/* Trace cells: operation, object, note and location as the report shows
 * them. */
#include "unit.h"
#include "report/report.h"

UNIT(trace_cell_formats)
{
	char buf[200];
	struct weft_loc loc = { "dir/file.c", 42, "fn" };

	weft__step_cell(buf, sizeof buf, "mutex_lock", "rtnl_mutex", -1, NULL,
			&loc);
	EXPECT_STR(buf, "mutex_lock(rtnl_mutex)  file.c:42");
	weft__step_cell(buf, sizeof buf, "mutex_trylock", "m", -1, "busy", &loc);
	EXPECT_STR(buf, "mutex_trylock(m) busy  file.c:42");
	weft__step_cell(buf, sizeof buf, "choose", NULL, 3, NULL, &loc);
	EXPECT_STR(buf, "choose = 3  file.c:42");
	weft__step_cell(buf, sizeof buf, "yield", NULL, -1, NULL, NULL);
	EXPECT_STR(buf, "yield");
	/* A call named with its parentheses takes its object inside them. */
	weft__step_cell(buf, sizeof buf, "fclose()", "stream@1", -1, NULL,
			&loc);
	EXPECT_STR(buf, "fclose(stream@1)  file.c:42");
	weft__step_cell(buf, sizeof buf, "fclose()", NULL, -1, NULL, &loc);
	EXPECT_STR(buf, "fclose()  file.c:42");
}

UNIT(verdict_names)
{
	EXPECT_STR(weft__verdict_name(VERDICT_BUG), "bug");
	EXPECT_STR(weft__verdict_name(VERDICT_PASS), "pass");
	EXPECT_STR(weft__verdict_name(VERDICT_VERIFIED), "verified");
}
