// Meeting mode: the slide model (slides.ts) full screen in the browser, one slide at a
// time, large type, moved by keyboard, by a presenter's clicker (it sends PageDown/PageUp) or by
// the buttons. The position lives in `?slide=k`, so a reload (or a dropped projector) comes back
// to the same slide; the counter is announced.
import { Link, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NarrativeBlock } from "./narrative";
import { SlideChart } from "./slide-chart";
import type { Deck, Slide } from "./slides";

/** The slide `?slide=` names (1-based), within the deck; the first one otherwise. */
export function slideIndexFrom(search: string, count: number): number {
  const k = Number(new URLSearchParams(search).get("slide"));
  return Number.isInteger(k) && k >= 1 ? Math.min(k, count) - 1 : 0;
}

/** Keys → a move. Clickers send PageDown/PageUp (some send arrows or B for "blank": not handled). */
const MOVES: Record<string, "next" | "previous" | "first" | "last" | "leave"> = {
  ArrowRight: "next",
  ArrowDown: "next",
  PageDown: "next",
  " ": "next",
  ArrowLeft: "previous",
  ArrowUp: "previous",
  PageUp: "previous",
  Home: "first",
  End: "last",
  Escape: "leave",
};

export function MeetingMode({ deck, initialIndex, backTo, lang }: { deck: Deck; initialIndex: number; backTo: string; lang: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = deck.slides.length;
  const [index, setIndex] = useState(initialIndex);
  const move = useCallback((to: (i: number) => number) => setIndex((i) => Math.max(0, Math.min(count - 1, to(i)))), [count]);

  // The position in the URL without a navigation (no loader runs again for a page turn).
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("slide", String(index + 1));
    window.history.replaceState(window.history.state, "", url);
  }, [index]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      // A focused button or link answers Space and Enter itself.
      if ((event.key === " " || event.key === "Enter") && (event.target as Element | null)?.closest?.("button, a")) return;
      const action = MOVES[event.key];
      if (!action) return;
      event.preventDefault();
      if (action === "leave") navigate(backTo);
      else if (action === "first") move(() => 0);
      else if (action === "last") move(() => count - 1);
      // Shift+Space goes back, as in every slide viewer.
      else move((i) => i + (action === "next" && !(event.key === " " && event.shiftKey) ? 1 : -1));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [backTo, count, move, navigate]);

  const slide = deck.slides[index]!;
  return (
    <div className="meeting" data-draft={deck.draft ?? undefined}>
      <main className="meeting-slide" aria-labelledby="meeting-heading" aria-describedby="meeting-keys" data-kind={slide.kind}>
        <SlideBody slide={slide} lang={lang} />
      </main>
      <nav className="meeting-controls" aria-label={t("quarterly.present.controls")}>
        <button type="button" onClick={() => move((i) => i - 1)} disabled={index === 0} aria-label={t("quarterly.present.previous")}>
          <span aria-hidden="true">←</span>
        </button>
        <p className="meeting-counter" aria-live="polite" aria-atomic="true">{t("quarterly.present.counter", { k: index + 1, n: count })}</p>
        <button type="button" onClick={() => move((i) => i + 1)} disabled={index === count - 1} aria-label={t("quarterly.present.next")}>
          <span aria-hidden="true">→</span>
        </button>
        <p className="meeting-footer">{deck.footer}</p>
        {deck.draft ? <p className="meeting-draft">{deck.draft}</p> : null}
        <FullscreenButton />
        <Link to={backTo} className="meeting-back">{t("quarterly.present.back")}</Link>
        <p id="meeting-keys" className="visually-hidden">{t("quarterly.present.keys")}</p>
      </nav>
    </div>
  );
}

/** Full screen through the Fullscreen API, where the browser has it (not iPhones). */
function FullscreenButton() {
  const { t } = useTranslation();
  const [supported, setSupported] = useState(false);
  const [active, setActive] = useState(false);
  useEffect(() => {
    setSupported(Boolean(document.fullscreenEnabled));
    const sync = () => setActive(Boolean(document.fullscreenElement));
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  if (!supported) return null;
  const toggle = () => void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined);
  return (
    <button type="button" onClick={toggle}>
      {t(active ? "quarterly.present.exitFullscreen" : "quarterly.present.fullscreen")}
    </button>
  );
}

function SlideBody({ slide, lang }: { slide: Slide; lang: string }) {
  const heading = <h1 id="meeting-heading">{slide.heading}</h1>;
  if (slide.kind === "title" || slide.kind === "closing") {
    return (
      <div className="meeting-centred">
        {slide.kind === "title" ? <p className="meeting-type">{slide.reportType}</p> : null}
        {heading}
        {slide.lines.map((line) => <p key={line}>{line}</p>)}
      </div>
    );
  }
  return (
    <>
      {heading}
      {slide.meta ? <p className="meeting-meta">{slide.meta}</p> : null}
      <SlideContent slide={slide} lang={lang} />
    </>
  );
}

/** What a content slide shows under its heading and source line. */
function SlideContent({ slide, lang }: { slide: Exclude<Slide, { kind: "title" | "closing" }>; lang: string }) {
  switch (slide.kind) {
    case "findings":
      return (
        <>
          <ul className="meeting-stats">
            {slide.stats.map((s) => (
              <li key={s.label}>
                <strong>{s.value}</strong> <span>{s.label}</span>
              </li>
            ))}
          </ul>
          <Bullets items={slide.bullets} />
        </>
      );
    case "bullets":
      return <Bullets items={slide.bullets} />;
    case "chart":
      return (
        <>
          <SlideChart chart={slide.chart} lang={lang} />
          <Bullets items={slide.bullets} small />
        </>
      );
    case "table":
      return (
        <>
          <Bullets items={slide.bullets} small />
          <SlideTable slide={slide} />
        </>
      );
    case "text":
      return <Narrative blocks={slide.blocks} />;
  }
}

/** A table slide's rows, named by the slide's heading; the first cell of each row heads it. */
function SlideTable({ slide }: { slide: Extract<Slide, { kind: "table" }> }) {
  return (
    <div className="meeting-table">
      <table aria-labelledby="meeting-heading">
        <thead>
          <tr>{slide.columns.map((c) => <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {slide.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j} className={slide.columns[j]!.numeric ? "num" : undefined}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Bullets({ items, small = false }: { items: string[]; small?: boolean }) {
  if (items.length === 0) return null;
  return <ul className={small ? "meeting-bullets small" : "meeting-bullets"}>{items.map((item) => <li key={item}>{item}</li>)}</ul>;
}

/** Plain text as React text nodes: nothing in a narrative is ever read as markup. */
function Narrative({ blocks }: { blocks: NarrativeBlock[] }) {
  return (
    <div className="meeting-text">
      {blocks.map((b, i) => (b.kind === "heading" ? <h2 key={i}>{b.text}</h2> : b.kind === "list" ? <ul key={i}>{b.items.map((item, j) => <li key={j}>{item}</li>)}</ul> : <p key={i}>{b.text}</p>))}
    </div>
  );
}
