import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  addInOutline,
  englishOutline,
  openPage,
  outlineNote,
  poll,
  useServer,
  zoneTexts,
  type OutlineWords,
} from './board.people.js'

/** What the people of one journey write, in their own language. */
interface Content {
  readonly title: string
  readonly goals: readonly [string, string, string]
  readonly cases: readonly [string, string]
  readonly interest: string
  readonly friction: string
  readonly solutions: readonly [string, string, string]
  readonly otherSolution: string
  readonly chafed: string
}

/** What the screens say, in one language: the labels a person reads and clicks. */
interface Screens {
  readonly language: string
  readonly locale: string
  readonly outline: OutlineWords
  readonly start: {
    readonly title: string
    readonly goals: string
    readonly sides: readonly [string, string]
    readonly case: (n: number) => string
    readonly broughtBy: string
    readonly addCase: string
    readonly groups: string
    readonly create: string
    readonly ready: string
    readonly open: string
  }
  readonly links: { readonly facilitator: string; readonly participant: string }
  readonly join: {
    readonly dialog: string
    readonly name: string
    readonly groupField: string
    readonly submit: string
  }
  /** The board page's question for a name, to the facilitator who opens a board. */
  readonly nameDialog: { readonly name: string; readonly submit: string }
  readonly group: (n: number) => string
  readonly chooseGroup: string
  readonly yourGroup: (n: number) => string
  readonly boardLabel: (caseTitle: string, group: number) => string
  readonly phases: readonly [string, string, string, string, string, string]
  readonly zones: {
    readonly salesInterests: string
    readonly friction: string
    readonly solutions: string
  }
  readonly notes: (count: number) => string
  readonly privateWaiting: string
  readonly reveal: string
  readonly back: string
  readonly votesPerPerson: string
  readonly voteFor: string
  readonly voteSelected: string
  readonly votesLeft: (left: number, budget: number) => string
  readonly noVotesLeft: string
  readonly locate: string
  readonly makeAgreement: string
  readonly agreement: {
    readonly owner: string
    readonly due: string
    readonly supports: string
    readonly neutral: string
    readonly conflicts: string
    readonly save: string
    /** 2026-12-15, as the screens write it. */
    readonly dueOn: string
  }
  readonly showMatrix: string
  readonly matrixLegend: string
  readonly spotlight: string
  readonly inTheSpotlight: (board: string) => string
  readonly followUp: {
    readonly start: string
    readonly ready: RegExp
    readonly open: string
    readonly session2: string
  }
  readonly review: { readonly partly: string; readonly chafed: string; readonly saved: string }
}

const english: Screens = {
  language: 'English',
  locale: 'en-GB',
  outline: englishOutline,
  start: {
    title: 'Workshop title',
    goals: 'Strategy and goals',
    sides: ['First side', 'Second side'],
    case: (n) => `Case ${n}`,
    broughtBy: 'Brought by (optional)',
    addCase: 'Add a case',
    groups: 'Breakout groups',
    create: 'Create workshop',
    ready: 'Your workshop is ready',
    open: 'Open workshop',
  },
  links: { facilitator: 'Facilitator', participant: 'Participants' },
  join: { dialog: 'Join the workshop', name: 'Your name', groupField: 'Group', submit: 'Join' },
  nameDialog: { name: 'Your name', submit: 'Join the board' },
  group: (n) => `Group ${n}`,
  chooseGroup: 'Choose your group:',
  yourGroup: (n) => `Your group: ${n}`,
  boardLabel: (caseTitle, group) => `${caseTitle} · Group ${group}`,
  phases: [
    '1. Strategy and goals',
    '2. Interests and friction',
    '3. Solutions',
    '4. Voting',
    '5. Agreements and strategy check',
    '6. Plenary mirroring',
  ],
  zones: {
    salesInterests: 'Interests of Sales',
    friction: 'Friction points',
    solutions: 'Solutions',
  },
  notes: (count) => `${count} ${count === 1 ? 'note' : 'notes'}`,
  privateWaiting: '+1 private note waiting for the reveal',
  reveal: 'Reveal the notes',
  back: 'All boards',
  votesPerPerson: 'Votes per person',
  voteFor: 'Vote for this note',
  voteSelected: '● Vote',
  votesLeft: (left, budget) => `${left} of ${budget} votes left`,
  noVotesLeft: 'No votes left: take one back first',
  locate: 'Show on the board',
  makeAgreement: 'Make agreement',
  agreement: {
    owner: 'Owner',
    due: 'Due date',
    supports: 'Supports',
    neutral: 'Neutral',
    conflicts: 'Conflicts',
    save: 'Save agreement',
    dueOn: 'due 15 December 2026',
  },
  showMatrix: 'Show the strategy check',
  matrixLegend: '✓ supports this goal · ○ neutral to this goal · ✗ conflicts with this goal',
  spotlight: 'Spotlight',
  inTheSpotlight: (board) => `In the spotlight: ${board}`,
  followUp: {
    start: 'Start a follow-up session',
    ready: /^Ready, with 1 agreement to review\./,
    open: 'Open the follow-up session',
    session2: 'Session 2',
  },
  review: { partly: 'Partly', chafed: 'What chafed', saved: '✓ Saved for everyone' },
}

