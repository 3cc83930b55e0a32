import type { Metadata } from "next";
import { PageLinks } from "@/components/dashboard/page-links";
import styles from "@/components/dashboard/people.module.css";
import { UserActions } from "@/components/dashboard/user-actions";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { pageNumberSchema } from "@/lib/dashboard/paging";
import { formatDateHeader } from "@/lib/dates";
import { getBlogSettings } from "@/lib/settings";
import { listUsers } from "@/lib/users/manage";
import { userSearchSchema } from "@/lib/validation/users";

export const metadata: Metadata = { title: "People · Dashboard", robots: { index: false } };

const ROLE_NAMES = { READER: "Reader", AUTHOR: "Author", ADMIN: "Admin" } as const;

export default async function PeoplePage({ searchParams }: PageProps<"/dashboard/users">) {
  const admin = await requireDashboardPage("/dashboard/users", { adminOnly: true });
  const params = await searchParams;
  const search = userSearchSchema.parse(params.q);
  const [people, settings] = await Promise.all([listUsers({ search, page: pageNumberSchema.parse(params.page) }), getBlogSettings()]);
  const hrefFor = (page: number) =>
    `/dashboard/users?${new URLSearchParams({ ...(search && { q: search }), ...(page > 1 && { page: String(page) }) })}`.replace(/\?$/, "");
  return (
    <>
      <h1>People</h1>
      <form method="get" action="/dashboard/users" role="search" className={styles.search}>
        <div>
          <label htmlFor="people-search">Search by name or email</label>
          <input id="people-search" name="q" type="search" defaultValue={search} />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p aria-live="polite">
        {people.total === 0
          ? search
            ? `No account matches “${search}”.`
            : "There are no accounts yet."
          : `${people.total} ${people.total === 1 ? "account" : "accounts"}${search ? ` match “${search}”` : ""}, newest first.`}
      </p>
      {people.items.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">Access</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {people.items.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  {person.name}
                  {person.id === admin.id && " (you)"}
                </th>
                <td>{person.email}</td>
                <td>{ROLE_NAMES[person.role]}</td>
                <td>
                  <time dateTime={person.createdAt.toISOString()}>{formatDateHeader(person.createdAt, settings.timeZone)}</time>
                </td>
                <td>{person.disabledAt ? <strong>Disabled</strong> : "Active"}</td>
                <td>
                  <UserActions user={{ id: person.id, name: person.name, role: person.role, disabled: person.disabledAt !== null }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageLinks page={people.page} pageCount={people.pageCount} hrefFor={hrefFor} label="More accounts" />
    </>
  );
}
