import { HtmlValidate } from "html-validate";

// The HTML standard's rules, as html-validate knows them; subresource integrity is for assets
// from other origins, and every asset here is the site's own.
const validator = new HtmlValidate({ extends: ["html-validate:document"], rules: { "require-sri": "off" } });

/** What makes a document invalid HTML, one line per problem (none: an empty list). */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (${message.selector})`));
}