const dutch: Screens = {
  language: 'Dutch',
  locale: 'nl-NL',
  outline: {
    add: (zone) => `Notitie toevoegen aan ${zone}`,
    text: (zone) => `Tekst van de nieuwe notitie in ${zone}`,
  },
  start: {
    title: 'Titel van de workshop',
    goals: 'Strategie en doelen',
    sides: ['Eerste kant', 'Tweede kant'],
    case: (n) => `Case ${n}`,
    broughtBy: 'Ingebracht door (optioneel)',
    addCase: 'Case toevoegen',
    groups: 'Subgroepen',
    create: 'Workshop aanmaken',
    ready: 'Je workshop staat klaar',
    open: 'Workshop openen',
  },
  links: { facilitator: 'Facilitator', participant: 'Deelnemers' },
  join: {
    dialog: 'Doe mee aan de workshop',
    name: 'Je naam',
    groupField: 'Groep',
    submit: 'Meedoen',
  },
  nameDialog: { name: 'Je naam', submit: 'Naar het bord' },
  group: (n) => `Groep ${n}`,
  chooseGroup: 'Kies je groep:',
  yourGroup: (n) => `Jouw groep: ${n}`,
  boardLabel: (caseTitle, group) => `${caseTitle} · Groep ${group}`,
  phases: [
    '1. Strategie en doelen',
    '2. Belangen en schuurpunten',
    '3. Oplossingen',
    '4. Stemmen',
    '5. Afspraken en toets aan strategie en doelen',
    '6. Plenair spiegelen',
  ],
  zones: {
    salesInterests: 'Belangen van Sales',
    friction: 'Schuurpunten',
    solutions: 'Oplossingen',
  },
  notes: (count) => `${count} ${count === 1 ? 'notitie' : 'notities'}`,
  privateWaiting: '+1 eigen notitie wacht op onthullen',
  reveal: 'Notities onthullen',
  back: 'Alle borden',
  votesPerPerson: 'Stemmen per persoon',
  voteFor: 'Stem op deze notitie',
  voteSelected: '● Stem',
  votesLeft: (left, budget) => `Nog ${left} van ${budget} stemmen`,
  noVotesLeft: 'Geen stemmen meer: haal er eerst een terug',
  locate: 'Toon op het bord',
  makeAgreement: 'Afspraak maken',
  agreement: {
    owner: 'Eigenaar',
    due: 'Uiterlijk',
    supports: 'Draagt bij',
    neutral: 'Neutraal',
    conflicts: 'Schuurt',
    save: 'Afspraak opslaan',
    dueOn: 'uiterlijk 15 december 2026',
  },
  showMatrix: 'Toets aan strategie en doelen tonen',
  matrixLegend: '✓ ondersteunt dit doel · ○ neutraal voor dit doel · ✗ botst met dit doel',
  spotlight: 'Spiegelen',
  inTheSpotlight: (board) => `Wordt gespiegeld: ${board}`,
  followUp: {
    start: 'Vervolgsessie starten',
    ready: /^Klaar, met 1 afspraak om te evalueren\./,
    open: 'Vervolgsessie openen',
    session2: 'Sessie 2',
  },
  review: { partly: 'Deels', chafed: 'Wat schuurde', saved: '✓ Opgeslagen voor iedereen' },
}

