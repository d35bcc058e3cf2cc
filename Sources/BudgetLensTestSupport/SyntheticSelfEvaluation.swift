/// A small disclosure annex with one consistent 山东 project self-evaluation table, its 汇总表, a transfer-payment
/// table and a 情况说明 that repeats them, for tests that plant one defect and expect exactly its findings.
///
/// The project: A 100, B 95 → 9.5; indicators 20 + 20 + 10 + 10 + 20 + 6 = 86 (满意度 explained); total 95.5, 优.
public struct SyntheticSelfEvaluation {
    /// The lines of the document; tests replace one.
    public var lines: [String]

    /// The consistent document.
    public init() {
        lines = [
            "2023年度测试局部门决算", "", "目 录", "", "第一部分 部门概况", "", "第一部分", "", "部门概况", "", "测试局负责测试工作。", "",
            "第三部分", "", "2023年度部门决算情况说明", "",
        ]
        let headings = ["收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "财政拨款收入支出决算总体情况说明", "一般公共预算财政拨款支出决算情况说明",
            "一般公共预算财政拨款基本支出决算情况说明", "政府性基金预算财政拨款收入支出决算情况说明", "国有资本经营预算财政拨款支出决算情况说明",
            "财政拨款“三公”经费支出决算情况说明", "机关运行经费支出说明", "政府采购支出说明", "国有资产占用情况说明"]
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        for (numeral, heading) in zip(numerals, headings) { lines += ["\(numeral)、\(heading)", "", "略。", ""] }
        lines += [
            "十三、预算绩效情况说明", "",
            "（二）市级预算项目绩效自评结果。测试局2023年度市级预算绩效自评的1个项目中，1个项目自评等级为优。", "",
            "1. 测试项目经费项目绩效自评综述：根据年初设定的绩效目标，项目自评得分为95.5分。全年预算数为100万元，执行数为95万元，完成预算的95%。", "",
            "第五部分", "", "附件", "",
            "2023年度项目支出绩效自评情况汇总表", "", "单位：测试局", "",
            "序号\t项目名称\t自评得分\t自评等级",
            "1\t测试项目经费\t95.5\t优", "",
            "2023年市级预算项目绩效自评表", "", "单位：万元", "",
            "项目名称\t测试项目经费\t\t\t主管部门\t测试局\t\t",
            "项目预算执行情况\t\t年初预算数\t全年预算数 (A)\t全年执行数 (B)\t分值\t执行率 (B/A)\t得分",
            "\t年度资金总额\t100\t100\t95\t10\t95.00%\t9.5",
            "\t其中：当年财政拨款\t100\t100\t95\t-\t\t-",
            "\t上年结转资金\t\t\t\t-\t\t-",
            "\t其他资金\t\t\t\t-\t\t-",
            "年度总体目标\t年初预期目标\t\t\t目标实际完成情况\t\t\t",
            "\t完成测试工作\t\t\t完成了测试工作\t\t\t",
            "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成指标值\t分值\t得分\t偏差原因分析及改进措施\t",
            "年度绩效指标\t产出指标\t数量指标\t检查机构数量\t≥20家\t25家\t20\t20\t\t",
            "\t\t质量指标\t检查覆盖率\t=100%\t100%\t20\t20\t\t",
            "\t\t时效指标\t响应时间\t≤60分钟\t45分钟\t10\t10\t\t",
            "\t\t成本指标\t项目支出金额\t≤100万元\t95万元\t10\t10\t\t",
            "\t效益指标\t社会效益指标\t服务水平\t明显提升\t明显提升\t20\t20\t\t",
            "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t10\t6\t样本量不足，满意度评价从严扣分\t",
            "\t总分\t\t\t95.5\t\t\t\t\t", "",
            "测试资金转移支付区域（项目）绩效目标自评表", "", "(2023年度)", "",
            "转移支付（项目）名称\t\t测试资金\t\t\t",
            "中央主管部门\t\t医保局\t\t\t",
            "地方主管部门\t\t测试局\t资金使用单位\t测试局\t",
            "资金投入情况 (万元)\t\t全年预算数（A）\t全年执行数（B）\t预算执行率 (B/A×100%)\t",
            "\t年度资金总额：\t300\t300\t100%\t",
            "\t其中：中央财政资金\t200\t200\t100%\t",
            "\t省级财政资金\t100\t100\t100%\t",
            "\t市级财政资金\t\t\t\t",
            "\t县级财政资金\t\t\t\t",
            "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t全年实际完成值\t未完成原因和改进措施",
            "\t产出指标\t数量指标\t救助人次\t≥1000人次\t1200人次\t",
            "\t满意度指标\t服务对象满意度指标\t满意度\t≥85%\t90%\t", "",
        ]
    }

    /// A consistent 湖北 部门绩效自评表 (the layout of seed 002) after the same 情况说明: 基本支出 1000 + 项目支出
    /// 133.18 = 部门整体支出总额 1133.18, all spent (20); four indicators of 20 met in full (80); total 100.
    public static func hubeiDepartment() -> SyntheticSelfEvaluation {
        var synthetic = SyntheticSelfEvaluation()
        let annex = synthetic.line(containing: "2023年度项目支出绩效自评情况汇总表") - 1
        synthetic.lines = Array(synthetic.lines[..<annex])
        synthetic.lines.removeAll { $0.contains("项目绩效自评结果") || $0.contains("项目经费项目绩效自评综述") }
        synthetic.lines += [
            "2023 年度测试局部门绩效自评表", "", "总分： 100", "",
            "单位名称\t测试局\t\t\t\t",
            "基本支出总额\t1000\t\t项目支出 总额\t133.18\t",
            "预算执行情况 (万元) (20分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分 (20分*执行率)",
            "\t部门整体支出 总额\t1133.18\t1133.18\t100%\t20",
            "一级指标\t二级指标\t三级指标\t年初目标 值(A)\t实际完成 值(B)\t得分",
            "目标 1(40分)：\t\t\t\t\t",
            "产出指标\t数量指标\t监督检查覆盖率\t100%\t100%\t20",
            "效益指标\t社会效益指标\t医保政策知晓率\t95%\t95%\t20",
            "目标 2(40分)：\t\t\t\t\t",
            "产出指标\t时效性指标\t各类资金到位率\t100%\t100%\t20",
            "效益指标\t社会效益指标\t政策宣传效果\t明显提升\t明显提升\t20",
            "总分\t100\t\t\t\t", "",
        ]
        return synthetic
    }

    /// The 1-based line number of the first line containing `text`.
    public func line(containing text: String) -> Int {
        guard let index = lines.firstIndex(where: { $0.contains(text) }) else { preconditionFailure("no line with \(text)") }
        return index + 1
    }

    /// Replaces `old` by `new` in the first line containing `old`.
    public mutating func replace(_ old: String, with new: String) {
        let index = line(containing: old) - 1
        lines[index] = lines[index].replacing(old, with: new)
    }

    /// Inserts a line after the first line containing `text`.
    public mutating func insert(_ line: String, after text: String) {
        lines.insert(line, at: self.line(containing: text))
    }

    /// The document as text.
    public var text: String { lines.joined(separator: "\n") + "\n" }
}
