import JSZip from 'jszip'
import { uniqueFileName } from '@sparboard/protocol'
import { boardFileName, type ExportedWorkshop } from './collectWorkshop.js'
import { boardFrame } from './boardFrame.js'
import { zoneLabels, type ExportLabels } from './exportLabels.js'
import { sceneMarks } from './methodExport.js'
import { renderBoardPng } from './renderBoardImage.js'

/**
 * A PNG per board, named after its case and group, each with its header band unless `frame` is
 * off; rendered one by one to spare the cores.
 */
export async function workshopZip(
  data: ExportedWorkshop,
  labels: ExportLabels,
  pixelRatio: number,
  frame = true,
): Promise<Buffer> {
  const zip = new JSZip()
  const used = new Set<string>()
  for (const b of data.boards) {
    const { png } = await renderBoardPng(b.board, zoneLabels(labels, data.workshop.sides), {
      pixelRatio,
      lang: labels.lang,
      ...(frame && {
        frame: boardFrame(labels, data.workshop.sides, {
          caseTitle: b.caseTitle,
          groupName: b.groupName,
          workshopTitle: data.workshop.title,
          session: data.session,
          moment: b.moment,
          at: data.at,
          timeZone: data.timeZone,
        }),
      }),
      marks: sceneMarks(data.workshop, b.board, labels),
    })
    // Two groups with the same name must not overwrite each other's image.
    const name = uniqueFileName(boardFileName(b.caseTitle, b.groupName, 'png'), used)
    used.add(name)
    // PNG is compressed already; deflating it again only costs time.
    zip.file(name, png, { compression: 'STORE' })
  }
  return zip.generateAsync({ type: 'nodebuffer' })
}
