// Writes docs/api/<package>.md: the API reference of every public entry point, generated from the
// built declaration files (dist/*.d.ts) with the TypeScript compiler's own checker, so it can never
// say more than the types do. `--check` fails (exit 1) when a committed page differs from what the
// types give today; .ci/run runs it after the build. Entries that are generated from a TL schema
// (thousands of constructors) are summarised by count: their reference is the schema itself.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";

const check = process.argv.includes("--check");
const root = new URL("..", import.meta.url).pathname;
const outDir = join(root, "docs/api");
/** Entries whose exports come from a TL schema; listed by count only. */
const schemaEntries = new Set([
  "@mtkit/tl-core/api",
  "@mtkit/tl-core/api/entries",
  "@mtkit/tl-core/mtproto",
  "@mtkit/tl-core/mtproto/entries",
  "@mtkit/tl-core/secret",
]);

const packages = readdirSync(join(root, "packages"))
  .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
  .sort();

let stale = 0;
/** What the entry being described exports (resolved), to tell its public base classes from hidden ones. */
let exportedTargets = new Set();
const index = [
  "# API reference",
  "",
  "Generated from the built types by `node scripts/api-reference.mjs` (checked in CI).",
  "",
];
for (const dir of packages) {
  const pkgDir = join(root, "packages", dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const entries = Object.entries(pkg.exports ?? {})
    .filter(([key]) => key !== "./package.json")
    .map(([key, value]) => ({ name: key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`, types: typesOf(value) }))
    .filter((entry) => entry.types !== undefined);
  const lines = [`# ${pkg.name}`, "", pkg.description ?? "", ""];
  for (const entry of entries) lines.push(...describeEntry(entry.name, join(pkgDir, entry.types)));
  const text =
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n";
  const file = join(outDir, `${dir}.md`);
  index.push(`- [${pkg.name}](${dir}.md)`);
  stale += write(file, text);
}
stale += write(join(outDir, "README.md"), index.join("\n") + "\n");
if (check && stale > 0) {
  console.error(`api-reference: ${stale} page(s) out of date; run \`node scripts/api-reference.mjs\``);
  process.exit(1);
}
console.log(`api-reference: ${check ? "checked" : "wrote"} ${packages.length} packages`);

function write(file, text) {
  const old = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (old === text) return 0;
  if (check) {
    console.error(`out of date: ${file.slice(root.length)}`);
    return 1;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return 0;
}

function typesOf(value) {
  if (typeof value === "string") return value.endsWith(".d.ts") ? value : undefined;
  if (value === null || typeof value !== "object") return undefined;
  if (typeof value.types === "string") return value.types;
  for (const nested of Object.values(value)) {
    const found = typesOf(nested);
    if (found !== undefined) return found;
  }
  return undefined;
}

function describeEntry(entryName, file) {
  if (!existsSync(file)) throw new Error(`${entryName}: ${file} is missing (build first)`);
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const lines = [`## \`${entryName}\``, ""];
  if (schemaEntries.has(entryName)) {
    lines.push(
      `${exports.length} exports generated from the TL schema (one type, reader and writer per constructor).`,
      "",
    );
    return lines;
  }
  exportedTargets = new Set(
    exports.map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)),
  );
  const sorted = [...exports].sort((a, b) => a.name.localeCompare(b.name));
  for (const exported of sorted) lines.push(...describeSymbol(checker, exported));
  return lines;
}

function describeSymbol(checker, exported) {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declaration = symbol.declarations?.[0];
  if (declaration === undefined) return [];
  const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const deprecated = symbol.getJsDocTags(checker).some((tag) => tag.name === "deprecated");
  const out = [`### ${exported.name}${deprecated ? " (deprecated)" : ""}`, ""];
  out.push("```ts", signatureOf(checker, exported.name, symbol, declaration), "```", "");
  if (docs.length > 0) out.push(docs, "");
  return out;
}

function signatureOf(checker, name, symbol, declaration) {
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
  if (ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) {
    const kind = ts.isClassDeclaration(declaration) ? "class" : "interface";
    const hidden = hiddenBases(checker, declaration);
    const heritage = (declaration.heritageClauses ?? [])
      .filter((clause) => hidden.length === 0 || clause.token !== ts.SyntaxKind.ExtendsKeyword)
      .map((clause) => clause.getText())
      .join(" ");
    const listed = new Set();
    const members = publicMembers(declaration, listed);
    for (const base of hidden) {
      const inherited = publicMembers(base, listed);
      if (inherited.length > 0) members.push(`  // from ${base.name?.getText() ?? "its base class"}`, ...inherited);
    }
    return [`${kind} ${name}${typeParams(declaration)}${heritage ? ` ${heritage}` : ""} {`, ...members, "}"].join("\n");
  }
  if (ts.isFunctionDeclaration(declaration)) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    return type
      .getCallSignatures()
      .map((signature) => `function ${name}${checker.signatureToString(signature, undefined, flags)}`)
      .join("\n");
  }
  if (ts.isTypeAliasDeclaration(declaration) || ts.isEnumDeclaration(declaration)) {
    return oneLine(declaration.getText()).replace(/^export (declare )?/, "");
  }
  if (ts.isVariableDeclaration(declaration)) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    return `const ${name}: ${checker.typeToString(type, undefined, flags)}`;
  }
  return oneLine(declaration.getText());
}

/** Public, concrete members, one line each; `listed` names what a subclass already showed. */
function publicMembers(declaration, listed) {
  const members = [];
  for (const member of declaration.members) {
    const modifiers = ts.getCombinedModifierFlags(member);
    if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Abstract)) continue;
    if (member.name !== undefined && ts.isPrivateIdentifier(member.name)) continue;
    const key = member.name?.getText() ?? member.getText();
    if (listed.has(key)) continue;
    listed.add(key);
    members.push(`  ${oneLine(member.getText())}`);
  }
  return members;
}

/**
 * The chain of abstract base classes the entry does not export (a class split into files by group
 * of methods): their members are listed with the class, since a reader cannot look the base up.
 */
function hiddenBases(checker, declaration) {
  const bases = [];
  let current = declaration;
  for (;;) {
    const clause = current.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword);
    const expression = clause?.types[0]?.expression;
    if (expression === undefined) return bases;
    let symbol = checker.getSymbolAtLocation(expression);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const base = symbol?.declarations?.find((d) => ts.isClassDeclaration(d));
    const isAbstract = base !== undefined && ts.getCombinedModifierFlags(base) & ts.ModifierFlags.Abstract;
    if (!isAbstract || exportedTargets.has(symbol)) return bases;
    bases.push(base);
    current = base;
  }
}

function typeParams(declaration) {
  const params = declaration.typeParameters;
  return params === undefined ? "" : `<${params.map((p) => p.getText()).join(", ")}>`;
}

/** Declaration text without its doc comments, whitespace collapsed (members stay one per line). */
function oneLine(text) {
  return text
    .replace(/\/\*\*[\s\S]*?\*\//g, "")
    .replace(/\/\/[^\n]*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
