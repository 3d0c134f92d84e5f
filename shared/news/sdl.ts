import { readSdl } from '../schema/sdl.ts';

/** The news inputs and enums, the same in region's public SDL and the networks' internal one. */
export const newsInputSdl = readSdl(new URL('./news-input.graphql', import.meta.url));
