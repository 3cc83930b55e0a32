import type { Metadata } from "next";
import { LayoutEditor } from "@/components/dashboard/layout/layout-editor";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { FORM_IDS, flashedFormState } from "@/lib/form-flash";
import { listLayout, listPhotoChoices } from "@/lib/gadgets/store";

export const metadata: Metadata = { title: "Layout · Dashboard", robots: { index: false } };

export default async function LayoutPage() {
  await requireDashboardPage("/dashboard/layout", { adminOnly: true });
  const [layout, photos, flashed] = await Promise.all([listLayout(), listPhotoChoices(), flashedFormState(FORM_IDS.layout)]);
  return (
    <>
      <h1>Layout</h1>
      <p>The gadgets beside every reader page and at its foot. Changes show on the blog at once.</p>
      <LayoutEditor layout={layout} photos={photos} flashed={flashed ?? null} />
    </>
  );
}
