// The party document's typeface, served by the app itself (Vite copies the TTFs into the build's
// fingerprinted assets): Tinos, metric-compatible with Times New Roman and complete for Vietnamese.
// Declared under both names, so the document's `"Times New Roman", Tinos, serif` always resolves
// to these files — never to whatever a machine has installed under that name (on Debian, fontconfig
// answers "Times New Roman" with Liberation Serif), and the PDF is the same on every server.
import bold from "@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf?url";
import boldItalic from "@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf?url";
import regular from "@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf?url";
import italic from "@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf?url";

export const DOCUMENT_FONT_STACK = '"Times New Roman", Tinos, serif';

const FACES = [
  { url: regular, weight: 400, style: "normal" },
  { url: italic, weight: 400, style: "italic" },
  { url: bold, weight: 700, style: "normal" },
  { url: boldItalic, weight: 700, style: "italic" },
] as const;

/** The @font-face rules (a <style> of the print view: the URLs are known only once built). */
export const DOCUMENT_FONT_FACES = ["Times New Roman", "Tinos"]
  .flatMap((family) =>
    FACES.map((f) => `@font-face{font-family:"${family}";src:url("${f.url}") format("truetype");font-weight:${f.weight};font-style:${f.style};font-display:block}`),
  )
  .join("\n");

/** What document.fonts.load() must have before the charts draw their text (canvas text does not wait). */
export const DOCUMENT_FONT_CHECKS = FACES.map((f) => `${f.style} ${f.weight} 16px Tinos`);

/** Fetched as soon as the head is read, not when the first text needs them. */
export const DOCUMENT_FONT_PRELOADS = FACES.map((f) => ({ rel: "preload", as: "font", type: "font/ttf", href: f.url, crossOrigin: "anonymous" as const }));
