/**
 * The two ordering checks of https://core.telegram.org/api/updates, as pure functions.
 *
 * pts/qts ("Event sequences"): an update moving a box from `local` to `pts` by `count` events
 * applies when `local + count === pts`, was already applied when `local + count > pts`, and leaves
 * a gap (updates are missing before it) when `local + count < pts`.
 *
 * seq ("Update sequence", for `updates` / `updatesCombined`): `seq === 0` means "unordered, apply
 * now"; otherwise the container applies when `local + 1 === seq_start`, is old when
 * `local + 1 > seq_start`, and leaves a gap otherwise.
 */
export type BoxVerdict = "apply" | "duplicate" | "gap";

export function checkPts(local: number, pts: number, count: number): BoxVerdict {
  const expected = local + count;
  if (expected === pts) return "apply";
  return expected > pts ? "duplicate" : "gap";
}

export function checkSeq(local: number, seqStart: number): BoxVerdict | "unordered" {
  if (seqStart === 0) return "unordered";
  const expected = local + 1;
  if (expected === seqStart) return "apply";
  return expected > seqStart ? "duplicate" : "gap";
}

/** pts and pts_count as the server may send them: int32, the count never negative. */
export function isValidPtsPair(pts: number, count: number): boolean {
  return Number.isInteger(pts) && Number.isInteger(count) && count >= 0 && pts >= 0;
}
