import { GivenUpNoticeActions } from "@/components/dashboard/given-up-notice-actions";
import { formatDateTime } from "@/lib/dates";
import type { GivenUpNotices as Notices } from "@/lib/notifications/given-up";
import { MAX_ATTEMPTS } from "@/lib/notifications/queue";

const HEADING_ID = "given-up-notices";

/** Comment notices the mail queue stopped trying, with the mail server's last answer: shown to admins until dealt with. */
export function GivenUpNotices({ notices, timeZone }: { notices: Notices; timeZone: string }) {
  return (
    <GivenUpNoticeActions headingId={HEADING_ID}>
      {notices.total > 0 && (
        <>
          <h2 id={HEADING_ID}>Mail that could not be sent</h2>
          <p>
            {notices.total === 1 ? "1 comment notice was" : `${notices.total} comment notices were`} given up after {MAX_ATTEMPTS} tries.
            Check the mail settings (SMTP_URL, EMAIL_FROM), then try again.
            {notices.total > notices.newest.length && ` The newest ${notices.newest.length}:`}
          </p>
          <ul>
            {notices.newest.map((notice) => (
              <li key={notice.id}>
                To {notice.to}, &ldquo;{notice.subject}&rdquo;, given up{" "}
                <time dateTime={notice.gaveUpAt.toISOString()}>{formatDateTime(notice.gaveUpAt, timeZone)}</time>
                {notice.lastError && <>: {notice.lastError}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </GivenUpNoticeActions>
  );
}
