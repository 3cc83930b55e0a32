import "server-only";

const MYSQL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const QUARTER_HOUR = 15 * 60_000;
const WIDEST_OFFSET = 14 * 60 * 60_000;

/**
 * A MySQL DATETIME as WordPress writes it ("2011-09-08 14:15:00"), read as if it were UTC; null
 * for "0000-00-00 00:00:00" (WordPress's "never set") and anything unreadable.
 */
export function mysqlDate(text: string): Date | null {
  const match = MYSQL_DATETIME.exec(text.trim());
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map(Number);
  if (year === 0 || month === 0 || day === 0) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/**
 * The blog's offset from UTC in milliseconds at an item, from its local time and either its UTC
 * twin or its <pubDate> (which WordPress writes from the same moment in UTC, or with an offset
 * when another tool wrote the file). Offsets are whole quarter hours of at most 14 hours, so a
 * pubDate that does not fit (WordPress writes a nonsense one for undated drafts) says nothing.
 */
export function offsetAt(local: Date | null, utc: Date | null, pubDate: string): number | null {
  if (!local) return null;
  const reference = utc?.getTime() ?? Date.parse(pubDate);
  const offset = Math.round((local.getTime() - reference) / QUARTER_HOUR) * QUARTER_HOUR;
  return Number.isNaN(offset) || Math.abs(offset) > WIDEST_OFFSET ? null : offset;
}

export interface Instant {
  date: Date;
  /** False when only a local time was there and no offset was known: read as UTC. */
  zoneKnown: boolean;
}

/** An instant from WordPress's UTC column when it was filled in, else from its local twin and the blog's offset. */
export function instantOf(utcText: string, localText: string, offset: number | null): Instant | null {
  const utc = mysqlDate(utcText);
  if (utc) return { date: utc, zoneKnown: true };
  const local = mysqlDate(localText);
  if (!local) return null;
  return offset === null ? { date: local, zoneKnown: false } : { date: new Date(local.getTime() - offset), zoneKnown: true };
}
