import Link from "next/link";
import { CopyUrl } from "@/components/uploads/copy-url";
import { DeleteImageButton } from "@/components/uploads/delete-image-button";
import { absoluteUrl } from "@/lib/site";
import type { UploadPage } from "@/lib/uploads/images";
import { altFromFileName, thumbnailOf, uploadUrl } from "@/lib/uploads/urls";
import { describeUses } from "@/lib/uploads/usage";
import styles from "./image-library.module.css";

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type Upload = UploadPage["uploads"][number];

export function ImageLibrary({ library, showUploader }: { library: UploadPage; showUploader: boolean }) {
  const { uploads, page, pageCount, total } = library;
  return (
    <section aria-labelledby="image-library-heading">
      <h2 id="image-library-heading">{showUploader ? "All images" : "Your images"}</h2>
      {total === 0 ? (
        <p>No images yet. Upload one above, or add one from the editor.</p>
      ) : (
        <ul className={styles.grid}>
          {uploads.map((upload) => {
            const name = upload.originalName || "Untitled image";
            return (
              <li key={upload.id} className={styles.item}>
                {/* Stored files are served as they are (already resized), so Next's image optimiser has nothing to add. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img className={styles.thumbnail} alt={altFromFileName(upload.originalName)} loading="lazy" {...thumbnailOf(upload)} />
                <p className={styles.name}>{name}</p>
                <dl className={styles.facts}>
                  <dt>Dimensions</dt>
                  <dd>
                    {upload.width} × {upload.height} px
                  </dd>
                  <dt>Size</dt>
                  <dd>{formatBytes(upload.byteSize)}</dd>
                  {showUploader && (
                    <>
                      <dt>Uploaded by</dt>
                      <dd>{upload.uploaderName}</dd>
                    </>
                  )}
                </dl>
                <ImageUses uses={upload.uses} />
                <CopyUrl url={absoluteUrl(uploadUrl(upload.storageKey))} imageName={name} />
                <DeleteImageButton id={upload.id} imageName={name} usedIn={upload.uses.length > 0 ? describeUses(upload.uses) : null} />
              </li>
            );
          })}
        </ul>
      )}
      {pageCount > 1 && (
        <nav aria-label="Image pages" className={styles.pager}>
          {page > 1 && <Link href={`/dashboard/images?page=${page - 1}`}>Newer images</Link>}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount && <Link href={`/dashboard/images?page=${page + 1}`}>Older images</Link>}
        </nav>
      )}
    </section>
  );
}

function ImageUses({ uses }: { uses: Upload["uses"] }) {
  if (uses.length === 0) return <p className={styles.uses}>Not used in any post or page.</p>;
  return (
    <div className={styles.uses}>
      <p>{describeUses(uses)}:</p>
      <ul>
        {uses.map((use) => (
          <li key={use.id}>
            <Link href={`/dashboard/${use.kind === "post" ? "posts" : "pages"}/${use.id}`}>{use.title || "(untitled)"}</Link>
            {use.trashed && " (in the trash)"}
          </li>
        ))}
      </ul>
    </div>
  );
}
