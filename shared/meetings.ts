// What the graph and the portal both hold of a working group's meeting (subgraphs/region/working-groups/meetings.ts,
// portal/src/pages/working-group-lead.tsx).

/**
 * The most places a meeting may have: one group of the region's companies (about 400 in the three networks) never
 * needs more, and a larger number is a slip. Without a bound, the portal's form sent 99999999999 and got graphql-js's
 * English refusal of a 32-bit Int for the whole form instead of words at the field.
 */
export const maxParticipantLimit = 1000;
