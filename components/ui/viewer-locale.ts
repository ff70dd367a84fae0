// The viewer's language and time zone for dates drawn in the browser: the page's language (set from
// the account's locale) and the account's saved zone (both set on <html> by the shell), else the
// browser's own. Only for code that runs after hydration: the server has no <html> to read.

export function viewerLocale(): string | undefined {
  return document.documentElement.lang || navigator.language || undefined;
}

export function viewerTimeZone(): string | undefined {
  return document.documentElement.dataset.timeZone || undefined;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** An `Intl.DateTimeFormat` in the viewer's language and zone, reused while they stay the same. */
export function viewerDateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = viewerLocale();
  const timeZone = viewerTimeZone();
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}
