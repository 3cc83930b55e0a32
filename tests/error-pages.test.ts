import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import ErrorPage from "../app/error";
import GlobalError from "../app/global-error";

// The pages a failed render shows: the blog's words and a way on, never the error's own text.
describe("the error pages", () => {
  const failure = Object.assign(new Error('relation "Post" does not exist at 10.0.0.5:5432'), { digest: "1234567" });

  test("a failed page explains itself and offers a retry, without the error's text", () => {
    const html = renderToStaticMarkup(createElement(ErrorPage, { error: failure, reset: () => {} }));
    expect(html).toContain("<h1>This page could not load just now</h1>");
    expect(html).toContain(">Try again</button>");
    expect(html).toContain('href="/"');
    expect(html).not.toMatch(/relation|5432|1234567/);
  });

  test("a failed root layout still gets a whole document in the blog's language", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: failure, reset: () => {} }));
    expect(html).toMatch(/^<html lang="en-GB">/);
    expect(html).toContain("<title>This page could not load just now</title>");
    expect(html).toContain("This page could not load just now");
    expect(html).not.toMatch(/relation|5432/);
  });
});
