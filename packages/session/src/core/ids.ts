/** Constructor ids the session dispatches on before (or instead of) full TL decoding. */
export const RPC_RESULT_ID = 0xf35c6d01;
export const MSG_COPY_ID = 0xe06046b2;
export const RPC_ERROR_ID = 0x2144ca19;
export const BAD_MSG_NOTIFICATION_ID = 0xa7eff811;
export const BAD_SERVER_SALT_ID = 0xedab447b;
export const MSGS_ACK_ID = 0x62d6b459;
