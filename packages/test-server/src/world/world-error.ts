/** A rule of the world was broken; `code` is the Telegram error name the handlers answer with. */
export class WorldError extends Error {
  override readonly name = "WorldError";
  constructor(
    readonly code: string,
    readonly detail = "",
  ) {
    super(detail === "" ? code : `${code}: ${detail}`);
  }
}
