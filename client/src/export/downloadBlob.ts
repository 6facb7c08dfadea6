import { safeFileName } from '@sparboard/protocol'

/** Hands a blob to the browser as a file download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * The file name the server chose for a download (`filename*` of its Content-Disposition, e.g.
 * `Sales-&-Ops-session-2-2026-12-04-report.pdf`), or `fallback` when it gave none.
 */
export function dispositionFileName(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1]
  if (encoded) {
    try {
      return safeFileName(decodeURIComponent(encoded), fallback)
    } catch {
      // a malformed escape: the plain name or the fallback below
    }
  }
  return safeFileName(/filename="([^"]*)"/i.exec(header)?.[1] ?? '', fallback)
}
