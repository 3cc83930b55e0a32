import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import listStyles from "../dashboard-list.module.css";

interface Props {
  query: { status?: string; label?: string; q?: string };
  labels: { name: string; slug: string }[];
}

/** A plain GET form, so filters live in the address and work without JavaScript. */
export function PostFilters({ query, labels }: Props) {
  return (
    <form method="get" action="/dashboard/posts" className={listStyles.searchForm} role="search" aria-label="Filter posts">
      <Field
        id="filter-status"
        label="Status"
        control={(props) => (
          <select {...props} name="status" defaultValue={query.status ?? ""}>
            <option value="">All but the trash</option>
            <option value="draft">Drafts</option>
            <option value="scheduled">Scheduled</option>
            <option value="published">Published</option>
            <option value="trash">Trash</option>
          </select>
        )}
      />
      <Field
        id="filter-label"
        label="Label"
        control={(props) => (
          <select {...props} name="label" defaultValue={query.label ?? ""}>
            <option value="">Any label</option>
            {labels.map((label) => (
              <option key={label.slug} value={label.slug}>
                {label.name}
              </option>
            ))}
          </select>
        )}
      />
      <Field id="filter-title" label="Title contains" name="q" type="search" defaultValue={query.q ?? ""} />
      <Button type="submit">Filter</Button>
    </form>
  );
}
