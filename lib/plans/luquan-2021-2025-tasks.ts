/**
 * 重点任务: the eight innovation programmes (“实施八个创新工程”, 专栏1–8) of 鹿泉区科技创新“十四五”规划, each
 * with its numbered actions, transcribed exactly; the quantified commitments inside the actions as targets;
 * the eight carrier projects of 专栏7 item 3.
 * Source: ../shared/plan/luquan-sti-plan-2021-2025.txt, kept byte for byte in docs/sources/ (the tests check
 * every name, text and phrase here against that copy and the copy against the original's SHA-256).
 *
 * Verbatim, quirks included: the scraped text renders every 、 as "." (“关键技术.核心领域”) and keeps stray
 * spaces (“中电科13 所”, “支持 5 名左右”, “扩大行动 。”); names, texts and phrases keep them so that each is
 * a substring of the source. withEnumerationCommas() restores 、 for display. The boxes' table borders
 * (“|”) are not part of any text.
 * Box numbers: the text prints the headings “专栏2 …”, “专栏3 …”, “专栏5 …”, “专栏7 …”, “专栏8 …”; the boxes
 * without a heading are numbered by their place among them (the first box, the one between 专栏3 and
 * 专栏5, the one between 专栏5 and 专栏7).
 * Action count: the issue speaks of 36 actions. The text shows 36 numbered items: 5 + 4 + 5 + 4 + 3 + 6 + 5
 * + 4. 专栏5 shows only items 2–4 (its item 1 was lost with the heading row), so the printed plan had 37;
 * the lost item is not reconstructed, and the 36 are the 36 the text shows.
 * Not in the text, so null everywhere: responsible units (责任单位, lead and cooperating), a target's baseline,
 * project milestone dates.
 */
import type { TaskTarget, TaskTargetKind, TaskTargetQualifier } from '@/lib/progress/tasks';

export interface TaskTargetSeed extends TaskTarget {
  /** the commitment exactly as written, a substring of the action's text */
  phrase: string;
  /** what is counted, as written (a substring of the phrase) */
  subject: string;
  unit: string;
  /** a time window written in years rather than as a deadline (“争取3-5年时间”) */
  horizonYears: { lower: number; upper: number } | null;
  baseline: null;
}

export interface TaskActionSeed {
  /** the number the text prints before the action (“1.开展…”) */
  number: number;
  /** the “开展…行动” phrase before the first 。 */
  name: string;
  /** the whole item after “N.”, from the name to its last 。 */
  text: string;
  targets: TaskTargetSeed[];
  leadUnit: null;
  cooperatingUnits: null;
}

export interface TaskProgrammeSeed {
  /** 专栏 number */
  number: number;
  /** the heading after “专栏N ”; null where the scraped text lost it */
  title: string | null;
  actions: TaskActionSeed[];
}

export interface TaskProjectSeed {
  /** where the plan names it: 专栏7, item 3 */
  programme: number;
  action: number;
  /** order of mention */
  sequence: number;
  /** the name as displayed: the source without the scraped text's stray spaces */
  name: string;
  /** the name exactly as in the text */
  source: string;
  milestones: { name: string; plannedDate: null; actualDate: null }[];
  leadUnit: null;
  cooperatingUnits: null;
}

/** The milestones each project starts with; an admin may rename, add or remove them. */
export const DEFAULT_PROJECT_MILESTONES = ['立项', '开工', '主体完工', '投入运营'] as const;

function action(number: number, name: string, text: string, targets: TaskTargetSeed[] = []): TaskActionSeed {
  return { number, name, text, targets, leadUnit: null, cooperatingUnits: null };
}

function target(
  phrase: string,
  subject: string,
  kind: TaskTargetKind,
  lower: number,
  upper: number | null,
  qualifier: TaskTargetQualifier,
  unit: string,
  deadlineYear: number | null,
  horizonYears: TaskTargetSeed['horizonYears'] = null,
): TaskTargetSeed {
  return { phrase, subject, kind, lower, upper, qualifier, unit, deadlineYear, horizonYears, baseline: null };
}

