"use client";

import { zonedParts } from "@/lib/dates";
import styles from "./post-editor.module.css";

/** A moment on the blog's clock, as the picker's fields hold it. */
export interface ZonedMoment {
  day: string;
  month: string;
  year: string;
  time: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The fields for an instant on the blog's clock (day, month, year, 24-hour time). */
export function zonedMoment(instant: Date, timeZone: string): ZonedMoment {
  const part = zonedParts(instant, timeZone, { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return { day: part("day"), month: part("month"), year: part("year"), time: `${part("hour")}:${part("minute")}` };
}

/** Tomorrow at the next whole hour on the blog's clock: a sensible first guess for a schedule. */
export function nextWholeHourTomorrow(now: Date, timeZone: string): ZonedMoment {
  const tomorrow = zonedMoment(new Date(now.getTime() + 86_400_000), timeZone);
  const wallClock = new Date(Date.UTC(Number(tomorrow.year), Number(tomorrow.month) - 1, Number(tomorrow.day), Number(tomorrow.time.slice(0, 2)) + 1));
  return {
    day: String(wallClock.getUTCDate()),
    month: String(wallClock.getUTCMonth() + 1),
    year: String(wallClock.getUTCFullYear()),
    time: `${String(wallClock.getUTCHours()).padStart(2, "0")}:00`,
  };
}

interface Props {
  id: string;
  legend: string;
  value: ZonedMoment;
  onChange: (moment: ZonedMoment) => void;
}

/**
 * Day, month (by name) and year, then a 24-hour time, in the blog's order and on its clock; not
 * the browser's datetime field, whose order and clock follow the reader's machine. The server
 * checks the date is real.
 */
export function DateTimePicker({ id, legend, value: moment, onChange }: Props) {
  const change = (changes: Partial<ZonedMoment>) => onChange({ ...moment, ...changes });
  return (
    <fieldset className={styles.picker}>
      <legend>{legend}</legend>
      <div className={styles.pickerFields}>
        <div>
          <label htmlFor={`${id}-day`}>Day</label>
          <select id={`${id}-day`} value={moment.day} onChange={(event) => change({ day: event.target.value })}>
            {Array.from({ length: 31 }, (_, index) => String(index + 1)).map((day) => (
              <option key={day}>{day}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-month`}>Month</label>
          <select id={`${id}-month`} value={moment.month} onChange={(event) => change({ month: event.target.value })}>
            {MONTHS.map((name, index) => (
              <option key={name} value={String(index + 1)}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-year`}>Year</label>
          <input id={`${id}-year`} inputMode="numeric" pattern="\d{4}" size={5} required value={moment.year} onChange={(event) => change({ year: event.target.value })} />
        </div>
        <div>
          <label htmlFor={`${id}-time`}>Time (24-hour)</label>
          <input
            id={`${id}-time`}
            inputMode="numeric"
            pattern="([01]\d|2[0-3]):[0-5]\d"
            placeholder="09:30"
            size={6}
            required
            value={moment.time}
            onChange={(event) => change({ time: event.target.value })}
          />
        </div>
      </div>
    </fieldset>
  );
}
