// Dates are formatted in UTC with a fixed locale: the server and the browser then produce the same
// text, so hydration never disagrees whatever the machine's time zone.
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

const DATE_TIME_SECONDS = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});

/** `seconds` for status changes, which often come several within a minute. */
export function formatDateTime(value: Date | string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return `${(options.seconds ? DATE_TIME_SECONDS : DATE_TIME).format(date)} UTC`;
}