const TRAINING_BASES =
  '到2025年,“创新型企业家”培训基地.“产业技术与管理创新人才”培训基地.“高技能人才”培训基地均达到1个以上';

export const LUQUAN_2021_2025_PROGRAMMES: TaskProgrammeSeed[] = [
  {
    // The scraped text lost this box's heading row (“专栏1 …”): the title is unknown, not invented.
    number: 1,
    title: null,
    actions: [
      action(1, '开展创新型企业家培育行动',
        '开展创新型企业家培育行动。建立企业家培育机制,制定创新型企业家培养计划,每年组织一批人选参加科技创新专题讲座,到国内先进地区.典型企业考察交流,到发达国家进行长期或短期高级研修,建设一支创新型企业家队伍。'),
      action(2, '开展创新型领军企业打造行动',
        '开展创新型领军企业打造行动。聚焦主导产业,培育在关键技术.核心领域上具有自主创新能力和原始创新能力的创新型领军企业,不断壮大创新型企业规模。'),
      action(3, '开展高新技术企业后备培育行动',
        '开展高新技术企业后备培育行动。完善高新技术企业后备培育库制度,做强培育服务机构,实现高新技术企业培育服务体系的网格化.精细化.全程化,不断提升高新技术企业的规模和质量。'),
      action(4, '开展科技型中小企业成长行动',
        '开展科技型中小企业成长行动。加强对中小企业创新的支持,通过分类指导.梯次培育.差异扶持.扩量提质,引导科技型中小企业“专精特新”发展,推动更多科技型中小企业成长为高新技术企业。'),
      action(5, '开展企业创新能力提升行动',
        '开展企业创新能力提升行动。提升完善现有技术创新中心.企业技术中心.重点实验室等研发平台的水平和功能。加快构建以企业为主体.市场为导向.产学研深度融合的技术创新体系,不断提高各级各类科技计划中产学研合作项目的比率,开展关键技术攻关。推动龙头骨干企业参与国家科技重大专项研发,推动科技型中小企业科技成果转化。'),
    ],
  },
  {
    number: 2,
    title: '实施产业技术创新工程',
    actions: [
      action(1, '开展主导产业关键核心技术攻关行动',
        '开展主导产业关键核心技术攻关行动。组织龙头企业,全面梳理主导产业关键核心技术,积极争取各级重大科技创新专项,争取3-5年时间突破5-10项制约产业发展和转型升级的关键核心技术。',
      [
        // “3-5年时间” is a time window, not a year: no deadline is written, so the plan's last year applies
        // (five years from 2021 end with 2025); the window is kept in horizonYears.
        target('争取3-5年时间突破5-10项制约产业发展和转型升级的关键核心技术', '关键核心技术', 'cumulative', 5, 10, null, '项', null, { lower: 3, upper: 5 }),
      ]),
      action(2, '开展未来产业技术创新超前布局行动',
        '开展未来产业技术创新超前布局行动。瞄准人工智能.生命科学.空间技术.量子信息等高端高新领域,超前布局前沿引领技术和颠覆性技术科技研发,研发一批前瞻性.战略性重大科技项目,培育未来产业竞争创新实力,为新一轮科技和产业革命奠定技术基础。'),
      action(3, '开展现代农业创新行动',
        '开展现代农业创新行动。围绕粮食安全.食品安全.生态安全等创新需求,组织一批应用基础研究和技术创新项目,重点支持产业共性技术.关键技术攻关和产品研发,突破一批产业发展关键技术,形成一批自主品牌。鼓励企业在乳制品.肉类加工等领域加大研发力度,不断推出符合大众消费需求的新产品,推进传统产业和中华老字号推陈出新,重塑竞争新优势。'),
      action(4, '开展产业链现代化提升行动',
        '开展产业链现代化提升行动。针对主导产业.现代农业建链.补链.强链.延链需求,布局一批服务于产业链现代化水平提升的基础研究.应用基础研究.关键技术.关键零部件.重大产品研发项目和创新平台,夯实产业链技术基础。支持制造业企业工业设计中心建设,引导设计服务企业专注行业领域深化发展,加快产业链关键环节工业设计植入,提升企业智能设计.协同设计.绿色设计能力。'),
    ],
  },
  {
    number: 3,
    title: '实施创新高地建设工程',
    actions: [
      action(1, '开展新一代电子信息产业技术创新高地建设行动',
        '开展新一代电子信息产业技术创新高地建设行动。依托中电科13 所及中瓷电子.普兴电子等重点企业,进一步发挥龙头企业带动作用,打造光电产业链;充分发挥中电科 54 所龙头带动作用,推动晶禾电子.远东通信. 中电科导航等重点企业加快发展,打造导航通信产业链;依托鹿泉经济开发区,引导重点企业细分市场.错位发展,打造LED研发应用产业基地。聚焦新一代电子信息前沿领域,建设中央创新区,建设共享基础设施.聚集高端研发机构.汇聚创新创业人才.健全公共服务体系,支撑产业率先突破。'),
      action(2, '开展军民融合创新高地建设行动',
        '开展军民融合创新高地建设行动。完善各项保障,支持中电科54所.13所,争取立项国防科技工业重大研发和产业化项目,并积极推动军转民。支持有实力的民营科技企业与中电科54所.13所合作组建军民创新联盟,开展军民两用技术的研发和产业化合作,每年形成2-3项重大科研成果和新产品。开展军地人才双向培养交流活动,每年培养1-2名科技领军人才。依托“五大中心”,加强军民融合型企业培育和创新平台建设,加快推进军鼎产业园.军鼎军民融合孵化器.光谷科技园实施及运营,谋划建设鹿北新区军融科创产业园,构建服务河北.辐射京津的“技术成果交易转化+专业化服务支撑”新型军民技术交易运营公共服务平台。鼓励民参军和军转民,不断壮大军民融合企业规模。',
      [
        target('每年形成2-3项重大科研成果和新产品', '重大科研成果和新产品', 'perYear', 2, 3, null, '项', null),
        target('每年培养1-2名科技领军人才', '科技领军人才', 'perYear', 1, 2, null, '名', null),
      ]),
      // “连续3年…第1名” is the record the action builds on, not a commitment: no target.
      action(3, '开展县域创新能力提升行动',
        '开展县域创新能力提升行动。在连续3年位居全省县域科技创新能力第1名的基础上,按照科技厅年度科技创新评估报告提出的意见建议,针对科技创新的短板.不足,制定行之有效的政策.举措,持续保持县域科技创新能力在全省的领跑地位。'),
      // 城县 (sic): kept as written.
      action(4, '开展国家级创新型城县(市)对标行动',
        '开展国家级创新型城县(市)对标行动。在持续提升创新型县(市.区)建设水平的基础上,紧盯国家级创新型县(市)建设要求,对标国家创新型有关创新型县(市)建设指标,制定《鹿泉区科技创新引领区建设方案》,向国家级创新型县(市)指标领先水平迈进。'),
      action(5, '开展产业聚集区创新能级提升行动',
        '开展产业聚集区创新能级提升行动。根据产业聚集区龙头企业类型,建设相应的众创空间.孵化器和加速器,设计相应的扶持政策,形成具有区域优势和行业特色的创新型产业集群。重点建设技术研发.工业设计.检验检测.融资担保.人才培训等公共服务平台,为产业聚集区企业提供科研基础设施和技术服务支撑,实现公共服务共享,形成产业聚集区创新网络。推进产业聚集区与国内外园区.高校.科研机构.科技企业合作,共建科技研发.成果转化.创业孵化等创新平台。'),
    ],
  },
  {
    // Heading lost in the scraped text (the box sits between 专栏3 and 专栏5): title unknown.
    number: 4,
    title: null,
    actions: [
      action(1, '开展协同创新共同体组建行动',
        '开展协同创新共同体组建行动。聚焦卫星导航.光电产业等优势领域,依托中电科54所.13所,联合京津高端科研机构和科研院所,组建1-2个协同创新中心.产业技术创新联盟。加快推进中关村创新产业园等项目建设。',
      [
        // “1-2个协同创新中心.产业技术创新联盟”: read as 1-2 in all (centres and alliances together), not 1-2 of each.
        target('组建1-2个协同创新中心.产业技术创新联盟', '协同创新中心.产业技术创新联盟', 'cumulative', 1, 2, null, '个', null),
      ]),
      action(2, '开展协同创新链打造行动',
        '开展协同创新链打造行动。聚焦导航通信.光电等优势产业,整合全区科技创新资源,全面加强与京津创新资源对接合作,打造特色数字经济科技创新链。'),
      action(3, '开展区域产业创新联盟组建行动',
        '开展区域产业创新联盟组建行动。联合石家庄高新区.正定高新区.装备制造产业园,重点在新一代信息技术.智能制造领域,由行业龙头企业牵头,联合高校.科研院所.科技服务机构组建跨行政区的产业创新联盟,到2025年,产业技术创新联盟达到5家。',
      [
        // 达到5家 is the number of alliances in 2025 (a level), not 5 new ones.
        target('到2025年,产业技术创新联盟达到5家', '产业技术创新联盟', 'levelAt', 5, 5, null, '家', 2025),
      ]),
      action(4, '开展境外引智项目行动',
        '开展境外引智项目行动。依托全区国际合作基地.引智基地,产业园区和企业,布局一批基础研究.应用基础研究.产业技术创新和科技成果转化项目,建设一批创新机构和平台。'),
    ],
  },
  {
    number: 5,
    title: '实施创新成果转化工程',
    actions: [
      // The scraped text lost item 1 of 专栏5 (the box starts at “2.开展技术市场建设行动”): the numbering
      // stays 2, 3, 4 as printed; nothing is made up for item 1.
      action(2, '开展技术市场建设行动',
        '开展技术市场建设行动。以“互联网+技术市场”为核心,打造一批线上线下相结合的区域性.行业性技术交易市场,在市场化建设模式.科技成果产业化路径等方面力争取得突破。'),
      action(3, '开展技术转移机构与技术经纪人队伍建设行动',
        '开展技术转移机构与技术经纪人队伍建设行动。以高等院校.科研院所和科技服务组织为重点,加大技术转移机构建设与经纪人队伍建设,壮大科技成果转移转化机构和经纪人队伍规模。'),
      action(4, '开展重大科技成果转化行动',
        '开展重大科技成果转化行动。围绕新一代信息技术.智能制造.绿色食品加工等重点领域,支持一批重大科技成果转化项目,取得一批重大科技成果转化再创新成果。'),
    ],
  },
  {
    // Heading lost in the scraped text (the box sits between 专栏5 and 专栏7): title unknown.
    number: 6,
    title: null,
    actions: [
      action(1, '开展海外招才引智行动',
        '开展海外招才引智行动。实施重点人才计划项目,实施科技英才“双百双千”工程,支持海外创新创业团队引进和外国院士工作站建设,鼓励科研机构和企业吸引海外科研人员开展合作研究.学术交流等活动。依托全区引智基地,实施更加积极.开放.有效的引智人才政策,全方位引进海外高层次人才,力争每年引进境外高层次科技人才10名左右。',
      [
        target('力争每年引进境外高层次科技人才10名左右', '境外高层次科技人才', 'perYear', 10, 10, '左右', '名', null),
      ]),
      action(2, '开展创新人才聚集高地打造行动',
        '开展创新人才聚集高地打造行动。完善科技人才发现.培养.激励机制,统筹实施系列人才引进计划,深化产才融合,创新用才机制。重点支持 5 名左右高层次创新创业领军人才,打造 10 个左右高水平创新创业团队。实施优秀高校毕业生集聚计划,赴高校和人才密集城市引才,参加人才交流活动。',
      [
        // The scraped text has spaces around the digits (“支持 5 名”); the phrases keep them.
        target('重点支持 5 名左右高层次创新创业领军人才', '高层次创新创业领军人才', 'cumulative', 5, 5, '左右', '名', null),
        target('打造 10 个左右高水平创新创业团队', '高水平创新创业团队', 'cumulative', 10, 10, '左右', '个', null),
      ]),
      action(3, '开展人才培养基地建设行动',
        '开展人才培养基地建设行动。立足产业发展需求,发挥企业.产业.园区承载优势,不断强化人才平台载体建设,到2025年,“创新型企业家”培训基地.“产业技术与管理创新人才”培训基地.“高技能人才”培训基地均达到1个以上。',
      [
        // “三类培训基地均达到1个以上”: 均 (each) makes it three targets, one per kind of base, with the same phrase.
        target(TRAINING_BASES, '“创新型企业家”培训基地', 'levelAt', 1, null, '以上', '个', 2025),
        target(TRAINING_BASES, '“产业技术与管理创新人才”培训基地', 'levelAt', 1, null, '以上', '个', 2025),
        target(TRAINING_BASES, '“高技能人才”培训基地', 'levelAt', 1, null, '以上', '个', 2025),
      ]),
      // The text has a space before 。 (“扩大行动 。”) and says 会计特派员 where 科技特派员 is meant; both kept as written.
      action(4, '开展科技特派员扩大行动',
        '开展科技特派员扩大行动 。加强与省.市科技部门对接,以农业.中小型企业和地处县及乡.村企业为重点,积极吸引省.市级会计特派员到鹿工作,到2025年,全区科技特派员总数达到100人。',
      [
        target('到2025年,全区科技特派员总数达到100人', '全区科技特派员总数', 'levelAt', 100, 100, null, '人', 2025),
      ]),
      action(5, '开展创新资金投入强化行动',
        '开展创新资金投入强化行动。建立政府科技投入长效增长机制,加大研发投入税前加计扣除等政策宣传.落实力度,鼓励企业加大创新投入,鼓励各类金融机构创新科技金融产品。'),
      action(6, '开展国家政策宣讲落实行动',
        '开展国家政策宣讲落实行动。继续加大国家.省.市科技政策宣讲落实力度,形成政策响应机制,用足用好税收减免.科技奖励.创新券等各级科技政策。'),
    ],
  },
  {
    number: 7,
    title: '实施创新创业平台建设工程',
    actions: [
      action(1, '开展科技创新平台体系建设行动',
        '开展科技创新平台体系建设行动。统筹创新平台数量和产业布局,绘制创新平台间的对接路线图,构建科技创新平台之间的纵横链接关系,推动创新平台协同互动。'),
      action(2, '开展高端创新平台招引行动',
        '开展高端创新平台招引行动。积极争取国家重点实验室.国家技术创新中心和河北省实验室等高端科研平台及重大科学装置布局我区,积极引进国内双一流大学.国家部委和国外著名高校.科研院所在我区建立研发机构。'),
      action(3, '开展高端创新载体建设行动',
        '开展高端创新载体建设行动。重点建设联东U 谷鹿泉科技企业港项目.鹿北新区产业孵化园.上庄科技产业中心.福建中小企业科技园二期(闽商大厦).阳天孵化楼.中鼎工业科技园.科瀛创新中心二期.博泽科技园等项目。'),
      action(4, '开展创新平台壮大行动',
        '开展创新平台壮大行动。继续加大市级以上企业技术中心.工程研究中心.技术创新中心.企业重点实验室.众创空间.企业孵化器.加速器等技术创新平台.创新创业平台建设力度,争取晋级为省级.国家级创新平台。'),
      action(5, '开展创新平台提质行动',
        '开展创新平台提质行动。对现有创新平台进行整合优化,加强对创新平台的绩效考核,不断提升创新平台产出绩效和服务水平;鼓励院校与政府共建一批多元化投资.市场化运作.现代化管理的专业型产业技术研究院,构建社会化.市场化.专业化.网络化的技术创新平台。'),
    ],
  },
  {
    number: 8,
    title: '实施创新生态改善工程',
    actions: [
      action(1, '开展科技惠民行动',
        '开展科技惠民行动。围绕改善环境质量.提升人民生命健康水平.智慧城市建设.保障应急和公共安全需求,推动大气.水.土壤污染防治和生态修复以及节能降耗.控污减排.资源综合利用,推动构建绿色技术创新体系和推进社会科技事业技术创新。'),
      action(2, '开展科技体制机制深化改革行动',
        '开展科技体制机制深化改革行动。围绕科技人才与科技资金投入.创新创业平台建设.创新能力提升.对外开放和科技成果转化以及创新生态营造等创新体制机制,协同出台一批创新政策,构建科技创新政策体系。'),
      action(3, '开展科技创新文化营造行动',
        '开展科技创新文化营造行动。积极弘扬创新文化,打造诚信体系。围绕提高全民科学素养目标,开展科学技术普及教育.宣传活动,推动技术创新资源科普化,培育科普示范基地,丰富科学传播和科普公共服务供给。'),
      action(4, '开展知识产权提质行动',
        '开展知识产权提质行动。围绕知识产权转化应用,提高高价值发明专利申报.转化支持力度。支持创新主体主持制定国际标准.国家标准.团体标准.行业(地方)标准,推动自主知识产权标准成为国际标准。'),
    ],
  },
];