const englishContent: Content = {
  title: 'Sales & Operations, spring',
  goals: ['Deliver on time', 'Grow margin', 'Serve new customers within 6 weeks'],
  cases: ['Rush order', 'Forecast miss'],
  interest: 'Customer wants it in two days',
  friction: 'Planning is fixed three weeks ahead',
  solutions: ['Reserve a rush slot every day', 'Weekly planning call', 'Rush fee'],
  otherSolution: 'Share the forecast weekly',
  chafed: 'Big orders still jump the queue',
}

const dutchContent: Content = {
  title: 'Sales & Operations, voorjaar',
  goals: ['Op tijd leveren', 'Marge verbeteren', 'Nieuwe klanten binnen 6 weken beleveren'],
  cases: ['Spoedorder', 'Forecast gemist'],
  interest: 'Klant wil binnen twee dagen geleverd krijgen',
  friction: 'Planning ligt drie weken vast',
  solutions: ['Elke dag een spoedslot vrijhouden', 'Wekelijks planningsoverleg', 'Spoedtoeslag'],
  otherSolution: 'Forecast wekelijks delen',
  chafed: 'Grote orders gaan er nog steeds tussendoor',
}

const opened = useServer()
const person = (url: string, locale: string) => openPage(opened.browser, url, locale)

/** SCREENSHOT_DIR=... saves every screen of the journey, to look at. */
function screenshots(language: string) {
  let n = 0
  return async (page: Page, name: string) => {
    const dir = process.env.SCREENSHOT_DIR
    const file = `${dir}/${language.toLowerCase()}-${String(++n).padStart(2, '0')}-${name}.png`
    if (dir) await page.screenshot({ path: file, fullPage: true })
  }
}

const connected = (page: Page) =>
  page.locator('[data-testid=connection][data-status=connected]').waitFor()

