/** Next's page cache, with each stored page dated from the start of its render. */
export default class RenderStartPageCache {
  constructor(ctx: object);
  get(key: string, ctx: object): Promise<{ lastModified: number; value: { html: string } } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
