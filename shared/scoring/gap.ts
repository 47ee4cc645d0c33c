/**
 * A control answered and scoring below this is a gap: it becomes a finding, is listed in the score's gaps and is
 * shown red in the score panel. One value for the server, the finding explanations and the client.
 */
export const GAP_THRESHOLD = 0.5;
