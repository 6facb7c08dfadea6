import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dispositionFileName, downloadBlob } from './downloadBlob.js'
import { ExportOption } from './ExportOption.js'
import './export.css'

const FILES = [
  { key: 'zip', path: 'export.zip', file: 'boards.zip' },
  { key: 'pdf', path: 'report.pdf', file: 'report.pdf' },
  { key: 'xlsx', path: 'workbook.xlsx', file: 'workbook.xlsx' },
  { key: 'csv', path: 'notes.csv', file: 'notes.csv' },
  // [C26] a follow-up's verdicts and who proposed what
  { key: 'review', path: 'review.csv', file: 'review.csv' },
  { key: 'markdown', path: 'summary.md', file: 'summary.md' },
] as const
type FileKey = (typeof FILES)[number]['key']

const size = (bytes: number) =>
  bytes > 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`

/** Reads a response body, reporting the bytes so far (the server renders before it sends). */
async function readWithProgress(res: Response, onBytes: (n: number) => void): Promise<Blob> {
  const reader = res.body?.getReader()
  if (!reader) return res.blob()
  const parts: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parts.push(value as Uint8Array<ArrayBuffer>)
    received += value.byteLength
    onBytes(received)
  }
  return new Blob(parts, { type: res.headers.get('content-type') ?? '' })
}

/** The workshop's export menu: every board as PNGs, the PDF report, the notes as CSV, Markdown. */
export function WorkshopExportMenu({
  workshopId,
  token,
  mayName,
  followUp = false,
}: {
  workshopId: string
  token: string
  /** The facilitator may put participants' names in the spreadsheet (off unless ticked). */
  mayName: boolean
  /** [C26] A follow-up: its review can be downloaded too. */
  followUp?: boolean
}) {
  const { t, i18n } = useTranslation()
  const [withNames, setWithNames] = useState(false)
  const [withFrame, setWithFrame] = useState(true)
  const [job, setJob] = useState<{ key: FileKey; bytes: number } | { error: string } | null>(null)
  const busy = job !== null && 'key' in job

  const run = async ({ key, path, file }: (typeof FILES)[number]) => {
    setJob({ key, bytes: 0 })
    try {
      const query = new URLSearchParams({
        lang: i18n.language === 'nl' ? 'nl' : 'en',
        // "counts as of 10:42" in the reader's own time
        tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
      })
      if (key === 'xlsx' && withNames) query.set('names', '1')
      if (key === 'zip' && !withFrame) query.set('frame', '0')
      // The token goes in a header, not the URL, so it stays out of logs and history.
      const res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/${path}?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
      const blob = await readWithProgress(res, (bytes) => setJob({ key, bytes }))
      downloadBlob(blob, dispositionFileName(res, file))
      setJob(null)
    } catch (err) {
      setJob({ error: t('export.failed', { error: (err as Error).message }) })
    }
  }

  return (
    <section className="card workshop-export" data-testid="workshop-export">
      <h2>{t('export.workshop')}</h2>
      <p className="hint">{t('export.workshopHint')}</p>
      <div className="workshop-export-buttons">
        {FILES.filter((f) => f.key !== 'review' || followUp).map((f) => (
          <button key={f.key} type="button" disabled={busy} onClick={() => void run(f)}>
            {t(`export.${f.key}`)}
          </button>
        ))}
      </div>
      <ExportOption checked={withFrame} onChange={setWithFrame}>
        {t('export.frameZip')}
      </ExportOption>
      {mayName && (
        <ExportOption checked={withNames} onChange={setWithNames}>
          {t('export.includeNames')}
        </ExportOption>
      )}
      {job && (
        <div className="export-status" role="status">
          {'key' in job ? (
            <>
              <span>
                {t('export.downloading', {
                  what: t(`export.${job.key}`),
                  size: job.bytes ? size(job.bytes) : '',
                })}
              </span>
              <progress />
            </>
          ) : (
            <span className="error">{job.error}</span>
          )}
        </div>
      )}
    </section>
  )
}
