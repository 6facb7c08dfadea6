/** English text of people and links (merged into en.ts under `people`). */
export const peopleEn = {
  nameTaken:
    'Someone called “{{name}}” is already in this workshop. Add an initial or a surname to tell you apart; otherwise you join as “{{suffixed}}”.',
  online: 'online',
  offline: 'offline',
  facilitator: 'Facilitator',
  neutral: 'neutral',
  remove: {
    confirm:
      'Take {{name}} off the roster? Their boards close at once; they can join again as someone new.',
    yes: 'Remove',
    cancel: 'Cancel',
  },
  keepGroups: {
    label: 'Keep the groups of the last session',
    hint: 'People who were here last time go back to their group when they join. Untick to regroup.',
  },
  review: {
    propose: 'Your proposal',
    proposeHint: 'Propose how it held; the facilitator sets the final verdict.',
    final: 'Final verdict',
    finalBy: 'Final verdict (set by the facilitator)',
    notDecided: 'No final verdict yet',
    proposals: 'Proposals',
    proposedBy: '{{name}}: {{status}}',
    noStatus: 'no verdict',
    adopt: 'Adopt',
    history: 'History ({{count}})',
    verdictEntry: 'Facilitator set: {{status}}',
    proposalEntry: '{{name}} proposed: {{status}}',
    joinFirst: 'Join the workshop to propose a verdict.',
  },
  links: {
    notCopied:
      'Keep your facilitator link: it is the only way back to running this workshop. Copy it and keep it somewhere safe.',
    copy: 'Copy my facilitator link',
    leave: 'You have not copied your facilitator link yet.',
  },
  yours: {
    title: 'Your workshops',
    hint: 'Created or joined in this browser. Only this device remembers them.',
    open: 'Open',
    forget: 'Remove {{title}} from this list',
    forgetShort: 'Remove',
    role: { facilitator: 'facilitator', participant: 'participant', observer: 'observer' },
  },
} as const
