import { z } from 'zod';

// zod compiles fast object parsers with `new Function` unless told not to, and
// probes for that ability on first use. The app's CSP forbids eval
// (script-src 'self'), so the probe alone is reported as a violation: parse
// without compiling. Imported first by main.tsx, before any schema is built.
z.config({ jitless: true });
