import type { Period, PeriodUnit } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';
import { L, P } from '../definition.js';

const base = { version: 1, effective: {}, domain: 'interrogation', caseKind: 'both' } as const;

/**
 * The AV table [D] of INTV_AV_MANDATORY (CPL art.123; MPS-C art.208): categories whose band
 * includes life imprisonment or death, organised crime and serious drug crime, as GA 240.1 prefixes.
 */
const AV_CATEGORY_PREFIXES = [
  '01', '020101', '020102', '020103', '020104', '020109', '020120', '0203', '0208',
  '040101', '040103', '040105', '040110', '040112', '0501', '060139', '060701', '060702', '060703', '060704',
].join(',');

/** Catalogue §9: interrogation, questioning and transcripts (讯问 / 询问 / 笔录). */
export const INTERROGATION_RULES: RuleDefinition[] = [
  {
    ...base, id: 'INTV_TWO_OFFICERS', kind: 'state', core: true,
    name: L('讯问询问不少于二人', 'Two officers'),
    description: L('讯问犯罪嫌疑人、询问行政违法嫌疑人等执法活动应由两名以上民警进行，辅警不计入。', 'An interrogation or administrative questioning is conducted by at least two police officers; auxiliaries do not count.'),
    trigger: { events: ['interrogation.started'], condition: "kind 'interrogation', or 'questioning' in an administrative case" },
    compliance: { checks: ["≥ 2 distinct 'interrogator' officers, role not 'auxiliary'", "where officers' positions show positioning in the session's venue during the session, each sworn interrogator positioned there from start to end (gaps ≤ presenceToleranceMinutes), judged at the session's end"] },
    exceptions: ['administrative reception, registration, evidence intake, mediation, service: one officer + auxiliaries with full AV'],
    severity: { violation: 'S1' }, basis: [{ law: 'CPL', article: 'art.118' }, { law: 'MPS-C', article: 'art.202' }, { law: 'MPS-A', article: 'art.52' }, { law: 'APL', article: 'art.42' }], grade: 'V-text',
    parameters: {
      presenceToleranceMinutes: { default: 1, description: L('定位记录允许的离开时间（分钟）', 'Minutes an interrogator may be missing from the positioning') },
    },
    statusNote: 'Partial (§10.3): co-presence needs officers\' positions (their own area events) in the session\'s room; the venue feed delivers them only for rooms the case\'s persons used by area records, and video is not analysed; without positions it is "unverified".',
  },
  {
    ...base, id: 'INTV_SEPARATE_SESSIONS', kind: 'prohibition', core: false,
    name: L('分别讯问、询问', 'Separate sessions'),
    description: L('同案嫌疑人应分别讯问，证人、被害人应分别询问。', 'Co-suspects are interrogated separately and witnesses and victims questioned separately.'),
    trigger: { events: ['interrogation.started'] },
    compliance: { checks: ['no session of another person (not the same human) in the same venue overlapping by more than toleranceSeconds', "sites (room_type 'other') are not rooms and are not judged", 'a session without an end runs until T, at most 24 h'] },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.202(2), 210(2)' }, { law: 'MPS-A', article: 'art.72' }], grade: 'V-text',
    parameters: { toleranceSeconds: { default: 60, description: L('允许的时间重叠（秒，系统间时钟误差）', 'Overlap tolerated, in seconds (clock lag between systems)') } },
    statusNote: 'Partial: only sessions of the same case are compared (a group holds one case); persons questioned together at a site (room_type other) cannot be told apart from separate questioning there.',
  },
  {
    ...base, id: 'INTV_FIRST_RIGHTS_NOTICE', kind: 'deadline', core: true,
    name: L('第一次讯问告知诉讼权利', 'Rights notice at first interrogation'),
    description: L('第一次讯问时应告知诉讼权利、如实供述从宽和认罪认罚规定及委托律师、法律援助的权利。', 'At the first interrogation the suspect is told their procedural rights, leniency for confession, admission-of-guilt rules and the right to a lawyer and legal aid.'),
    trigger: { events: ['interrogation.started'], condition: "the subject's first session" },
    compliance: { events: ['notice.served'], documents: ['犯罪嫌疑人诉讼权利义务告知书', '行政案件权利义务告知书'], checks: ["notice_type 'rights_notice' to the subject no later than the session's interrogation.ended"] },
    severity: { violation: 'S2' }, basis: [{ law: 'CPL', article: 'art.34, 120' }, { law: 'MPS-C', article: 'art.43, 203, 211' }, { law: 'MPS-A', article: 'art.74' }], grade: 'V-text',
  },
  {
    ...base, id: 'INTV_FIRST_IDENTITY_FIELDS', kind: 'document', core: false,
    name: L('首次笔录身份信息', 'Identity fields in the first record'),
    description: L('第一次讯问、询问应问明姓名、出生日期、户籍、住址、身份证件、人大代表身份及违法犯罪经历等。', 'The first record asks name, birth date, registered and current address, ID, deputy status and past record.'),
    trigger: { events: ['interrogation.started'], condition: "the subject's first session as a suspect (first_time not false); judged at its end, again on change" },
    compliance: { checks: ['person birth_date and id_number known', 'npc_deputy is a flag: never sent = not a deputy (§5.2)', 'identity recorded as unknown (exception or approval reason identity_unknown): not judged'] },
    severity: { violation: 'S4' }, basis: [{ law: 'MPS-C', article: 'art.203(3)' }, { law: 'MPS-A', article: 'art.73' }], grade: 'V-text',
    statusNote: 'Partial: the contract carries birth_date and id_number (name is required anyway; npc_deputy is a flag whose absence is not a finding); aliases, addresses, native place, ethnicity, occupation, education, employer, family, CPPCC membership, past record and foreigners\' passport, visa and entry details are not in the interchange §6.',
  },
  {
    ...base, id: 'INTV_TRANSCRIPT_SIGNATURES', kind: 'document', core: true,
    name: L('笔录签名捺印', 'Transcript signatures'),
    description: L('笔录应交被讯问人核对，逐页签名捺印，末页写明"以上笔录我看过（或向我宣读过），和我说的相符"，讯问人、翻译人签名。', 'The person reads, signs and fingerprints every page and writes the confirmation phrase on the last page; officers and any interpreter sign.'),
    trigger: { events: ['document.filed', 'interrogation.ended'], condition: '讯问笔录/询问笔录 becomes present; again on change' },
    compliance: { documents: ['讯问笔录', '询问笔录'], checks: ['signed_pages = pages or refusal_noted', 'criminal: has_confirmation_phrase or refusal_noted', 'officer_signatures ≥ 2', "interpreter_signed if an 'interpreter' took part", 'unknown counts → S4'] },
    severity: { violation: 'S2' }, basis: [{ law: 'CPL', article: 'art.122' }, { law: 'MPS-C', article: 'art.205–207, 212' }, { law: 'MPS-A', article: 'art.77, 80' }, { law: 'PSAPL', article: 'art.84' }], grade: 'V-text',
  },
  {
    ...base, id: 'INTV_AV_MANDATORY', caseKind: 'criminal', kind: 'deadline', core: true,
    name: L('讯问同步录音录像', 'Mandatory interrogation AV'),
    description: L('可能判处无期徒刑、死刑或其他重大犯罪案件的每次讯问应全程同步录音录像，不得选择性录制或剪辑。', 'Every interrogation in cases carrying life imprisonment, death or other listed grave crimes is recorded on AV in full, with no selective recording or editing.'),
    trigger: { events: ['interrogation.started'], condition: "kind 'interrogation' where case.av_required, category in the AV table, or (AV2014 extended) subject deaf_mute, mentally_impaired, < 18 or non-local language" },
    compliance: { events: ['interrogation.ended'], checks: ["'interrogation_av' media covering start → end, gaps within tolerance"] },
    limit: { ...P(24, 'h'), custodial: 'never' },
    severity: { violation: 'S1' }, basis: [{ law: 'CPL', article: 'art.123' }, { law: 'MPS-C', article: 'art.208, 352(2)' }, { law: 'AV2014', article: 'art.3–4' }], grade: 'V-text',
    parameters: {
      gapToleranceSeconds: { default: 30, description: L('允许的录像间隙（秒）', 'Allowed recording gap in seconds') },
      checkAfterHours: { default: 24, description: L('讯问结束后检查时点（小时）', 'Hours after the session at which the check runs') },
      extendedCategories: { default: true, description: L('是否适用AV2014扩展情形（聋哑、精神障碍、未成年、不通晓当地语言）', 'Apply the AV2014 extended categories (deaf or mute, mentally impaired, under 18, non-local language)') },
      avCategoryPrefixes: {
        default: AV_CATEGORY_PREFIXES,
        description: L('应全程录音录像的案件类别（GA 240.1 代码前缀，逗号分隔：危害国家安全，放火、决水、爆炸、投放危险物质，恐怖活动，抢劫枪支弹药，故意杀人，故意伤害，强奸，绑架，拐卖妇女儿童，抢劫，黑社会性质组织，走私贩卖运输制造毒品）',
          'Case categories whose interrogations are AV-recorded (GA 240.1 code prefixes, comma-separated: national security; arson, flooding, explosion, poisoning; terrorism; robbing firearms; homicide; intentional injury; rape; kidnapping; trafficking; robbery; organised crime; drug trafficking)'),
      },
      localLanguage: { default: 'zh', description: L('当地通用语言代码（BCP 47 主标签）', 'Local language code (BCP 47 primary subtag)') },
    },
    statusNote: 'Partial (§10.3): sentencing band and "likely retraction / media risk" enter only through `av_required` and the category table.',
  },
  {
    ...base, id: 'INTV_AV_TRANSCRIPT_CONSISTENCY', kind: 'state', core: false,
    name: L('笔录与录像一致', 'Transcript–AV consistency'),
    description: L('笔录时间应在录像时间内，民警不得同时出现在两处，嫌疑人不得同时在两地被讯问。', 'Transcript times lie inside the recording, and no officer or suspect is in two sessions or places at once.'),
    trigger: { events: ['interrogation.ended'], condition: 'each check when its records exist: 笔录 times and AV; sessions; positioning; area; person.jailed' },
    compliance: { checks: ["笔录 started_at/ended_at inside the span of the session's interrogation_av (linked by media, else of the venue) ± toleranceSeconds", 'no interrogator in another session or positioned in another room at once', 'no person in another session (another 笔录) or another area room at once', "no session overlapping transport to 看守所 (area.exited final 'to_jail' → person.jailed)"] },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.202, 208' }], grade: 'D',
    parameters: { toleranceSeconds: { default: 60, description: L('允许的时间误差（秒）', 'Time tolerance in seconds') } },
    statusNote: 'Partial: whether the named officers appear in the video is not analysed; only sessions of the same case and officer positions in rooms the case\'s persons used are delivered with the group.',
  },
  {
    ...base, id: 'INTV_JUVENILE_GUARDIAN', kind: 'state', core: true,
    name: L('讯问询问未成年人通知监护人到场', 'Guardian present for minors'),
    description: L('讯问、询问未成年人应通知法定代理人到场，无法通知的通知其他合适成年人到场并记录。', 'When a minor is questioned the guardian is notified and present, or another appropriate adult, and this is recorded.'),
    trigger: { events: ['interrogation.started'], condition: 'subject < 18' },
    compliance: { checks: ["≥ 1 'guardian' present (guardian_absent_reason alone does not comply)"] },
    severity: { violation: 'S1' }, basis: [{ law: 'CPL', article: 'art.281' }, { law: 'MPS-C', article: 'art.320, 323–326' }, { law: 'MPS-A', article: 'art.75' }, { law: 'PSAPL', article: 'art.84(3)' }], grade: 'V-text',
  },
  {
    ...base, id: 'INTV_INTERPRETER', kind: 'state', core: true,
    name: L('聋哑人及不通晓当地语言者配翻译', 'Interpreter present'),
    description: L('讯问聋哑人或不通晓当地语言文字的人应有翻译人员参加，并在笔录中注明且由翻译签名。', 'A deaf or mute person or one not speaking the local language is questioned with an interpreter, noted in and signed on the record.'),
    trigger: { events: ['interrogation.started'], condition: 'subject deaf_mute or language not local' },
    compliance: { documents: ['讯问笔录', '询问笔录'], checks: ["≥ 1 'interpreter'", '笔录 interpreter_signed'] },
    severity: { violation: 'S2' }, basis: [{ law: 'MPS-C', article: 'art.11, 204' }, { law: 'MPS-A', article: 'art.76' }, { law: 'PSAPL', article: 'art.86' }], grade: 'V-text',
    parameters: { localLanguage: { default: 'zh', description: L('当地通用语言代码', 'Local language code') } },
  },
  {
    ...base, id: 'INTV_WITNESS_OFFSITE_NOTICE', caseKind: 'criminal', kind: 'document', core: false,
    name: L('异地询问证人出示通知书', 'Off-site witness questioning notice'),
    description: L('在现场以外询问证人、被害人的，应经办案部门负责人批准并出示询问通知书。', 'Questioning a witness or victim away from the scene needs the unit head\'s approval and a questioning notice.'),
    trigger: { events: ['interrogation.started'], condition: "kind 'questioning' of a witness or victim away from the scene" },
    compliance: { events: ['approval.granted'], documents: ['询问通知书'] },
    severity: { violation: 'S4' }, basis: [{ law: 'MPS-C', article: 'art.210' }], grade: 'V-text',
    statusNote: 'Not checkable: the contract cannot tell the scene from the witness\'s workplace, home or chosen place (all are venues of room_type `other`; the 笔录 `location` is free text), and approval.granted has no purpose for off-site questioning.',
  },
  {
    ...base, id: 'INTV_E_SIGNATURE_RECORDED', caseKind: 'criminal', kind: 'document', core: false,
    name: L('电子签名同步录像', 'E-signature recorded on AV'),
    description: L('在电子笔录上电子签名、捺印的，应同步录音录像。', 'Electronic signing or fingerprinting of an e-transcript is recorded on AV at the same time.'),
    trigger: { events: ['document.filed'], condition: 'electronic signature on an e-笔录' },
    compliance: { checks: ['AV covering the signing'] },
    severity: { violation: 'S3' }, basis: [{ law: 'MPS-C', article: 'art.387' }], grade: 'V-text',
    statusNote: 'Not checkable: documents carry no flag for an electronic signature or fingerprint (interchange §6), and no media record is tied to the signing.',
  },
];
