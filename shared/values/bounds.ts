// The largest figure a cell accepts when the definition sets no bound of its own, by value type (a count
// of cases or children; money in million đồng). Apart from the zod schema so that value checks do not load zod.
export const DEFAULT_BOUNDS = { count: 1_000_000_000, money: 10_000_000 } as const;
