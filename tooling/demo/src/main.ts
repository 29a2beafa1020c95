// Placeholder demo until the session and test server land: shows TL's compact binary wire
// next to the JSON-like objects it carries.
console.log("mtkit demo: the full client-against-test-server flow lands with the session issue.");
