import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  addInOutline,
  englishOutline,
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
    readonly checkable: string
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
  readonly privateWaiting: (count: number) => string
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
  readonly review: {
    readonly partly: string
    readonly chafed: string
    readonly saved: string
    readonly adopt: string
  }
  /** The facilitator's cockpit on a board ([C36]) and what it brings about. */
  readonly cockpit: {
    readonly next: (phase: string) => string
    readonly reveal: string
    readonly yesReveal: string
    readonly closeVote: string
    readonly yesClose: string
    readonly minutes: string
    readonly start: string
    readonly gather: string
    readonly spotlight: string
    readonly plenary: string
    /** The plenary banner's start: which zone, which step (of how many follows). */
    readonly plenaryAt: (zone: string, step: number) => string
    readonly following: string
    readonly stopFollowing: string
    readonly followAgain: string
    readonly blindNotice: string
    readonly closedNotice: string
    readonly rank: (n: number) => string
    readonly open: (board: string) => string
    readonly present: (names: string) => string
    readonly perPerson: (list: string) => string
    readonly votes: (used: number, budget: number) => string
    readonly notVoted: (names: string) => string
    readonly allVoted: string
    readonly voteSplit: (total: number, first: number, second: number) => string
  }
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
    checkable: 'Checkable agreements',
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
  privateWaiting: (n) => `+${n} private ${n === 1 ? 'note' : 'notes'} waiting for the reveal`,
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
  review: {
    partly: 'Partly',
    chafed: 'What chafed',
    saved: '✓ Saved for everyone',
    adopt: 'Adopt',
  },
  cockpit: {
    next: (phase) => `Next phase: ${phase}`,
    reveal: 'Reveal the notes…',
    yesReveal: 'Reveal',
    closeVote: 'Close the vote…',
    yesClose: 'Close the vote',
    minutes: 'Minutes for this phase',
    start: 'Start',
    gather: 'Everyone to me',
    spotlight: 'Spotlight',
    plenary: 'Plenary (P)',
    plenaryAt: (zone, step) => `Plenary: ${zone} (${step} of `,
    following: 'You follow the facilitator’s view',
    stopFollowing: 'Stop following',
    followAgain: 'Follow the facilitator',
    blindNotice: 'Blind vote: only you see your votes until the facilitator closes the vote',
    closedNotice: 'The vote is closed: the counts are shown, split by side',
    rank: (n) => `No. ${n}`,
    open: (board) => `Open ${board}`,
    present: (names) => `here: ${names}`,
    perPerson: (list) => `notes per person: ${list}`,
    votes: (used, budget) => `votes ${used} of ${budget}`,
    notVoted: (names) => `not voted yet: ${names}`,
    allVoted: 'everyone voted',
    voteSplit: (total, first, second) =>
      `${total} ${total === 1 ? 'vote' : 'votes'}: Sales ${first}, Operations ${second}`,
  },
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
    checkable: 'Toetsbare afspraken',
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
  privateWaiting: (n) =>
    n === 1 ? '+1 eigen notitie wacht op onthullen' : `+${n} eigen notities wachten op onthullen`,
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
  review: {
    partly: 'Deels',
    chafed: 'Wat schuurde',
    saved: '✓ Opgeslagen voor iedereen',
    adopt: 'Overnemen',
  },
  cockpit: {
    next: (phase) => `Volgende fase: ${phase}`,
    reveal: 'Notities onthullen…',
    yesReveal: 'Onthullen',
    closeVote: 'Stemming sluiten…',
    yesClose: 'Stemming sluiten',
    minutes: 'Minuten voor deze fase',
    start: 'Start',
    gather: 'Iedereen naar mij',
    spotlight: 'Spiegelen',
    plenary: 'Plenair (P)',
    plenaryAt: (zone, step) => `Plenair: ${zone} (${step} van `,
    following: 'Je volgt het beeld van de facilitator',
    stopFollowing: 'Stoppen met volgen',
    followAgain: 'De facilitator volgen',
    blindNotice: 'Blind stemmen: alleen jij ziet je stemmen tot de facilitator de stemming sluit',
    closedNotice: 'De stemming is gesloten: de uitslag staat erbij, verdeeld per kant',
    rank: (n) => `Nr. ${n}`,
    open: (board) => `${board} openen`,
    present: (names) => `aanwezig: ${names}`,
    perPerson: (list) => `notities per persoon: ${list}`,
    votes: (used, budget) => `stemmen ${used} van ${budget}`,
    notVoted: (names) => `nog niet gestemd: ${names}`,
    allVoted: 'iedereen heeft gestemd',
    voteSplit: (total, first, second) =>
      `${total} ${total === 1 ? 'stem' : 'stemmen'}: Sales ${first}, Operations ${second}`,
  },
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
/** Everyone at a laptop: 1366x768, in their language. */
async function person(url: string, locale: string): Promise<Page> {
  const context = await opened.browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale,
  })
  const page = await context.newPage()
  page.on('pageerror', (err) => {
    throw err
  })
  await page.goto(url)
  return page
}

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
  it('one facilitator and three participants in two groups, run from the boards, from the start page to the follow-up', async () => {
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
    // this journey keeps the free-text owner; session.series.test.ts runs checkable agreements
    await fac.getByLabel(ui.start.checkable).uncheck()
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
    // [C28] each person's chip says their side and that they are online
    const bramChip = roster.getByTestId('person-chip').filter({ hasText: 'Bram' })
    await poll(() => bramChip.getAttribute('title')).toBe('Bram · Operations · online')
    const groupZone = (n: number) => fac.getByTestId('group-zone').filter({ hasText: ui.group(n) })
    await bramChip.dragTo(groupZone(2))
    await poll(() => groupZone(1).locator('.person-name').allTextContents()).toEqual(['Anna'])
    await poll(() => groupZone(2).locator('.person-name').allTextContents()).toEqual(['Bram'])
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

    // Cas (Operations) joins Anna's group, so both sides vote on her board.
    const cas = await joinAs('Cas', 'Operations', 1)
    await poll(() => groupZone(1).locator('.person-name').allTextContents()).toEqual([
      'Anna',
      'Cas',
    ])
    await cas.getByTestId('session-your-group').getByRole('button', { name: rushOrder }).click()
    await connected(cas)
    await panel.getByLabel(ui.votesPerPerson).fill('2')

    // 3. From here the facilitator runs the workshop from Anna's board: its picture in the
    //    overview opens it ([C38]), and the board asks a name, never a side ([C36]).
    const annasBoard = ui.boardLabel(rushOrder, 1)
    const tile = (label: string) => panel.getByRole('listitem', { name: label, exact: true })
    const activity = (label: string) => tile(label).getByTestId('session-board-activity')
    await tile(annasBoard)
      .getByRole('button', { name: ui.cockpit.open(annasBoard) })
      .click()
    await fac.getByRole('textbox', { name: ui.nameDialog.name }).fill('Fenna')
    expect(await fac.getByRole('radio').count()).toBe(0)
    await fac.getByRole('button', { name: ui.nameDialog.submit }).click()
    await connected(fac)
    const cockpit = fac.getByTestId('cockpit')
    await cockpit.waitFor()
    const phase = fac.getByTestId('session-phase')
    const next = (to: number) =>
      cockpit.getByRole('button', { name: ui.cockpit.next(ui.phases[to]!.replace(/^\d\. /, '')) })
    const confirmWith = async (yes: string) => {
      const dialog = fac.getByRole('alertdialog')
      await dialog.waitFor()
      await shoot(fac, `confirm-${yes}`)
      await dialog.getByRole('button', { name: yes, exact: true }).click()
      await poll(() => dialog.count()).toBe(0)
    }
    await shoot(fac, 'cockpit')

    // Interests and friction, each writing on their own first; a timer for this phase.
    await next(1).click()
    await poll(() => phase.getAttribute('data-phase')).toBe('interests')
    await cockpit.getByLabel(ui.cockpit.minutes).fill('7')
    await cockpit.getByRole('button', { name: ui.cockpit.start, exact: true }).click()
    const annaTimer = anna.getByTestId('session-timer')
    await poll(() => annaTimer.getAttribute('data-running')).toBe('true')
    expect(await annaTimer.textContent()).toMatch(/^[67]:\d\d$/)
    for (const p of [anna, bram, cas]) await p.getByTestId('session-private').waitFor()
    await addInOutline(anna, ui.zones.salesInterests, say.interest, ui.outline)
    await addInOutline(bram, ui.zones.friction, say.friction, ui.outline)
    await addInOutline(cas, ui.zones.friction, say.friction, ui.outline)
    await poll(() => zoneTexts(anna, ui.zones.salesInterests)).toEqual([say.interest])
    await shoot(anna, 'private-writing')
    // On the board, nothing of theirs yet.
    await fac.getByRole('heading', { name: ui.notes(0), exact: true }).waitFor()
    expect(await fac.getByTestId('outline').textContent()).not.toContain(say.interest)
    await shoot(fac, 'board-before-reveal')
    // The overview counts who writes where, and waiting notes, never what they say ([C34]).
    await fac.getByRole('button', { name: ui.back }).click()
    await poll(() => activity(annasBoard).textContent()).toContain(ui.privateWaiting(2))
    await poll(() => activity(ui.boardLabel(rushOrder, 2)).textContent()).toContain(
      ui.privateWaiting(1),
    )
    await poll(() => activity(annasBoard).textContent()).toContain(ui.cockpit.present('Anna, Cas'))
    await poll(() => activity(ui.boardLabel(rushOrder, 2)).textContent()).toContain(
      ui.cockpit.present('Bram'),
    )
    expect(await panel.textContent()).not.toContain(say.interest)
    await shoot(fac, 'private-waiting')
    await tile(annasBoard)
      .getByRole('button', { name: ui.cockpit.open(annasBoard) })
      .click()
    await cockpit.waitFor()
    // The reveal asks first.
    await cockpit.getByRole('button', { name: ui.cockpit.reveal }).click()
    await confirmWith(ui.cockpit.yesReveal)
    await poll(() => zoneTexts(fac, ui.zones.salesInterests)).toEqual([say.interest])
    await poll(() => zoneTexts(bram, ui.zones.friction)).toEqual([say.friction])
    await shoot(anna, 'revealed')

    // 4. Solutions: the timer of the last phase does not run on ([C30]).
    await next(2).click()
    await poll(() => phase.getAttribute('data-phase')).toBe('solutions')
    await poll(() => annaTimer.getAttribute('data-running')).toBe('false')
    expect(await annaTimer.textContent()).toBe('–:––')
    for (const text of say.solutions) await addInOutline(anna, ui.zones.solutions, text, ui.outline)
    await addInOutline(bram, ui.zones.solutions, say.otherSolution, ui.outline)
    // The outline lists notes in reading order; since tidy-boards each new note takes a free
    // spot, so the third lands before the second.
    await poll(() => zoneTexts(fac, ui.zones.solutions)).toEqual([rushSlot, rushFee, planningCall])
    const voteButtons = anna.getByRole('button', { name: new RegExp(`^${ui.voteFor}`) })
    expect(await voteButtons.count()).toBe(0)
    expect(await anna.getByTestId('votes-left').count()).toBe(0)

    // Voting, blind: each sees only their own votes until the facilitator closes the vote.
    await next(3).click()
    const voteOn = (page: Page, text: string) =>
      outlineNote(page, text).getByRole('button', { name: new RegExp(`^${ui.voteFor}`) })
    await poll(() => voteOn(anna, rushSlot).isEnabled()).toBe(true)
    expect(await anna.getByTestId('vote-round').textContent()).toBe(ui.cockpit.blindNotice)
    const left = anna.getByTestId('votes-left')
    await poll(() => left.getAttribute('title')).toBe(ui.votesLeft(2, 2))
    await voteOn(anna, rushSlot).click()
    await voteOn(anna, planningCall).click()
    await poll(() => left.getAttribute('title')).toBe(ui.votesLeft(0, 2))
    await poll(() => voteOn(anna, rushFee).isDisabled()).toBe(true)
    expect(await voteOn(anna, rushFee).getAttribute('title')).toBe(ui.noVotesLeft)
    const count = (page: Page, text: string) =>
      outlineNote(page, text).getByTestId('vote-count').getAttribute('data-count')
    expect(await count(anna, rushSlot)).toBe('1')
    // Cas and the facilitator see no count of Anna's
    expect(await count(cas, rushSlot)).toBe('0')
    expect(await count(fac, rushSlot)).toBe('0')
    await shoot(anna, 'votes-blind')
    // The overview shows who voted, not for what.
    await fac.getByRole('button', { name: ui.back }).click()
    await poll(() => tile(annasBoard).getByTestId('session-board-votes').textContent()).toBe(
      `${ui.cockpit.votes(2, 4)} · ${ui.cockpit.notVoted('Cas')}`,
    )
    await shoot(fac, 'overview-voting')
    await voteOn(cas, rushSlot).click()
    await poll(() => tile(annasBoard).getByTestId('session-board-votes').textContent()).toBe(
      `${ui.cockpit.votes(3, 4)} · ${ui.cockpit.allVoted}`,
    )
    expect(await count(anna, rushSlot)).toBe('1')
    await tile(annasBoard)
      .getByRole('button', { name: ui.cockpit.open(annasBoard) })
      .click()
    await cockpit.getByRole('button', { name: ui.cockpit.closeVote }).click()
    await confirmWith(ui.cockpit.yesClose)
    // Closed: everyone sees the counts split by side, the solutions ranked best first.
    await poll(() => count(anna, rushSlot)).toBe('2')
    expect(await outlineNote(anna, rushSlot).getByTestId('vote-count').textContent()).toContain(
      ui.cockpit.voteSplit(2, 1, 1),
    )
    expect(await anna.getByTestId('vote-round').textContent()).toBe(ui.cockpit.closedNotice)
    const ranks = async (page: Page) =>
      page
        .getByTestId('outline')
        .locator('[data-rank]')
        .evaluateAll((items) =>
          items.map(
            (li) =>
              `${li.getAttribute('data-rank')} ${li.querySelector('.outline-text')?.textContent}`,
          ),
        )
    await poll(() => ranks(cas)).toEqual([`1 ${rushSlot}`, `2 ${planningCall}`])
    expect(await ranks(fac)).toEqual([`1 ${rushSlot}`, `2 ${planningCall}`])
    expect(await outlineNote(fac, rushSlot).getByTestId('outline-rank').textContent()).toBe(
      ui.cockpit.rank(1),
    )
    expect(await voteOn(anna, rushFee).count()).toBe(0)
    await shoot(fac, 'vote-closed')

    // 5. Agreements: Anna turns the solution with her vote into an agreement, scored on every goal.
    await next(4).click()
    await poll(() => phase.getAttribute('data-phase')).toBe('agreements')
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

    // 6. Plenary: everyone to the facilitator, following their view, zone by zone.
    await next(5).click()
    await poll(() => phase.getAttribute('data-phase')).toBe('mirroring')
    await cockpit.getByRole('button', { name: ui.cockpit.gather }).click()
    for (const p of [bram, anna, cas])
      await poll(() => p.getByTestId('following').textContent()).toContain(ui.cockpit.following)
    await poll(() => zoneTexts(bram, ui.zones.solutions)).toEqual([...say.solutions])
    expect(await bram.getByRole('heading', { level: 1 }).textContent()).toBe(rushOrder)
    await fac.locator('body').press('p')
    const plenary = fac.getByTestId('plenary')
    const banner = () => plenary.locator('strong').textContent()
    await poll(banner).toContain(ui.cockpit.plenaryAt(ui.zones.salesInterests, 1))
    await fac.locator('body').press('PageDown')
    // the next part of the board (a zone, or the rest of one that does not fit at 16 px text)
    await poll(banner).toMatch(/ \(2 /)
    await shoot(fac, 'plenary')
    await shoot(bram, 'following')
    // Cas stops following; the others go on
    await cas.getByRole('button', { name: ui.cockpit.stopFollowing }).click()
    await poll(() => cas.getByTestId('following').textContent()).toBe(ui.cockpit.followAgain)
    // Spotlight on this board: the gathering ends, and the banner says what is mirrored ([C31]).
    await cockpit.getByRole('button', { name: ui.cockpit.spotlight, exact: true }).click()
    for (const p of [anna, bram]) {
      await poll(() => p.getByTestId('session-spotlight').textContent()).toBe(
        ui.inTheSpotlight(annasBoard),
      )
      await poll(() => p.getByTestId('following').count()).toBe(0)
    }
    await shoot(bram, 'spotlight')
    await fac.locator('body').press('Escape')
    await poll(() => plenary.count()).toBe(0)
    await fac.getByRole('button', { name: ui.back }).click()
    await panel.getByRole('button', { name: ui.showMatrix }).click()
    const matrix = fac.getByTestId('strategy-matrix')
    const row = matrix.locator('tbody tr', { hasText: rushSlot })
    await poll(() => row.locator('td').allTextContents()).toEqual(['✓', '✗', '○'])
    expect(await row.locator('th').textContent()).toContain(
      `${annasBoard} · Bram · ${ui.agreement.dueOn}`,
    )
    expect(await fac.getByTestId('strategy-matrix-legend').textContent()).toBe(ui.matrixLegend)
    await shoot(fac, 'strategy-check')

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
    // The facilitator sees Anna's proposal and adopts it as the verdict ([C26]); the history of
    // the series shows it.
    const seen = reviewOf(fac)
    await seen.getByTestId('review-history').getByRole('button', { name: ui.review.adopt }).click()
    await poll(() => seen.getByRole('radio', { name: ui.review.partly }).isChecked()).toBe(true)
    await poll(() => seen.getByLabel(ui.review.chafed).inputValue()).toBe(say.chafed)
    const history = fac.getByTestId('series-agreement').filter({ hasText: rushSlot })
    await poll(() => history.getByTestId('series-outcome').getAttribute('data-status')).toBe(
      'partly',
    )
    await shoot(fac, 'follow-up-reviewed')
  }, 420_000)
})
