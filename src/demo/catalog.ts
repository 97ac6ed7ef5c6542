/**
 * What the demo city's incidents are and what cases they become: 110 alarm types with their
 * share of calls and outcome, and case profiles (GA 240.1 criminal categories, local 治安 案由
 * codes) with how suspects are found and which measures follow.
 *
 * Every incident of a criminal or 治安 alarm type becomes a case (INC_CASE_TYPE_NOT_CONVERTED);
 * 治安纠纷 calls are settled on the spot as disputes.
 */
import { loadAlarmTypes, loadCriminalCategories } from './reference.js';

export type Nature = 'criminal' | 'public_order' | 'dispute' | 'help' | 'traffic' | 'invalid' | 'other';

export interface AlarmType {
  code: string;
  name: string;
  /** Calls per 100. */
  weight: number;
  nature: Nature;
  /** Case profiles this alarm type turns into, with weights. */
  cases?: [key: string, weight: number][];
  /** Share of reports made in person at the station / online. */
  walkIn?: number;
  online?: number;
  /** Share needing urgent handling before registration (offence in progress). */
  urgent?: number;
}

export type SuspectFlow = 'on_scene' | 'later' | 'unknown';

export interface CaseProfile {
  key: string;
  kind: 'criminal' | 'administrative';
  category: string;
  charge: string;
  /** Title after the lead name: 「{name}被盗案」. */
  title: string;
  /** Title names the victim rather than the suspect. */
  titleByVictim?: boolean;
  unit: 'station' | 'brigade';
  brigade?: number;
  victim: boolean;
  suspects: [min: number, max: number];
  flow: Record<SuspectFlow, number>;
  /** Criminal: share of caught suspects detained; administrative: share given 行政拘留. */
  detain: number;
  loss?: [median: number, min: number, max: number];
  /** Kinds of property seized from suspects (see property.ts). */
  seize?: string[];
  freeze?: boolean;
  avRequired?: boolean;
  /** Share of criminal reports not filed (不予立案). */
  notFiled?: number;
}

const f = (onScene: number, later: number, unknown: number): Record<SuspectFlow, number> => ({
  on_scene: onScene, later, unknown,
});

