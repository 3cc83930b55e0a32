import type { Metadata } from "next";
import { PageLinks } from "@/components/dashboard/page-links";
import listStyles from "@/components/dashboard/dashboard-list.module.css";
import styles from "@/components/dashboard/people.module.css";
import { UserActions } from "@/components/dashboard/user-actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { StackingTable } from "@/components/ui/table";
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
      <form method="get" action="/dashboard/users" role="search" className={listStyles.searchForm}>
        <Field id="people-search" label="Search by name or email" name="q" type="search" defaultValue={search} />
        <Button type="submit">Search</Button>
      </form>
      <p aria-live="polite">
        {people.total === 0
          ? search
            ? `No account matches “${search}”.`
            : "There are no accounts yet."
          : `${people.total} ${people.total === 1 ? "account" : "accounts"}${search ? ` match “${search}”` : ""}, newest first.`}
      </p>
      {people.items.length > 0 && (
        <StackingTable>
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
                <th scope="row" className={styles.name}>
                  {person.name}
                  {person.id === admin.id && " (you)"}
                </th>
                <td data-label="Email" className={styles.email}>
                  {person.email}
                </td>
                <td data-label="Role">{ROLE_NAMES[person.role]}</td>
                <td data-label="Joined">
                  <time dateTime={person.createdAt.toISOString()}>{formatDateHeader(person.createdAt, settings.timeZone)}</time>
                </td>
                <td data-label="Access">{person.disabledAt ? <strong>Disabled</strong> : "Active"}</td>
                <td data-label="Change">
                  <UserActions user={{ id: person.id, name: person.name, role: person.role, disabled: person.disabledAt !== null }} />
                </td>
              </tr>
            ))}
          </tbody>
        </StackingTable>
      )}
      <PageLinks page={people.page} pageCount={people.pageCount} hrefFor={hrefFor} label="More accounts" />
    </>
  );
}
