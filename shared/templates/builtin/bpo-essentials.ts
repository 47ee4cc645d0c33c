import type { TemplateContentInput } from '../../schemas/template';
import { gate, singleChoice, whenYes, yesNo } from './question-builders';

const req = { evidence: 'required' } as const;
const opt = { evidence: 'optional' } as const;
/** What a buyer of contact-centre or back-office services must see proven: weight 2, proof required, never n.a. */
const key2 = { weight: 2, evidence: 'required', allowNa: false } as const;

/**
 * *BPO essentials*: the questions that matter in a delivery centre (contact
 * centre or back office), mapped to ISO/IEC 27002:2022 controls. Card-payment
 * questions are shown only when agents take card data over the phone.
 */
export const bpoEssentials: TemplateContentInput = {
  name: 'BPO essentials',
  description:
    'A short assessment of a contact centre or back-office delivery centre: people, the delivery floor, remote work, access, data protection, incidents and continuity, the end of the data life cycle, sub-contractors, call recording and card payments. Each question is mapped to ISO/IEC 27002:2022 controls.',
  sections: [
    {
      key: 'bpo-people',
      title: 'People',
      description: 'Who is hired, what they sign and what they are taught.',
      questions: [
        singleChoice(
          'bpo-screening',
          ['6.1'],
          'What background screening is completed before agents, team leads and contractors get access to client information?',
          'A good answer lists the checks (identity, right to work, employment history, education, criminal record where lawful), the screening provider, and confirms that checks finish before access is granted, including for temporary staff. Evidence: the screening policy and screening records for a sample of recent hires, with completion dates before their access grant dates.',
          [
            ['full-before-access', 'Identity, right to work, employment history, education and criminal record (where lawful), completed before access, temporary staff included', 1],
            ['partial', 'Identity and employment history only, or checks completed after the agent starts', 0.5],
            ['none', 'No background screening', 0],
          ],
          key2,
        ),
        yesNo(
          'bpo-confidentiality',
          ['6.6', '6.2'],
          'Do all agents, team leads, contractors and visitors with access to client information sign a confidentiality agreement that reflects the client\'s requirements, with confidentiality lasting beyond the end of employment?',
          'A good answer says who signs, when, and where signed copies are kept. Evidence: the confidentiality agreement template and signed copies for a sample of agents.',
          opt,
        ),
        singleChoice(
          'bpo-training',
          ['6.3'],
          'How are agents trained in security and in the client\'s data-handling rules?',
          'A good answer covers general awareness (phishing, social engineering by phone, clear desk, reporting) and client-specific rules (what agents may see, note or transfer), delivered before go-live and refreshed annually, with completion tracked. Evidence: the training outline, the client-specific module and the completion report for the agents on the account.',
          [
            ['tracked-annual', 'Before go-live and at least annually, with client-specific content, a test and tracked completion', 1],
            ['annual', 'Before go-live and annually, without client-specific content or completion tracking', 0.5],
            ['onboarding', 'At onboarding only', 0.25],
            ['none', 'No formal security training', 0],
          ],
          key2,
        ),
        yesNo(
          'bpo-disciplinary',
          ['6.4'],
          'Are breaches of floor rules and data-handling rules (phones on the floor, copying or photographing client data) handled through a disciplinary process that agents know about and that is applied consistently?',
          'A good answer explains the sanctions and gives recent case numbers. Evidence: the disciplinary policy and anonymised statistics of security-related cases for the last 12 months.',
          opt,
        ),
      ],
    },
    {
      key: 'bpo-floor',
      title: 'The delivery floor',
      description: 'Physical entry, visitors, monitoring, devices and paper on the floor.',
      questions: [
        yesNo(
          'bpo-physical-entry',
          ['7.2', '7.1'],
          'Is entry to the production floor controlled by individual badges or biometrics with anti-tailgating measures (turnstiles, mantraps or guards), with zone access reviewed and entry logs kept for at least 90 days?',
          'A good answer describes the entry points of each delivery site and who administers badges. Evidence: an access-control system report of zones and access groups, the log retention setting and the last review of zone access.',
          key2,
        ),
        yesNo(
          'bpo-visitors',
          ['7.2'],
          'Are visitors (including client staff, auditors, cleaners and maintenance contractors) identified, registered, badged, escorted at all times on the production floor and signed out?',
          'A good answer describes the visitor procedure and how escorting is enforced. Evidence: the visitor procedure and samples of the visitor log.',
          req,
        ),
        yesNo(
          'bpo-cctv',
          ['7.4'],
          'Do CCTV cameras cover the entrances and the production floor, with footage kept for at least 30 days (or as the contract requires) and reviewed after incidents?',
          'A good answer gives the coverage, the retention and who may view footage. Evidence: the camera coverage plan and the recorder retention setting.',
          opt,
        ),
        yesNo(
          'bpo-mobile-phones',
          ['7.6', '8.12'],
          'Are personal mobile phones, smartwatches, bags, pens and paper banned from the production floor where agents see client data, with lockers provided, checks at the floor entrance and regular floor walks?',
          'A good answer describes the rules, the exceptions (for example team leads with company phones) and how often compliance is checked. Evidence: the floor rules and floor-walk or entry-check records for the last quarter.',
          key2,
        ),
        yesNo(
          'bpo-clear-desk',
          ['7.7', '7.8'],
          'Is clear desk and clear screen enforced: screens lock after at most 5 minutes of inactivity, privacy filters where screens can be overlooked, no client data on paper left on desks, and compliance checked by floor walks?',
          'A good answer gives the configured screen-lock time and the floor-walk frequency and findings. Evidence: the screen-lock setting (group policy or MDM) and floor-walk checklists with findings.',
          req,
        ),
      ],
    },
    {
      key: 'bpo-remote',
      title: 'Remote work',
      description: 'Work from home and hybrid agents.',
      questions: [
        singleChoice(
          'bpo-remote-work',
          ['6.7', '8.1'],
          'Can agents work on the client\'s account from home, and how is that controlled?',
          'A good answer describes the devices, the network access, the restrictions on local storage, printing and USB, and how the home workspace is checked. Choose "not permitted" only if no one works on the account outside the delivery sites, and say so in the comment. Evidence: the remote working policy, the VPN or zero-trust and device-control configuration, and workspace attestations for a sample of remote agents.',
          [
            ['not-permitted', 'Remote work is not permitted on the account', null],
            ['managed-restricted', 'Managed devices or VDI only, MFA, no local storage, printing or USB', 1],
            ['managed', 'Managed devices with MFA, but local storage or printing not restricted', 0.5],
            ['uncontrolled', 'Personal devices or access without MFA', 0],
          ],
          { ...req, weight: 2 },
        ),
        yesNo(
          'bpo-remote-workspace',
          ['6.7', '7.7'],
          'For agents working from home, is the workspace checked before they start and re-attested periodically (private room, nobody else able to see or hear client data, no recording devices), with supervisor spot checks where the client requires them?',
          'A good answer describes the checklist, the re-attestation period and the spot-check method. Evidence: the home-workspace checklist and completed attestations for a sample of remote agents.',
          { ...req, condition: { questionKey: 'bpo-remote-work', anyOf: ['managed-restricted', 'managed', 'uncontrolled'] } },
        ),
      ],
    },
    {
      key: 'bpo-access',
      title: 'Access',
      description: 'Accounts on the provider\'s and the client\'s systems.',
      questions: [
        yesNo(
          'bpo-provisioning',
          ['5.15', '5.16', '5.18'],
          'Does every agent get an individual account (no shared logins, also on client-provided tools and the telephony platform), with access requested by ticket, approved by the team lead and limited to the client and queues they work on?',
          'A good answer explains the role model per client and who approves. Evidence: the access control policy, the role matrix for the account and the tickets of a sample of recent joiners.',
          key2,
        ),
        yesNo(
          'bpo-leavers',
          ['5.18', '6.5'],
          'Are the accounts of leavers (including on client systems) disabled within 24 hours of their last working day, and access removed when agents move to another account?',
          'A good answer gives the measured delay between the HR leaving date and disablement, and says how the client is told to disable accounts on its own systems. Evidence: for a sample of leavers and movers from the last quarter, HR dates against the directory and client-system disablement timestamps.',
          key2,
        ),
        singleChoice(
          'bpo-access-review',
          ['5.18'],
          'How often are agents\' access rights to client systems reviewed by the account owner?',
          'A good answer names the reviewer and shows that removals decided in the review were carried out. Evidence: access review records for the last two quarters showing the reviewer, the accounts reviewed, the removals decided and the tickets closing them.',
          [
            ['monthly', 'Monthly', 1],
            ['quarterly', 'Quarterly', 0.75],
            ['semi-annual', 'Every six months', 0.5],
            ['annual', 'Once a year', 0.25],
            ['never', 'Not reviewed', 0],
          ],
          key2,
        ),
        yesNo(
          'bpo-privileged',
          ['8.2', '5.18'],
          'Are administrator and supervisor-level accounts (directory, telephony platform, CRM, call recording) limited to named people, separate from their everyday accounts, protected by MFA, logged and reviewed at least quarterly?',
          'A good answer gives the number of privileged accounts and how their use is reviewed. Evidence: the list of privileged accounts with owners and the last privileged access review.',
          key2,
        ),
        yesNo(
          'bpo-mfa',
          ['8.5', '5.17'],
          'Is multi-factor authentication enforced for all remote access, all privileged access, email and the cloud applications used on the account?',
          'A good answer lists the systems covered and any exceptions with their reason. Evidence: the identity provider\'s MFA or conditional access policies and the MFA registration report.',
          key2,
        ),
      ],
    },
    {
      key: 'bpo-data-protection',
      title: 'Data protection on the desktop and network',
      description: 'Endpoints, leakage channels, encryption, malware, patching and logging.',
      questions: [
        yesNo(
          'bpo-agent-desktop',
          ['8.1', '8.9', '8.19'],
          'Do agents work on hardened, centrally managed desktops (thin clients or VDI preferred) without local administrator rights, without client data stored locally and without the ability to install software?',
          'A good answer describes the desktop build and how it is kept compliant. Evidence: the desktop baseline and an endpoint compliance report.',
          req,
        ),
        yesNo(
          'bpo-dlp',
          ['8.12', '8.23'],
          'Are data leakage channels closed or monitored on agent desktops: personal email, webmail, messaging and file-sharing sites blocked, uploads and outbound email inspected by DLP, copy-paste and screen capture restricted where the client requires, with alerts reviewed?',
          'A good answer lists each channel and whether it is blocked or monitored, and who reviews alerts. Evidence: the web filter and DLP policy configuration and a sample of alerts with their handling.',
          key2,
        ),
        yesNo(
          'bpo-removable-media',
          ['7.10', '8.12'],
          'Are USB storage, phone tethering and other removable media blocked on agent desktops by device control, with exceptions approved and logged?',
          'A good answer names the device-control tool and the exception process. Evidence: the device-control policy configuration and the list of approved exceptions.',
          req,
        ),
        yesNo(
          'bpo-printing',
          ['8.12', '7.7'],
          'Is printing disabled for agents by default, and where a process needs it, restricted to secure pull printing with print jobs logged and paper shredded on site?',
          'A good answer says which processes print and how print-outs are controlled. Evidence: the print policy configuration and shredding or disposal records.',
          opt,
        ),
        yesNo(
          'bpo-encryption',
          ['8.24'],
          'Is client information encrypted in transit (TLS 1.2 or later, encrypted VPN or VDI protocols) and at rest on servers, databases, backups, recordings and laptops, with keys managed and access to them restricted?',
          'A good answer states the algorithms and where keys are held. Evidence: the cryptography policy, the encryption settings of the main data stores and a TLS scan of external services.',
          key2,
        ),
        yesNo(
          'bpo-malware',
          ['8.7'],
          'Is EDR or anti-malware running on every desktop and server, centrally managed, protected against being disabled, with alerts monitored?',
          'A good answer gives coverage against the inventory and who handles alerts. Evidence: the EDR console coverage report.',
          req,
        ),
        singleChoice(
          'bpo-patching',
          ['8.8'],
          'Within what time are critical security patches applied to agent desktops and internet-facing systems?',
          'A good answer states the deadlines and the compliance actually achieved. Evidence: the patch policy and patch compliance reports for the last three months.',
          [
            ['7d', 'Within 7 days', 1],
            ['14d', 'Within 14 days', 0.75],
            ['30d', 'Within 30 days', 0.5],
            ['longer', 'Longer, or no defined deadline', 0],
          ],
          key2,
        ),
        yesNo(
          'bpo-logging',
          ['8.15'],
          'Are agents\' logons, access to and exports of client data, and administrator actions logged centrally, protected from tampering and kept for at least 12 months?',
          'A good answer lists the logged systems and the retention. Evidence: the SIEM source list and its retention configuration.',
          req,
        ),
        yesNo(
          'bpo-monitoring',
          ['8.16'],
          'Are those logs monitored for misuse (bulk look-ups, access outside shift hours, unusual exports) by a SOC or equivalent, with alerts triaged within defined times?',
          'A good answer names the use cases monitored and the triage times. Evidence: the monitoring use-case list and a sample of alerts with their triage.',
          opt,
        ),
      ],
    },
    {
      key: 'bpo-incidents-continuity',
      title: 'Incidents and continuity',
      description: 'When something goes wrong.',
      questions: [
        yesNo(
          'bpo-incident-response',
          ['5.24', '5.25', '5.26'],
          'Is there an incident response plan covering the incidents typical of a delivery centre (misdirected data, agent fraud, lost device, phishing, ransomware), with severity criteria, escalation and client notification, exercised in the last 12 months?',
          'A good answer names the incident manager role and describes the last exercise. Evidence: the incident response plan and the report of the last exercise.',
          key2,
        ),
        singleChoice(
          'bpo-breach-notification',
          ['5.24', '5.26'],
          'Within what time do you commit to notify the client after confirming a security incident affecting its information?',
          'A good answer states the deadline as written in the contract or incident procedure and who notifies the client. Evidence: the contract clause or procedure and (redacted) past notifications if any.',
          [
            ['24h', 'Within 24 hours', 1],
            ['48h', 'Within 48 hours', 0.75],
            ['72h', 'Within 72 hours', 0.5],
            ['none', 'No fixed commitment', 0],
          ],
          key2,
        ),
        singleChoice(
          'bpo-continuity',
          ['5.30', '5.29'],
          'How is continuity of the client\'s service tested (site loss, telephony or network outage, mass work from home)?',
          'A good answer gives the agreed recovery time, the alternate capacity (second site or work from home) and the result of the last test, including whether security controls stayed in place. Evidence: the continuity plan for the account and the last test report with measured recovery times.',
          [
            ['full-test', 'Switch-over to the alternate site or work from home tested at least annually, meeting the agreed recovery time', 1],
            ['partial-test', 'Partial technical tests only', 0.5],
            ['tabletop', 'Tabletop exercise only', 0.25],
            ['untested', 'Not tested', 0],
          ],
          key2,
        ),
        yesNo(
          'bpo-backup',
          ['8.13'],
          'Is client information (including recordings and case data you hold) backed up, encrypted, with an offline or immutable copy, and restores tested at least annually?',
          'A good answer gives the backup frequency, retention and the last restore test. Evidence: the backup policy and the record of the last restore test.',
          req,
        ),
      ],
    },
    {
      key: 'bpo-lifecycle-suppliers',
      title: 'End of the data life cycle and sub-contractors',
      description: 'Retention, deletion, disposal and the provider\'s own suppliers.',
      questions: [
        yesNo(
          'bpo-retention',
          ['5.33', '8.10'],
          'Is client information, including call and screen recordings and case notes, kept only as long as the client instructs, with deletion enforced by the systems rather than by hand?',
          'A good answer gives the retention per data type and how it is enforced. Evidence: the retention schedule for the account and the retention settings of the recording and case systems.',
          req,
        ),
        yesNo(
          'bpo-exit',
          ['5.11', '8.10'],
          'At the end of the engagement, will you return the client\'s information in an agreed format, delete it from all systems, backups and sub-contractors on an agreed schedule, and certify the deletion in writing?',
          'A good answer describes the exit procedure step by step. Evidence: the exit procedure and a (redacted) certificate of return and deletion from a past engagement.',
          key2,
        ),
        yesNo(
          'bpo-disposal',
          ['7.14', '8.10'],
          'Are disks, laptops, headsets with storage and paper destroyed or wiped with a verified method before disposal or re-use, with a certificate per device serial number?',
          'A good answer names the method and the disposal supplier. Evidence: the disposal procedure and certificates of destruction matched to asset serial numbers.',
          opt,
        ),
        yesNo(
          'bpo-subcontractors',
          ['5.19', '5.20', '5.21', '5.22'],
          'Are sub-contractors and suppliers that touch client information (recording platforms, CRM, staffing agencies, disposal firms) used only with the client\'s approval, assessed before use, bound by the same security obligations, and reviewed at least annually?',
          'A good answer lists the sub-contractors on the account and when each was last reviewed. Evidence: the supplier register, the flow-down clauses and the last review of the most critical sub-contractor.',
          key2,
        ),
      ],
    },
    {
      key: 'bpo-calls-payments',
      title: 'Call recording and card payments',
      description: 'Recordings and payment card data handled over the phone.',
      questions: [
        yesNo(
          'bpo-call-recording',
          ['5.33', '5.34', '8.24'],
          'Are call and screen recordings stored encrypted, accessible only to named quality and supervisor roles, with every playback and download logged, and are callers informed of recording as the law requires?',
          'A good answer names the recording platform, who may listen and how access is logged. Evidence: the recording platform\'s role configuration, an extract of its access log and the call-recording notice.',
          req,
        ),
        gate(
          'bpo-card-payments',
          'Do agents take payment card data over the phone for this client, or for any client on the same floor or systems?',
          'Answer yes if card numbers are spoken, keyed or heard by agents. This question is not scored; it only decides whether the card-payment questions are shown. Evidence: none is needed for this answer.',
        ),
        yesNo(
          'bpo-card-descoping',
          ['8.11', '8.12', '5.34'],
          'Is card data kept out of agents\' hearing, screens and recordings, by DTMF masking or an IVR payment step, or at least by automatic (not agent-triggered) pause and resume of recording, so that card numbers and security codes are never recorded?',
          'A good answer names the method and shows that security codes never reach recordings or notes. Evidence: the payment solution description and a test of a recording made during a payment.',
          { ...key2, condition: whenYes('bpo-card-payments') },
        ),
        yesNo(
          'bpo-pci-dss',
          ['5.31', '7.6'],
          'Is the card-payment environment covered by a current PCI DSS Attestation of Compliance for the service you provide, and are agents on payment floors prevented from writing card data down (no pens or paper, no phones)?',
          'A good answer gives the PCI DSS level, the assessor and the date of the attestation. Evidence: the current PCI DSS Attestation of Compliance and the floor rules for payment areas.',
          { ...key2, condition: whenYes('bpo-card-payments') },
        ),
      ],
    },
  ],
};