export const CASE_PROFILES: CaseProfile[] = [
  // Criminal (GA 240.1 codes, active in ga240-ajlb.csv).
  { key: 'theft', kind: 'criminal', category: '050200', charge: '盗窃罪', title: '被盗案', titleByVictim: true, unit: 'station', victim: true, suspects: [1, 2], flow: f(0.1, 0.25, 0.65), detain: 0.6, loss: [5000, 3000, 80000], seize: ['stolen'], notFiled: 0.06 },
  { key: 'fraud', kind: 'criminal', category: '050300', charge: '诈骗罪', title: '被电信网络诈骗案', titleByVictim: true, unit: 'station', victim: true, suspects: [1, 2], flow: f(0, 0.15, 0.85), detain: 0.8, loss: [28000, 3000, 900000], seize: ['phone'], freeze: true },
  { key: 'card_fraud', kind: 'criminal', category: '030560', charge: '信用卡诈骗罪', title: '被信用卡诈骗案', titleByVictim: true, unit: 'brigade', brigade: 3, victim: true, suspects: [1, 1], flow: f(0, 0.5, 0.5), detain: 0.7, loss: [20000, 5000, 200000], seize: ['phone'], freeze: true },
  { key: 'robbery', kind: 'criminal', category: '050100', charge: '抢劫罪', title: '被抢劫案', titleByVictim: true, unit: 'brigade', brigade: 0, victim: true, suspects: [1, 2], flow: f(0.3, 0.5, 0.2), detain: 1, loss: [3000, 200, 30000], seize: ['weapon', 'stolen'], avRequired: true },
  { key: 'snatch', kind: 'criminal', category: '050400', charge: '抢夺罪', title: '被抢夺案', titleByVictim: true, unit: 'station', victim: true, suspects: [1, 1], flow: f(0.2, 0.4, 0.4), detain: 0.8, loss: [3000, 1000, 20000], seize: ['stolen'] },
  { key: 'injury', kind: 'criminal', category: '040103', charge: '故意伤害罪', title: '故意伤害案', unit: 'station', victim: true, suspects: [1, 2], flow: f(0.5, 0.4, 0.1), detain: 0.7, seize: ['weapon'] },
  { key: 'homicide', kind: 'criminal', category: '040101', charge: '故意杀人罪', title: '故意杀人案', unit: 'brigade', brigade: 0, victim: true, suspects: [1, 1], flow: f(0.5, 0.5, 0), detain: 1, seize: ['weapon'], avRequired: true },
  { key: 'rape', kind: 'criminal', category: '040105', charge: '强奸罪', title: '强奸案', unit: 'brigade', brigade: 0, victim: true, suspects: [1, 1], flow: f(0.2, 0.8, 0), detain: 1, avRequired: true },
  { key: 'unlawful_detention', kind: 'criminal', category: '040109', charge: '非法拘禁罪', title: '非法拘禁案', unit: 'brigade', brigade: 0, victim: true, suspects: [2, 3], flow: f(0.4, 0.6, 0), detain: 1 },
  { key: 'extortion', kind: 'criminal', category: '050800', charge: '敲诈勒索罪', title: '被敲诈勒索案', titleByVictim: true, unit: 'station', victim: true, suspects: [1, 1], flow: f(0, 0.6, 0.4), detain: 0.8, loss: [10000, 2000, 100000], seize: ['phone'] },
  { key: 'drunk_driving', kind: 'criminal', category: '020716', charge: '危险驾驶罪', title: '危险驾驶案', unit: 'station', victim: false, suspects: [1, 1], flow: f(1, 0, 0), detain: 0.05 },
  { key: 'provocation', kind: 'criminal', category: '060137', charge: '寻衅滋事罪', title: '寻衅滋事案', unit: 'station', victim: true, suspects: [1, 3], flow: f(0.6, 0.4, 0), detain: 0.8 },
  { key: 'affray', kind: 'criminal', category: '060136', charge: '聚众斗殴罪', title: '聚众斗殴案', unit: 'brigade', brigade: 0, victim: false, suspects: [2, 4], flow: f(0.6, 0.4, 0), detain: 1, seize: ['weapon'] },
  { key: 'obstruction', kind: 'criminal', category: '060101', charge: '妨害公务罪', title: '妨害公务案', unit: 'station', victim: false, suspects: [1, 1], flow: f(1, 0, 0), detain: 1 },
  { key: 'gambling_house', kind: 'criminal', category: '060151', charge: '开设赌场罪', title: '开设赌场案', unit: 'brigade', brigade: 1, victim: false, suspects: [2, 3], flow: f(1, 0, 0), detain: 1, seize: ['gambling_cash', 'gambling_tools'] },
  { key: 'drug_sale', kind: 'criminal', category: '060702', charge: '贩卖毒品罪', title: '贩卖毒品案', unit: 'brigade', brigade: 2, victim: false, suspects: [1, 2], flow: f(0.3, 0.7, 0), detain: 1, seize: ['drugs', 'phone'], avRequired: true },
  // Administrative 治安 cases; category = local 案由 code (Z + PSAPL 2012 article + clause).
  { key: 'assault', kind: 'administrative', category: 'Z4301', charge: '殴打他人', title: '殴打他人案', unit: 'station', victim: true, suspects: [1, 2], flow: f(0.7, 0.3, 0), detain: 0.35 },
  { key: 'damage', kind: 'administrative', category: 'Z4901', charge: '故意损毁公私财物', title: '故意损毁财物案', unit: 'station', victim: true, suspects: [1, 1], flow: f(0.5, 0.5, 0), detain: 0.15, loss: [800, 100, 2900] },
  { key: 'petty_theft', kind: 'administrative', category: 'Z4902', charge: '盗窃', title: '盗窃案', unit: 'station', victim: true, suspects: [1, 1], flow: f(0.7, 0.3, 0), detain: 0.4, loss: [600, 50, 2900], seize: ['stolen'] },
  { key: 'petty_fraud', kind: 'administrative', category: 'Z4903', charge: '诈骗', title: '诈骗案', unit: 'station', victim: true, suspects: [1, 1], flow: f(0.2, 0.8, 0), detain: 0.3, loss: [1200, 100, 2900] },
  { key: 'petty_extortion', kind: 'administrative', category: 'Z4905', charge: '敲诈勒索', title: '敲诈勒索案', unit: 'station', victim: true, suspects: [1, 1], flow: f(0.2, 0.8, 0), detain: 0.4, loss: [1000, 200, 1900] },
  { key: 'gambling', kind: 'administrative', category: 'Z7001', charge: '赌博', title: '赌博案', unit: 'station', victim: false, suspects: [2, 4], flow: f(1, 0, 0), detain: 0.2, seize: ['gambling_cash'] },
  { key: 'prostitution', kind: 'administrative', category: 'Z6601', charge: '卖淫嫖娼', title: '卖淫嫖娼案', unit: 'station', victim: false, suspects: [2, 2], flow: f(1, 0, 0), detain: 0.6 },
  { key: 'drug_use', kind: 'administrative', category: 'Z7201', charge: '吸食毒品', title: '吸毒案', unit: 'station', victim: false, suspects: [1, 1], flow: f(1, 0, 0), detain: 0.8 },
  { key: 'obstruct_duty', kind: 'administrative', category: 'Z5001', charge: '阻碍执行职务', title: '阻碍执行职务案', unit: 'station', victim: false, suspects: [1, 1], flow: f(1, 0, 0), detain: 0.6 },
  { key: 'disorder', kind: 'administrative', category: 'Z2301', charge: '扰乱单位秩序', title: '扰乱单位秩序案', unit: 'station', victim: false, suspects: [1, 2], flow: f(1, 0, 0), detain: 0.2 },
  { key: 'petty_provocation', kind: 'administrative', category: 'Z2601', charge: '寻衅滋事', title: '寻衅滋事案', unit: 'station', victim: true, suspects: [1, 2], flow: f(0.8, 0.2, 0), detain: 0.5 },
  { key: 'trespass', kind: 'administrative', category: 'Z4001', charge: '非法侵入住宅', title: '非法侵入住宅案', unit: 'station', victim: true, suspects: [1, 1], flow: f(0.5, 0.5, 0), detain: 0.3 },
  { key: 'threat', kind: 'administrative', category: 'Z4201', charge: '威胁人身安全', title: '威胁他人人身安全案', unit: 'station', victim: true, suspects: [1, 1], flow: f(0.2, 0.8, 0), detain: 0.3 },
];

