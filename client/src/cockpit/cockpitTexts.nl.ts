import type { cockpitEn } from './cockpitTexts.en.js'

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** Nederlandse tekst van de cockpit van de facilitator, volgen, plenaire modus en stemmen. */
export const cockpitNl: Texts<typeof cockpitEn> = {
  label: 'Facilitator',
  previous: 'Vorige fase',
  next: 'Volgende fase: {{phase}}',
  last: 'Laatste fase',
  reveal: 'Notities onthullen…',
  closeVote: 'Stemming sluiten…',
  confirmReveal:
    'Nu de notities van alle deelnemers op alle borden onthullen? Iedereen ziet ze tegelijk; dit kan niet ongedaan worden gemaakt.',
  confirmRevealTo:
    'Naar “{{phase}}”? Het eigen schrijven stopt: de notities van alle deelnemers worden op alle borden tegelijk onthuld; dit kan niet ongedaan worden gemaakt.',
  confirmClose:
    'De stemming op alle borden nu sluiten? Niemand kan dan nog stemmen, en iedereen ziet de uitslag, verdeeld per kant.',
  confirmCloseTo:
    'Naar “{{phase}}”? De stemming sluit op alle borden: niemand kan dan nog stemmen, en iedereen ziet de uitslag.',
  yesReveal: 'Onthullen',
  yesClose: 'Stemming sluiten',
  yesGo: 'Doorgaan',
  cancel: 'Annuleren',
  minutes: 'Minuten voor deze fase',
  spotlight: 'Spiegelen',
  endSpotlight: 'Spiegelen stoppen',
  gather: 'Iedereen naar mij',
  endGather: 'Iedereen vrijlaten',
  lock: 'Vergrendelen',
  unlock: 'Ontgrendelen',
  broadcast: 'Bericht',
  broadcastLabel: 'Bericht aan iedereen',
  send: 'Versturen',
  plenary: 'Plenair (P)',
  blind: 'Blind stemmen',
  blindHint: 'De uitslag blijft verborgen tot je de stemming sluit',
  voted: '{{used}} van {{budget}} stemmen uitgebracht',
  refused: 'De server weigerde: {{error}}',
  following: 'Je volgt het beeld van de facilitator',
  stopFollowing: 'Stoppen met volgen',
  followAgain: 'De facilitator volgen',
  plenaryTitle: 'Plenair: {{zone}} ({{step}} van {{steps}})',
  plenaryHelp: 'PageDown verder · PageUp terug · Esc stopt',
  plenaryEnd: 'Plenair stoppen',
  blindNotice: 'Blind stemmen: alleen jij ziet je stemmen tot de facilitator de stemming sluit',
  closedNotice: 'De stemming is gesloten: de uitslag staat erbij, verdeeld per kant',
  rank: 'Nr. {{rank}}',
  overview: {
    votes: 'stemmen {{used}} van {{budget}}',
    notVoted: 'nog niet gestemd: {{names}}',
    allVoted: 'iedereen heeft gestemd',
    perPerson: 'notities per persoon: {{list}}',
    open: '{{board}} openen',
  },
}
