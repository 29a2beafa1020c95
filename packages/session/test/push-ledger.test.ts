import { describe, expect, it } from "vitest";
import { newOutgoing } from "../src/core/outbox.js";
import { PushLedger } from "../src/server/push-ledger.js";

const push = (): ReturnType<typeof newOutgoing> => newOutgoing(new Uint8Array(4), { contentRelated: true });

describe("PushLedger: pushes not acknowledged yet", () => {
  it("counts queued and sent pushes until their msg_id is acknowledged", () => {
    const ledger = new PushLedger();
    const [a, b, c] = [push(), push(), push()];
    for (const m of [a, b, c]) ledger.track(m);
    expect(ledger.count).toBe(3);
    a.msgId = 100n;
    b.msgId = 104n;
    ledger.sent(a);
    ledger.sent(b);
    // An ack for an id never sent, or for a message not tracked, changes nothing.
    ledger.acknowledge([999n]);
    ledger.sent(push());
    expect(ledger.count).toBe(3);
    ledger.acknowledge([100n, 104n]);
    expect(ledger.count).toBe(1);
    // Not sent yet: no msg_id, an ack cannot name it.
    ledger.sent(c);
    expect(ledger.count).toBe(1);
    ledger.clear();
    expect(ledger.count).toBe(0);
  });
});
