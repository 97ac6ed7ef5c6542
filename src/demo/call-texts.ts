/**
 * Call-taker notes (报警内容) and addresses for the demo city's incidents, written in the terse
 * style of 110 records and filled from templates: {addr} place, {n} count, {item} property,
 * {amt} amount, {plate} vehicle plate, {age} age, {who} caller.
 */
import type { Rng } from './rng.js';

const ROADS: Record<string, string[]> = {
  '370502': ['西二路', '西三路', '西四路', '东二路', '东三路', '府前大街', '济南路', '黄河路', '北一路', '南一路', '淄博路', '庐山路', '运河路', '胶州路', '德州路'],
  '370503': ['河口大街', '海宁路', '黄河路', '河安路', '新华路', '孤岛大道', '仙河大街'],
  '370505': ['垦利街', '振兴路', '胜坨大街', '行政路', '民丰路', '永安路'],
  '370522': ['利一路', '利二路', '津一路', '津二路', '利北路', '凤凰城大街', '盐窝路'],
  '370523': ['乐安大街', '月河路', '花苑路', '孙武路', '广凯路', '大王路', '稻庄大街'],
};
const COMPOUND_A = ['锦华', '银河', '新安', '康居', '阳光', '丽景', '福苑', '金辰', '海河', '胜华', '嘉和', '春晖', '御景', '滨河', '悦澜'];
const COMPOUND_B = ['小区', '花园', '家园', '新村', '公寓', '嘉园'];
const VENUES = ['超市', '网吧', 'KTV', '烧烤店', '加油站', '农贸市场', '洗浴中心', '快捷酒店', '小饭店', '手机店', '棋牌室', '汽修厂', '工地', '幼儿园门口', '公交站'];
const SHOP_A = ['佳乐', '惠民', '鑫源', '福满', '东方', '兴隆', '万家', '顺达', '金港', '好又多'];

export function address(rng: Rng, adcode: string, district: string): string {
  const roads = ROADS[adcode] ?? ROADS['370502'];
  const road = rng.pick(roads);
  switch (rng.int(0, 3)) {
    case 0:
      return `${district}${road}与${rng.pick(roads.filter((r) => r !== road))}路口`;
    case 1:
      return `${district}${rng.pick(COMPOUND_A)}${rng.pick(COMPOUND_B)}${rng.int(1, 36)}号楼`;
    case 2:
      return `${district}${road}${rng.int(1, 699)}号${rng.pick(SHOP_A)}${rng.pick(VENUES)}`;
    default:
      return `${district}${road}${rng.pick(SHOP_A)}${rng.pick(VENUES)}附近`;
  }
}

