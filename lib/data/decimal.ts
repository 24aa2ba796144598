/** Prisma's Decimal (or anything with an exact decimal toString) → number; null stays null. */
export function decimalToNumber(value: { toString(): string } | null | undefined): number | null {
  return value == null ? null : Number(value.toString());
}
