import type { gainTextsEn } from './gainTexts.en.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Nederlandse tekst van de methode-opties „beide kanten winnen”, dubbele meerderheid en standpunten. */
export const gainTextsNl: Texts<typeof gainTextsEn> = {
  setup: {
    bothSidesGain: 'Beide kanten moeten winnen',
    bothSidesGainHint:
      'Koppel elke oplossing aan de belangen die ze dient; een oplossing die maar één kant dient, heet eenzijdig.',
    positions: 'Van standpunt naar belang',
    positionsHint:
      'Bij een notitie die als standpunt is gemarkeerd vraagt het bord „waarom is dit belangrijk voor je?”; het antwoord wordt een belang eronder.',
    doubleMajority: 'Dubbele meerderheid',
    doubleMajorityHint: 'Een oplossing wordt pas een afspraak met genoeg stemmen van beide kanten.',
    min: 'Minstens',
    unit: 'Geteld in',
    unitVotes: 'stemmen van elke kant',
    unitPercent: '% van de stemmers van elke kant',
  },
  oneSided: 'Eenzijdig',
  position: 'Standpunt',
  serves: 'Dient: {{interests}}',
  servesNone: 'Dient nog geen belang',
  beneath: 'Eronder: {{interests}}',
  link: {
    title: 'Welke belangen dient deze oplossing?',
    intro: '„{{text}}”. Vink elk belang aan dat ze dient; beide kanten horen te winnen.',
    none: 'Er staan nog geen belangen op dit bord.',
    close: 'Klaar',
    limit: 'Een oplossing dient hoogstens {{count}} belangen.',
  },
  why: {
    title: 'Waarom is dit belangrijk voor je?',
    intro: 'Standpunt: „{{text}}”. Het antwoord wordt een belang van {{side}}, eronder gekoppeld.',
    label: 'Het belang achter het standpunt',
    placeholder: 'bijv. klanten haken af als ze langer dan een week wachten',
    add: 'Toevoegen als belang',
    cancel: 'Annuleren',
  },
  support: 'Dubbele meerderheid: {{support}}',
  gateHint: 'Heeft minstens {{min}} van elke kant nodig voordat het een afspraak kan worden.',
  gateVotes_one: '{{count}} stem',
  gateVotes_other: '{{count}} stemmen',
  gatePercent: '{{count}} % van de stemmers',
}
