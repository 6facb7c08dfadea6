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
    .replace(/(\s*-\s*)+/g, (m) => (m.includes('-') ? ' - ' : m))
    .replace(/^[\s.-]+|[\s.]+$/g, '')
  if (WINDOWS_DEVICE.test(safe)) safe = `_${safe}`
  if (safe.length > MAX_LENGTH) {
    const ext = /\.[\p{L}\p{N}]{1,8}$/u.exec(safe)?.[0] ?? ''
    safe = safe.slice(0, MAX_LENGTH - ext.length).trimEnd() + ext
  }
  return safe || fallback
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
