export { mtprotoRegistry } from "@mtkit/tl-core/mtproto";
