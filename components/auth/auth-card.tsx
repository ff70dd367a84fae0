import { LocaleProvider } from "@/components/shell/i18n";
import { Logo } from "@/components/ui/logo";
import type { Locale } from "@/lib/i18n/messages";

/** The frame of the signed-out pages: a blue band behind one white card, in the browser's language. */
export function AuthCard({
  locale,
  title,
  subtitle,
  children,
  footer,
}: {
  locale: Locale;
  title: string;
  subtitle: string;
  children: React.ReactNode;
  footer: React.ReactNode;
}) {
  return (
    <LocaleProvider locale={locale}>
      <main className="relative flex min-h-screen flex-col items-center px-4 py-10 sm:justify-center">
        <div aria-hidden className="absolute inset-x-0 top-0 -z-10 h-72 bg-gradient-to-b from-blue-700 dark:from-[#172554] dark:to-[#1e3a8a] to-blue-600" />
        <div className="mb-6">
          <Logo tone="light" />
        </div>
        <div className="w-full max-w-sm rounded-2xl border border-slate-200 bg-surface p-6 shadow-lg sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          <p className="mt-1 text-sm text-slate-500">{subtitle}</p>
          <div className="mt-6">{children}</div>
        </div>
        <p className="mt-6 text-sm text-slate-600">{footer}</p>
      </main>
    </LocaleProvider>
  );
}
