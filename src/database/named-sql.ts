/** A statement with `:name` placeholders, compiled to `$n` once. */
interface Compiled {
  text: string;
  names: string[];
}

const cache = new Map<string, Compiled>();

/**
 * Named parameters for long statements: `:userId` becomes `$1` (the same name
 * the same number), `::type` casts are left alone. The compiled text is
 * constant per statement, so it still prepares once per connection.
 */
export function named(text: string, values: Record<string, unknown>): { text: string; params: unknown[] } {
  let compiled = cache.get(text);
  if (!compiled) {
    const names: string[] = [];
    // Quoted strings, quoted identifiers, dollar-quoted bodies and comments pass through untouched.
    const sql = text.replace(
      /'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$\w*\$)[\s\S]*?\1|--[^\n]*|(?<![:\w]):([a-zA-Z_][a-zA-Z0-9_]*)/g,
      (match: string, _dollar: string | undefined, name: string | undefined) => {
        if (!name) return match;
        let at = names.indexOf(name);
        if (at < 0) at = names.push(name) - 1;
        return `$${at + 1}`;
      },
    );
    compiled = { text: sql, names };
    cache.set(text, compiled);
  }
  const params = compiled.names.map((name) => {
    if (!Object.hasOwn(values, name)) throw new Error(`no value for :${name}`);
    return values[name];
  });
  return { text: compiled.text, params };
}