describe.each([
  { ui: english, say: englishContent },
  { ui: dutch, say: dutchContent },
])('a whole workshop in $ui.language, in Chromium', ({ ui, say }) => {
  it('one facilitator and two participants in two groups, from the start page to the follow-up', async () => {
    const shoot = screenshots(ui.language)
    const [rushOrder, forecastMiss] = say.cases
    const [rushSlot, planningCall, rushFee] = say.solutions

    // 1. The facilitator fills in the start page and creates the workshop.
    const fac = await person(opened.running.url, ui.locale)
    await shoot(fac, 'start')
    await fac.getByLabel(ui.start.title).fill(say.title)
    await fac.getByLabel(ui.start.goals).fill(say.goals.join('\n'))
    await fac.getByLabel(ui.start.sides[0]).fill('Sales')
    await fac.getByLabel(ui.start.sides[1]).fill('Operations')
    await fac.getByLabel(ui.start.case(1)).fill(rushOrder)
    await fac.getByLabel(ui.start.broughtBy).first().fill('Anna')
    await fac.getByRole('button', { name: ui.start.addCase }).click()
    await fac.getByLabel(ui.start.case(2)).fill(forecastMiss)
    await fac.getByLabel(ui.start.groups).fill('2')
    await shoot(fac, 'start-filled')
    await fac.getByRole('button', { name: ui.start.create }).click()
    await fac.getByRole('heading', { name: ui.start.ready }).waitFor()
    const participantLink = await fac
      .getByRole('textbox', { name: ui.links.participant })
      .inputValue()
    expect(participantLink).toMatch(/\/w\/[\w-]+#token=[\w-]+$/)
    expect(await fac.getByRole('textbox', { name: ui.links.facilitator }).inputValue()).toMatch(
      /\/w\/[\w-]+#token=[\w-]+$/,
    )
    await shoot(fac, 'links')
    await fac.getByRole('button', { name: ui.start.open }).click()
    const panel = fac.getByTestId('facilitator-panel')
    await panel.waitFor()
    await shoot(fac, 'facilitator')

    // 2. Anna (Sales) joins by the participant link and picks group 1; Bram (Operations) joins
    //    without a group, and the facilitator drags him onto group 2.
    const joinAs = async (name: string, side: string, group?: number) => {
      const page = await person(participantLink, ui.locale)
      const dialog = page.getByRole('dialog', { name: ui.join.dialog })
      await dialog.getByLabel(ui.join.name).fill(name)
      await dialog.getByRole('radio', { name: side }).check()
      if (group)
        await dialog.getByLabel(ui.join.groupField).selectOption({ label: ui.group(group) })
      await shoot(page, `join-${name}`)
      await dialog.getByRole('button', { name: ui.join.submit, exact: true }).click()
      await poll(() => dialog.count()).toBe(0)
      return page
    }
    const anna = await joinAs('Anna', 'Sales', 1)
    const bram = await joinAs('Bram', 'Operations')
    // Bram is in no group yet, and reads that he may choose one.
    await poll(() => bram.getByTestId('session-no-group').textContent()).toContain(ui.chooseGroup)
    await shoot(bram, 'joined-without-group')
    const roster = fac.getByTestId('session-roster')
    await poll(() => roster.textContent()).toContain('Bram (Operations)')
    const groupZone = (n: number) => fac.getByTestId('group-zone').filter({ hasText: ui.group(n) })
    await roster.getByText('Bram (Operations)').dragTo(groupZone(2))
    await poll(() => groupZone(1).locator('li').allTextContents()).toEqual(['Anna'])
    await poll(() => groupZone(2).locator('li').allTextContents()).toEqual(['Bram'])
    await shoot(fac, 'grouped')
    await poll(() => bram.getByTestId('session-your-group').textContent()).toContain(
      ui.yourGroup(2),
    )
    expect(await bram.getByTestId('session-no-group').count()).toBe(0)

    // Each opens their group's board of the first case from the session bar.
    for (const p of [anna, bram]) {
      const yourGroup = p.getByTestId('session-your-group')
      await yourGroup.getByRole('button', { name: rushOrder }).click()
      await connected(p)
    }
    expect(await anna.getByRole('heading', { level: 1 }).textContent()).toBe(rushOrder)
    await shoot(anna, 'board')

    // 3. Interests and friction, each writing on their own first.
    await panel.getByRole('button', { name: ui.phases[1] }).click()
    for (const p of [anna, bram]) await p.getByTestId('session-private').waitFor()
    await addInOutline(anna, ui.zones.salesInterests, say.interest, ui.outline)
    await addInOutline(bram, ui.zones.friction, say.friction, ui.outline)
    await poll(() => zoneTexts(anna, ui.zones.salesInterests)).toEqual([say.interest])
    await shoot(anna, 'private-writing')
    // The facilitator sees that a note waits on Anna's board, not what it says.
    const annasBoard = ui.boardLabel(rushOrder, 1)
    const tile = (label: string) => panel.getByRole('listitem', { name: label, exact: true })
    const activity = (label: string) => tile(label).getByTestId('session-board-activity')
    await poll(() => activity(annasBoard).textContent()).toContain(ui.privateWaiting)
    await poll(() => activity(ui.boardLabel(rushOrder, 2)).textContent()).toContain(
      ui.privateWaiting,
    )
    await shoot(fac, 'private-waiting')
    // ... and on the board itself nothing yet.
    await tile(annasBoard).getByRole('button', { name: annasBoard, exact: true }).click()
    await fac.getByRole('textbox', { name: ui.nameDialog.name }).fill('Fenna')
    await fac.getByRole('button', { name: ui.nameDialog.submit }).click()
    await connected(fac)
    await fac.getByRole('heading', { name: ui.notes(0), exact: true }).waitFor()
    expect(await fac.getByTestId('outline').textContent()).not.toContain(say.interest)
    await shoot(fac, 'board-before-reveal')
    await fac.getByRole('button', { name: ui.back }).click()
    await panel.getByRole('button', { name: ui.reveal }).click()
    await poll(() => activity(annasBoard).textContent()).toMatch(
      new RegExp(`^ · ${ui.notes(1)} · `),
    )
    await poll(() => zoneTexts(anna, ui.zones.salesInterests)).toEqual([say.interest])
    await poll(() => zoneTexts(bram, ui.zones.friction)).toEqual([say.friction])
    await shoot(anna, 'revealed')

    // 4. Solutions; then voting with two votes each.
    await panel.getByRole('button', { name: ui.phases[2] }).click()
    for (const text of say.solutions) await addInOutline(anna, ui.zones.solutions, text, ui.outline)
    await addInOutline(bram, ui.zones.solutions, say.otherSolution, ui.outline)
    await poll(() => zoneTexts(anna, ui.zones.solutions)).toEqual([...say.solutions])
    // Not the voting phase: nothing to vote with, and no budget to worry about.
    const voteButtons = anna.getByRole('button', { name: new RegExp(`^${ui.voteFor}`) })
    expect(await voteButtons.count()).toBe(0)
    expect(await anna.getByTestId('votes-left').count()).toBe(0)
    await panel.getByLabel(ui.votesPerPerson).fill('2')
    await panel.getByRole('button', { name: ui.phases[3] }).click()
    const voteOn = (text: string) =>
      outlineNote(anna, text).getByRole('button', { name: new RegExp(`^${ui.voteFor}`) })
    await poll(() => voteOn(rushSlot).isEnabled()).toBe(true)
    const left = anna.getByTestId('votes-left')
    await poll(() => left.getAttribute('title')).toBe(ui.votesLeft(2, 2))
    await voteOn(rushSlot).click()
    await voteOn(planningCall).click()
    await poll(() => left.getAttribute('title')).toBe(ui.votesLeft(0, 2))
    // a third vote cannot be cast
    await poll(() => voteOn(rushFee).isDisabled()).toBe(true)
    expect(await voteOn(rushFee).getAttribute('title')).toBe(ui.noVotesLeft)
    expect(await voteOn(rushSlot).isDisabled()).toBe(true)
    const count = (text: string) => outlineNote(anna, text).getByTestId('vote-count')
    expect(await count(rushSlot).getAttribute('data-count')).toBe('1')
    expect(await count(rushFee).getAttribute('data-count')).toBe('0')
    await shoot(anna, 'votes-spent')

    // 5. Agreements: Anna turns the solution with her vote into an agreement, scored on every goal.
    await panel.getByRole('button', { name: ui.phases[4] }).click()
    await outlineNote(anna, rushSlot)
      .getByRole('button', { name: new RegExp(`^${ui.locate}`) })
      .click()
    const tools = anna.getByTestId('selection-tools')
    expect(await tools.getByRole('button', { name: ui.voteSelected, exact: true }).count()).toBe(0)
    await tools.getByRole('button', { name: ui.makeAgreement }).click()
    const form = anna.getByTestId('agreement-form')
    await form.getByLabel(ui.agreement.owner).fill('Bram')
    await form.getByLabel(ui.agreement.due).fill('2026-12-15')
    await form.getByLabel(say.goals[0]).selectOption({ label: ui.agreement.supports })
    await form.getByLabel(say.goals[1]).selectOption({ label: ui.agreement.conflicts })
    await form.getByLabel(say.goals[2]).selectOption({ label: ui.agreement.neutral })
    await shoot(anna, 'agreement-form')
    await form.getByRole('button', { name: ui.agreement.save }).click()
    const agreement = anna.getByTestId('agreement')
    await poll(() => agreement.locator('.agreement-text').allTextContents()).toEqual([rushSlot])
    expect(await agreement.textContent()).toContain(`Bram · ${ui.agreement.dueOn}`)
    expect(await agreement.locator('.goal-scores li').allTextContents()).toEqual([
      `${say.goals[0]}${ui.agreement.supports}`,
      `${say.goals[1]}${ui.agreement.conflicts}`,
      `${say.goals[2]}${ui.agreement.neutral}`,
    ])
    await shoot(anna, 'agreement')
    await panel.getByRole('button', { name: ui.showMatrix }).click()
    const matrix = fac.getByTestId('strategy-matrix')
    const row = matrix.locator('tbody tr', { hasText: rushSlot })
    await poll(() => row.locator('td').allTextContents()).toEqual(['✓', '✗', '○'])
    expect(await row.locator('th').textContent()).toContain(
      `${annasBoard} · Bram · ${ui.agreement.dueOn}`,
    )
    expect(await fac.getByTestId('strategy-matrix-legend').textContent()).toBe(ui.matrixLegend)
    await shoot(fac, 'strategy-check')

    // 6. Plenary: the facilitator puts Anna's board in the spotlight; Bram is taken there.
    await panel.getByRole('button', { name: ui.phases[5] }).click()
    await tile(annasBoard).getByRole('button', { name: ui.spotlight }).click()
    for (const p of [anna, bram])
      await poll(() => p.getByTestId('session-spotlight').textContent()).toBe(
        ui.inTheSpotlight(annasBoard),
      )
    await poll(() => zoneTexts(bram, ui.zones.salesInterests)).toEqual([say.interest])
    await poll(() => zoneTexts(bram, ui.zones.solutions)).toEqual([...say.solutions])
    expect(await bram.getByRole('heading', { level: 1 }).textContent()).toBe(rushOrder)
    expect(await bram.getByText(ui.group(1), { exact: true }).count()).toBe(1)
    await shoot(bram, 'spotlight')
    await shoot(fac, 'spotlight-facilitator')

    // 7. The follow-up session: the agreement is up for review there.
    await panel.getByRole('button', { name: ui.followUp.start }).click()
    await panel.getByText(ui.followUp.ready).waitFor()
    const nextLink = await panel.getByRole('textbox', { name: ui.links.participant }).inputValue()
    expect(nextLink).not.toBe(participantLink)
    await shoot(fac, 'follow-up-links')
    await panel.getByRole('button', { name: ui.followUp.open }).click()
    await poll(() => fac.getByTestId('session-series').textContent()).toBe(ui.followUp.session2)
    const reviewOf = (page: Page) =>
      page.getByTestId('session-review').getByRole('listitem', { name: rushSlot })
    await reviewOf(fac).waitFor()
    await shoot(fac, 'follow-up')

    await anna.goto(nextLink)
    const dialog = anna.getByRole('dialog', { name: ui.join.dialog })
    // the name and side she gave before are filled in
    expect(await dialog.getByLabel(ui.join.name).inputValue()).toBe('Anna')
    expect(await dialog.getByRole('radio', { name: 'Sales' }).isChecked()).toBe(true)
    await dialog.getByRole('button', { name: ui.join.submit, exact: true }).click()
    await poll(() => dialog.count()).toBe(0)
    const item = reviewOf(anna)
    expect(await item.textContent()).toContain(`${annasBoard} · Bram · ${ui.agreement.dueOn}`)
    await item.getByRole('radio', { name: ui.review.partly }).check()
    await item.getByLabel(ui.review.chafed).fill(say.chafed)
    await item.getByLabel(ui.review.chafed).blur()
    await poll(() => item.getByRole('status').textContent()).toBe(ui.review.saved)
    await shoot(anna, 'follow-up-review')
    // The facilitator sees Anna's review, and so does the history of the series.
    const seen = reviewOf(fac)
    await poll(() => seen.getByRole('radio', { name: ui.review.partly }).isChecked()).toBe(true)
    await poll(() => seen.getByLabel(ui.review.chafed).inputValue()).toBe(say.chafed)
    const history = fac.getByTestId('series-agreement').filter({ hasText: rushSlot })
    await poll(() => history.getByTestId('series-outcome').getAttribute('data-status')).toBe(
      'partly',
    )
    await shoot(fac, 'follow-up-reviewed')
  }, 180_000)
})
