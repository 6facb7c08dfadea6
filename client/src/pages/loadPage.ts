import type { Route } from '../route.js'

/*
 * Each page is a chunk of its own (issue 19): a participant's board link loads neither the start
 * page nor the workshop page with the facilitator's panels, links and workshop exports. No React
 * here either: the entry starts loading the page before React has loaded, and both come at once.
 */
export const PAGES = {
  start: () => import('./StartPage.js'),
  workshop: () => import('./WorkshopPage.js'),
  board: () => import('./BoardPage.js'),
} as const

/** Loads a route's page (once: the module is kept); nothing for a route without a page. */
export async function loadPage(route: Route): Promise<void> {
  if (route.page !== 'notFound') await PAGES[route.page]()
}
