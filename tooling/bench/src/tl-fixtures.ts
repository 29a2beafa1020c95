// The benchmark payload, built once per library from the same plain description: a
// messages.messages with 100 messages (~100-char text, two entities, peers, dates) and 50 users.
// Layers differ (mtkit 228, mtcute 223, GramJS 198), so only fields all three share are set.

export interface PlainMessage {
  id: number;
  fromUser: number;
  toUser: number;
  date: number;
  text: string;
  entities: { kind: "bold" | "url"; offset: number; length: number }[];
}

export interface PlainUser {
  id: number;
  accessHash: bigint;
  firstName: string;
  lastName: string;
  username: string;
  phone: string;
}

const WORDS = [
  "telegram",
  "mtproto",
  "message",
  "hello",
  "world",
  "benchmark",
  "layer",
  "https://t.me/x",
  "ok",
  "друг",
];

export function plainPayload(): { messages: PlainMessage[]; users: PlainUser[] } {
  const messages: PlainMessage[] = [];
  for (let i = 0; i < 100; i++) {
    let text = "";
    for (let w = 0; text.length < 100; w++) text += `${WORDS[(i + w) % WORDS.length]!} `;
    text = text.slice(0, 100);
    messages.push({
      id: 1000 + i,
      fromUser: 1 + (i % 50),
      toUser: 777,
      date: 1_760_000_000 + i * 60,
      text,
      entities: [
        { kind: "bold", offset: 0, length: 8 },
        { kind: "url", offset: 20, length: 14 },
      ],
    });
  }
  const users: PlainUser[] = [];
  for (let i = 0; i < 50; i++) {
    users.push({
      id: 1 + i,
      accessHash: 0x1234_5678_9abc_def0n + BigInt(i),
      firstName: `User${i}`,
      lastName: `Lastname${i}`,
      username: `user_${i}_name`,
      phone: `7999000${String(i).padStart(4, "0")}`,
    });
  }
  return { messages, users };
}

/** What each library's side of the benchmark provides. */
export interface TlBenchCases {
  /** Encoded size of the payload in bytes. */
  readonly size: number;
  readonly encode: () => unknown;
  readonly decode: () => unknown;
}
