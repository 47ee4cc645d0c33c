import { findingCodes, type FindingCode } from '../findings/codes';
import type { DataCategory } from '../schemas/engagement-profile';

/**
 * When a clause applies because of what the engagement is. A clause applies
 * when ANY listed condition holds; `{}` means the profile never triggers it
 * (only its finding codes do).
 */
export interface ClauseCondition {
  dataCategories?: DataCategory[];
  usesCloud?: true;
  remoteWork?: true;
  subcontractors?: true;
  developsSoftware?: true;
}

/** A clause of the default library: contract text with `{{variables}}`, the controls it secures and the findings that call for it. */
export interface DefaultClause {
  key: string;
  title: string;
  text: string;
  /** ISO/IEC 27002:2022 control ids. */
  controlIds: string[];
  /** Open findings with any of these codes put the clause in the schedule. */
  findingCodes: FindingCode[];
  when: 'always' | ClauseCondition;
}

/** A variable clause text may use; `defaultValue` only where a market-standard value exists. */
export interface ClauseVariable {
  name: string;
  description: string;
  defaultValue?: string;
}

/** Every variable the default clauses use. Names without a default must come from the engagement or the negotiators. */
export const clauseVariables: readonly ClauseVariable[] = [
  { name: 'providerLegalName', description: 'the legal name of the contracting Provider entity' },
  { name: 'sites', description: 'the delivery sites (name, city and country of each)' },
  { name: 'services', description: 'the services delivered under this Agreement' },
  { name: 'dataLocations', description: 'the countries where Customer Data may be stored or processed' },
  { name: 'findingsAnnexReference', description: 'the annex listing the open findings with their remediation due dates' },
  { name: 'notificationHours', description: 'hours within which a security incident must be notified', defaultValue: '24' },
  { name: 'scopeExtensionMonths', description: 'months allowed to extend the certification scope', defaultValue: '6' },
  { name: 'certificationMonths', description: 'months allowed to obtain ISO/IEC 27001 certification', defaultValue: '12' },
  { name: 'deletionDays', description: 'days after exit within which Customer Data must be returned and deleted', defaultValue: '30' },
  { name: 'logRetentionMonths', description: 'months for which security logs must be retained', defaultValue: '12' },
  { name: 'criticalPatchDays', description: 'days within which critical security patches must be applied', defaultValue: '14' },
  { name: 'rtoHours', description: 'recovery time objective in hours', defaultValue: '4' },
  { name: 'rpoHours', description: 'recovery point objective in hours', defaultValue: '1' },
  { name: 'auditNoticeDays', description: 'days of written notice before an audit', defaultValue: '30' },
  { name: 'changeNoticeDays', description: 'days of prior written notice of a material security change', defaultValue: '30' },
];

// Every code, from the one list: a new code reaches the catch-all clause without a second list to update.
const everyFindingCode: FindingCode[] = [...findingCodes];

