import { isBuyerManager, type Actor } from './actor';
import { allowIf, forbid, type Decision } from './decision';

/** The weights move every engagement's score: the people who run engagements set them; legal and providers read. */
export const scoringPolicy = {
  'scoring.editWeights': (a: Actor): Decision => allowIf(isBuyerManager(a), forbid('Only buyer administrators and analysts can change the scoring profile')),
};
