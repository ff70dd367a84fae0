// Loader hook for processes run outside Next (server.ts, scripts): `server-only` exists to stop
// server code from reaching a client bundle, and throws when imported anywhere but a React Server
// environment. Our own server process is the most server-side place there is, so it resolves to
// an empty module there.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}
