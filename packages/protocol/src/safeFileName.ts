// Controls, bidi overrides/isolates and zero-width marks: an RTL override can make
// "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
// Path separators and characters Windows refuses in names.
const RESERVED = /[<>:"/\\|?*]+/g
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i
const MAX_LENGTH = 120

/**
 * A download name that is safe on every OS and in a Content-Disposition header: no path,
 * no control or bidi characters, no leading dot, not a Windows device name, at most 120
 * characters (the extension is kept when the name is cut).
 * @example safeFileName('../Sales / Ops\u202Egpj.exe', 'workshop') // 'Sales - Ops gpj.exe'
 */
export function safeFileName(name: string, fallback = 'sparboard'): string {
  let safe = name
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, ' - ')
    .replace(/\s+/g, ' ')
    // runs of separators collapse to one; a hyphen inside a word ("stand-up") stays
    .replace(/(\s+-)+\s+/g, ' - ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
  if (WINDOWS_DEVICE.test(safe)) safe = `_${safe}`
  if (safe.length > MAX_LENGTH) {
    const ext = /\.[\p{L}\p{N}]{1,8}$/u.exec(safe)?.[0] ?? ''
    safe = safe.slice(0, MAX_LENGTH - ext.length).trimEnd() + ext
  }
  return safe || fallback
}

/**
 * `name` (already safe), or the first of `name (2)`, `name (3)`, ... that `taken` does not hold;
 * the counter goes before the extension and the stem is cut to keep it, so every candidate is a
 * different name and the search ends after at most `taken.size + 1` tries.
 * @example uniqueFileName('Rush order - Group 1.png', new Set(['Rush order - Group 1.png'])) // 'Rush order - Group 1 (2).png'
 */
export function uniqueFileName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name
  const ext = /\.[\p{L}\p{N}]{1,8}$/u.exec(name)?.[0] ?? ''
  const stem = name.slice(0, name.length - ext.length)
  for (let i = 2; i <= taken.size + 1; i++) {
    const suffix = ` (${i})`
    const candidate =
      stem.slice(0, MAX_LENGTH - ext.length - suffix.length).trimEnd() + suffix + ext
    if (!taken.has(candidate)) return candidate
  }
  throw new Error('unreachable: taken.size + 1 distinct candidates cannot all be taken')
}

/**
 * A `Content-Disposition: attachment` value for a name: an ASCII fallback plus the UTF-8 name.
 * @example res.set('content-disposition', attachmentDisposition('Verkoop – Q1.pdf'))
 */
export function attachmentDisposition(name: string): string {
  const safe = safeFileName(name)
  const ascii =
    safe
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '') || 'download'
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`
}

/** What a workshop export holds, as its file name says it in each language. */
const EXPORT_KINDS = {
  en: {
    session: 'session',
    report: 'report',
    notes: 'notes',
    summary: 'summary',
    boards: 'boards',
    workbook: 'workbook',
    review: 'review',
  },
  nl: {
    session: 'sessie',
    report: 'verslag',
    notes: 'notities',
    summary: 'samenvatting',
    boards: 'borden',
    workbook: 'werkmap',
    review: 'evaluatie',
  },
} as const

export type ExportKind = Exclude<keyof (typeof EXPORT_KINDS)['en'], 'session'>

/**
 * The download name of a workshop export: `<workshop>-session-<n>-<yyyy-mm-dd>-<kind>.<ext>`
 * (Dutch: `-sessie-` and the Dutch kind), so session 1 and its follow-up never overwrite each
 * other in a Downloads folder. Safe on Windows, macOS and Linux; the title is cut to keep the
 * name within 120 characters.
 * @example exportFileName({ workshop: 'Sales & Ops', session: 2, date: '2026-12-04', kind: 'report', ext: 'pdf', lang: 'en' }) // 'Sales-&-Ops-session-2-2026-12-04-report.pdf'
 */
export function exportFileName(o: {
  workshop: string
  session: number
  date: string
  kind: ExportKind
  ext: string
  lang: string
}): string {
  const words = o.lang === 'nl' ? EXPORT_KINDS.nl : EXPORT_KINDS.en
  const tail = `-${words.session}-${o.session}-${o.date}-${words[o.kind]}.${o.ext}`
  const title = safeFileName(o.workshop, 'workshop')
    .replace(/\s+-\s+/g, '-')
    .replace(/\s+/g, '-')
    .slice(0, MAX_LENGTH - tail.length)
    .replace(/[-.]+$/, '')
  return title + tail
}
