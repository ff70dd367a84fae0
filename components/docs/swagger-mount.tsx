"use client";
// Starts Swagger UI (loaded by the page from /docs/assets, our own origin) once React has hydrated
// the page: started earlier, from the window's load event, it filled the container before
// hydration, React found markup it had not rendered and replaced it — an empty reference.
import { useEffect } from "react";

type SwaggerUIBundle = (options: Record<string, unknown>) => unknown;

export function SwaggerMount({ id }: { id: string }) {
  useEffect(() => {
    let tries = 0;
    const timer = setInterval(() => {
      const bundle = (window as unknown as { SwaggerUIBundle?: SwaggerUIBundle }).SwaggerUIBundle;
      if (!bundle && ++tries < 200) return;
      clearInterval(timer);
      // validatorUrl null: no call to swagger.io; try-it-out off: the reference only reads. Tags start
      // collapsed, with a filter box: expanded, the ~270 operations take seconds to render.
      bundle?.({
        url: "/api/openapi.json",
        dom_id: `#${id}`,
        deepLinking: true,
        docExpansion: "none",
        filter: true,
        validatorUrl: null,
        tryItOutEnabled: false,
        withCredentials: true,
      });
    }, 50);
    return () => clearInterval(timer);
  }, [id]);
  return <div id={id} className="mt-6 rounded-lg bg-white" data-testid="api-reference" />;
}
