/**
 * A 16 px line icon from one SVG path. Icons are drawn, not font glyphs: the fallback fonts on
 * many machines have no ⧉ or 🗑.
 */
export const strokeIcon = (d: string) => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    aria-hidden
  >
    <path d={d} />
  </svg>
)
