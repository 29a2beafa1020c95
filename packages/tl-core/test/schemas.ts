// Loads the three shipped schemas the same way scripts/generate.ts does, for tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildModel, type CodegenModel } from "../src/codegen/model.js";
import { parseSchema, type ParsedSchema } from "../src/parser/schema.js";
import { apiRegistry } from "../src/api.js";
import { mtprotoRegistry } from "../src/mtproto.js";
import { secretRegistry } from "../src/secret.js";
import type { TlRegistry } from "../src/runtime/types.js";

export const schemaDir = join(import.meta.dirname, "..", "schema");
export const readSchema = (file: string): string => readFileSync(join(schemaDir, file), "utf8");

export interface LoadedSchema {
  readonly file: string;
  readonly parsed: ParsedSchema;
  readonly model: CodegenModel;
  readonly registry: TlRegistry;
}

const MTPROTO_TEXT = new Set(["rpc_error.error_message", "accessPointRule.phone_prefix_rules", "tlsBlockString.data"]);

function load(file: string, registry: TlRegistry, mtproto = false): LoadedSchema {
  const parsed = parseSchema(readSchema(file), { includeParsedManually: mtproto });
  const model = buildModel(parsed.constructors, parsed.methods, mtproto ? { textStrings: MTPROTO_TEXT } : {});
  return { file, parsed, model, registry };
}

export const schemas: readonly LoadedSchema[] = [
  load("mtproto.tl", mtprotoRegistry, true),
  load("telegram_api.tl", apiRegistry),
  load("secret_api.tl", secretRegistry),
];
