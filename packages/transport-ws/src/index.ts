// Public surface of @mtkit/transport-ws; see README.md.
export {};
