import { describe, expect, test } from "vitest";
import { labelSlug, slugify } from "../lib/permalinks";
import { slugParam } from "../lib/validation/reader";
import { postSlug } from "../lib/validation/posts";

const titles: [title: string, slug: string][] = [
  ["Straße in Köln", "strasse-in-koln"],
  ["Crème brûlée & café", "creme-brulee-and-cafe"],
  ["Привет мир", "privet-mir"],
  ["Ελληνικά βιβλία", "ellinika-vivlia"],
  ["日本の本", "ri-ben-noben"],
  ["Łódź, Ærø and Øresund", "lodz-aero-and-oresund"],
];

describe("slugs keep the title's words in every script", () => {
  test.each(titles)("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test("every slug made is one that post addresses and the editor's form accept", () => {
    for (const [title] of titles) {
      const slug = slugify(title);
      expect(slugParam.safeParse(slug).success, slug).toBe(true);
      expect(postSlug.safeParse(slug).success, slug).toBe(true);
    }
  });

  test("a title with nothing to spell (emoji only) gives no slug, and a label still gets one of its own", () => {
    expect(slugify("🎉🎂")).toBe("");
    expect(labelSlug("🎉🎂")).toMatch(/^label-[0-9a-f]+$/);
  });

  test("labels follow the same rule", () => {
    expect(labelSlug("日本の本")).toBe("ri-ben-noben");
    expect(labelSlug("Straße in Köln")).toBe("strasse-in-koln");
  });

  test("a 200-character title is cut between words, under 80 characters", () => {
    const title = "Notes from a long walk along the river Wear ".repeat(5).slice(0, 200);
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.length).toBeGreaterThan(70);
    const allWords = title.toLowerCase().trim().split(/\s+/).join("-");
    expect(allWords.startsWith(`${slug}-`)).toBe(true);
  });

  test("one word longer than 80 characters is cut at 80", () => {
    expect(slugify("x".repeat(100))).toBe("x".repeat(80));
  });
});
