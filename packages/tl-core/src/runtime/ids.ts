// Constructor ids the runtime itself needs, as signed 32-bit integers (what `TlReader.int()` returns).
// https://core.telegram.org/mtproto/serialize#base-types
export const VECTOR_ID = 0x1cb5c415 | 0;
export const BOOL_TRUE_ID = 0x997275b5 | 0;
export const BOOL_FALSE_ID = 0xbc799737 | 0;
export const GZIP_PACKED_ID = 0x3072cfa1 | 0;
export const RPC_ERROR_ID = 0x2144ca19 | 0;
