// Reference data for realistic records: Chinese surnames (weighted roughly by frequency), given
// name characters, ethnic groups, provinces, occupations, unit names.
import type { Prng } from './prng.js';

const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 24], ['赵', 20], ['吴', 20],
  ['周', 19], ['徐', 15], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12], ['何', 11], ['林', 10],
  ['高', 10], ['罗', 10], ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7],
  ['冯', 7], ['邓', 7], ['曹', 6], ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 5], ['袁', 5],
  ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 4],
  ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4], ['姚', 4], ['卢', 4], ['姜', 4], ['崔', 4],
  ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3],
  ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3],
  ['邱', 3], ['江', 3], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2],
  ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['覃', 2], ['武', 2], ['戴', 2], ['莫', 2], ['孔', 2], ['向', 2],
  ['汤', 2], ['欧阳', 1], ['司马', 0.3], ['上官', 0.2], ['诸葛', 0.2], ['东方', 0.2], ['皇甫', 0.2],
];

const MALE = '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';
const FEMALE = '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟';

export function chineseName(rng: Prng, gender: 'MALE' | 'FEMALE'): string {
  const surname = rng.weighted(SURNAMES);
  const pool = gender === 'MALE' ? MALE : FEMALE;
  const given = rng.chance(0.72) ? rng.pick([...pool]) + rng.pick([...pool]) : rng.pick([...pool]);
  return surname + given;
}

export const ETHNICITIES: ReadonlyArray<readonly [string, number]> = [
  ['汉族', 910], ['壮族', 14], ['回族', 8], ['满族', 8], ['维吾尔族', 8], ['苗族', 7], ['彝族', 7],
  ['土家族', 7], ['藏族', 5], ['蒙古族', 5], ['侗族', 2], ['布依族', 2], ['瑶族', 2], ['白族', 2],
  ['朝鲜族', 1.5], ['哈尼族', 1.3], ['黎族', 1.2], ['哈萨克族', 1.2], ['傣族', 1.1],
];

/** Province-level divisions with a provincial capital and the first digits of their ID numbers. */
export const PROVINCES: ReadonlyArray<readonly [name: string, capital: string, idPrefix: string]> = [
  ['北京市', '北京', '110101'], ['天津市', '天津', '120101'], ['河北省', '石家庄', '130102'], ['山西省', '太原', '140105'],
  ['内蒙古自治区', '呼和浩特', '150102'], ['辽宁省', '沈阳', '210102'], ['吉林省', '长春', '220102'],
  ['黑龙江省', '哈尔滨', '230102'], ['上海市', '上海', '310101'], ['江苏省', '南京', '320102'], ['浙江省', '杭州', '330102'],
  ['安徽省', '合肥', '340102'], ['福建省', '福州', '350102'], ['江西省', '南昌', '360102'], ['山东省', '济南', '370102'],
  ['河南省', '郑州', '410102'], ['湖北省', '武汉', '420102'], ['湖南省', '长沙', '430102'], ['广东省', '广州', '440103'],
  ['广西壮族自治区', '南宁', '450102'], ['海南省', '海口', '460105'], ['重庆市', '重庆', '500101'], ['四川省', '成都', '510104'],
  ['贵州省', '贵阳', '520102'], ['云南省', '昆明', '530102'], ['西藏自治区', '拉萨', '540102'], ['陕西省', '西安', '610102'],
  ['甘肃省', '兰州', '620102'], ['青海省', '西宁', '630102'], ['宁夏回族自治区', '银川', '640104'],
  ['新疆维吾尔自治区', '乌鲁木齐', '650102'],
];

export const OCCUPATIONS: ReadonlyArray<readonly [string, number]> = [
  ['教师', 12], ['工程师', 14], ['公务员', 10], ['医生', 6], ['护士', 4], ['科研人员', 6], ['企业职工', 18],
  ['学生', 8], ['退休人员', 10], ['农民', 4], ['个体经营者', 3], ['社区工作者', 4], ['律师', 1], ['会计', 3],
  ['技术工人', 6], ['军队退役人员', 2],
];

export const DEPARTMENTS = [
  '机关', '教学', '科研', '后勤', '离退休', '学生', '技术', '生产', '市场', '财务', '信息', '质量', '安全', '工程',
  '研发', '运营', '服务', '物流', '采购', '法务', '宣传', '人事', '审计', '设计', '检测', '培训', '档案', '基建',
];

const STREETS = ['人民路', '解放路', '建设路', '中山路', '和平路', '长江路', '黄河路', '新华路', '青年路', '文化路', '胜利路', '朝阳路'];

export function address(rng: Prng, capital: string): string {
  return `${capital}市${rng.pick(STREETS)}${rng.int(1, 999)}号${rng.int(1, 30)}栋${rng.int(1, 28)}0${rng.int(1, 6)}室`;
}

export function phone(rng: Prng): string {
  return `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * An 18-character resident ID number with a valid check character (GB 11643-1999), unique per
 * `serial` (the member's global number, < 5,000,000): the serial picks the four area digits after
 * the province and the sequence number, so no two generated members share an ID whatever their
 * birth dates. The sequence number's parity gives the gender, as in real IDs.
 */
export function nationalId(idPrefix: string, birth: Date, gender: 'MALE' | 'FEMALE', serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= 5_000_000) throw new RangeError('serial out of range');
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const area = String(Math.floor(serial / 500)).padStart(4, '0');
  const seq = (serial % 500) * 2 + (gender === 'MALE' ? 1 : 0);
  const body = `${idPrefix.slice(0, 2)}${area}${ymd}${String(seq).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + ID_CHECK[sum % 11];
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (up to 99; larger numbers in digits). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}
