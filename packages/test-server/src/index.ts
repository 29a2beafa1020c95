// Public surface of @mtkit/test-server; see README.md.
export {};
