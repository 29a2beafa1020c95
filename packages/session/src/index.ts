// Public surface of @mtkit/session; see README.md.
export {};
