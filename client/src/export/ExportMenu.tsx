import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardSnapshot } from '@sparboard/board-model'
import { sceneLang, type SceneFrame } from '@sparboard/board-scene'
import {
  boardFrameTexts,
  exportMoment,
  NO_MOMENT,
  safeFileName,
  type SessionView,
} from '@sparboard/protocol'
import type { BoardImageRequest, ExportStep } from './exportBoardImage.js'
import { ExportOption } from './ExportOption.js'
import './export.css'

export interface ExportMenuProps {
  readonly board: BoardSnapshot
  readonly zoneLabels: readonly string[]
  /** The canvas's selection; exporting it crops to those notes. */
  readonly selected: ReadonlySet<string>
  /** Without extension, e.g. the case and group. */
  readonly fileName: string
  /** What the header band names: the board's case and group, and its workshop. */
  readonly names: {
    readonly boardId: string
    readonly caseTitle: string
    readonly groupName: string
    readonly workshopTitle: string
  }
  /** The workshop's session: the band's session number and moment (a vote still open). */
  readonly session: SessionView | null
  /** [C33] Someone who votes: in a blind round their board shows only their own dots. */
  readonly voter: boolean
  /** [G1] [G2] [G3] The method's marks, as the canvas draws them. */
  readonly marks?: BoardImageRequest['marks']
}

type Job = { what: string; step: ExportStep } | { done: string } | { error: string }
const STEPS: readonly ExportStep[] = ['fonts', 'drawing', 'encoding']

/**
 * The board's export menu: the whole board or the selection, as PNG 1x/2x/3x or SVG; the whole
 * board with a header band and legend above it unless unticked.
 */
export function ExportMenu({
  board,
  zoneLabels,
  selected,
  fileName,
  names,
  session: state,
  voter,
  marks,
}: ExportMenuProps) {
  const { t, i18n } = useTranslation()
  const [withFrame, setWithFrame] = useState(true)
  const [job, setJob] = useState<Job | null>(null)
  const menu = useRef<HTMLDetailsElement>(null)
  const busy = job !== null && 'step' in job

  const run = async (format: 'png' | 'svg', scale: number, only?: ReadonlySet<string>) => {
    if (menu.current) menu.current.open = false
    const what = format === 'svg' ? 'SVG' : `PNG ${scale}x`
    setJob({ what, step: 'fonts' })
    let frame: SceneFrame | undefined
    // The band goes above the whole board; a selection stays cropped to its notes.
    if (withFrame && !only) {
      const moment = state ? exportMoment(state, names.boardId) : NO_MOMENT
      frame = {
        ...boardFrameTexts({
          ...names,
          language: i18n.language,
          session: state?.series.number ?? 1,
          // [C33] a voter's own picture of a blind round holds their dots and no one else's
          moment: moment.vote === 'blind' && voter ? { ...moment, vote: 'blindOwn' } : moment,
          at: Date.now(),
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        }),
        zoneLabels,
      }
    }
    try {
      // The export's code comes with the first export (issue 19): a board opens without it.
      const [{ exportBoardImage }, { downloadBlob }] = await Promise.all([
        import('./exportBoardImage.js'),
        import('./downloadBlob.js'),
      ])
      const image = await exportBoardImage({
        board,
        zoneLabels,
        ...(marks && { marks }),
        lang: sceneLang(i18n.language),
        format,
        pixelRatio: scale,
        only,
        frame,
        onStep: (step) => setJob({ what, step }),
      })
      const suffix = only ? '-selection' : format === 'png' ? `@${scale}x` : ''
      downloadBlob(image.blob, safeFileName(`${fileName}${suffix}.${format}`, `board.${format}`))
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
          <ExportOption className="export-frame" checked={withFrame} onChange={setWithFrame}>
            {t('export.frame')}
          </ExportOption>
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
