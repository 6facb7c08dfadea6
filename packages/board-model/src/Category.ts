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
