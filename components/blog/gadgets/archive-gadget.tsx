import Link from "next/link";
import { ArchiveWidget, Count } from "@/components/archive/archive-widget";
import { GadgetFrame, headingIdOf } from "@/components/blog/gadgets/gadget-frame";
import { formatMonth } from "@/lib/dates";
import type { Locale, Messages } from "@/lib/messages";
import { getSidebar } from "@/lib/reader";
import type { ConfigOf } from "@/lib/validation/gadgets";

interface ArchiveGadgetProps {
  gadgetId: string;
  heading: string;
  config: ConfigOf<"ARCHIVE">;
  locale: Locale;
  t: Messages;
}

/** Blogger's three archive styles: the tree (components/archive), every month in a list, or a dropdown. */
export async function ArchiveGadget({ gadgetId, heading, config, locale, t }: ArchiveGadgetProps) {
  const { months, newestTitles } = await getSidebar();
  if (config.style === "HIERARCHY") return <ArchiveWidget months={months} newestTitles={newestTitles} locale={locale} heading={heading} headingId={headingIdOf(gadgetId)} />;
  if (config.style === "FLAT") {
    return (
      <GadgetFrame gadgetId={gadgetId} heading={heading} links>
        <ul>
          {months.map((month) => (
            <li key={month.period}>
              <Link href={`/${month.period}`}>{formatMonth(month.period, locale)}</Link> <Count count={month.count} />
            </li>
          ))}
        </ul>
      </GadgetFrame>
    );
  }
  // Without JavaScript a choice cannot go anywhere by itself: the form asks /archive, which
  // answers with the month's address.
  const selectId = `gadget-${gadgetId}-period`;
  return (
    <GadgetFrame gadgetId={gadgetId} heading={heading} links={false}>
      <form action="/archive" method="get">
        <label htmlFor={selectId}>{t.chooseMonth}</label>{" "}
        <select id={selectId} name="period">
          {months.map((month) => (
            <option key={month.period} value={month.period}>
              {`${formatMonth(month.period, locale)} (${month.count})`}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t.go}</button>
      </form>
    </GadgetFrame>
  );
}
