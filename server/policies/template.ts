import { isBuyer, isBuyerManager, type Actor } from './actor';
import { allowIf, badState, forbid, type Decision } from './decision';

export interface TemplateSubject {
  organizationId: string | null;
  archived: boolean;
}

const onlyAuthors = forbid('Only buyer administrators and analysts can write questionnaire templates');

/** Buyers read built-in and own templates; administrators and analysts write their own. Built-ins never change. */
export const templatePolicy = {
  'template.list': (a: Actor): Decision => allowIf(isBuyer(a), forbid('Questionnaire templates belong to buyers; providers see the questionnaires sent to them')),
  'template.create': (a: Actor): Decision => allowIf(isBuyerManager(a), onlyAuthors),
  'template.update': (a: Actor, t: TemplateSubject): Decision => {
    if (!isBuyerManager(a)) return onlyAuthors;
    if (t.organizationId === null) return badState('Built-in templates cannot be changed: save a copy as your own template');
    return allowIf(!t.archived, badState('The template is archived'));
  },
  'template.archive': (a: Actor, t: TemplateSubject): Decision => {
    if (!isBuyerManager(a)) return onlyAuthors;
    if (t.organizationId === null) return badState('Built-in templates cannot be archived');
    return allowIf(!t.archived, badState('The template is already archived'));
  },
};
