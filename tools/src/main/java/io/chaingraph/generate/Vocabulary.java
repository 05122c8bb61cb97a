package io.chaingraph.generate;

/** Words the generator builds synthetic names from (every generated name also says 模拟, "simulated"). */
final class Vocabulary {

	private Vocabulary() {
	}

	static final String[] DOMAINS = { "生物医药", "软件和信息服务", "新能源汽车", "集成电路", "智能装备", "新材料", "光伏储能", "电气设备",
			"时尚鞋服", "泵阀流体", "汽车零部件", "数字安防", "眼镜光学", "医疗器械", "智能家居", "航空航天" };

	static final String[] STAGES = { "UPSTREAM", "MIDSTREAM", "DOWNSTREAM" };

	/** Segment words by stage (upstream, midstream, downstream). */
	static final String[][] SEGMENT_WORDS = {
			{ "原材料", "关键材料", "核心零部件", "基础软件", "芯片设计", "研发服务", "精密模具", "试剂耗材", "检测仪器", "功能涂层", "原料药",
					"电子元器件", "基础算法", "高端轴承", "特种纤维" },
			{ "加工制造", "总装集成", "系统集成", "工艺装备", "中试放大", "模组封装", "软件开发", "代工生产", "质量检测", "智能产线", "注塑成型",
					"精密加工", "工业设计", "数据治理" },
			{ "终端应用", "市场销售", "运维服务", "平台运营", "品牌渠道", "回收利用", "解决方案", "数据服务", "出口贸易", "售后服务", "临床应用",
					"行业应用", "跨境电商", "租赁金融" } };

	/** Districts and cities of Zhejiang (real place names; the enterprises and parks in them are not). */
	static final String[] REGIONS = { "温州市鹿城区", "温州市龙湾区", "温州市瓯海区", "温州市洞头区", "温州市瑞安市", "温州市乐清市", "温州市永嘉县",
			"温州市平阳县", "温州市苍南县", "温州市文成县", "温州市泰顺县", "温州市龙港市", "杭州市滨江区", "杭州市余杭区", "宁波市鄞州区", "台州市椒江区",
			"金华市义乌市", "嘉兴市南湖区", "湖州市吴兴区", "绍兴市柯桥区" };

	/** Administrative division codes used in credit codes (positions 3–8). */
	static final String[] REGION_CODES = { "330302", "330303", "330304", "330305", "330381", "330382", "330324",
			"330326", "330327", "330328", "330329", "330383", "330108", "330110", "330212", "331002", "330782", "330402",
			"330502", "330603" };

	/** The credit-code alphabet (GB 32100-2015). */
	static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** Park kinds: {kind column, name word}. */
	static final String[][] PARK_KINDS = { { "VALLEY", "谷" }, { "PARK", "产业园" }, { "PARK", "科创园" },
			{ "ZONE", "高新区" }, { "PORT", "港" }, { "BASE", "产业基地" }, { "TOWN", "特色小镇" } };

	static final String[][] SUB_PARK_KINDS = { { "PARK", "孵化园" }, { "PARK", "加速器" }, { "BASE", "中试基地" },
			{ "PARK", "创新园" } };

	static final String[] ORDINALS = { "一期", "二期", "三期" };

	/** Two of these make a brand; many combinations read like real company names, hence the 模拟 marker. */
	static final String[] BRAND_CHARACTERS = { "瑞", "恒", "华", "达", "鑫", "泰", "宏", "盛", "安", "康", "博", "创", "联", "源", "信",
			"中", "天", "海", "瓯", "江", "东", "南", "正", "德", "通", "新", "远", "智", "启", "明", "嘉", "隆", "凯", "润", "兴", "昌",
			"邦", "科", "锐", "汇", "宸", "禾", "越", "峰", "朗", "航", "晶", "微", "睿", "鸿" };

	/** Company-name industry words per domain, in the order of {@link #DOMAINS}. */
	static final String[][] INDUSTRY_WORDS = { { "生物科技", "医药", "基因技术", "生物制药" }, { "软件", "信息技术", "数据科技", "云计算", "网络科技" },
			{ "新能源汽车", "电驱科技", "动力电池", "智能网联" }, { "半导体", "微电子", "芯片科技", "封装测试" }, { "智能装备", "精密机械", "机器人", "自动化" },
			{ "新材料", "化工", "高分子材料", "复合材料" }, { "光伏科技", "储能科技", "新能源", "电力科技" }, { "电气", "开关", "输配电", "电器" },
			{ "鞋业", "服饰", "皮革", "时尚科技" }, { "泵业", "阀门", "流体设备", "管道科技" }, { "汽车部件", "汽配", "制动系统", "汽车电子" },
			{ "安防科技", "视觉科技", "传感技术", "物联网" }, { "眼镜", "光学", "视光科技", "镜片" }, { "医疗器械", "医疗科技", "康复设备", "诊断技术" },
			{ "智能家居", "家电", "照明科技", "家具" }, { "航空科技", "航天材料", "无人机", "导航技术" } };

	static final String[] COMPANY_FORMS = { "有限公司", "股份有限公司", "有限责任公司", "集团有限公司" };

	/** Platform name words, in the order of {@code DatasetFormat.PLATFORM_KINDS}. */
	static final String[] PLATFORM_KIND_WORDS = { "产业研究院", "算力中心", "创业孵化器", "产业投资基金", "公共服务平台", "检验检测中心", "数据中心" };

}
