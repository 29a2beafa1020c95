/** What initConnection told us about the client app (https://core.telegram.org/method/initConnection). */
export interface ClientInfo {
  readonly apiId: number;
  readonly deviceModel: string;
  readonly systemVersion: string;
  readonly appVersion: string;
  readonly langCode: string;
}

/** What the invoke wrappers said on one auth key: the layer answers follow, the client app. */
export interface KeyInfo {
  layer: number | undefined;
  client: ClientInfo | undefined;
}
