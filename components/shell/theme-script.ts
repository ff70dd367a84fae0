// The theme and sidebar preferences live in localStorage (they are per device, not per account) and
// are applied by a tiny script in <head> before the first paint, so a dark-mode user never sees a
// white flash and a collapsed sidebar never jumps open. The React side (theme-switch.tsx, sidebar)
// reads and writes the same keys through these helpers.

export const THEME_KEY = "wagate-theme";
export const SIDEBAR_KEY = "wagate-sidebar";

export type ThemeChoice = "system" | "light" | "dark";

/** Runs as an inline script: no imports, no modules, must not throw (private mode, old browsers). */
export const PREFERENCES_SCRIPT = `(function(){try{var d=document.documentElement;var t=localStorage.getItem("${THEME_KEY}");var dark=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);d.classList.toggle("dark",dark);if(localStorage.getItem("${SIDEBAR_KEY}")==="collapsed")d.dataset.sidebar="collapsed";}catch(e){}})();`;

export function readThemeChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

/** Saves the choice and applies it now; "system" follows the OS setting, also when it changes later. */
export function applyThemeChoice(choice: ThemeChoice) {
  try {
    if (choice === "system") localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice still applies to this page.
  }
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}
