import type { Browser, LaunchOptions } from "playwright-core";

/** Where the Chromium executable came from. */
export type ChromiumSource = "CHROMIUM_PATH" | "system" | "npm:@sparticuz/chromium";

export interface ResolvedChromium {
  readonly executablePath: string;
  readonly source: ChromiumSource;
  /** Extra environment the executable needs (the npm build's shared libraries and fonts). */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * CHROMIUM_PATH if set (it must exist), else the first of chromium / chromium-browser /
 * google-chrome-stable / google-chrome on PATH, else the build shipped inside @sparticuz/chromium,
 * unpacked once per version into the OS temp folder.
 */
export declare function resolveChromium(): Promise<ResolvedChromium>;

export interface LaunchedChromium {
  readonly browser: Browser;
  readonly resolved: ResolvedChromium;
  /** e.g. "Chromium 143.0.7499.0 (npm:@sparticuz/chromium, /tmp/mtkit-chromium-143.0.4/chromium)". */
  readonly description: string;
}

/** Resolves, launches headless and prints which browser the suite runs on. */
export declare function launchChromium(options?: LaunchOptions): Promise<LaunchedChromium>;

export interface ServedBundle {
  /** The HTTP server (a WebSocket server may share it). */
  readonly http: import("node:http").Server;
  /** `127.0.0.1:<port>`. */
  readonly origin: string;
  /** `http://<origin>/`: the page that loads the bundle. */
  readonly url: string;
  /** Every input file of the bundle, to check what it pulled in. */
  readonly inputs: readonly string[];
  readonly close: () => Promise<void>;
}

/** Bundles `entry` for platform "browser" (any `node:` import fails) and serves it under a page titled `title`. */
export declare function serveBundle(options: {
  readonly entry: string;
  readonly title?: string;
}): Promise<ServedBundle>;
