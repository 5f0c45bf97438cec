// Module hooks that let a child process run this project's TypeScript sources directly, for tests
// that need a second process (the kill test). No TS runner is a dependency, and the type-checked
// build is not needed: each file is transpiled on its own (the sources are isolatedModules-clean).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const RELATIVE = /^(\.{1,2}\/|\/|file:)/;

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    // Sources import `./x.js` for a file that is `./x.ts` until built.
    if (RELATIVE.test(specifier) && specifier.endsWith('.js')) {
      try {
        return await next(`${specifier.slice(0, -3)}.ts`, context);
      } catch {
        // The web pages are .tsx.
        return next(`${specifier.slice(0, -3)}.tsx`, context);
      }
    }
    throw e;
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts') && !url.endsWith('.tsx')) return next(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
      jsx: ts.JsxEmit.ReactJSX,
      jsxImportSource: 'preact',
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
