import "server-only";
import { openXmlExport } from "../parsers";
import { AuthorDirectory } from "./authors";
import { CommentStage } from "./comments";
import type { EntryContext } from "./entries";
import { createImageCopier, type ImageCopier } from "./images";
import { LabelDirectory } from "./labels";
import { PageWriter } from "./pages";
import { PostWriter } from "./posts";
import type { ProgressMeter } from "./progress";
import { RedirectStage } from "./redirects";
import { ReportBuilder } from "./report";
import type { ImportFileOptions } from "./run";
import { applySettings, currentTimeZone } from "./settings";
import type { ImportClient } from "./sql";

interface XmlImport {
  client: ImportClient;
  chunks: AsyncIterable<string>;
  progress: ProgressMeter;
  options: ImportFileOptions;
  /** Given the way to delete the image files this import stored, should it fail after storing them. */
  onImageCopier: (discardStoredFiles: () => Promise<void>) => void;
}

/**
 * Streams a Blogger or WordPress export's records into the blog inside the caller's transaction:
 * entries a batch at a time as they arrive, comments and old addresses staged and merged at the end.
 */
export async function importXmlRecords({ client, chunks, progress, options, onImageCopier }: XmlImport): Promise<{ report: ReportBuilder }> {
  const opened = await openXmlExport(chunks);
  const report = new ReportBuilder(opened.format);
  const redirects = await RedirectStage.open(client, report);
  const comments = await CommentStage.open(client, report);
  const authors = await AuthorDirectory.open(client, report, options.authorEmail);
  const labels = new LabelDirectory(client, report);
  let timeZone = await currentTimeZone(client);
  let images: ImageCopier | undefined;
  if (options.copyImages) {
    images = createImageCopier({ client, uploaderId: await authors.accountFor(null), fetchImage: options.fetchImage });
    onImageCopier(() => images!.discardStoredFiles());
  }
  const context: EntryContext = {
    client,
    report,
    authors,
    labels,
    redirects,
    timeZone: () => timeZone,
    rewriteImages: images && ((html) => images.rewrite(html)),
    now: new Date(),
  };
  const posts = new PostWriter(context);
  const pages = new PageWriter(context);

  for await (const record of opened.records) {
    switch (record.type) {
      case "settings":
        timeZone = await applySettings(client, record, report);
        break;
      case "author":
        await authors.add(record);
        break;
      case "label": {
        const label = await labels.resolve(record.name);
        for (const path of label ? record.oldPaths : []) redirects.stage(path, { kind: "label", slug: label!.slug });
        break;
      }
      case "post":
        progress.count("posts");
        await posts.add(record);
        break;
      case "page":
        progress.count("pages");
        await pages.add(record);
        break;
      case "comment":
        progress.count("comments");
        await comments.add(record);
        break;
      case "skipped":
        report.note(record.kind, record.what, record.why, { skipped: true });
        break;
    }
    await redirects.flushIfFull();
    if (images) progress.images(images.counts.copied + images.counts.reused);
  }
  await posts.flush();
  progress.writing();
  await comments.merge();
  await redirects.merge();
  if (images) {
    report.count("images", "created", images.counts.copied);
    report.count("images", "unchanged", images.counts.reused);
    for (const failure of images.failures) report.note("images", failure.url, failure.reason, { skipped: true });
  }
  return { report };
}
