import { Field, type FieldControlProps } from "@/components/ui/field";
import type { Gadget } from "@/lib/gadgets/store";
import { POPULAR_PERIODS } from "@/lib/validation/gadgets";

export interface PhotoChoice {
  id: string;
  name: string;
}

type Errors = Record<string, string[] | undefined>;

const PERIOD_NAMES: Record<(typeof POPULAR_PERIODS)[number], string> = { 7: "The last 7 days", 30: "The last 30 days", 365: "The last year", 0: "All time" };

/** A labelled select of `choices` ([value, words] pairs), its errors beside it. */
function ChoiceField({ id, label, name, value, choices, errors }: { id: string; label: string; name: string; value: string; choices: readonly (readonly [string, string])[]; errors: string[] | undefined }) {
  return (
    <Field
      id={id}
      label={label}
      errors={errors}
      control={(props: FieldControlProps) => (
        <select {...props} name={name} defaultValue={value}>
          {choices.map(([choice, words]) => (
            <option key={choice} value={choice}>
              {words}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** The settings of a gadget's kind, as form fields named as lib/validation/gadgets.ts reads them. */
export function GadgetFields({ gadget, photos, errors }: { gadget: Gadget; photos: PhotoChoice[]; errors: Errors }) {
  const id = (name: string) => `gadget-${gadget.id}-${name}`;
  const { config } = gadget;
  switch (config.kind) {
    case "PROFILE":
      return (
        <>
          <ChoiceField id={id("photoId")} label="Photo (one of the blog's images)" name="photoId" value={config.photoId} choices={[["", "No photo"], ...photos.map((photo) => [photo.id, photo.name] as const)]} errors={errors.photoId} />
          <Field id={id("text")} label="About you" hint="Plain text; a blank line starts a paragraph." errors={errors.text} control={(props) => <textarea {...props} name="text" rows={4} maxLength={2000} defaultValue={config.text} />} />
          <Field id={id("linkUrl")} name="linkUrl" label="Link address (optional)" hint="https://… or a path on this blog, such as /p/about." errors={errors.linkUrl} type="text" defaultValue={config.linkUrl} />
          <Field id={id("linkText")} name="linkText" label="Link words" hint="Shown for the link, e.g. “My complete profile”." errors={errors.linkText} type="text" maxLength={100} defaultValue={config.linkText} />
        </>
      );
    case "ARCHIVE":
      return (
        <ChoiceField id={id("style")} label="Style" name="style" value={config.style} choices={[["HIERARCHY", "Hierarchy (years and months)"], ["FLAT", "Flat list of months"], ["DROPDOWN", "Dropdown menu"]]} errors={errors.style} />
      );
    case "LABELS":
      return (
        <>
          <ChoiceField id={id("display")} label="Show as" name="display" value={config.display} choices={[["LIST", "List"], ["CLOUD", "Cloud"]]} errors={errors.display} />
          <ChoiceField id={id("sort")} label="Sort by" name="sort" value={config.sort} choices={[["NAME", "Name"], ["COUNT", "Number of posts"]]} errors={errors.sort} />
        </>
      );
    case "POPULAR_POSTS":
      return (
        <>
          <ChoiceField id={id("days")} label="Comments written in" name="days" value={String(config.days)} choices={POPULAR_PERIODS.map((days) => [String(days), PERIOD_NAMES[days]] as const)} errors={errors.days} />
          <Field id={id("count")} name="count" label="Number of posts" hint="1 to 10." errors={errors.count} type="number" min={1} max={10} step={1} defaultValue={config.count} />
        </>
      );
    case "LINK_LIST":
      return (
        <Field
          id={id("links")}
          label="Links"
          hint="One a line: the words, a |, then the address. For example: Our allotment | https://example.org/allotment"
          errors={errors.links}
          control={(props) => <textarea {...props} name="links" rows={5} defaultValue={config.links.map((link) => `${link.text} | ${link.url}`).join("\n")} />}
        />
      );
    case "TEXT":
      return <Field id={id("text")} label="Text" hint="Plain text; a blank line starts a paragraph." errors={errors.text} control={(props) => <textarea {...props} name="text" rows={5} maxLength={5000} defaultValue={config.text} />} />;
    case "HTML":
      return (
        <Field
          id={id("html")}
          label="HTML"
          hint="Kept to what posts may hold: no scripts, frames or styles, and images only from this blog's uploads."
          errors={errors.html}
          control={(props) => <textarea {...props} name="html" rows={6} defaultValue={config.html} />}
        />
      );
    case "SUBSCRIBE":
      return (
        <div>
          <input type="checkbox" id={id("comments")} name="comments" defaultChecked={config.comments} /> <label htmlFor={id("comments")}>Offer the comments feed too</label>
        </div>
      );
    case "SEARCH":
      return <p>A search box for this blog’s posts; it has no settings besides its title.</p>;
  }
}
