import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';

/**
 * The library's graph points one way. Each folder of src/ has a layer; a file
 * may import its own folder and the layers below it, never one beside or
 * above it. The top-level files (the module, its settings, the index) sit on
 * top. Type-only imports count too.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['common', 'codes'],
  ['config'],
  ['migrations'],
  ['database'],
  ['metrics', 'phone'],
  ['rate-limit', 'auth'],
  ['fraud', 'assurance'],
  ['challenges', 'factors'],
  ['sms'],
  ['webhooks', 'privacy'],
  ['mfa'],
  ['ops', 'admin'],
  ['http'],
  ['.'],
];

const ROOT = join(__dirname, '..', '..');
const layerOf = (folder: string) => LAYERS.findIndex((l) => l.includes(folder));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** A file's folder in the graph: its first folder under src/ ('.' for top-level files), or `migrations`. */
function folderOf(file: string): string {
  const rel = relative(ROOT, file).split('/');
  if (rel[0] === 'migrations') return 'migrations';
  return rel.length > 2 ? rel[1] : '.';
}

function resolve(from: string, spec: string): string {
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(`${relative(ROOT, from)} imports ${spec}, which does not resolve`);
}

/** Every relative import of every library file (values and types, static and dynamic). */
function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'migrations'))]) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1]);
    edges.set(file, specs.map((s) => resolve(file, s)));
  }
  return edges;
}

function cycles(nodes: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of nodes.get(n) ?? []) {
      if (state.get(m) === 'open') found.push(stack.slice(stack.indexOf(m)).concat(m));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of nodes.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('the module graph points one way', () => {
  const files = graph();
  const rel = (f: string) => relative(ROOT, f);

  it('every folder has a layer', () => {
    const unplaced = [...new Set([...files.keys()].map(folderOf))].filter((f) => layerOf(f) < 0);
    assert.deepEqual(unplaced, []);
  });

  it('no file imports a folder beside or above its own', () => {
    const upward = [...files].flatMap(([file, targets]) =>
      targets
        .filter((t) => folderOf(t) !== folderOf(file) && layerOf(folderOf(t)) >= layerOf(folderOf(file)))
        .map((t) => `${rel(file)} → ${rel(t)}`),
    );
    assert.deepEqual(upward, []);
  });

  it('no cycle between files', () => {
    assert.deepEqual(cycles(files).map((c) => c.map(rel).join(' → ')), []);
  });

  it('no cycle between folders', () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of files) {
      const from = folderOf(file);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...targets.map(folderOf).filter((t) => t !== from)])]);
    }
    assert.deepEqual(cycles(folders).map((c) => c.join(' → ')), []);
  });
});
