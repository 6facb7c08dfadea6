import type { en } from './en.js'
import { boardTextsNl } from '../components/boardTexts.nl.js'
import { gainTextsNl } from '../components/gainTexts.nl.js'
import { exportNl } from '../export/exportTexts.nl.js'
import { cockpitNl } from '../cockpit/cockpitTexts.nl.js'
import { historyNl } from '../history/historyTexts.nl.js'
import { peopleNl } from '../session/peopleTexts.nl.js'
import { sessionNl } from '../session/sessionTexts.nl.js'
import { methodNl } from '../session/methodTexts.nl.js'
import { recurringNl } from '../session/recurringTexts.nl.js'
import { phoneTextsNl } from '../phone/phoneTexts.nl.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Dutch UI text, in the words practitioners use (see the glossary). */
export const nl: Texts<typeof en> = {
  app: { name: 'Sparboard', tagline: 'Praktijkcases sparren voor Sales & Operations' },
  language: { label: 'Taal', en: 'English', nl: 'Nederlands' },
  start: {
    title: 'Start een workshop',
    intro:
      'Leg de strategie en doelen vast, de praktijkcases en de subgroepen. Je krijgt drie links: één om de workshop te leiden, één voor deelnemers en één voor meekijkers.',
    workshopTitle: 'Titel van de workshop',
    workshopTitlePlaceholder: 'Sales & Operations, voorjaarssessie',
    goals: 'Strategie en doelen',
    goalsHint: 'Eén doel per regel. Elke afspraak wordt hieraan getoetst.',
    sides: 'De twee kanten',
    sideA: 'Eerste kant',
    sideB: 'Tweede kant',
    cases: 'Praktijkcases',
    caseTitle: 'Case {{n}}',
    caseTitlePlaceholder: 'Een grote klant wil binnen twee dagen geleverd krijgen',
    caseDescription: 'Toelichting (optioneel)',
    caseBroughtBy: 'Ingebracht door (optioneel)',
    caseBroughtByPlaceholder: 'Wie brengt deze case in?',
    addCase: 'Case toevoegen',
    removeCase: 'Case {{n}} verwijderen',
    groups: 'Subgroepen',
    method: 'Werkwijze',
    recurringFrictions: 'Terugkerende schuurpunten groeperen',
    recurringFrictionsHint:
      'Vergelijkbare schuurpunten uit de groepen en de sessies van een reeks worden gegroepeerd, alleen op deze server, voor jou en voor het verslag.',
    create: 'Workshop aanmaken',
    creating: 'Bezig met aanmaken…',
    secret: 'Aanmaaksleutel',
    secretHint:
      'Op deze server kan alleen wie de sleutel heeft een workshop aanmaken. Vraag de beheerder.',
    secretNeeded:
      'Deze server vraagt om een aanmaaksleutel. Vul die hieronder in en probeer het opnieuw.',
    secretWrong: 'Die aanmaaksleutel klopt niet.',
    failed: 'De workshop kon niet worden aangemaakt: {{error}}',
  },
  links: {
    title: 'Je workshop staat klaar',
    intro: 'Deel deze links. Iedereen met een link kan meedoen; een account is niet nodig.',
    facilitator: 'Facilitator',
    facilitatorHint: 'Leidt de workshop. Houd deze link voor jezelf.',
    participant: 'Deelnemers',
    participantHint: 'Meedoen, notities schrijven en stemmen.',
    observer: 'Meekijkers',
    observerHint: 'Kijken mee, alleen lezen.',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    open: 'Workshop openen',
  },
  workshop: {
    loading: 'Workshop laden…',
    notFound: 'Deze link werkt niet (meer). Vraag de facilitator om een nieuwe.',
    boards: 'Borden',
    group: 'Groep {{name}}',
    openBoard: 'Bord openen',
    yourGroup: 'Jouw groep',
    broughtBy: 'Ingebracht door {{name}}',
    role: { facilitator: 'Facilitator', participant: 'Deelnemer', observer: 'Meekijker' },
    online: '{{count}} online',
    shareLinks: 'Links om te delen',
    deleteTitle: 'Deze workshop verwijderen',
    deleteIntro:
      'Wist de workshop met al zijn borden en notities van deze server. Alle links werken direct niet meer.',
    deleteButton: 'Workshop verwijderen…',
    deleteConfirm: '“{{title}}” voor iedereen verwijderen? Dit kan niet ongedaan worden gemaakt.',
    deleteYes: 'Definitief verwijderen',
    deleteCancel: 'Annuleren',
    deleting: 'Bezig met verwijderen…',
    deleted: 'De workshop en al zijn borden zijn verwijderd.',
    deleteFailed: 'De workshop kon niet worden verwijderd: {{error}}',
  },
  board: {
    back: 'Alle borden',
    goals: 'Strategie en doelen',
    noGoals: 'Geen doelen vastgelegd.',
    readOnly: 'Alleen lezen',
    newNote: 'Nieuwe notitie',
    editHint: 'Enter om af te ronden, Shift+Enter voor een nieuwe regel, Esc om te sluiten',
    emptyHint: 'Dubbelklik ergens om een notitie toe te voegen',
    deleteNote: 'Notitie verwijderen',
    outline: 'Alle notities per vak',
    presence: 'Op dit bord',
    toolbar: 'Bordgereedschap',
    notes_one: '{{count}} notitie',
    notes_other: '{{count}} notities',
  },
  name: {
    title: 'Hoe heet je?',
    hint: 'Anderen zien je naam bij je notities en naast je cursor.',
    label: 'Je naam',
    placeholder: 'bijv. Anna (Sales)',
    join: 'Naar het bord',
  },
  zone: { interestOf: 'Belangen van {{side}}', friction: 'Schuurpunten', solution: 'Oplossingen' },
  connection: {
    connected: 'Online',
    connecting: 'Verbinden…',
    disconnected: 'Opnieuw verbinden…',
    closed: 'Geen toegang',
    damaged: 'Bord beschadigd',
  },
  session: sessionNl,
  boardUi: boardTextsNl,
  gain: gainTextsNl,
  export: exportNl,
  history: historyNl,
  cockpit: cockpitNl,
  phone: phoneTextsNl,
  people: peopleNl,
  method: methodNl,
  recurring: recurringNl,
}
