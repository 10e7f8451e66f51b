/**
 * Picks the best available locale from preference lists, each either a single
 * tag ("fr-CH") or an Accept-Language value ("fr-CH, fr;q=0.9, en;q=0.5").
 * Earlier lists win; within a list, higher q wins; a region tag falls back to
 * its language ("pt-BR" → "pt"). Nothing usable → the fallback.
 */
export function negotiateLocale(preferences: (string | undefined)[], available: Iterable<string>, fallback: string): string {
  const byLower = new Map<string, string>();
  for (const tag of available) byLower.set(tag.toLowerCase(), tag);
  for (const preference of preferences) {
    if (!preference) continue;
    for (const tag of parseAcceptLanguage(preference)) {
      const lower = tag.toLowerCase();
      const match = byLower.get(lower) ?? byLower.get(lower.split('-')[0]);
      if (match) return match;
    }
  }
  return fallback;
}

/** Tags of an Accept-Language value by descending q (stable for equal q); q=0 and * are dropped. */
export function parseAcceptLanguage(value: string): string[] {
  return value
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((t) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(t.tag) && t.q > 0 && Number.isFinite(t.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((t) => t.tag);
}
