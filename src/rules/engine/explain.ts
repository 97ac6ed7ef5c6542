import type { Deadline, Period } from '../../legal-time/deadline.js';
import type { Localized, RuleDefinition } from '../definition.js';

/**
 * The words of an alert: instants in Asia/Shanghai, durations, how a deadline was computed and
 * the legal basis, in zh-CN and en. Pure.
 */
export const LAW_NAMES: Record<string, Localized> = {
  CPL: { 'zh-CN': '《刑事诉讼法》', en: 'Criminal Procedure Law' },
  'MPS-C': { 'zh-CN': '《公安机关办理刑事案件程序规定》', en: 'MPS criminal procedure rules' },
  'MPS-A': { 'zh-CN': '《公安机关办理行政案件程序规定》', en: 'MPS administrative procedure rules' },
  PSAPL: { 'zh-CN': '《治安管理处罚法》', en: 'Public Security Administration Punishment Law' },
  'PSAPL-2025': { 'zh-CN': '《治安管理处罚法》（2025年修订）', en: 'Public Security Administration Punishment Law (2025)' },
  APL: { 'zh-CN': '《行政处罚法》', en: 'Administrative Penalty Law' },
  PPL: { 'zh-CN': '《人民警察法》', en: 'People’s Police Law' },
  SPP: { 'zh-CN': '《人民检察院刑事诉讼规则》', en: 'Procuratorate criminal procedure rules' },
  CQ: { 'zh-CN': '《公安机关适用继续盘问规定》', en: 'Continued-questioning rules' },
  OP2015: { 'zh-CN': '《关于改革完善受案立案制度的意见》', en: 'Opinion on case acceptance and filing (2015)' },
  RL2024: { 'zh-CN': '《公安机关接报案与立案工作规定》', en: 'Report and filing rules (2024)' },
  PROP2015: { 'zh-CN': '《公安机关涉案财物管理若干规定》', en: 'Case property rules (2015)' },
  BELONG2012: { 'zh-CN': '《公安机关代为保管涉案人员随身财物若干规定》', en: 'Personal belongings rules (2012)' },
  AREA: { 'zh-CN': '《公安机关执法办案场所办案区使用管理规定》', en: 'Case-handling area rules' },
  '4YL': { 'zh-CN': '公安部“四个一律”', en: 'MPS “four always” for the case-handling area' },
  AV2014: { 'zh-CN': '《公安机关讯问犯罪嫌疑人录音录像工作规定》', en: 'Interrogation AV rules (2014)' },
  BWC2016: { 'zh-CN': '《公安机关现场执法视音频记录工作规定》', en: 'On-site AV recording rules (2016)' },
  '110R': { 'zh-CN': '《110接处警工作规则》', en: '110 dispatch rules' },
  DOSS: { 'zh-CN': '《公安机关刑事案卷立卷规范》', en: 'Criminal dossier standards' },
  LOCAL: { 'zh-CN': '本局执法监督规定', en: 'bureau supervision settings' },
};

/** "art.85(2), 127" → "第85条第2款、第127条". */
export function articleZh(article: string): string {
  return article
    .replace(/^arts?\.\s*/, '')
    .split(/,\s*/)
    .map((part) => {
      const m = /^(\d+)(?:[–-](\d+))?(?:\((\d+)\))?(?:\((\d+)\))?/.exec(part.trim());
      if (!m) return /^[\x00-\x7f]*$/.test(part) ? '相关条款' : part; // "dispatch articles" has no number to render
      const base = m[2] ? `第${m[1]}至${m[2]}条` : `第${m[1]}条`;
      return base + (m[3] ? `第${m[3]}款` : '') + (m[4] ? `第${m[4]}项` : '');
    })
    .join('、');
}

export function basisText(def: RuleDefinition): Localized {
  return {
    'zh-CN': def.basis.map((b) => `${LAW_NAMES[b.law]?.['zh-CN'] ?? b.law}${articleZh(b.article)}`).join('；'),
    en: def.basis.map((b) => `${LAW_NAMES[b.law]?.en ?? b.law} ${b.article}`).join('; '),
  };
}

/** An instant as local time, e.g. 2025-03-11 23:40. */
export function localTime(t: Date): string {
  const local = new Date(t.getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** A duration in days, hours and minutes. */
export function duration(ms: number): Localized {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const zh = `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m || (!d && !h) ? `${m}分钟` : ''}`;
  const en = [d && `${d} d`, h && `${h} h`, (m || (!d && !h)) && `${m} min`].filter(Boolean).join(' ');
  return { 'zh-CN': zh, en };
}

const UNIT_ZH = { min: '分钟', h: '小时', d: '日', wd: '个工作日', m: '个月' } as const;
const UNIT_EN = { min: 'minutes', h: 'hours', d: 'days', wd: 'working days', m: 'months' } as const;

/** A period in words, e.g. 24小时 / 24 hours. */
export const periodText = (p: Period): Localized => ({ 'zh-CN': `${p.amount}${UNIT_ZH[p.unit]}`, en: `${p.amount} ${UNIT_EN[p.unit]}` });

/** How a deadline came about: the limit, the first counted day, holiday shift, excluded time. */
export function computationText(d: Deadline): Localized {
  const c = d.computation;
  const zh: string[] = [`期限${periodText(c.period)['zh-CN']}`];
  const en: string[] = [`limit ${periodText(c.period).en}`];
  if (c.startDate) {
    zh.push(`自${c.startDate}起算`);
    en.push(`counted from ${c.startDate}`);
  }
  if (c.shiftedTo) {
    zh.push(`末日${c.lastDay}为节假日，顺延至${c.shiftedTo}`);
    en.push(`last day ${c.lastDay} is a holiday, moved to ${c.shiftedTo}`);
  } else if (c.custodial && c.period.unit !== 'h' && c.period.unit !== 'min') {
    zh.push('在押期间不因节假日顺延');
    en.push('custodial: not moved for holidays');
  }
  if (c.excludedDays || c.excludedMs) {
    const ms = c.excludedDays ? c.excludedDays * 86_400_000 : (c.excludedMs ?? 0);
    zh.push(`扣除鉴定期间${duration(ms)['zh-CN']}`);
    en.push(`appraisal time excluded (${duration(ms).en})`);
  }
  zh.push(`截止${localTime(d.deadline)}`);
  en.push(`due ${localTime(d.deadline)}`);
  return { 'zh-CN': zh.join('，'), en: en.join(', ') };
}

