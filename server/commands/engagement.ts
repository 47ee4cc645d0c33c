import type { CreateEngagementBody, UpdateEngagementBody } from '../../shared/schemas/engagement';
import { inherentRisk } from '../../shared/engagements/risk-tier';
import { nameFragments, similarProviders } from '../../shared/matching/provider-names';
import { newToken } from '../auth/tokens';
import type { Deps } from '../deps';
import { AppError, invalid } from '../errors';
import type { Actor } from '../policies/actor';
import type { RequestOrigin } from '../repositories/audit';
import { insertEngagement, updateEngagement, type EngagementRow } from '../repositories/engagement';
import { insertInvitation } from '../repositories/invitation';
import { insertOrganization } from '../repositories/organization';
import { findVisibleProvider, listVisibleProvidersContaining } from '../repositories/provider';
import { emailTaken } from '../repositories/user';
import { engagementProfile } from '../presenters/engagement';
import { presentProvider } from '../presenters/provider';
import { sendExistingAccountNotice, sendInvitation } from './invitation';
import { runWrite } from './write';

const INVITATION_DAYS = 7;

/**
 * Creates an engagement with an existing provider, or with a provider not on
 * Scopewise yet: its organization is created and its first administrator
 * invited by email, in the same transaction. Returns the engagement id.
 */
export async function createEngagement(deps: Deps, actor: Actor, body: CreateEngagementBody, origin: RequestOrigin): Promise<string> {
  const { providerOrganizationId, newProvider, ...values } = body;
  if (providerOrganizationId && !(await findVisibleProvider(deps.db, actor, providerOrganizationId))) {
    throw invalid([{ path: 'providerOrganizationId', message: 'is not a provider organization on Scopewise' }]);
  }
  const namesakes = newProvider ? similarProviders(newProvider.organizationName, await listVisibleProvidersContaining(deps.db, actor, nameFragments(newProvider.organizationName))) : [];
  if (newProvider && namesakes.length > 0 && newProvider.confirmNewOrganization !== true) {
    throw invalid([{ path: 'newProvider.confirmNewOrganization', message: `a provider named like "${newProvider.organizationName}" is already on Scopewise: pick it, or confirm this is another organization` }], {
      similarProviders: namesakes.map(presentProvider),
    });
  }
  // Same answer whether or not the admin email has an account (no account
  // probe across tenants); an existing account is told by email instead.
  const adminTaken = newProvider ? await emailTaken(deps.db, newProvider.adminEmail) : false;
  const token = newProvider ? newToken() : undefined;
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  const id = await runWrite(deps, origin, async ({ trx, audit, affects }) => {
    let providerId = providerOrganizationId;
    if (newProvider && token) {
      const org = await insertOrganization(trx, { kind: 'provider', name: newProvider.organizationName });
      providerId = org.id;
      const invitationId = await insertInvitation(trx, { organizationId: org.id, email: newProvider.adminEmail, role: 'admin', tokenHash: token.hash, invitedBy: actor.userId, expiresAt });
      await audit({
        action: 'provider.invited',
        organizationId: actor.organizationId,
        targetType: 'organization',
        targetId: org.id,
        details: { organizationName: org.name, adminEmail: newProvider.adminEmail, invitationId, ...(namesakes.length > 0 && { confirmedDespiteSimilar: namesakes.map((p) => p.id) }) },
      });
    }
    const engagementId = await insertEngagement(trx, actor, providerId!, values);
    affects(engagementId);
    await audit({
      action: 'engagement.created',
      organizationId: actor.organizationId,
      targetType: 'engagement',
      targetId: engagementId,
      details: { name: values.name, providerOrganizationId: providerId, riskTier: inherentRisk(values).tier },
    });
    return engagementId;
  });
  if (newProvider && token && adminTaken) {
    await sendExistingAccountNotice(deps, { email: newProvider.adminEmail, organizationName: newProvider.organizationName, inviterName: `${actor.name} (${actor.organizationName})` });
  } else if (newProvider && token) {
    await sendInvitation(deps, { email: newProvider.adminEmail, token: token.token, organizationName: newProvider.organizationName, inviterName: `${actor.name} (${actor.organizationName})`, expiresAt });
  }
  return id;
}

/** Changes an engagement's profile and/or its risk override; an override change is audited with its reason. */
export async function changeEngagement(deps: Deps, actor: Actor, e: EngagementRow, body: UpdateEngagementBody, origin: RequestOrigin): Promise<void> {
  const { riskOverride, ...profile } = body;
  await runWrite(deps, origin, async ({ trx, audit, affects }) => {
    await updateEngagement(trx, actor, e.id, body);
    affects(e.id);
    if (Object.keys(profile).length > 0) {
      const before = inherentRisk(engagementProfile(e)).tier;
      const after = inherentRisk({ ...engagementProfile(e), ...profile }).tier;
      await audit({ action: 'engagement.updated', organizationId: actor.organizationId, targetType: 'engagement', targetId: e.id, details: { fields: Object.keys(profile), computedTier: { from: before, to: after } } });
    }
    if (riskOverride !== undefined) {
      await audit({
        action: riskOverride ? 'engagement.risk_overridden' : 'engagement.risk_override_cleared',
        organizationId: actor.organizationId,
        targetType: 'engagement',
        targetId: e.id,
        details: { from: e.risk_tier_override, to: riskOverride?.tier ?? null, reason: riskOverride?.reason ?? null, previousReason: e.risk_override_reason },
      });
    }
  });
}
