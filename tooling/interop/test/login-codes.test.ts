import { expect, it } from "vitest";
import { LoginCodes } from "../src/login-codes.js";

it("hands out the CLI's printed codes per phone, in order, whether printed before or after the wait", async () => {
  const codes = new LoginCodes();
  codes.heard("layer 158 is not one this server has: answering it in layer 194");
  codes.heard("login code for +15550100: 12345");
  const later = codes.next("+1 555 0101");
  codes.heard("login code for +15550101: 67890");
  codes.heard("login code for +15550100: 24680");
  expect(await codes.next("15550100")).toBe("12345");
  expect(await later).toBe("67890");
  expect(await codes.next("+1 555 0100")).toBe("24680");
});
