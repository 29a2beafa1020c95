/** Where one DC of the test server listens. */
export interface DcEndpoint {
  readonly id: number;
  /** Address advertised to clients in dc_options. */
  readonly host: string;
  readonly port: number;
  readonly wsPort: number | undefined;
  /** The HTTP transport's port (POST /api), when the DC listens for it. */
  readonly httpPort?: number | undefined;
}
