import { useEffect, useState } from "react";

type Guard = typeof import("~/opinion-reports/personal-data-guard");

let loading: Promise<Guard> | null = null;

/**
 * The personal-data guard, loaded after the page: its patterns (~2.4 KB gzipped) stay out of the
 * collaborator's first load of the survey form (a 150 KB budget), and the server applies the same
 * rule to whatever is sent before they arrive. Null until loaded, on the server too, so the first
 * render matches the server's HTML.
 */
export function useGuard(): Guard | null {
  const [guard, setGuard] = useState<Guard | null>(null);
  useEffect(() => {
    let live = true;
    void (loading ??= import("~/opinion-reports/personal-data-guard")).then((g) => live && setGuard(g));
    return () => {
      live = false;
    };
  }, []);
  return guard;
}
