import JSZip from 'jszip'
import { boardFileName, type ExportedWorkshop } from './collectWorkshop.js'
import { zoneLabels, type ExportLabels } from './exportLabels.js'
import { renderBoardPng } from './renderBoardImage.js'

/** A PNG per board, named after its case and group; rendered one by one to spare the cores. */
export async function workshopZip(
  data: ExportedWorkshop,
  labels: ExportLabels,
  pixelRatio: number,
): Promise<Buffer> {
  const zip = new JSZip()
  const used = new Set<string>()
  for (const b of data.boards) {
    const { png } = await renderBoardPng(b.board, zoneLabels(labels, data.workshop.sides), {
      pixelRatio,
    })
    let name = boardFileName(b.caseTitle, b.groupName, 'png')
    // Two groups with the same name must not overwrite each other's image.
    for (let i = 2; used.has(name); i++) name = boardFileName(b.caseTitle, b.groupName, `${i}.png`)
    used.add(name)
    // PNG is compressed already; deflating it again only costs time.
    zip.file(name, png, { compression: 'STORE' })
  }
  return zip.generateAsync({ type: 'nodebuffer' })
}
