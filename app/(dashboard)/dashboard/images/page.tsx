import type { Metadata } from "next";
import { ImageLibrary } from "@/components/uploads/image-library";
import { UploadForm } from "@/components/uploads/upload-form";
import { firstParam, type SearchParams } from "@/lib/auth/search-params";
import { requireDashboardPage } from "@/lib/dashboard/access";
import { FORM_IDS, flashedFormState } from "@/lib/form-flash";
import { listUploads } from "@/lib/uploads/images";
import { pageNumberSchema } from "@/lib/dashboard/paging";

export const metadata: Metadata = { title: "Images", robots: { index: false } };

export default async function ImagesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireDashboardPage("/dashboard/images");
  const page = pageNumberSchema.parse(firstParam((await searchParams).page));
  const [library, flashed] = await Promise.all([listUploads({ user, page }), flashedFormState(FORM_IDS.imageUpload)]);
  return (
    <>
      <h1>Images</h1>
      <UploadForm flashed={flashed && { ok: flashed.ok, message: flashed.message ?? "" }} />
      <ImageLibrary library={library} showUploader={user.role === "ADMIN"} />
    </>
  );
}
