import { TlParseError } from "./errors.js";

export interface TlStatement {
  readonly text: string;
  readonly line: number;
  readonly section: "types" | "functions";
}

export interface SplitOptions {
  /**
   * Also take declarations that a schema comments out with `// parsed manually` (tdesktop's
   * mtproto.tl does this for rpc_result, message, msg_container, msg_copy and gzip_packed).
   */
  readonly includeParsedManually?: boolean;
}

const MANUAL = /^\s*\/\/\s*([a-z][\w.]*(?:#[0-9a-f]+)?\s[^;]*=[^;]*;)\s*\/\/\s*parsed manually/;

/** Splits schema text into `;`-terminated declarations, dropping comments and section markers. */
export function splitStatements(
  source: string,
  options: SplitOptions = {},
): { statements: TlStatement[]; layer: number | undefined } {
  const statements: TlStatement[] = [];
  let section: TlStatement["section"] = "types";
  let pending = "";
  let pendingLine = 0;
  let layer: number | undefined;
  let inBlockComment = false;
  const lines = source.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;
    const lineNo = index + 1;
    const layerMatch = /^\s*\/\/\s*LAYER\s+(\d+)/.exec(line);
    if (layerMatch) layer = Number(layerMatch[1]);
    const manual = options.includeParsedManually === true ? MANUAL.exec(line) : null;
    if (manual) line = manual[1]!;
    if (inBlockComment) {
      const close = line.indexOf("*/");
      if (close < 0) continue;
      line = line.slice(close + 2);
      inBlockComment = false;
    }
    line = line.replace(/\/\*.*?\*\//g, " ");
    const open = line.indexOf("/*");
    if (open >= 0) {
      inBlockComment = true;
      line = line.slice(0, open);
    }
    const comment = line.indexOf("//");
    if (comment >= 0) line = line.slice(0, comment);
    const trimmed = line.trim();
    if (trimmed === "") continue;
    const marker = /^---\s*(\w+)\s*---$/.exec(trimmed);
    if (marker) {
      if (pending.trim() !== "") throw new TlParseError("SYNTAX", pendingLine, "declaration not closed with ';'");
      if (marker[1] !== "types" && marker[1] !== "functions") {
        throw new TlParseError("SYNTAX", lineNo, `unknown section ---${marker[1]}---`);
      }
      section = marker[1];
      continue;
    }
    let rest = trimmed;
    while (rest !== "") {
      if (pending.trim() === "") pendingLine = lineNo;
      const semi = rest.indexOf(";");
      if (semi < 0) {
        pending += ` ${rest}`;
        break;
      }
      pending += ` ${rest.slice(0, semi)}`;
      statements.push({ text: pending.trim(), line: pendingLine, section });
      pending = "";
      rest = rest.slice(semi + 1).trim();
    }
  }
  if (pending.trim() !== "") throw new TlParseError("SYNTAX", pendingLine, "declaration not closed with ';'");
  return { statements, layer };
}
