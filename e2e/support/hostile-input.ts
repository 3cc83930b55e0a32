/**
 * The hostile input corpus: what an attacker (or a careless paste) types into any field. Every
 * payload that would run code sets `window.__pwned` (reaching the top window from frames too) and
 * calls `alert`, and every element it would inject carries `data-pwned`, so a page that shows it
 * badly is caught three ways: a dialog, the flag, or the marker in the DOM.
 */
export interface HostileInput {
  name: string;
  payload: string;
}

export const PWNED_FLAG = "__pwned";
export const PWNED_MARKER = "[data-pwned]";
const RUN = `top.${PWNED_FLAG}=1;alert(1)`;

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: "script element", payload: `<script data-pwned>${RUN}</script>` },
  { name: "image error handler", payload: `<img src=x onerror="${RUN}" data-pwned>` },
  { name: "svg load handler", payload: `<svg data-pwned onload="${RUN}"><circle r=1 /></svg>` },
  { name: "javascript: link", payload: `<a href="javascript:${RUN}" data-pwned>click me</a>` },
  { name: "entity-obfuscated javascript: link", payload: `<a href="jav&#x09;ascript&colon;${RUN}" data-pwned>click me too</a>` },
  { name: "iframe srcdoc", payload: `<iframe data-pwned srcdoc="<script>${RUN}</script>"></iframe>` },
  { name: "mXSS through math and style", payload: `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}" data-pwned>` },
  { name: "attribute breakout", payload: `"><script data-pwned>${RUN}</script><b x="` },
  { name: "closing the JSON-LD script", payload: `</script><script data-pwned>${RUN}</script>` },
  { name: "RTL override", payload: "Invoice \u202egnp.exe \u202cnot what it seems" },
  { name: "NUL byte", payload: "before\u0000after" },
  { name: "lone surrogate", payload: "broken \ud800 half" },
  { name: "100 KB string", payload: "A".repeat(100 * 1024) },
];

/** The entries short enough to be valid in every field (titles, names, labels), where the long one is refused by design. */
export const SHORT_HOSTILE_INPUTS = HOSTILE_INPUTS.filter(({ payload }) => payload.length <= 200);

