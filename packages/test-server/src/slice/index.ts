// The account API slice (login, 2FA, bots, DC migration, user lookups); see install-account-slice.ts.
export { installAccountSlice, type AccountSlice, type AccountSliceOptions, type SliceBotSeed, type SliceUserSeed } from "./install-account-slice.js";
export type { SliceUser, StoredPassword } from "./account-state.js";
