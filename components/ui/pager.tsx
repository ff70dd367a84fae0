import Link from "next/link";
import { translate, type Locale } from "@/lib/i18n/messages";

interface PagerProps {
  locale: Locale;
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  hasMore: boolean;
  href: (page: number) => string;
  /** Prefix of the test ids: `<prefix>-range`, `<prefix>-next`. */
  testIdPrefix: string;
}

const linkClasses = "rounded-md px-3 py-1.5 ring-1 ring-slate-300 ring-inset hover:bg-slate-50";

/** "1–50 of 1,234" with Previous and Next links, for the lists paginated in the URL (Logs, Audit log, Users). */
export function Pager({ locale, page, pageSize, shown, total, hasMore, href, testIdPrefix }: PagerProps) {
  const number = new Intl.NumberFormat(locale);
  const from = (page - 1) * pageSize + 1;
  return (
    <nav aria-label={translate(locale, "common.pages")} className="mt-3 flex items-center justify-between gap-3 text-sm text-slate-700">
      <span data-testid={`${testIdPrefix}-range`}>
        {translate(locale, "common.range", { from: number.format(from), to: number.format(from + shown - 1), total: number.format(total) })}
      </span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link href={href(page - 1)} className={linkClasses} rel="prev">
            {translate(locale, "common.previous")}
          </Link>
        )}
        {hasMore && (
          <Link href={href(page + 1)} className={linkClasses} rel="next" data-testid={`${testIdPrefix}-next`}>
            {translate(locale, "common.next")}
          </Link>
        )}
      </span>
    </nav>
  );
}
