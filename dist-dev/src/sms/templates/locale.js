"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.negotiateLocale = negotiateLocale;
exports.parseAcceptLanguage = parseAcceptLanguage;
function negotiateLocale(preferences, available, fallback) {
    const byLower = new Map();
    for (const tag of available)
        byLower.set(tag.toLowerCase(), tag);
    for (const preference of preferences) {
        if (!preference)
            continue;
        for (const tag of parseAcceptLanguage(preference)) {
            const lower = tag.toLowerCase();
            const match = byLower.get(lower) ?? byLower.get(lower.split('-')[0]);
            if (match)
                return match;
        }
    }
    return fallback;
}
function parseAcceptLanguage(value) {
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
//# sourceMappingURL=locale.js.map