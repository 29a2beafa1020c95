/** Login codes the CLI prints on stderr ("login code for +PHONE: CODE"), handed out in order per phone. */
export class LoginCodes {
  readonly #pending = new Map<string, string[]>();
  readonly #waiting = new Map<string, ((code: string) => void)[]>();

  /** Feeds one stderr line; lines that are not a login code are ignored. */
  heard(line: string): void {
    const match = /^login code for \+(\d+): (\d+)$/.exec(line.trim());
    if (match === null) return;
    const [, phone = "", code = ""] = match;
    const waiter = this.#waiting.get(phone)?.shift();
    if (waiter !== undefined) waiter(code);
    else this.#pending.set(phone, [...(this.#pending.get(phone) ?? []), code]);
  }

  /** The oldest code not handed out yet for `phone`, or the next one printed. */
  next(phone: string): Promise<string> {
    const digits = phone.replace(/\D/g, "");
    const code = this.#pending.get(digits)?.shift();
    if (code !== undefined) return Promise.resolve(code);
    return new Promise((resolve) => {
      this.#waiting.set(digits, [...(this.#waiting.get(digits) ?? []), resolve]);
    });
  }
}