/** The clause library a new buyer starts from, in schedule order. */
export const defaultClauses: readonly DefaultClause[] = [
  {
    key: 'iso27001-certification',
    title: 'ISO/IEC 27001 certification',
    text:
      '{{providerLegalName}} shall maintain, for the term of this Agreement, a valid certification to ISO/IEC 27001:2022 issued by an accredited certification body. ' +
      'The scope of that certification shall cover the following delivery sites: {{sites}}; and the following services: {{services}}. ' +
      'The Provider shall not reduce the scope of the certification so that any such site or service ceases to be covered without the prior written consent of the Customer.',
    controlIds: ['5.1', '5.35', '5.36'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'obtain-certification',
    title: 'Obtaining certification',
    text:
      'The Provider does not currently hold an ISO/IEC 27001 certification covering the services. ' +
      'The Provider shall obtain certification to ISO/IEC 27001:2022 from an accredited certification body, with a scope covering {{sites}} and {{services}}, within {{certificationMonths}} months of the effective date of this Agreement, ' +
      'and shall report progress towards certification to the Customer at least quarterly until the certificate is issued.',
    controlIds: ['5.1', '5.35', '5.36'],
    findingCodes: ['CERT_MISSING'],
    when: {},
  },
  {
    key: 'certification-scope-extension',
    title: 'Extension of certification scope',
    text:
      'Where any delivery site or service used to perform this Agreement is not, or is not clearly, within the scope of the Provider\u2019s ISO/IEC 27001 certification, ' +
      'the Provider shall extend the certification scope to cover it within {{scopeExtensionMonths}} months of the effective date of this Agreement and shall provide the Customer with the revised certificate and scope statement. ' +
      'Until the scope is extended, the Provider shall operate the controls of its information security management system at that site or for that service as if it were within scope, and shall permit the Customer to verify this.',
    controlIds: ['5.35', '5.36'],
    findingCodes: ['SCOPE_SITE_NOT_COVERED', 'SCOPE_SERVICE_NOT_COVERED', 'SCOPE_UNCERTAIN'],
    when: {},
  },
  {
    key: 'valid-certificate',
    title: 'Valid and current certificate',
    text:
      'The Provider shall at all times hold a certificate to the current edition of ISO/IEC 27001 that has not expired. ' +
      'The Provider shall complete recertification before the expiry date of its certificate, shall transition any certificate issued against a superseded edition of the standard to ISO/IEC 27001:2022, ' +
      'and shall deliver a copy of each renewed or transitioned certificate to the Customer within 10 business days of its issue. ' +
      'The Provider shall notify the Customer promptly in writing if its certificate is suspended, withdrawn or not renewed.',
    controlIds: ['5.35', '5.36'],
    findingCodes: ['CERT_EXPIRED', 'CERT_EXPIRING', 'CERT_SUPERSEDED_EDITION'],
    when: {},
  },
  {
    key: 'accredited-certification',
    title: 'Accredited certification body',
    text:
      'The Provider\u2019s ISO/IEC 27001 certificate shall be issued by a certification body accredited for ISO/IEC 27001 by a national accreditation body that is a signatory to the IAF Multilateral Recognition Arrangement. ' +
      'Where the current certificate does not meet this requirement, the Provider shall obtain an accredited certificate with equivalent scope no later than its next recertification audit.',
    controlIds: ['5.35'],
    findingCodes: ['CERT_UNACCREDITED'],
    when: {},
  },
  {
    key: 'contracting-entity-certification',
    title: 'Certified contracting entity',
    text:
      'The Provider warrants that {{providerLegalName}}, being the entity that contracts with the Customer under this Agreement, is the entity named on the ISO/IEC 27001 certificate, or is expressly included within its scope. ' +
      'Where the certificate is held by another member of the Provider\u2019s group, the Provider shall procure that the certification scope is amended to include {{providerLegalName}}, ' +
      'and shall remain fully responsible for that group member\u2019s performance of the security obligations in this Agreement.',
    controlIds: ['5.31', '5.35'],
    findingCodes: ['CERT_ENTITY_MISMATCH'],
    when: {},
  },
  {
    key: 'statement-of-applicability',
    title: 'Statement of Applicability and notice of changes',
    text:
      'The Provider shall maintain a Statement of Applicability against Annex A of ISO/IEC 27001:2022 that matches the version referenced on its certificate, addresses every control, and gives a justification for each exclusion. ' +
      'The Provider shall not exclude any control that the Customer has identified as required for the services. ' +
      'The Provider shall give the Customer at least {{changeNoticeDays}} days\u2019 prior written notice of any change to its Statement of Applicability that affects the services, together with the revised document, ' +
      'and shall ensure that its answers to the Customer\u2019s security questionnaires are consistent with its Statement of Applicability.',
    controlIds: ['5.1', '5.35', '5.36'],
    findingCodes: [
      'SOA_MISSING',
      'SOA_REFERENCE_MISMATCH',
      'SOA_OUTDATED_NUMBERING',
      'SOA_INCOMPLETE',
      'SOA_EXCLUDES_REQUIRED',
      'SOA_EXCLUSION_UNJUSTIFIED',
      'ANSWER_CONTRADICTS_SOA',
    ],
    when: {},
  },
  {
    key: 'evidence-of-controls',
    title: 'Evidence of controls',
    text:
      'On the Customer\u2019s request, and in any event at least once every twelve months, the Provider shall provide current documentary evidence that the controls it has represented as implemented are in operation, ' +
      'including policies, procedures, records and reports dated within the preceding twelve months.',
    controlIds: ['5.36', '5.37'],
    findingCodes: ['CLAIM_WITHOUT_EVIDENCE', 'EVIDENCE_STALE'],
    when: {},
  },
  {
    key: 'finding-remediation',
    title: 'Remediation of open findings',
    text:
      'The Provider shall remediate each open finding listed in {{findingsAnnexReference}} by the due date stated against it, and shall provide the Customer with evidence of remediation. ' +
      'Where the Provider cannot meet a due date, it shall notify the Customer in writing before that date with the reason and a revised remediation plan, which shall take effect only when approved by the Customer. ' +
      'Failure to remediate a finding rated critical or high by its due date shall constitute a material breach of this Agreement.',
    controlIds: ['5.22', '5.35', '5.36'],
    findingCodes: everyFindingCode,
    when: {},
  },
  {
    key: 'incident-notification',
    title: 'Security incident notification',
    text:
      'The Provider shall notify the Customer without undue delay, and in any event within {{notificationHours}} hours of becoming aware, of any information security incident affecting Customer Data or the services. ' +
      'The notice shall describe the nature of the incident, the data and systems affected, the likely consequences and the measures taken or proposed. ' +
      'The Provider shall preserve relevant evidence, cooperate fully with the Customer\u2019s investigation and provide a written root-cause report within 10 business days of the incident being contained.',
    controlIds: ['5.24', '5.25', '5.26', '5.27', '5.28', '6.8'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'right-to-audit',
    title: 'Right to audit and assurance reports',
    text:
      'The Customer, or an independent auditor appointed by it, may audit the Provider\u2019s compliance with this schedule on {{auditNoticeDays}} days\u2019 written notice, or on shorter notice following a security incident. ' +
      'The Provider shall give reasonable access to the relevant sites, systems, personnel and records. ' +
      'The Provider shall deliver to the Customer, on request and without charge, its current Statement of Applicability and the reports of its certification and surveillance audits, including any nonconformities raised and the corrective actions taken.',
    controlIds: ['5.35', '5.36', '8.34'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'physical-security',
    title: 'Physical security of delivery sites',
    text:
      'The Provider shall protect each delivery site ({{sites}}) with a defined security perimeter, controlled and logged physical entry, monitoring of entry points and a clear desk and clear screen policy in areas where Customer Data is processed.',
    controlIds: ['7.1', '7.2', '7.3', '7.4', '7.7'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'subcontractors',
    title: 'Sub-contractor approval and flow-down',
    text:
      'The Provider shall not engage any sub-contractor to process Customer Data or to perform any part of the services without the Customer\u2019s prior written approval. ' +
      'The Provider shall impose on each approved sub-contractor, by written contract, information security obligations no less protective than those in this schedule, shall monitor the sub-contractor\u2019s compliance, ' +
      'and shall remain fully liable to the Customer for the acts and omissions of its sub-contractors. ' +
      'The Provider shall give at least {{changeNoticeDays}} days\u2019 prior written notice of any intended addition or replacement of a sub-contractor.',
    controlIds: ['5.19', '5.20', '5.21', '5.22'],
    findingCodes: [],
    when: { subcontractors: true },
  },
  {
    key: 'data-location',
    title: 'Location of data',
    text:
      'The Provider shall store and process Customer Data only in {{dataLocations}} and shall not transfer Customer Data to, or permit access to it from, any other country without the Customer\u2019s prior written consent. ' +
      'Any permitted transfer shall comply with applicable data protection law and be protected in accordance with this schedule.',
    controlIds: ['5.14', '5.31', '5.34'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'exit-return-deletion',
    title: 'Return and deletion of data at exit',
    text:
      'On expiry or termination of this Agreement, the Provider shall return all Customer Data to the Customer in an agreed, commonly used format and shall then securely delete all copies of Customer Data, including backups, within {{deletionDays}} days. ' +
      'The Provider shall return all Customer assets and credentials, and shall provide a written certificate of deletion signed by an authorised officer, describing the method used and the media sanitised or destroyed.',
    controlIds: ['5.11', '7.10', '7.14', '8.10'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'encryption',
    title: 'Encryption of data in transit and at rest',
    text:
      'The Provider shall encrypt Customer Data in transit over any network outside its controlled environment using TLS 1.2 or later, and at rest using AES-256 or an equivalent industry-standard algorithm. ' +
      'The Provider shall manage cryptographic keys under a documented key management procedure, restrict key access to authorised personnel and keep keys separate from the data they protect.',
    controlIds: ['5.14', '8.24'],
    findingCodes: [],
    when: { dataCategories: ['payment_card', 'health', 'financial', 'personal_data', 'credentials'] },
  },
  {
    key: 'access-control',
    title: 'Access control and multi-factor authentication',
    text:
      'The Provider shall grant access to Customer Data and systems on a least-privilege, need-to-know basis through unique individual accounts, shall review access rights at least quarterly and shall revoke access within 24 hours of a person leaving the services. ' +
      'Multi-factor authentication shall be required for all remote access, all privileged access and all access to Customer systems. Privileged accounts shall be restricted, separately managed and their use logged.',
    controlIds: ['5.15', '5.16', '5.17', '5.18', '8.2', '8.3', '8.5'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'background-screening',
    title: 'Personnel screening and confidentiality',
    text:
      'Before granting any person access to Customer Data, the Provider shall verify that person\u2019s identity, right to work, employment history and, where permitted by local law, criminal record, in proportion to the sensitivity of the data accessed. ' +
      'Each such person shall be bound by written confidentiality obligations that survive the end of their employment or engagement.',
    controlIds: ['6.1', '6.2', '6.5', '6.6'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'security-awareness',
    title: 'Security awareness training',
    text:
      'The Provider shall ensure that every person performing the services completes information security and data protection awareness training before being granted access to Customer Data and at least annually thereafter, ' +
      'including training on recognising and reporting phishing and security incidents, and shall keep records of completion available for the Customer\u2019s review.',
    controlIds: ['6.3', '6.8'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'logging-monitoring',
    title: 'Logging and monitoring',
    text:
      'The Provider shall log security-relevant events on systems that store or process Customer Data, including authentication, privileged activity and access to Customer Data, ' +
      'shall protect those logs against tampering, synchronise system clocks to a reliable time source, monitor the logs for anomalous activity and retain them for at least {{logRetentionMonths}} months. ' +
      'The Provider shall make relevant log extracts available to the Customer on request.',
    controlIds: ['8.15', '8.16', '8.17'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'vulnerability-management',
    title: 'Vulnerability and patch management',
    text:
      'The Provider shall scan systems used to provide the services for technical vulnerabilities at least monthly, shall protect them against malware, ' +
      'and shall apply security patches rated critical within {{criticalPatchDays}} days of their release, and other security patches within a period proportionate to the risk. ' +
      'The Provider shall have systems exposed to the internet penetration tested by a qualified independent tester at least annually and shall share a summary of the results with the Customer.',
    controlIds: ['8.7', '8.8', '8.9', '8.19'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'business-continuity',
    title: 'Business continuity and recovery',
    text:
      'The Provider shall maintain, and test at least annually, business continuity and disaster recovery plans for the services that achieve a recovery time objective of {{rtoHours}} hours and a recovery point objective of {{rpoHours}} hours. ' +
      'The Provider shall back up Customer Data so as to meet the recovery point objective, protect backups to the same standard as the original data, and share a summary of each test and its results with the Customer.',
    controlIds: ['5.29', '5.30', '8.13', '8.14'],
    findingCodes: [],
    when: 'always',
  },
  {
    key: 'cloud-services',
    title: 'Use of cloud services',
    text:
      'Where the Provider uses cloud services to store or process Customer Data, it shall use only cloud service providers that hold a current ISO/IEC 27001 certification or equivalent independent assurance, ' +
      'shall configure those services in accordance with documented secure baselines, shall restrict data storage to {{dataLocations}}, and shall ensure it can retrieve and delete Customer Data from them on exit.',
    controlIds: ['5.23', '8.9'],
    findingCodes: [],
    when: { usesCloud: true },
  },
  {
    key: 'data-leakage-prevention',
    title: 'Data leakage prevention and masking',
    text:
      'The Provider shall apply data leakage prevention measures to the systems, networks and endpoints used to handle Customer Data, including controls on removable media, e-mail, file transfer and printing. ' +
      'The Provider shall mask or truncate payment card numbers and other personal data in any display, report or non-production environment where the full data is not required.',
    controlIds: ['8.11', '8.12'],
    findingCodes: [],
    when: { dataCategories: ['payment_card', 'personal_data'] },
  },
  {
    key: 'privacy-pii',
    title: 'Protection of personal data',
    text:
      'The Provider shall process personal data only on the Customer\u2019s documented instructions and in accordance with applicable data protection law, ' +
      'and shall assist the Customer with data subject requests, data protection impact assessments and notifications to supervisory authorities.',
    controlIds: ['5.31', '5.34'],
    findingCodes: [],
    when: { dataCategories: ['personal_data', 'health'] },
  },
  {
    key: 'secure-development',
    title: 'Secure software development',
    text:
      'Where the Provider develops or changes software for the Customer, it shall follow a documented secure development life cycle that includes security requirements, secure coding standards, peer code review, ' +
      'security testing before acceptance, separation of development, test and production environments, controlled change management and restricted access to source code. ' +
      'The Provider shall not use production Customer Data for testing without the Customer\u2019s written approval.',
    controlIds: ['8.4', '8.25', '8.26', '8.28', '8.29', '8.31', '8.32', '8.33'],
    findingCodes: [],
    when: { developsSoftware: true },
  },
  {
    key: 'remote-work',
    title: 'Remote working',
    text:
      'Where personnel perform the services remotely, the Provider shall permit access only from Provider-managed endpoint devices with full-disk encryption, current anti-malware and patching, ' +
      'through an encrypted connection with multi-factor authentication; shall prohibit the local storage, printing and screen capture of Customer Data; and shall require a private working space with a clear desk and clear screen.',
    controlIds: ['6.7', '7.7', '7.9', '8.1'],
    findingCodes: [],
    when: { remoteWork: true },
  },
];
