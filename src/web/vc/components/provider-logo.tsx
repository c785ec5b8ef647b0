import { Image } from '@mantine/core';
import type { VcProviderRef } from '../../../contracts/vc';

/** The provider's logo; decorative when its name is written next to it. */
export function ProviderLogo({
  provider,
  size = 28,
  named = true,
}: {
  provider: VcProviderRef;
  size?: number;
  named?: boolean;
}) {
  if (!provider.logoUrl) return null;
  return (
    <Image src={provider.logoUrl} alt={named ? '' : provider.displayName} w={size} h={size} fit="contain" />
  );
}
