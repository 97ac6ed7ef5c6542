/**
 * Synthetic personal data: Chinese names assembled from common surnames and given-name
 * characters, resident ID numbers of the fictitious region 999999 (well formed, with the
 * GB 11643 check digit, but never a real person's), and phone numbers in the unassigned 100
 * prefix.
 */
import type { Rng } from './rng.js';
import { DAY, localDate } from './time.js';

// Surnames weighted roughly by frequency in Shandong.
const SURNAMES = '王李张刘陈杨赵孙周吴徐马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯史陶贺顾毛郝龚邵万钱严武戴孔汤庞牛';
const SURNAME_WEIGHTS = [...SURNAMES].map((_, i) => (i < 8 ? 10 - i : i < 30 ? 3 : 1));
const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰东亮海建志国文斌振兴庆锋博晨';
const FEMALE = '芳娜敏静丽艳娟霞燕玲婷雪慧倩颖洁琳晶红梅莉萍丹琴云璐瑶欣月蕾薇佳悦妍岚';
const NEUTRAL = '晓子明玉春秋立新永金成华英家俊';

export type Gender = 'male' | 'female';

export function chineseName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted([...SURNAMES], SURNAME_WEIGHTS);
  const pool = gender === 'male' ? MALE : FEMALE;
  const first = rng.chance(0.3) ? rng.pick([...NEUTRAL]) : rng.pick([...pool]);
  return rng.chance(0.25) ? surname + first : surname + first + rng.pick([...pool]);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Region 999999 does not exist: the number is well formed and obviously synthetic. */
export function syntheticIdNumber(rng: Rng, birthDate: string, gender: Gender): string {
  const seq = rng.int(0, 49) * 2 + (gender === 'male' ? 1 : 0);
  const body = '999999' + birthDate.replaceAll('-', '') + String(rng.int(0, 9)) + String(seq).padStart(2, '0');
  return body + idCheckDigit(body);
}

/** 11 digits in the unassigned 100 prefix. */
export const syntheticPhone = (rng: Rng): string => '100' + String(rng.int(0, 99_999_999)).padStart(8, '0');

/** A birth date giving an age in [minAge, maxAge] at instant `at`. */
export function birthDate(rng: Rng, at: number, minAge: number, maxAge: number): string {
  // 366 days a year at the low end so that leap days never make someone younger than minAge.
  const ageDays = rng.int(minAge * 366 + 1, maxAge * 365 + 300);
  return localDate(at - ageDays * DAY);
}

export interface PersonFacts {
  name: string;
  gender: Gender;
  birth_date: string;
  id_number: string;
  phone: string;
}

export function personFacts(rng: Rng, at: number, opts: { male: number; minAge: number; maxAge: number }): PersonFacts {
  const gender: Gender = rng.chance(opts.male) ? 'male' : 'female';
  const birth = birthDate(rng, at, opts.minAge, opts.maxAge);
  return {
    name: chineseName(rng, gender),
    gender,
    birth_date: birth,
    id_number: syntheticIdNumber(rng, birth, gender),
    phone: syntheticPhone(rng),
  };
}
