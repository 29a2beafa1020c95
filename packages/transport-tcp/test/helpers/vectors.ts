import { loadVectors } from "@mtkit/test-vectors";

export interface ObfuscationVector {
  name: string;
  random: string;
  protocol_tag?: string;
  dc_int16_at_60?: number;
  secret?: string;
  init_payload_sent: string;
  encrypt_key?: string;
  encrypt_iv?: string;
  decrypt_key?: string;
  decrypt_iv?: string;
  client_packets?: { intermediate_frame: string; sent: string }[];
  server_bytes_received?: { received: string; decrypted: string }[];
}

export interface TransportVectors {
  framing: {
    intermediate: { name: string; payload?: string; framed?: string; stream_chunks?: string[]; frames?: string[] }[];
    padded_intermediate: { payload: string; framed: string }[];
    transport_errors: { examples: Record<string, string> };
  };
  obfuscation_rules: { retry_prefixes_from_mtcute_test: string[] };
  obfuscation_vectors: ObfuscationVector[];
  mtproxy_secrets: { secret_hex: string; meaning: string; key?: string; domain?: string }[];
}

export const transportVectors = loadVectors("transports") as TransportVectors;
