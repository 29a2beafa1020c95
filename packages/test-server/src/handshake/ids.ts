/** Constructor ids of the auth-key exchange (mtproto.tl; https://core.telegram.org/mtproto/auth_key). */
export const HandshakeIds = {
  reqPq: 0x60469778,
  reqPqMulti: 0xbe7e8ef1,
  resPq: 0x05162463,
  pqInnerData: 0x83c95aec,
  pqInnerDataDc: 0xa9f55f95,
  pqInnerDataTemp: 0x3c6a84d4,
  pqInnerDataTempDc: 0x56fddf88,
  reqDhParams: 0xd712e4be,
  serverDhParamsOk: 0xd0e8075c,
  serverDhInnerData: 0xb5890dba,
  setClientDhParams: 0xf5045f1f,
  clientDhInnerData: 0x6643b654,
  dhGenOk: 0x3bcbf734,
  dhGenRetry: 0x46dc1fb9,
} as const;
