/** FNV-1a's 32-bit offset basis and prime. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over a string's UTF-16 code units, unsigned 32-bit: a cheap, stable hash for table
 * slots, seeded positions and content fingerprints (not for security). `seed` is mixed into the
 * offset basis, so one text gives independent hashes under different seeds.
 */
export function fnv1a(text: string, seed = 0): number {
  let h = FNV_OFFSET ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
