/** Everything that draws: loaded on the first export (see exportRoutes). */
export { renderBoardPng, renderBoardSvg } from './renderBoardImage.js'
export { reportPdf } from './reportPdf.js'
export { workshopZip } from './workshopZip.js'