const A = (code: string, name: string, weight: number, nature: Nature, rest: Partial<AlarmType> = {}): AlarmType => ({
  code, name, weight, nature, ...rest,
});

/** Built-in 110 alarm types (codes of shared/data/incident-categories/110-alarm-types.csv). */
const ALARM_TYPES: AlarmType[] = [
  A('100100', '盗窃案', 2.6, 'criminal', { cases: [['theft', 1]], walkIn: 0.3, urgent: 0.05 }),
  A('100200', '抢劫案', 0.08, 'criminal', { cases: [['robbery', 1]], urgent: 0.8 }),
  A('100300', '抢夺案', 0.12, 'criminal', { cases: [['snatch', 1]], urgent: 0.6 }),
  A('100400', '杀人案', 0.01, 'criminal', { cases: [['homicide', 1]], urgent: 1 }),
  A('100500', '伤害案', 0.35, 'criminal', { cases: [['injury', 1]], urgent: 0.5 }),
  A('100600', '诈骗案案', 1.6, 'criminal', { cases: [['fraud', 0.9], ['card_fraud', 0.1]], walkIn: 0.55, online: 0.2 }),
  A('100700', '敲诈勒索案', 0.1, 'criminal', { cases: [['extortion', 1]], walkIn: 0.5 }),
  A('100900', '强奸案', 0.02, 'criminal', { cases: [['rape', 1]], urgent: 0.5 }),
  A('101200', '贩毒案', 0.06, 'criminal', { cases: [['drug_sale', 1]] }),
  A('101800', '非法拘禁案', 0.03, 'criminal', { cases: [['unlawful_detention', 1]], urgent: 0.7 }),
  A('109900', '其它刑事案件', 0.5, 'criminal', { cases: [['drunk_driving', 0.6], ['provocation', 0.25], ['gambling_house', 0.15]] }),
  A('200100', '打架斗殴', 2.0, 'public_order', { cases: [['assault', 0.85], ['provocation', 0.1], ['affray', 0.05]], urgent: 0.3 }),
  A('200300', '妨碍公务', 0.1, 'public_order', { cases: [['obstruct_duty', 0.8], ['obstruction', 0.2]] }),
  A('200400', '扰乱秩序', 0.2, 'public_order', { cases: [['disorder', 1]] }),
  A('200500', '故意毁坏公私财物', 0.4, 'public_order', { cases: [['damage', 1]], walkIn: 0.2 }),
  A('200600', '家庭暴力', 0.4, 'public_order', { cases: [['assault', 1]], urgent: 0.2 }),
  A('200700', '赌博', 0.5, 'public_order', { cases: [['gambling', 1]] }),
  A('200800', '色情淫秽', 0.15, 'public_order', { cases: [['prostitution', 1]] }),
  A('201000', '盗窃', 0.6, 'public_order', { cases: [['petty_theft', 1]], walkIn: 0.2 }),
  A('201200', '诈骗', 0.2, 'public_order', { cases: [['petty_fraud', 1]], walkIn: 0.5 }),
  A('201300', '敲诈勒索', 0.05, 'public_order', { cases: [['petty_extortion', 1]], walkIn: 0.5 }),
  A('201400', '恐吓', 0.1, 'public_order', { cases: [['threat', 1]], walkIn: 0.4 }),
  A('201800', '非法侵入他人住宅', 0.05, 'public_order', { cases: [['trespass', 1]] }),
  A('209900', '其它治安案事件', 0.4, 'public_order', { cases: [['drug_use', 0.4], ['petty_provocation', 0.6]] }),
  A('200200', '治安纠纷', 11, 'dispute'),
  A('300100', '交通事故', 8, 'traffic'),
  A('300200', '交通违法', 2, 'traffic'),
  A('300500', '交通秩序', 2, 'traffic'),
  A('309900', '其它交通管理', 1, 'traffic'),
  A('400100', '火灾', 0.8, 'help'),
  A('400200', '抢险救援', 0.5, 'help'),
  A('500100', '走失求助', 1.5, 'help'),
  A('500200', '失物求助', 3, 'help', { walkIn: 0.3 }),
  A('500300', '开锁求助', 3, 'help'),
  A('500600', '危急病人求助', 1.5, 'help'),
  A('500800', '自杀求助', 0.4, 'help'),
  A('509900', '其它群众求助', 15, 'help'),
  A('600300', '劳动保障', 1.5, 'other'),
  A('600600', '城管执法', 1.5, 'other'),
  A('600900', '环保执法', 1.2, 'other'),
  A('601200', '民政救助', 0.5, 'help'),
  A('609900', '其它社会联动', 3, 'other'),
  A('700100', '聚众上访', 0.2, 'other'),
  A('900100', '提供线索', 0.6, 'other'),
  A('950100', '群众投诉', 1.5, 'other'),
  A('999900', '其它报警类型', 20, 'invalid'),
];

