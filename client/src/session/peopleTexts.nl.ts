import type { peopleEn } from './peopleTexts.en.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Nederlandse tekst voor mensen en links (in nl.ts onder `people`). */
export const peopleNl: Texts<typeof peopleEn> = {
  nameTaken:
    'Er is al iemand met de naam “{{name}}” in deze workshop. Voeg een initiaal of achternaam toe; anders doe je mee als “{{suffixed}}”.',
  online: 'online',
  offline: 'offline',
  facilitator: 'Facilitator',
  neutral: 'neutraal',
  remove: {
    confirm:
      '{{name}} van de deelnemerslijst halen? Hun borden sluiten meteen; ze kunnen opnieuw meedoen als nieuwe deelnemer.',
    yes: 'Verwijderen',
    cancel: 'Annuleren',
  },
  keepGroups: {
    label: 'Groepen van de vorige sessie aanhouden',
    hint: 'Wie er vorige keer bij was, komt bij het meedoen weer in dezelfde groep. Vink uit om opnieuw in te delen.',
  },
  review: {
    propose: 'Jouw voorstel',
    proposeHint: 'Stel voor hoe het ging; de facilitator stelt het eindoordeel vast.',
    final: 'Eindoordeel',
    finalBy: 'Eindoordeel (vastgesteld door de facilitator)',
    notDecided: 'Nog geen eindoordeel',
    proposals: 'Voorstellen',
    proposedBy: '{{name}}: {{status}}',
    noStatus: 'geen oordeel',
    adopt: 'Overnemen',
    history: 'Geschiedenis ({{count}})',
    verdictEntry: 'Facilitator stelde vast: {{status}}',
    proposalEntry: '{{name}} stelde voor: {{status}}',
    joinFirst: 'Doe mee aan de workshop om een oordeel voor te stellen.',
  },
  links: {
    notCopied:
      'Bewaar je facilitatorlink: alleen daarmee kom je terug om deze workshop te leiden. Kopieer hem en bewaar hem op een veilige plek.',
    copy: 'Mijn facilitatorlink kopiëren',
    leave: 'Je hebt je facilitatorlink nog niet gekopieerd.',
  },
  yours: {
    title: 'Jouw workshops',
    hint: 'Aangemaakt of meegedaan in deze browser. Alleen dit apparaat onthoudt ze.',
    open: 'Openen',
    forget: '{{title}} uit deze lijst halen',
    forgetShort: 'Weghalen',
    role: { facilitator: 'facilitator', participant: 'deelnemer', observer: 'meekijker' },
  },
}