/** Where 专栏7 item 3 names them: “重点建设联东U 谷鹿泉科技企业港项目.鹿北新区产业孵化园.…博泽科技园等项目”. */
const PROJECT_SOURCES = [
  '联东U 谷鹿泉科技企业港项目', // “U 谷”: a stray space in the scraped text; the name drops it (联东U谷)
  '鹿北新区产业孵化园',
  '上庄科技产业中心',
  '福建中小企业科技园二期(闽商大厦)',
  '阳天孵化楼',
  '中鼎工业科技园',
  '科瀛创新中心二期',
  '博泽科技园',
];

export const LUQUAN_2021_2025_PROJECTS: TaskProjectSeed[] = PROJECT_SOURCES.map((source, i) => ({
  programme: 7,
  action: 3,
  sequence: i + 1,
  name: source.replace(/\s+/g, ''),
  source,
  milestones: DEFAULT_PROJECT_MILESTONES.map((name) => ({ name, plannedDate: null, actualDate: null })),
  leadUnit: null,
  cooperatingUnits: null,
}));

/**
 * Every Arabic numeral in the actions' texts that is not part of a target, and why. The transcription test
 * removes all target phrases and these from each text and expects no digit left, so no number is overlooked.
 * Chinese numerals in the texts are not quantities to judge: 一批 / 一支 (“a number of”, “a team”),
 * 双一流, 军民两用, 一体, and the programme name “双百双千”.
 */
