import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardSnapshot } from '@sparboard/board-model'
import { downloadBlob, safeFileName } from './downloadBlob.js'
import { exportBoardImage, type ExportStep } from './exportBoardImage.js'
import './export.css'

export interface ExportMenuProps {
  readonly board: BoardSnapshot
  readonly zoneLabels: readonly string[]
  /** The canvas's selection; exporting it crops to those notes. */
  readonly selected: ReadonlySet<string>
  /** Without extension, e.g. the case and group. */
  readonly fileName: string
}

type Job = { what: string; step: ExportStep } | { done: string } | { error: string }
const STEPS: readonly ExportStep[] = ['fonts', 'drawing', 'encoding']

/** The board's export menu: the whole board or the selection, as PNG 1x/2x/3x or SVG. */
export function ExportMenu({ board, zoneLabels, selected, fileName }: ExportMenuProps) {
  const { t } = useTranslation()
  const [job, setJob] = useState<Job | null>(null)
  const menu = useRef<HTMLDetailsElement>(null)
  const busy = job !== null && 'step' in job

  const run = async (format: 'png' | 'svg', scale: number, only?: ReadonlySet<string>) => {
    if (menu.current) menu.current.open = false
    const what = format === 'svg' ? 'SVG' : `PNG ${scale}x`
    setJob({ what, step: 'fonts' })
    try {
      const image = await exportBoardImage({
        board,
        zoneLabels,
        format,
        pixelRatio: scale,
        only,
        onStep: (step) => setJob({ what, step }),
      })
      const suffix = only ? '-selection' : format === 'png' ? `@${scale}x` : ''
      downloadBlob(image.blob, `${safeFileName(fileName)}${suffix}.${format}`)
      setJob(
        image.pixelRatio < scale
          ? { done: t('export.downsized', { wanted: scale, used: image.pixelRatio }) }
          : null,
      )
    } catch (err) {
      setJob({ error: t('export.failed', { error: (err as Error).message }) })
    }
  }

  const selection = selected.size > 0 ? selected : undefined
  return (
    <div className="export-menu" data-testid="board-export">
      <details ref={menu}>
        <summary aria-disabled={busy}>{t('export.menu')}</summary>
        <div className="export-menu-list" role="menu">
          <p className="export-menu-head">{t('export.board')}</p>
          {[1, 2, 3].map((scale) => (
            <button
              key={scale}
              type="button"
              role="menuitem"
              disabled={busy}
              onClick={() => void run('png', scale)}
            >
              {t('export.png', { scale })}
            </button>
          ))}
          <button type="button" role="menuitem" disabled={busy} onClick={() => void run('svg', 1)}>
            {t('export.svg')}
          </button>
          <p className="export-menu-head">{t('export.selection')}</p>
          {selection ? (
            <>
              <button
                type="button"
                role="menuitem"
                disabled={busy}
                onClick={() => void run('png', 2, selection)}
              >
                {t('export.selectionPng')}
              </button>
              <button
                type="button"
                role="menuitem"
                disabled={busy}
                onClick={() => void run('svg', 1, selection)}
              >
                {t('export.selectionSvg')}
              </button>
            </>
          ) : (
            <p className="hint">{t('export.noSelection')}</p>
          )}
        </div>
      </details>
      {job && (
        <div className="export-status" role="status" data-testid="export-status">
          {'step' in job && (
            <>
              <span>
                {t('export.preparing', { what: job.what })} {t(`export.steps.${job.step}`)}
              </span>
              <progress max={STEPS.length} value={STEPS.indexOf(job.step) + 1} />
            </>
          )}
          {'done' in job && <span>{job.done}</span>}
          {'error' in job && <span className="error">{job.error}</span>}
          {!busy && (
            <button type="button" className="link" onClick={() => setJob(null)} aria-label="×">
              ×
            </button>
          )}
        </div>
      )}
    </div>
  )
}
