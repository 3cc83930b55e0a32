import { Parser } from "htmlparser2";

/** A form as a browser without JavaScript sees it: where it posts, and the fields it would send as they stand. */
export interface HtmlForm {
  id: string;
  action: string;
  /** Hidden inputs, text inputs and textareas with a name, in document order (their default values). */
  fields: [string, string][];
}

/** Every form in a page, with its hidden fields (React's `$ACTION_…` inputs among them). */
export function formsIn(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  let open: HtmlForm | undefined;
  let textarea: { name: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "form") open = { id: attributes.id ?? "", action: attributes.action ?? "", fields: [] };
        if (!open) return;
        if (name === "input" && attributes.name && !["submit", "button", "checkbox", "radio", "file"].includes(attributes.type ?? "")) {
          open.fields.push([attributes.name, attributes.value ?? ""]);
        }
        if (name === "textarea" && attributes.name) textarea = { name: attributes.name, text: "" };
      },
      ontext(text) {
        if (textarea) textarea.text += text;
      },
      onclosetag(name) {
        if (name === "textarea" && textarea && open) {
          open.fields.push([textarea.name, textarea.text]);
          textarea = undefined;
        }
        if (name === "form" && open) {
          forms.push(open);
          open = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return forms;
}

/** The form's fields as multipart/form-data, with some of them set (or added) as a person would fill them in. */
export function filledIn(form: HtmlForm, values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of form.fields) data.append(name, name in values ? values[name]! : value);
  for (const [name, value] of Object.entries(values)) if (!form.fields.some(([field]) => field === name)) data.append(name, value);
  return data;
}

/** Where the form posts: its action without the fragment (a browser never sends one), else the page itself. */
export function postPath(form: HtmlForm, pagePath: string): string {
  return form.action.split("#")[0] || pagePath;
}
