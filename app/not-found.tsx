import { NotFoundPanel } from "@/components/shell/not-found-panel";
import { LocaleProvider } from "@/components/shell/i18n";
import { Logo } from "@/components/ui/logo";
import { requestLocale } from "@/lib/i18n/page-locale";

// Unknown URLs outside the signed-in shell: the same panel under a plain blue bar, in the browser's language.
export default async function NotFound() {
  return (
    <LocaleProvider locale={await requestLocale()}>
      <div className="min-h-screen">
        <header className="bg-blue-700 dark:bg-blue-600">
          <div className="mx-auto flex h-14 max-w-6xl items-center px-4 sm:px-6 lg:px-8">
            <Logo tone="light" />
          </div>
        </header>
        <main className="px-4">
          <NotFoundPanel />
        </main>
      </div>
    </LocaleProvider>
  );
}
