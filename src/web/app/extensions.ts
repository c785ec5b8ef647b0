// Features that put UI into other features' pages register it when their module loads; import each such
// registration file here, once. The events feature's slots are described in events/extension-slots.tsx.
import '../vc/register';
