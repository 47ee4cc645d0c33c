import { z } from 'zod';
import { dataCategory } from './engagement-profile';
import { email, id, personName, text } from './common';

export const siteInput = z.strictObject({
  name: text(200, { min: 1 }),
  address: text(500).default(''),
  city: text(120, { min: 1 }),
  /** ISO 3166-1 alpha-2 code or a common country name. */
  country: text(80, { min: 2 }),
});

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { message: `must hold at most ${max} items` });
const uniqueCategories = list(dataCategory, 6).refine((a) => new Set(a).size === a.length, { message: 'must not repeat a category' });

const profileFields = {
  name: text(200, { min: 1 }),
  description: text(4000),
  services: list(text(300, { min: 1 }), 50),
  sites: list(siteInput, 50),
  contractingEntity: text(300),
  /** The contracting entity's own other names (former, trading, local-script names), not the provider organization's aliases. */
  contractingEntityAliases: list(text(300, { min: 1 }), 20),
  dataCategories: uniqueCategories,
  usesCloud: z.boolean({ message: 'must be true or false' }),
  remoteWork: z.boolean({ message: 'must be true or false' }),
  developsSoftware: z.boolean({ message: 'must be true or false' }),
  subcontractors: list(text(300, { min: 1 }), 50),
};

/** A provider that is not on Scopewise yet: its organization and first administrator come from an invitation. */
export const newProviderInput = z.strictObject({
  organizationName: text(200, { min: 1 }),
  adminEmail: email,
  adminName: personName.optional(),
  /** True creates the organization although a provider of the same name is already on Scopewise (a namesake, not an impostor). */
  confirmNewOrganization: z.boolean({ message: 'must be true or false' }).optional(),
});

export const createEngagementBody = z
  .strictObject({
    ...profileFields,
    description: profileFields.description.default(''),
    services: profileFields.services.min(1, { message: 'needs at least one service' }),
    sites: profileFields.sites.min(1, { message: 'needs at least one delivery site' }),
    contractingEntity: profileFields.contractingEntity.min(1, { message: 'is required' }),
    contractingEntityAliases: profileFields.contractingEntityAliases.default([]),
    dataCategories: uniqueCategories.default([]),
    usesCloud: profileFields.usesCloud.default(false),
    remoteWork: profileFields.remoteWork.default(false),
    developsSoftware: profileFields.developsSoftware.default(false),
    subcontractors: profileFields.subcontractors.default([]),
    providerOrganizationId: id.optional(),
    newProvider: newProviderInput.optional(),
  })
  .refine((b) => (b.providerOrganizationId ? 1 : 0) + (b.newProvider ? 1 : 0) === 1, {
    message: 'give either providerOrganizationId or newProvider',
    path: ['providerOrganizationId'],
  })
  .meta({ id: 'CreateEngagementRequest' });
export type CreateEngagementBody = z.infer<typeof createEngagementBody>;
export type CreateEngagementInput = z.input<typeof createEngagementBody>;

export const riskOverrideInput = z.strictObject({
  tier: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: 'must be 1, 2, 3 or 4' }),
  reason: text(2000, { min: 10 }),
});

export const updateEngagementBody = z
  .strictObject({
    ...Object.fromEntries(Object.entries(profileFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof profileFields]: z.ZodOptional<(typeof profileFields)[K]> },
    /** null clears an override. */
    riskOverride: riskOverrideInput.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change', path: ['name'] })
  .meta({ id: 'UpdateEngagementRequest' });
export type UpdateEngagementBody = z.infer<typeof updateEngagementBody>;

const siteDto = z.object({ name: z.string(), address: z.string(), city: z.string(), country: z.string() });
const orgRef = z.object({ id, name: z.string() });
const tier = z.number().int().min(1).max(4);

export const engagementDto = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    buyer: orgRef,
    provider: orgRef,
    services: z.array(z.string()),
    sites: z.array(siteDto),
    contractingEntity: z.string(),
    contractingEntityAliases: z.array(z.string()),
    dataCategories: z.array(z.string()),
    usesCloud: z.boolean(),
    remoteWork: z.boolean(),
    developsSoftware: z.boolean(),
    subcontractors: z.array(z.string()),
    /** The buyer's view only: providers do not see how a buyer rates them. */
    risk: z
      .object({
        tier,
        computedTier: tier,
        points: z.number(),
        reasons: z.array(z.object({ factor: z.string(), points: z.number() })),
        override: z.object({ tier, reason: z.string() }).nullable(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean(), overrideRisk: z.boolean(), createAssessment: z.boolean(), createSchedule: z.boolean() }),
  })
  .meta({ id: 'Engagement' });
export type EngagementDto = z.infer<typeof engagementDto>;

/** GET /api/engagements: the list, and whether the actor may start a new engagement. */
export const engagementListDto = z.object({ engagements: z.array(engagementDto), abilities: z.object({ create: z.boolean() }) }).meta({ id: 'EngagementList' });
export type EngagementListDto = z.infer<typeof engagementListDto>;

const coverageVerdict = z.enum(['covered', 'uncertain', 'not_covered']);
const judged = z.object({
  verdict: coverageVerdict,
  explanation: z.string(),
  /** Ids of the certificates whose scope covers it. */
  coveredBy: z.array(id),
  byCertificate: z.array(z.object({ certificateId: id, certificate: z.string(), verdict: z.enum(['covered', 'uncertain', 'not_covered', 'void']), explanation: z.string() })),
});

/** Every contracted site and service judged against the union of the valid certificates shared (`GET /api/engagements/:id/scope`). */
export const scopeJudgementDto = z
  .object({
    certificates: z.array(z.object({ id, label: z.string(), legalEntity: z.string(), expiryDate: z.string(), valid: z.boolean(), voidReason: z.string().nullable() })),
    sites: z.array(judged.extend({ site: z.string() })),
    services: z.array(judged.extend({ service: z.string() })),
  })
  .meta({ id: 'ScopeJudgement' });
export type ScopeJudgementDto = z.infer<typeof scopeJudgementDto>;

/** Who invited a provider organization onto Scopewise, as the asking buyer may know it (never another buyer's name). */
export const providerInvitedBy = z.enum(['you', 'another_buyer']);

/** A provider in the search, with what tells two organizations of the same name apart. */
export const providerDto = z
  .object({
    id,
    name: z.string(),
    /** An administrator accepted an invitation and has an active account. */
    adminAccepted: z.boolean(),
    /** Email domains of its active administrators, each proven by accepting an invitation mailed to that address. */
    verifiedDomains: z.array(z.string()),
    /** Null when no buyer invited it (it joined otherwise). */
    invitedBy: providerInvitedBy.nullable(),
  })
  .meta({ id: 'Provider' });
export type ProviderDto = z.infer<typeof providerDto>;
