import styles from "./posts.module.css";

interface Props {
  query: { status?: string; label?: string; q?: string };
  labels: { name: string; slug: string }[];
}

/** A plain GET form, so filters live in the address and work without JavaScript. */
export function PostFilters({ query, labels }: Props) {
  return (
    <form method="get" action="/dashboard/posts" className={styles.filters} role="search" aria-label="Filter posts">
      <div>
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">All but the trash</option>
          <option value="draft">Drafts</option>
          <option value="scheduled">Scheduled</option>
          <option value="published">Published</option>
          <option value="trash">Trash</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-label">Label</label>
        <select id="filter-label" name="label" defaultValue={query.label ?? ""}>
          <option value="">Any label</option>
          {labels.map((label) => (
            <option key={label.slug} value={label.slug}>
              {label.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-title">Title contains</label>
        <input id="filter-title" name="q" type="search" defaultValue={query.q ?? ""} />
      </div>
      <button type="submit">Filter</button>
    </form>
  );
}
