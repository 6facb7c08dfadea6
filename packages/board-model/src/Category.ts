/** What a note is about, following the workshop's method. */
export const Category = {
  interest: 'interest',
  friction: 'friction',
  solution: 'solution',
} as const
export type Category = (typeof Category)[keyof typeof Category]

/** Which of the workshop's two sides an interest belongs to. */
export type Side = 0 | 1

export const isCategory = (value: unknown): value is Category =>
  value === Category.interest || value === Category.friction || value === Category.solution

/** Whether a value is a side. */
export const isSide = (value: unknown): value is Side => value === 0 || value === 1

/** How an agreement scores against one goal in the strategy check. */
export const GoalScore = {
  supports: 'supports',
  neutral: 'neutral',
  conflicts: 'conflicts',
} as const
export type GoalScore = (typeof GoalScore)[keyof typeof GoalScore]

export const isGoalScore = (value: unknown): value is GoalScore =>
  value === GoalScore.supports || value === GoalScore.neutral || value === GoalScore.conflicts
