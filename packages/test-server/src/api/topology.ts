/** Where one DC of the test server listens. */
export interface DcEndpoint {
  readonly id: number;
  /** Address advertised to clients in dc_options. */
  readonly host: string;
  readonly port: number;
  readonly wsPort: number | undefined;
}
