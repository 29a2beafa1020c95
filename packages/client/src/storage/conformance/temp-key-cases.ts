import type { StorageConformanceCase } from "./cases.js";
import { bytes, expectEqual, expectRejects } from "./expect.js";

/**
 * Temp keys live in one slot per (DC, connection kind): the main and the media connection of a DC
 * each keep their own bound key (https://core.telegram.org/api/pfs), and neither may clobber the other.
 */
export const tempKeySlotCases: readonly StorageConformanceCase[] = [
  {
    name: "temp auth keys: main and media slots are independent; main is the default slot",
    async run(s) {
      const main = { key: bytes(256, 10), expiresAt: 5000 };
      const media = { key: bytes(256, 11), expiresAt: 6000 };
      await s.authKeys.setTemp(2, main);
      expectEqual(await s.authKeys.getTemp(2, 0, "media"), null, "media empty after a write to main");
      await s.authKeys.setTemp(2, media, "media");
      expectEqual(await s.authKeys.getTemp(2, 0), main, "main read without a slot");
      expectEqual(await s.authKeys.getTemp(2, 0, "main"), main, "main read by name");
      expectEqual(await s.authKeys.getTemp(2, 0, "media"), media, "media");
      expectEqual(await s.authKeys.getTemp(3, 0, "media"), null, "other DC empty");
      await s.authKeys.setTemp(2, null, "media");
      expectEqual(
        [await s.authKeys.getTemp(2, 0, "main"), await s.authKeys.getTemp(2, 0, "media")],
        [main, null],
        "deleting media keeps main",
      );
      await s.authKeys.setTemp(2, media, "media");
      await s.authKeys.setTemp(2, null);
      expectEqual(
        [await s.authKeys.getTemp(2, 0, "main"), await s.authKeys.getTemp(2, 0, "media")],
        [null, media],
        "deleting main keeps media",
      );
    },
  },
  {
    name: "temp auth keys expire per slot",
    async run(s) {
      await s.authKeys.setTemp(1, { key: bytes(256, 12), expiresAt: 1000 }, "main");
      await s.authKeys.setTemp(1, { key: bytes(256, 13), expiresAt: 2000 }, "media");
      expectEqual(await s.authKeys.getTemp(1, 1000, "main"), null, "main expired at its expiresAt");
      expectEqual(
        await s.authKeys.getTemp(1, 1000, "media"),
        { key: bytes(256, 13), expiresAt: 2000 },
        "media still valid",
      );
      expectEqual(await s.authKeys.getTemp(1, 2000, "media"), null, "media expired at its own expiresAt");
    },
  },
  {
    name: "clear() drops the temp keys of both slots; an unknown slot is rejected",
    async run(s) {
      await s.authKeys.setTemp(4, { key: bytes(256, 14), expiresAt: 1000 }, "main");
      await s.authKeys.setTemp(4, { key: bytes(256, 15), expiresAt: 1000 }, "media");
      await s.authKeys.clear();
      expectEqual(
        [await s.authKeys.getTemp(4, 0, "main"), await s.authKeys.getTemp(4, 0, "media")],
        [null, null],
        "both cleared",
      );
      // Plain JavaScript callers can pass anything; a typo must not become a third slot.
      const slot = "cdn" as "main";
      await expectRejects(
        s.authKeys.setTemp(4, { key: bytes(256, 16), expiresAt: 1000 }, slot),
        "BAD_VALUE",
        "unknown slot",
      );
    },
  },
];
