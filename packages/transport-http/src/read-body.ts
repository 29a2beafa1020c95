import { HttpTransportError } from "./errors.js";

/** The slice of the WHATWG `Response` read here (browsers, Node 20, Deno and Bun all have it). */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * Reads a whole answer body, refusing it once it passes `maxBytes`: first from a Content-Length that
 * already says so, then while reading. The buffer grows with what arrived, never with what a header
 * claimed.
 */
export async function readCappedBody(response: ResponseLike, maxBytes: number): Promise<Uint8Array> {
  const claimed = Number(response.headers.get("content-length") ?? "0");
  if (claimed > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new HttpTransportError("BODY_TOO_LARGE", `answer announces ${claimed} bytes, over ${maxBytes}`);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new HttpTransportError("BODY_TOO_LARGE", `answer passed ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
}