/** Nature of the long-tail alarm groups taken from the shared code list. */
const GROUP_NATURE: Record<string, Nature> = {
  '30': 'traffic', '40': 'help', '50': 'help', '60': 'other', '65': 'other', '70': 'other', '80': 'help', '90': 'other',
  '95': 'other',
};

/**
 * The alarm types in use: the built-in table restricted to codes of the shared list when it is
 * present, plus that list's other non-criminal, non-治安 types as a thin long tail.
 */
export function alarmTypes(): AlarmType[] {
  const shared = loadAlarmTypes();
  if (!shared) return ALARM_TYPES;
  const known = new Map(shared.map((t) => [t.code, t.name]));
  const used = ALARM_TYPES.filter((t) => known.has(t.code)).map((t) => ({ ...t, name: known.get(t.code) ?? t.name }));
  const have = new Set(used.map((t) => t.code));
  for (const t of shared) {
    const nature = GROUP_NATURE[t.code.slice(0, 2)];
    if (!have.has(t.code) && nature) used.push(A(t.code, t.name, 0.05, nature));
  }
  return used;
}

/** Case profiles whose criminal category is active in the shared GA 240.1 list (all when absent). */
export function caseProfiles(): Map<string, CaseProfile> {
  const active = loadCriminalCategories();
  return new Map(
    CASE_PROFILES.filter((p) => p.kind === 'administrative' || !active || active.has(p.category)).map((p) => [p.key, p]),
  );
}