export const NUMBERS_NOT_TARGETS: { programme: number; action: number; phrase: string; reason: string }[] = [
  { programme: 3, action: 1, phrase: '中电科13 所', reason: '单位名称（中国电子科技集团公司第十三研究所）' },
  { programme: 3, action: 1, phrase: '中电科 54 所', reason: '单位名称（第五十四研究所）' },
  { programme: 3, action: 2, phrase: '支持中电科54所.13所', reason: '单位名称' },
  { programme: 3, action: 2, phrase: '与中电科54所.13所合作', reason: '单位名称' },
  { programme: 3, action: 3, phrase: '在连续3年位居全省县域科技创新能力第1名的基础上', reason: '既有成绩（2018—2020年），不是目标' },
  { programme: 4, action: 1, phrase: '依托中电科54所.13所', reason: '单位名称' },
];

export const LUQUAN_2021_2025_TASKS = {
  planSlug: 'luquan-2021-2025',
  sourceDocument: '石家庄市鹿泉区科技创新“十四五”规划（征求意见稿，2022-02-10）专栏1—专栏8',
  programmes: LUQUAN_2021_2025_PROGRAMMES,
  projects: LUQUAN_2021_2025_PROJECTS,
} as const;

// Display helpers used by the pages and exports too, so they live in lib/progress/tasks.ts.
export { programmeHeading, withEnumerationCommas } from '@/lib/progress/tasks';
