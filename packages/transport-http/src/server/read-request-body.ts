import type { IncomingMessage } from "node:http";
import type { FrameBufferBudget } from "@mtkit/transport-tcp/codec";

export type BodyResult =
  | { readonly ok: true; readonly body: Uint8Array }
  /** 413: longer than allowed (announced or sent); 507: the listener's shared budget is spent; 400: broken. */
  | { readonly ok: false; readonly httpStatus: 400 | 413 | 507 };

/**
 * Reads one request body under two caps: `maxBytes` per request, checked first against a
 * Content-Length that already says too much (nothing is read then), and the listener's shared
 * `budget` for bytes held in bodies not yet whole. The buffer grows with what arrived, never with
 * what a header claimed. Slow bodies are the server's `requestTimeout`'s business.
 */
export function readRequestBody(
  request: IncomingMessage,
  maxBytes: number,
  budget: FrameBufferBudget | undefined,
): Promise<BodyResult> {
  const claimed = request.headers["content-length"];
  if (claimed !== undefined && !(Number(claimed) <= maxBytes)) return Promise.resolve({ ok: false, httpStatus: 413 });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      budget?.update(total, 0);
      if (!result.ok) {
        chunks.length = 0;
        request.removeAllListeners("data");
        request.resume(); // drain nothing more into memory; the answer closes the socket
      }
      resolve(result);
    };
    request.on("data", (chunk: Buffer) => {
      if (settled) return;
      if (total + chunk.length > maxBytes) {
        finish({ ok: false, httpStatus: 413 });
        return;
      }
      try {
        budget?.update(total, total + chunk.length);
      } catch {
        total = 0; // a refused update() leaves this body's share at 0
        finish({ ok: false, httpStatus: 507 });
        return;
      }
      total += chunk.length;
      chunks.push(chunk);
    });
    request.once("end", () => {
      const body = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) {
        body.set(chunk, at);
        at += chunk.length;
      }
      finish({ ok: true, body });
    });
    request.once("error", () => {
      finish({ ok: false, httpStatus: 400 });
    });
    request.once("close", () => {
      finish({ ok: false, httpStatus: 400 });
    });
  });
}
