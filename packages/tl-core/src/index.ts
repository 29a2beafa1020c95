// Public surface of @mtkit/tl-core; see README.md.
export {};
