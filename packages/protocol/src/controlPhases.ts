/** The steps of a workshop's agenda, in their default order (the seed's fixed structure). */
export const Phase = {
  strategy: 'strategy',
  /** Optional ([SW1]): each side writes privately what it believes the other side's interests are. */
  perspective: 'perspective',
  interests: 'interests',
  solutions: 'solutions',
  voting: 'voting',
  agreements: 'agreements',
  mirroring: 'mirroring',
} as const
export type Phase = (typeof Phase)[keyof typeof Phase]

/** What a phase switches on: who is together, and which tools the boards offer. */
export interface PhaseRules {
  readonly plenary: boolean
  /** Notes stay visible only to their author until the facilitator reveals them. */
  readonly privateWriting: boolean
  readonly voting: boolean
}

/** The default agenda: strategy and goals, interests and friction, solutions, voting, agreements, mirroring. */
export const defaultAgenda: readonly Phase[] = [
  Phase.strategy,
  Phase.interests,
  Phase.solutions,
  Phase.voting,
  Phase.agreements,
  Phase.mirroring,
]

/**
 * [SW1] The agenda of a workshop: the default one, with the perspective swap before the interests
 * when the workshop's method has it. Its guesses stay private into the interests phase (both are
 * private writing), so they are revealed together with the interests they are compared with.
 */
export function agendaOf(method: { readonly perspectiveSwap: boolean }): readonly Phase[] {
  if (!method.perspectiveSwap) return defaultAgenda
  return defaultAgenda.flatMap((p) => (p === Phase.interests ? [Phase.perspective, p] : [p]))
}

/** The rules of each phase. */
export const phaseRules: Readonly<Record<Phase, PhaseRules>> = {
  strategy: { plenary: true, privateWriting: false, voting: false },
  perspective: { plenary: false, privateWriting: true, voting: false },
  interests: { plenary: false, privateWriting: true, voting: false },
  solutions: { plenary: false, privateWriting: false, voting: false },
  voting: { plenary: false, privateWriting: false, voting: true },
  agreements: { plenary: false, privateWriting: false, voting: false },
  mirroring: { plenary: true, privateWriting: false, voting: false },
}
