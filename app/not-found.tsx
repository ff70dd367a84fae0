import { NotFoundPanel } from "@/components/shell/not-found-panel";
import { Logo } from "@/components/ui/logo";

// Unknown URLs outside the signed-in shell: the same panel under a plain blue bar.
export default function NotFound() {
  return (
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
  );
}
