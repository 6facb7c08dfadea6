import type { methodEn } from './methodTexts.en.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Nederlandse tekst van de methode-opties: perspectiefwissel en "als we het niet eens worden". */
export const methodNl: Texts<typeof methodEn> = {
  perspectiveSwap: 'Perspectiefwissel',
  perspectiveSwapHint:
    'Vóór de belangen schrijft elke kant voor zich op wat volgens hen de belangen van de andere kant zijn; die worden met de belangen onthuld en de groep koppelt wat raak was.',
  fallbackCards: 'Als we het niet eens worden',
  fallbackCardsHint:
    'Per case schrijft elke kant voor zich op wat ze doet als er geen afspraak komt; jij onthult het op een bord als de groep vastloopt.',
  panel: 'Methode',
  swap: {
    title: 'Perspectiefwissel',
    ask: 'Wat vindt {{other}} volgens jou belangrijk?',
    placeholder: 'Eén belang van {{other}} per gissing',
    add: 'Gissing toevoegen',
    yours: 'Jouw gissingen (alleen jij ziet ze tot de onthulling)',
    none: 'Nog geen gissingen.',
    remove: 'Verwijderen',
    waiting:
      'Elke kant raadt de belangen van de ander. De gissingen blijven verborgen tot de onthulling.',
    waitingCount: '{{count}} notities en gissingen wachten op de onthulling',
    heldBack: 'Je gissingen blijven verborgen tot de belangen onthuld worden.',
    notYet: 'De gissingen verschijnen hier zodra de facilitator ze onthult.',
    sideTitle: '{{side}}: eigen belangen en wat {{other}} raadde',
    stated: 'Genoemd door {{side}}',
    guessedBy: 'Geraden door {{other}}',
    hit: 'geraden',
    missed: 'gemist',
    matches: 'Past bij',
    noMatch: '— past nergens bij —',
    score: '{{matched}} van {{guesses}} gissingen raak · {{missed}} van {{stated}} belangen gemist',
    noStated: 'Nog geen belangen van {{side}} op het bord.',
    noGuesses: 'Geen gissingen.',
  },
  fallback: {
    title: 'Als we het niet eens worden',
    intro: 'Wat doet {{side}} als er over deze case geen afspraak komt?',
    placeholder: 'bijv. we houden de huidige planning aan en escaleren naar de directeur',
    save: 'Opslaan',
    saved: 'Opgeslagen door {{name}}',
    private: 'Alleen {{side}} ziet dit tot de facilitator het onthult.',
    noSide: 'Elke kant schrijft haar kaart; die blijven verborgen tot de facilitator ze onthult.',
    written: 'geschreven',
    notWritten: 'nog niet geschreven',
    hidden: 'Verborgen tot de facilitator het onthult als de groep vastloopt.',
    none: 'Geen kaart.',
    reveal: 'Als we het niet eens worden…',
    confirm:
      'De kaarten “als we het niet eens worden” van beide kanten op dit bord onthullen? Iedereen op dit bord ziet ze meteen; dit kan niet ongedaan worden.',
    yes: 'Kaarten onthullen',
    nothing: 'Nog geen kant heeft op dit bord een kaart geschreven.',
  },
}
