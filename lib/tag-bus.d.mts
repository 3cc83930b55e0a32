export const TAG_EXPIRY_CHANNEL: string;
export const TAG_BUS_APPLICATION_NAME: string;

export interface TagBus {
  /** Tells every other process on the database to expire these tags (as revalidateTag's durations say). */
  publish(tags: string[], durations?: { expire?: number }): Promise<void>;
  close(): Promise<void>;
}

/** One listening connection per process: applies other processes' tag expiries here, sends this one's to them. */
export function createTagBus(options: {
  databaseUrl: string;
  expireTags: (tags: string[], durations: { expire?: number } | undefined) => void;
  /** Called whenever the connection (re)starts listening: notifications sent before may have been missed. */
  expireEverything: () => void;
  log?: (line: string) => void;
}): TagBus;
