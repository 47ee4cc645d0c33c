/** A policy's verdict: allowed, or refused with the reason shown to the user. */
export type Decision = true | Denial;

export interface Denial {
  /** FORBIDDEN: this role may never do this; INVALID_STATE: not in the object's current state. */
  code: 'FORBIDDEN' | 'INVALID_STATE';
  message: string;
}

export const forbid = (message: string): Denial => ({ code: 'FORBIDDEN', message });
export const badState = (message: string): Denial => ({ code: 'INVALID_STATE', message });

/** Allowed when `condition` holds, else the given denial. */
export const allowIf = (condition: boolean, otherwise: Denial): Decision => (condition ? true : otherwise);
