import { sameLegalEntity, type EntityVerdict } from './normalize';

/** A name compared in the holder check, with where it was read. */
export interface ComparedName {
  name: string;
  source: string;
}

export interface HolderMatch {
  verdict: EntityVerdict;
  explanation: string;
  /** Every name compared, the certificate's first. */
  compared: ComparedName[];
}

/** Where the names come from, as the explanation and the finding's facts say it. */
export const nameSources = {
  holder: 'certificate field "legal entity"',
  contractingEntity: 'engagement field "contracting entity"',
  contractingEntityAliases: 'engagement field "other names of the contracting entity"',
} as const;

/**
 * Whether a certificate's holder is the engagement's contracting entity. The
 * holder is compared with the contracting entity and that entity's own known
 * names only: the provider organization's names and aliases are not the
 * entity's (a group's other companies hold certificates too), so a holder
 * matching only one of them is a different legal entity.
 */
export function matchCertificateHolder(contract: { entity: string; aliases: readonly string[] }, holder: { name: string; certificate: string }): HolderMatch {
  const aliases = [...new Set(contract.aliases.map((a) => a.trim()).filter((a) => a && a !== contract.entity.trim()))];
  const m = sameLegalEntity(contract.entity, holder.name, aliases);
  const compared: ComparedName[] = [
    { name: holder.name, source: `${holder.certificate}, ${nameSources.holder}` },
    { name: contract.entity, source: nameSources.contractingEntity },
    ...aliases.map((name) => ({ name, source: nameSources.contractingEntityAliases })),
  ];
  const others = aliases.length ? ` and its other names ${aliases.map((a) => `"${a}"`).join(', ')} (${nameSources.contractingEntityAliases})` : ' (no other names of it are recorded)';
  const how = `Compared the holder "${holder.name}" (${holder.certificate}, ${nameSources.holder}) with the contracting entity "${contract.entity}" (${nameSources.contractingEntity})${others}; the provider organization's own names are not compared.`;
  return { verdict: m.verdict, explanation: `${m.explanation} ${how}`, compared };
}
