/** English text of the method's options "both sides must gain", double majority and positions (merged into en.ts under `gain`). */
export const gainTextsEn = {
  setup: {
    bothSidesGain: 'Both sides must gain',
    bothSidesGainHint:
      'Link every solution to the interests it serves; a solution that serves one side only is marked one-sided.',
    positions: 'Positions become interests',
    positionsHint:
      'A note marked as a position asks “why does this matter to you?”; the answer becomes an interest beneath it.',
    doubleMajority: 'Double majority',
    doubleMajorityHint: 'A solution becomes an agreement only with enough votes from each side.',
    min: 'At least',
    unit: 'Counted in',
    unitVotes: 'votes from each side',
    unitPercent: '% of each side’s voters',
  },
  /** The tag on a solution that serves the interests of one side only. */
  oneSided: 'One-sided',
  /** The tag on a note marked as a position. */
  position: 'Position',
  serves: 'Serves: {{interests}}',
  servesNone: 'Serves no interest yet',
  beneath: 'Beneath: {{interests}}',
  link: {
    title: 'Which interests does this solution serve?',
    intro: '“{{text}}”. Tick every interest it serves; both sides should gain.',
    none: 'There are no interests on this board yet.',
    close: 'Done',
    limit: 'A solution can serve at most {{count}} interests.',
  },
  why: {
    title: 'Why does this matter to you?',
    intro: 'Position: “{{text}}”. The answer becomes an interest of {{side}}, linked beneath it.',
    label: 'The interest behind the position',
    placeholder: 'e.g. customers leave when they wait longer than a week',
    add: 'Add as interest',
    cancel: 'Cancel',
  },
  /** Each side's support under the double majority, e.g. "Sales ✓ Operations ✗". */
  support: 'Double majority: {{support}}',
  gateHint: 'Needs at least {{min}} from each side before it can become an agreement.',
  gateVotes_one: '{{count}} vote',
  gateVotes_other: '{{count}} votes',
  gatePercent: '{{count}} % of the voters',
} as const
