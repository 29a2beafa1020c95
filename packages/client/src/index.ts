// Public surface of @mtkit/client; see README.md.
export {};
