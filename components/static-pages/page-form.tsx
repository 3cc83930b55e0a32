"use client";
import { useActionState, useState } from "react";
import { createPageAction, savePageAction, type PageField, type PageFormState } from "@/lib/actions/dashboard/pages";
import { Field, FormMessage } from "@/components/auth/fields";
import { couldNotSave, withFailureState } from "@/components/forms/with-failure-state";
import { PageBodyField } from "@/components/static-pages/page-body-field";
import styles from "@/components/static-pages/static-pages.module.css";
import { Button } from "@/components/ui/button";
import { slugify } from "@/lib/slugify";

interface PageFormProps {
  /** Absent for a new page. */
  page?: { id: string; title: string; slug: string; bodyHtml: string; version: number };
}

const saveKeepingFields = withFailureState(savePageAction, couldNotSave);
const createKeepingFields = withFailureState(createPageAction, couldNotSave);

/** A page's title, address and body. New pages take their address from the title until it is edited. */
export function PageForm({ page }: PageFormProps) {
  const [state, action, pending] = useActionState<PageFormState, FormData>(page ? saveKeepingFields : createKeepingFields, null);
  const [title, setTitle] = useState(page?.title ?? "");
  const [slug, setSlug] = useState(page?.slug ?? "");
  // An existing page keeps its address unless someone changes it: links to it are out there.
  const [slugEdited, setSlugEdited] = useState(Boolean(page));
  // Every save, Update and Discard gives a new version: the form then shows what is stored (after
  // Discard, the live page again).
  const [shownVersion, setShownVersion] = useState(page?.version);
  if (page && page.version !== shownVersion) {
    setShownVersion(page.version);
    setTitle(page.title);
    setSlug(page.slug);
  }
  const errors: Partial<Record<PageField, string[]>> = (state && !state.ok && state.errors) || {};

  return (
    <form action={action} className={styles.form}>
      <FormMessage state={state ?? { ok: false }} />
      {page && (
        <>
          <input type="hidden" name="pageId" value={page.id} />
          <input type="hidden" name="expectedVersion" value={page.version} />
        </>
      )}
      <Field
        label="Title"
        name="title"
        autoComplete="off"
        value={title}
        errors={errors.title}
        onChange={(value) => {
          setTitle(value);
          if (!slugEdited) setSlug(slugify(value));
        }}
      />
      <Field
        label="Address"
        name="slug"
        autoComplete="off"
        value={slug}
        hint={`Readers find the page at /p/${slug || "…"}. Lowercase letters, digits and hyphens.`}
        errors={errors.slug}
        onChange={(value) => {
          setSlug(value);
          // Emptied: follow the title again.
          setSlugEdited(value !== "");
        }}
      />
      <PageBodyField key={page?.version} defaultValue={page?.bodyHtml ?? ""} errors={errors.bodyHtml} />
      <div>
        <Button type="submit" intent="primary" disabled={pending}>
          {page ? (pending ? "Saving…" : "Save") : pending ? "Creating…" : "Create page"}
        </Button>
      </div>
    </form>
  );
}