const ITEMS = ['电动车', '手机', '钱包', '电动车电瓶', '自行车', '现金', '笔记本电脑', '金项链', '电缆', '快递包裹'];
const WHO = ['报警人', '报警人', '报警人', '一女子', '一男子', '店主', '物业人员', '司机'];
const TEMPLATES: Record<string, string[]> = {
  '100100': ['{who}称停放在{addr}的{item}被盗。', '{addr}，{who}称家中被盗，丢失{item}和现金约{amt}元。', '称{item}在{addr}被人偷了，价值约{amt}元。', '{addr}，店内{item}被盗，有监控。'],
  '100200': ['{who}称在{addr}被人持刀抢走{item}。', '{addr}有人抢劫，嫌疑人往北跑了。'],
  '100300': ['{who}称在{addr}被骑摩托车的人抢走{item}。', '{addr}，手机被人抢走。'],
  '100400': ['{addr}有人被砍倒在地，已无意识，已通知120。'],
  '100500': ['{addr}有人被打伤，头部流血，已通知120。', '{who}称在{addr}被{n}人打伤。'],
  '100600': ['{who}称被冒充客服的人骗了{amt}元。', '称网上刷单被骗{amt}元，对方已拉黑。', '{who}称接到冒充公安的电话，转账{amt}元。', '称网购退款被骗{amt}元。', '{who}称投资理财平台无法提现，被骗{amt}元。'],
  '100700': ['{who}称被人以曝光隐私相威胁，索要{amt}元。', '称有人发信息敲诈{amt}元。'],
  '100900': ['一女子称在{addr}被人侵害。'],
  '101200': ['{who}举报{addr}有人贩卖毒品。'],
  '101800': ['{who}称其家人因欠款被人扣在{addr}，不让离开。'],
  '109900': ['{addr}有人酒后驾车，车牌{plate}。', '{addr}查获一名饮酒驾驶人员，车牌{plate}。', '{addr}有人聚众滋事。', '{who}举报{addr}有人开设赌场。'],
  '200100': ['{addr}有{n}人打架。', '{who}称在{addr}被人打了。', '{addr}有人酒后打架，有人受伤。', '{addr}，两伙人发生冲突。'],
  '200200': ['{addr}，{who}称与邻居因噪音发生纠纷。', '{addr}，出租车司机与乘客因车费发生纠纷。', '{addr}，顾客与店主因退货发生争执。', '{addr}，两车刮擦后双方争吵。', '{who}称与房东因押金发生纠纷。', '{addr}，夫妻吵架，现已平息。'],
  '200300': ['{addr}，执勤民警被人拉扯阻拦。'],
  '200400': ['{addr}有人在营业厅内大吵大闹，影响营业。', '{addr}有人醉酒闹事。'],
  '200500': ['{who}称停在{addr}的车被人划了。', '{addr}，店门玻璃被人砸坏。'],
  '200600': ['{who}称被丈夫殴打。', '{addr}，一女子称被家人打伤。'],
  '200700': ['{addr}有人赌博。', '{who}举报{addr}棋牌室有人赌博。'],
  '200800': ['{who}举报{addr}有卖淫嫖娼活动。'],
  '201000': ['{addr}，{who}称{item}被盗，价值约{amt}元。', '{addr}超市抓到一名偷东西的人。', '称{item}在{addr}丢失，怀疑被偷。'],
  '201200': ['{who}称在{addr}被人以假冒商品骗走{amt}元。'],
  '201300': ['{who}称有人索要{amt}元，不给就找麻烦。'],
  '201400': ['{who}称收到威胁短信。', '{who}称被人扬言报复。'],
  '201800': ['{who}称有人强行进入其家中。'],
  '209900': ['{addr}有人疑似吸毒，行为异常。', '{addr}有人酒后滋事。', '{addr}有人拦路滋事。'],
  '300100': ['{addr}发生交通事故，{n}车相撞，无人员受伤。', '{addr}，电动车与轿车相撞，有人受伤。', '{addr}车辆追尾。'],
  '300200': ['{addr}有车辆逆行。', '{addr}有车辆违章停车堵住出口。'],
  '300500': ['{addr}交通拥堵，需要疏导。', '{addr}信号灯故障。'],
  '400100': ['{addr}着火，有浓烟。', '{addr}有人焚烧垃圾。'],
  '400200': ['{addr}有人被困电梯。', '{addr}路面塌陷。'],
  '500100': ['{who}称其{age}岁的父亲走失。', '{who}称孩子在{addr}走丢。'],
  '500200': ['{who}称在{addr}丢失{item}。', '称乘出租车时将{item}落在车上。'],
  '500300': ['{addr}，钥匙锁在家里，求助开锁。', '{addr}，车钥匙锁在车内。'],
  '500600': ['{addr}有老人晕倒在路边。', '{addr}有人突发疾病。'],
  '500800': ['{who}称其朋友发信息要轻生。', '{addr}有人站在楼顶。'],
  '509900': ['{addr}有一醉酒男子躺在路边。', '{who}称联系不上家人，要求帮助查找。', '{addr}有狗跑到路上。', '{who}称被困在{addr}，需要帮助。', '{addr}有人需要帮助。'],
  '600300': ['{who}称{addr}工地拖欠工资。'],
  '600600': ['{addr}有流动摊贩占道经营。', '{addr}夜间施工噪音扰民。'],
  '600900': ['{addr}有工厂排放刺鼻气体。', '{addr}饭店油烟扰民。'],
  '609900': ['{addr}有井盖丢失。', '{addr}树木倒伏挡路。', '{addr}停水停电，要求帮助。'],
  '700100': ['{addr}有数十人聚集，情绪激动。'],
  '900100': ['{who}提供线索：{addr}有可疑人员。'],
  '950100': ['{who}投诉处警民警态度问题。', '{who}投诉报案后无人联系。'],
  '999900': ['误拨。', '回拨无人接听。', '报警人称打错了。', '咨询办理身份证事宜。', '骚扰电话。', '{who}称手机丢失，后称已找到。', '报警人未说话即挂断。'],
};

const FALLBACK = ['{addr}，{who}报警求助。', '{who}称{addr}有情况，要求出警。'];

const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export function callText(rng: Rng, code: string, addr: string): string {
  const templates = TEMPLATES[code] ?? FALLBACK;
  return rng.pick(templates).replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'addr': return addr;
      case 'n': return String(rng.int(2, 6));
      case 'item': return rng.pick(ITEMS);
      case 'amt': return String(rng.amount(5000, 1, 200, 500_000, 100));
      case 'plate': return '鲁E' + Array.from({ length: 5 }, () => rng.pick([...CHARS])).join('');
      case 'age': return String(rng.int(62, 88));
      case 'who': return rng.pick(WHO);
      default: return '';
    }
  });
}
