import { boardTextsEn } from '../components/boardTexts.en.js'
import { gainTextsEn } from '../components/gainTexts.en.js'
import { exportEn } from '../export/exportTexts.en.js'
import { cockpitEn } from '../cockpit/cockpitTexts.en.js'
import { historyEn } from '../history/historyTexts.en.js'
import { peopleEn } from '../session/peopleTexts.en.js'
import { sessionEn } from '../session/sessionTexts.en.js'
import { methodEn } from '../session/methodTexts.en.js'
import { recurringEn } from '../session/recurringTexts.en.js'
import { phoneTextsEn } from '../phone/phoneTexts.en.js'

/** English UI text. The Dutch file must have the same keys (its type says so). */
export const en = {
  app: { name: 'Sparboard', tagline: 'Case sparring for Sales & Operations' },
  language: { label: 'Language', en: 'English', nl: 'Nederlands' },
  start: {
    title: 'Start a workshop',
    intro:
      'Set out the strategy and goals, the practice cases and the breakout groups. You get three links: one to run the workshop, one for participants, one for observers.',
    workshopTitle: 'Workshop title',
    workshopTitlePlaceholder: 'Sales & Operations, spring session',
    goals: 'Strategy and goals',
    goalsHint: 'One goal per line. Every agreement is tested against these.',
    sides: 'The two sides',
    sideA: 'First side',
    sideB: 'Second side',
    cases: 'Practice cases',
    caseTitle: 'Case {{n}}',
    caseTitlePlaceholder: 'A key customer wants delivery in two days',
    caseDescription: 'Description (optional)',
    caseBroughtBy: 'Brought by (optional)',
    caseBroughtByPlaceholder: 'Who brings this case?',
    addCase: 'Add a case',
    removeCase: 'Remove case {{n}}',
    groups: 'Breakout groups',
    method: 'Method',
    recurringFrictions: 'Group recurring friction points',
    recurringFrictionsHint:
      'Similar friction points across the groups and the sessions of a series are grouped, on this server only, for you and for the report.',
    create: 'Create workshop',
    creating: 'Creating…',
    secret: 'Creation key',
    secretHint:
      'This server lets only people with its key create workshops. Ask its administrator.',
    secretNeeded: 'This server asks for a creation key. Enter it below and try again.',
    secretWrong: 'That creation key is not right.',
    failed: 'The workshop could not be created: {{error}}',
  },
  links: {
    title: 'Your workshop is ready',
    intro: 'Share these links. Anyone with a link can join; no account needed.',
    facilitator: 'Facilitator',
    facilitatorHint: 'Runs the workshop. Keep this one to yourself.',
    participant: 'Participants',
    participantHint: 'Join, write notes and vote.',
    observer: 'Observers',
    observerHint: 'Watch along, read-only.',
    copy: 'Copy',
    copied: 'Copied',
    open: 'Open workshop',
  },
  workshop: {
    loading: 'Loading workshop…',
    notFound: 'This link does not work (any more). Ask the facilitator for a new one.',
    boards: 'Boards',
    group: 'Group {{name}}',
    openBoard: 'Open board',
    yourGroup: 'Your group',
    broughtBy: 'Brought by {{name}}',
    role: { facilitator: 'Facilitator', participant: 'Participant', observer: 'Observer' },
    online: '{{count}} online',
    shareLinks: 'Links to share',
    deleteTitle: 'Delete this workshop',
    deleteIntro:
      'Erases the workshop, all its boards and notes from this server. Every link stops working at once.',
    deleteButton: 'Delete workshop…',
    deleteConfirm: 'Delete “{{title}}” for everyone? This cannot be undone.',
    deleteYes: 'Delete for good',
    deleteCancel: 'Cancel',
    deleting: 'Deleting…',
    deleted: 'The workshop and all its boards have been deleted.',
    deleteFailed: 'The workshop could not be deleted: {{error}}',
  },
  board: {
    back: 'All boards',
    goals: 'Strategy and goals',
    noGoals: 'No goals set.',
    readOnly: 'Read-only',
    newNote: 'New note',
    editHint: 'Enter to finish, Shift+Enter for a new line, Esc to close',
    emptyHint: 'Double-click anywhere to add a note',
    deleteNote: 'Delete note',
    outline: 'All notes by zone',
    presence: 'On this board',
    toolbar: 'Board tools',
    notes_one: '{{count}} note',
    notes_other: '{{count}} notes',
  },
  name: {
    title: 'What is your name?',
    hint: 'Others see it on your notes and next to your cursor.',
    label: 'Your name',
    placeholder: 'e.g. Anna (Sales)',
    join: 'Join the board',
  },
  zone: { interestOf: 'Interests of {{side}}', friction: 'Friction points', solution: 'Solutions' },
  connection: {
    connected: 'Online',
    connecting: 'Connecting…',
    disconnected: 'Reconnecting…',
    closed: 'Access refused',
    damaged: 'Board damaged',
  },
  session: sessionEn,
  boardUi: boardTextsEn,
  gain: gainTextsEn,
  export: exportEn,
  history: historyEn,
  cockpit: cockpitEn,
  phone: phoneTextsEn,
  people: peopleEn,
  method: methodEn,
  recurring: recurringEn,
} as const
