/** Next's page cache, with each stored page dated from the start of its render. */
export default class RenderStartPageCache {
  /**
   * The whole page (or feed: a route's entry) Next has cached for a request path, its lifetime and
   * whether it is stale; undefined when Next must be asked. Only a page answered with
   * `answeredWith` (200 unless given) counts.
   */
  static servablePage(
    requestPath: string,
    buildCacheControl: { revalidate: number | false; expire: number | undefined } | undefined,
    answeredWith?: number,
  ):
    | {
        entry: {
          lastModified: number;
          value: { kind: "APP_PAGE"; html: string; status?: number; headers?: Record<string, unknown> } | { kind: "APP_ROUTE"; html?: undefined; body: Buffer; status: number; headers: Record<string, unknown> };
        };
        cacheControl: { revalidate: number | false; expire: number | undefined };
        stale: boolean;
      }
    | undefined;
  /** This process's link to the others' tag expiries, once shareTagExpiry started it. */
  static tagBus: import("./tag-bus.mjs").TagBus | undefined;
  /** Shares tag expiries with every other server process on the database (lib/tag-bus.mjs). */
  static shareTagExpiry(databaseUrl: string): void;
  /** Whatever page Next has cached for a request path, fresh or not. */
  static anyCachedPage(requestPath: string): { html: string } | undefined;
  constructor(ctx: object);
  get(key: string, ctx: object): Promise<{ lastModified: number; value: { html: string } } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
