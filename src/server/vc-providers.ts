// The videoconference providers of this server: one line each. It lives outside src/server/vc/ because that
// module knows providers only through the VcProvider interface and never names one.
import type { ProviderFactory } from './vc';
import { testRoomsProvider } from './vc/providers/test';

export const VC_PROVIDERS: ProviderFactory[] = [testRoomsProvider];
