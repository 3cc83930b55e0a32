import { expect, test } from "vitest";
import { escapeAsNextLeaves, unescapeWhatNextLeaves } from "../lib/next-path-segment.mjs";

// Next 16.4 hands a page "and/or" typed in a segment as "and%2For", and a typed "%2F" as "%252F":
// the fast path's cache keys and the search page's query both depend on matching it exactly.
test("a decoded segment keeps escaped just what would split a path, and their own escapes", () => {
  expect(escapeAsNextLeaves("and/or #1? a\\b")).toBe("and%2For %231%3F a%5Cb");
  expect(escapeAsNextLeaves("50%2F50 %23 %3f %5C")).toBe("50%252F50 %2523 %253f %255C");
  expect(escapeAsNextLeaves("café <b> 100% & +")).toBe("café <b> 100% & +");
});

test("a segment that will not decode whole has only those escapes decoded", () => {
  expect(unescapeWhatNextLeaves("100% and%2For %231%3f a%5Cb %3Cb%3E")).toBe("100% and/or #1? a\\b %3Cb%3E");
});
