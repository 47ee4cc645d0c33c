import { templateContent, type TemplateContent } from '../../schemas/template';
import { bpoEssentials } from './bpo-essentials';
import { iso27002Full } from './iso27002-full';

export const builtinTemplateSlugs = ['iso27002-full', 'bpo-essentials'] as const;
export type BuiltinTemplateSlug = (typeof builtinTemplateSlugs)[number];

export interface BuiltinTemplate {
  slug: BuiltinTemplateSlug;
  content: TemplateContent;
}

/**
 * The templates every buyer starts with, parsed once through the same schema
 * as a buyer's own templates so defaults are filled and a broken edit fails
 * at load rather than when a questionnaire is sent.
 */
export const builtinTemplates: readonly BuiltinTemplate[] = [
  { slug: 'iso27002-full', content: templateContent.parse(iso27002Full) },
  { slug: 'bpo-essentials', content: templateContent.parse(bpoEssentials) },
];
