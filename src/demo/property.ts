/**
 * 涉案财物: seizure with decision, list and an attesting witness (PROP_SEIZURE_DOCS), handover to
 * a custodian who is not a case officer within 24 h (PROP_HANDOVER_24H, PROP_NO_SELF_CUSTODY),
 * freezing of fraud proceeds (PROP_FREEZE_TERM), return to victims and recovery records
 * (追赃挽损). Late handovers are planted here.
 */
import type { CaseFile } from './context.js';
import { personFacts } from './names.js';
import { HOUR, MIN } from './time.js';
import { type Officer, leaderOf, roomsOf, staffOf } from './units.js';

export interface Item {
  id: string;
  value?: number;
  /** Belongs to the victim and goes back to them. */
  returnable: boolean;
}

type Template = (cf: CaseFile) => { description: string; category: string; value?: number; returnable: boolean };

const BRANDS = ['华为', '小米', 'OPPO', 'vivo', '苹果', '荣耀'];
const STOLEN = ['电动自行车一辆', '手机一部', '黄金项链一条', '笔记本电脑一台', '电缆线一批', '现金'];

const TEMPLATES: Record<string, Template> = {
  stolen: (cf) => {
    const what = cf.rng.pick(STOLEN);
    const value = Math.max(50, Math.round((cf.loss || 1000) * cf.rng.between(0.3, 1)));
    return { description: what === '现金' ? `现金人民币${value}元` : what, category: what === '现金' ? 'cash' : 'valuables', value, returnable: true };
  },
  phone: (cf) => ({ description: `${cf.rng.pick(BRANDS)}手机一部`, category: 'phone', value: cf.rng.amount(2500, 0.5, 600, 9000, 100), returnable: false }),
  weapon: (cf) => ({ description: cf.rng.pick(['管制刀具一把', '木棍一根', '铁管一根', '水果刀一把']), category: 'weapon', returnable: false }),
  gambling_cash: (cf) => {
    const value = cf.rng.amount(3000, 0.8, 200, 50000, 10);
    return { description: `赌资人民币${value}元`, category: 'cash', value, returnable: false };
  },
  gambling_tools: (cf) => ({ description: cf.rng.pick(['自动麻将机一台', '扑克牌若干', '筹码一批']), category: 'other', returnable: false }),
  drugs: (cf) => ({ description: `疑似甲基苯丙胺${cf.rng.int(1, 30)}克`, category: 'drugs', returnable: false }),
};

/** The case's attesting witness (见证人), created at the first seizure. */
function witnessOf(cf: CaseFile, at: number): string {
  cf.witness ??= cf.person('attesting_witness', at, personFacts(cf.rng, at, { male: 0.6, minAge: 25, maxAge: 65 }));
  return cf.witness;
}

/** Seizes `kinds` from `holder` at `at` and hands them to the custodian. */
export function seize(cf: CaseFile, at: number, holder: string, kinds: string[], officers: Officer[]): Item[] {
  const { rng } = cf;
  const items = kinds.map((k) => {
    const t = TEMPLATES[k](cf);
    const id = cf.item(at, { description: t.description, category: t.category, value: t.value?.toFixed(2) }, [holder]);
    return { id, value: t.value, returnable: t.returnable };
  });
  const witness = witnessOf(cf, at - 5 * MIN);
  const [decisionType, listType, mode, copies] = cf.criminal
    ? ['扣押决定书', '扣押清单', 'seizure', 3]
    : ['证据保全决定书', '证据保全清单', 'evidence_preservation', 2];
  const decision = cf.doc(decisionType, at - rng.int(5, 20) * MIN, [holder]);
  const list = cf.doc(listType, at, [holder], { copies, subject_signed: true, witness_signed: true });
  const seized = cf.event('sacw', 'item.seized', at, { mode }, [
    ...items.map((i) => ['item', i.id] as const), ...officers.map((o) => ['officer', o.id] as const), ['witness', witness],
    ['subject', holder], ['approver', leaderOf(cf.branch.unit).id], ['document', decision], ['document', list],
  ]);
  store(cf, at, items.map((i) => i.id), seized, 'physical');
  return items;
}

/** 冻结 of an account holding fraud proceeds, six months, registered with the custodian. */
export function freeze(cf: CaseFile, at: number, holder: string): Item {
  const { rng } = cf;
  const value = Math.round(Math.max(1000, cf.loss) * rng.between(0.2, 0.9));
  const id = cf.item(at, {
    description: `涉案银行账户资金（尾号${String(rng.int(0, 9999)).padStart(4, '0')}）`, category: 'deposit', value: value.toFixed(2),
  }, [holder]);
  const notice = cf.doc('协助冻结财产通知书', at - rng.int(10, 60) * MIN, [holder]);
  const frozen = cf.event('sacw', 'item.frozen', at, { asset_kind: 'deposit', term: 'P6M' }, [
    ['item', id], ['approver', leaderOf(cf.branch.unit).id], ['document', notice],
  ]);
  store(cf, at, [id], frozen, 'registration');
  return { id, value, returnable: true };
}

function store(cf: CaseFile, at: number, items: string[], triggerId: string, storage: 'physical' | 'registration'): void {
  const { planner } = cf.world;
  const late = planner.consider('late_property_handover', at + 61 * HOUR);
  const storedAt = at + (late ? planner.rng.int(26 * 60, 60 * 60) : cf.rng.int(40, 10 * 60)) * MIN;
  const custodian = cf.rng.pick(staffOf(cf.area, 'custodian'));
  const stored = cf.event('sacw', 'item.stored', storedAt, { storage }, [
    ...items.map((i) => ['item', i] as const), ['custodian', custodian.id], ['venue', roomsOf(cf.area, 'property_store')[0].id],
  ]);
  if (late) {
    planner.record({
      kind: 'late_property_handover', caseId: cf.id, eventIds: [triggerId, stored], objectIds: items,
      detail: `handed to the custodian ${((storedAt - at) / HOUR).toFixed(1)} h after ${storage === 'physical' ? 'seizure' : 'freezing'}`,
    });
  }
}

/** 发还 of the victim's property and the recovery it means. */
export function returnToVictim(cf: CaseFile, at: number, items: Item[], victim: string): void {
  const back = items.filter((i) => i.returnable);
  if (back.length === 0) return;
  const list = cf.doc('发还清单', at - cf.rng.int(5, 30) * MIN, [victim], { subject_signed: true });
  cf.event('sacw', 'item.returned', at, {}, [...back.map((i) => ['item', i.id] as const), ['subject', victim], ['document', list]]);
  recordRecovery(cf, at + cf.rng.int(10, 120) * MIN, back);
}

/** Records what the items bring back, never more than the part of the loss still unrecovered. */
export function recordRecovery(cf: CaseFile, at: number, items: Item[]): void {
  const value = items.reduce((sum, i) => sum + (i.value ?? 0), 0);
  const outstanding = cf.loss > 0 ? cf.loss - cf.recoveries.reduce((sum, [, a]) => sum + a, 0) : value;
  const amount = Math.round(Math.min(value, outstanding) * 100) / 100;
  if (amount <= 0) return;
  cf.event('ajgl', 'case.recovery_recorded', at, { amount: amount.toFixed(2) }, items.map((i) => ['item', i.id] as const));
  cf.recoveries.push([at, amount]);
}
