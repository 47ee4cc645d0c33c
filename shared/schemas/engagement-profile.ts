import { z } from 'zod';

/** Kinds of data an engagement touches; they drive the risk tier, control multipliers and clauses. */
export const dataCategories = ['personal_data', 'payment_card', 'health', 'financial', 'credentials', 'customer_confidential'] as const;
export type DataCategory = (typeof dataCategories)[number];
export const dataCategory = z.enum(dataCategories, { message: `must be one of ${dataCategories.join(', ')}` });

export const dataCategoryLabels: Record<DataCategory, string> = {
  personal_data: 'Personal data',
  payment_card: 'Payment card data',
  health: 'Health data',
  financial: 'Financial data',
  credentials: 'Credentials and secrets',
  customer_confidential: 'Customer confidential information',
};

/** A delivery site as the buyer describes it. */
export interface SiteInput {
  name: string;
  address: string;
  city: string;
  /** ISO 3166-1 alpha-2 code or a common country name. */
  country: string;
}

/** What an engagement says about the work, as the pure domain functions read it. */
export interface EngagementProfile {
  services: string[];
  sites: SiteInput[];
  contractingEntity: string;
  dataCategories: DataCategory[];
  usesCloud: boolean;
  remoteWork: boolean;
  subcontractors: string[];
  /** The provider builds or changes software for the buyer. */
  developsSoftware: boolean;
}
