// Public surface of @mtkit/transport-tcp; see README.md.
export {};
