"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useT } from "@/components/shell/i18n";

type ToastTone = "success" | "info" | "error";

interface Toast {
  id: number;
  tone: ToastTone;
  text: string;
}

type ShowToast = (text: string, tone?: ToastTone) => void;

const ToastContext = createContext<ShowToast>(() => {});

const TONES: Record<ToastTone, string> = {
  success: "border-emerald-200 bg-surface text-emerald-800",
  info: "border-blue-200 bg-surface text-blue-800",
  error: "border-red-200 bg-surface text-red-800",
};

const DOT: Record<ToastTone, string> = { success: "bg-emerald-500", info: "bg-blue-500", error: "bg-red-500" };

const TOAST_MS = 5000;

/**
 * Short confirmations of things that happened out of sight of a dialog that has closed ("Connected as
 * +1555…"). One polite live region, so screen readers hear them too.
 */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);

  const show = useCallback<ShowToast>(
    (text, tone = "success") => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { id, tone, text }]);
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        dismiss(id);
      }, TOAST_MS);
      timers.current.add(timer);
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        role="status"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end sm:p-6"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            data-testid="toast"
            data-tone={toast.tone}
            className={`pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${TONES[toast.tone]}`}
          >
            <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[toast.tone]}`} />
            <span className="min-w-0 flex-1 break-words">{toast.text}</span>
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              className="-my-1 -mr-2 rounded p-1 text-slate-500 hover:text-slate-600"
              aria-label={t("common.dismiss")}
            >
              <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="size-4">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
