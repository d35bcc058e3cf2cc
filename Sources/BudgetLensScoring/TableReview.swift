import BudgetLensCore

/// The defects of one recomputed self-evaluation table.
struct TableReview {
    let score: TableScore
    let disclosure: Disclosure

    private var table: SelfEvaluation { score.table }
    private var isScored: Bool { score.scheme.total > .zero }

    func items(_ aspect: ReviewAspect) -> [ReviewItem] {
        switch aspect {
        case .fundingSum: table.kind == .transfer ? [] : fundingSum(sources: ["当年财政拨款", "上年结转资金", "其他资金"])
        case .transferFundingSum: table.kind == .transfer ? fundingSum(sources: ["中央财政资金", "省级财政资金", "市级财政资金", "县级财政资金"]) : []
        case .executionRate: executionRates()
        case .executionScore: isScored ? executionScore() : []
        case .weightsSum: isScored ? weightsSum() : []
        case .scoreRange: isScored ? scoreRange() : []
        case .unmetFullMarks: isScored ? unmetFullMarks() : []
        case .indicatorScore: isScored ? indicatorScores() : []
        case .totalSum: isScored ? totalSum() : []
        case .totalRecomputed: isScored ? totalRecomputed() : []
        case .totalPresent: isScored && table.statedTotal == nil ? [item(.totalPresent, "未列示总分", "the table prints no 总分", expected: "总分", actual: "none")] : []
        case .deviationExplained: isScored ? deviationExplained() : []
        case .actualComparator: indicatorItems(.actualComparator, where: { $0.indicator.actual?.comparator != nil }) { i in
                ("实际完成值“\(i.indicator.actual?.text ?? "")”写成了表达式，应填写实际数值",
                    "the actual value '\(i.indicator.actual?.text ?? "")' is an expression, not the value reached")
            }
        case .actualUnit: indicatorItems(.actualUnit, where: { $0.judgement.assumedUnit }) { i in
                ("实际完成值“\(i.indicator.actual?.text ?? "")”缺少指标值“\(i.indicator.target.text)”的计量单位",
                    "the actual value '\(i.indicator.actual?.text ?? "")' lacks the unit of its target '\(i.indicator.target.text)'")
            }
        case .actualEmpty:
            indicatorItems(.actualEmpty, where: { $0.indicator.actual == nil && !$0.indicator.isConstraint && !$0.indicator.isShifted }) { _ in
                ("未填写实际完成值", "the actual value is empty")
            }
        case .actualUncertain:
            indicatorItems(.actualUncertain, where: { $0.indicator.actual == nil && !$0.indicator.isConstraint && $0.indicator.isShifted }) { _ in
                ("该行单元格错位，未能读出实际完成值，请对照原件核实", "the row's cells are shifted and no actual value could be read; check the original")
            }
        case .actualJudgeable: indicatorItems(.actualJudgeable, where: isUnjudgeable) { i in
                ("实际完成值“\(i.indicator.actual?.text ?? "")”无法与指标值“\(i.indicator.target.text)”比较，不能判断是否完成",
                    "the actual value '\(i.indicator.actual?.text ?? "")' cannot be compared with the target '\(i.indicator.target.text)'")
            }
        case .unitConversion: indicatorItems(.unitConversion, where: { $0.judgement.conversion != nil }) { i in
                let verdict = i.judgement.status == .met ? "已完成" : "未完成"
                return ("指标值与实际完成值单位不同，换算后（\(i.judgement.conversion ?? "")）\(verdict)",
                    "target and actual use different units; converted (\(i.judgement.conversion ?? "")) the target is \(i.judgement.status == .met ? "met" : "not met")")
            }
        case .targetUnit: indicatorItems(.targetUnit, where: { $0.indicator.target.measure?.unit.isEmpty == true }) { i in
                ("指标值“\(i.indicator.target.text)”缺少计量单位", "the target '\(i.indicator.target.text)' has no unit")
            }
        case .costIsMoney: indicatorItems(.costIsMoney, where: { $0.indicator.isCost && $0.indicator.target.measure?.isMoney != true }) { i in
                ("成本指标的指标值“\(i.indicator.target.text)”不是金额", "the cost indicator's target '\(i.indicator.target.text)' is not an amount of money")
            }
        case .costEqualsSpending: costEqualsSpending()
        case .duplicateIndicator: duplicates()
        case .departmentTotals: table.kind == .department ? departmentTotals() : []
        case .summaryAgrees, .summaryGrades, .summaryCounts, .narrativeSummaries: []
        }
    }

    private func item(
        _ aspect: ReviewAspect, _ message: String, _ english: String, at location: FindingLocation? = nil,
        expected: String? = nil, actual: String? = nil
    ) -> ReviewItem {
        ReviewItem(
            aspect: aspect, message: message, english: english,
            location: location ?? FindingLocation(table: score.label, source: table.source),
            expected: expected.map(FindingValue.text), actual: actual.map(FindingValue.text))
    }

    private func location(_ indicator: Indicator) -> FindingLocation {
        FindingLocation(table: score.label, item: indicator.name, source: indicator.source)
    }

    private func location(_ row: FundingRow) -> FindingLocation {
        FindingLocation(table: score.label, item: row.label, source: row.source)
    }

    private func indicatorItems(
        _ aspect: ReviewAspect, where condition: (IndicatorScore) -> Bool, _ text: (IndicatorScore) -> (String, String)
    ) -> [ReviewItem] {
        score.indicators.filter(condition).map { indicatorScore in
            let (message, english) = text(indicatorScore)
            return item(
                aspect, message, english, at: location(indicatorScore.indicator),
                expected: indicatorScore.indicator.target.text, actual: indicatorScore.indicator.actual?.text ?? "")
        }
    }

    private func isUnjudgeable(_ indicator: IndicatorScore) -> Bool {
        indicator.judgement.status == .undetermined && indicator.indicator.actual != nil && !indicator.indicator.isConstraint
            && (indicator.indicator.target.isQuantitative || indicator.indicator.actual?.isQuantitative == true)
    }

    private func fundingSum(sources: [String]) -> [ReviewItem] {
        guard let total = table.budget.total else { return [] }
        let rows = table.budget.sources.filter { sources.contains($0.label) }
        guard rows.contains(where: { $0.budget != nil || $0.executed != nil || $0.initialBudget != nil }) else { return [] }
        var items: [ReviewItem] = []
        let columns: [(String, KeyPath<FundingRow, Money?>)] = [("年初预算数", \.initialBudget), ("全年预算数(A)", \.budget), ("全年执行数(B)", \.executed)]
        for (name, keyPath) in columns {
            guard let printed = total[keyPath: keyPath] else { continue }
            let sum = rows.compactMap { $0[keyPath: keyPath] }.sum()
            guard sum != printed else { continue }
            let parts = rows.map { "\($0.label) \(Render.money($0[keyPath: keyPath]))" }.joined(separator: " + ")
            items.append(
                item(
                    table.kind == .transfer ? .transferFundingSum : .fundingSum,
                    "\(total.label)\(name)为\(Render.money(printed))万元，各来源之和为\(Render.money(sum))万元（\(parts)）",
                    "\(total.label) \(name) is \(Render.money(printed)), its sources add up to \(Render.money(sum)) (\(parts))",
                    at: location(total), expected: Render.money(sum), actual: Render.money(printed)))
        }
        return items
    }

    private func executionRates() -> [ReviewItem] {
        table.budget.rows.compactMap { row in
            guard let printed = row.statedRate, printed.unit == "%", let budget = row.budget, let executed = row.executed,
                budget.fen > 0
            else { return nil }
            let decimals = min(2, printed.description.split(separator: ".").dropFirst().first.map { $0.count - 1 } ?? 0)
            guard let computed = ScoreCalculator.percentHundredths(executed.fen, of: budget.fen) else { return nil }
            let expected = Render.rounded(computed, toDecimals: decimals)
            let printedHundredths = printed.millionths / 10_000
            guard printedHundredths != expected else { return nil }
            let expectedText = Render.rate(computed, decimals: decimals)
            return item(
                .executionRate,
                "\(row.label)执行率为\(printed)，B/A = \(Render.money(executed))/\(Render.money(budget)) = \(expectedText)",
                "\(row.label) execution rate is \(printed); B/A = \(Render.money(executed))/\(Render.money(budget)) = \(expectedText)",
                at: location(row), expected: expectedText, actual: printed.description)
        }
    }

    private func executionScore() -> [ReviewItem] {
        guard let row = table.budget.total, let computed = score.executionScore else { return [] }
        var items: [ReviewItem] = []
        if let printed = row.statedScore, printed != computed {
            let rate = score.executionRate.map { Render.rate($0, decimals: 2) } ?? "—"
            items.append(
                item(
                    .executionScore,
                    "预算执行得分为\(printed)，按执行率\(rate)应得\(computed)（\(score.scheme.executionWeight)分 × min(B/A, 1)）",
                    "the execution score is \(printed); at \(rate) it is \(computed) (\(score.scheme.executionWeight) × min(B/A, 1))",
                    at: location(row), expected: computed.description, actual: printed.description))
        }
        return items
    }

    private func weightsSum() -> [ReviewItem] {
        var items: [ReviewItem] = []
        let scheme = score.scheme
        if let printed = table.budget.total?.weight ?? table.budget.headerPoints, printed != scheme.executionWeight {
            items.append(
                item(
                    .weightsSum, "预算执行分值为\(printed)分，评分办法为\(scheme.executionWeight)分",
                    "the execution weight is \(printed); the scheme gives \(scheme.executionWeight)",
                    expected: scheme.executionWeight.description, actual: printed.description))
        }
        let weights = score.indicators.filter { !$0.indicator.isConstraint }.map(\.weight)
        if !weights.isEmpty, weights.allSatisfy({ $0 != nil }) {
            let sum = weights.compactMap { $0 }.reduce(Score.zero, +)
            if sum != scheme.indicatorWeight {
                items.append(
                    item(
                        .weightsSum, "各绩效指标分值之和为\(sum)分，应为\(scheme.indicatorWeight)分",
                        "the indicator weights add up to \(sum); the scheme gives \(scheme.indicatorWeight)",
                        expected: scheme.indicatorWeight.description, actual: sum.description))
            }
        }
        return items
    }

    private func scoreRange() -> [ReviewItem] {
        score.indicators.compactMap { indicator in
            guard let stated = indicator.indicator.statedScore, let weight = indicator.weight,
                stated > weight || stated < .zero
            else { return nil }
            return item(
                .scoreRange, "得分\(stated)超出分值\(weight)", "the score \(stated) is outside 0…\(weight)",
                at: location(indicator.indicator), expected: "0–\(weight)", actual: stated.description)
        }
    }

    /// Under a judged scheme (the rule for partial scores is not printed), an unmet target must lose points;
    /// proportional and banded schemes recompute the score instead (``ReviewAspect/indicatorScore``).
    private func unmetFullMarks() -> [ReviewItem] {
        score.indicators.compactMap { indicator in
            let judged =
                indicator.indicator.target.isQuantitative
                ? score.scheme.quantitative == .judged : score.scheme.qualitative == .judged
            guard judged, indicator.judgement.status == .unmet, let stated = indicator.indicator.statedScore,
                let weight = indicator.weight, stated >= weight, weight > .zero
            else { return nil }
            let target = indicator.indicator.target.text
            let actual = indicator.indicator.actual?.text ?? ""
            return item(
                .unmetFullMarks, "指标值\(target)，实际完成\(actual)，未完成却得满分\(stated)（未完成指标未扣分）",
                "target \(target), actual \(actual): not met, yet full marks \(stated)",
                at: location(indicator.indicator), expected: "< \(weight)", actual: stated.description)
        }
    }

    private func indicatorScores() -> [ReviewItem] {
        guard score.scheme.quantitative == .proportional || score.scheme.qualitative != .judged else { return [] }
        return score.indicators.compactMap { indicator in
            guard let stated = indicator.indicator.statedScore, let allowed = indicator.allowed, !allowed.contains(stated)
            else { return nil }
            let range = allowed.lowerBound == allowed.upperBound ? allowed.lowerBound.description : "\(allowed.lowerBound)–\(allowed.upperBound)"
            let basis =
                indicator.indicator.target.isQuantitative
                ? (indicator.judgement.moreIsBetter ? "权重 × B/A" : "权重 × A/B") : "定性指标分档"
            return item(
                .indicatorScore, "得分\(stated)，按评分办法（\(basis)）应为\(range)",
                "the score is \(stated); the scheme (\(basis)) gives \(range)", at: location(indicator.indicator),
                expected: range, actual: stated.description)
        }
    }

    private func totalSum() -> [ReviewItem] {
        guard let stated = table.statedTotal, let sum = score.sumOfPrintedParts, stated != sum else { return [] }
        return [
            item(
                .totalSum, "总分为\(stated)，预算执行得分与各指标得分之和为\(sum)",
                "总分 is \(stated); the execution and indicator scores add up to \(sum)", expected: sum.description,
                actual: stated.description)
        ]
    }

    private func totalRecomputed() -> [ReviewItem] {
        guard let stated = table.statedTotal, let computed = score.computedTotal, stated != computed else { return [] }
        return [
            item(
                .totalRecomputed, "总分为\(stated)，按评分办法重新计算为\(computed)",
                "总分 is \(stated); recomputed under the scheme it is \(computed)", expected: computed.description,
                actual: stated.description)
        ]
    }

    private func deviationExplained() -> [ReviewItem] {
        score.indicators.compactMap { indicator in
            guard let stated = indicator.indicator.statedScore, let weight = indicator.weight, stated < weight,
                (indicator.indicator.deviationReason ?? "").isEmpty
            else { return nil }
            return item(
                .deviationExplained, "得分\(stated)低于分值\(weight)，未填写偏差原因分析及改进措施",
                "scored \(stated) of \(weight) without explaining the deviation", at: location(indicator.indicator),
                expected: "an explanation", actual: "none")
        }
    }

    private func costEqualsSpending() -> [ReviewItem] {
        guard let executed = table.budget.total?.executed, executed.fen > 0 else { return [] }
        return score.indicators.compactMap { indicator in
            guard indicator.indicator.isCost, let measure = indicator.indicator.actual?.measure, measure.isMoney,
                let base = measure.inBaseUnit
            else { return nil }
            // Yuan → 分, rounded to the 0.01 万元 the tables print.
            let amount = Money(fen: base.millionths / 10_000).rounded(toMultipleOf: 10_000)
            // Only an amount of the size of the spending is the total spending; per-person costs are not.
            guard amount.fen * 2 >= executed.fen, amount.fen <= executed.fen * 2, amount != executed else { return nil }
            return item(
                .costEqualsSpending,
                "成本指标实际完成值\(measure)（\(Render.money(amount))万元）与全年执行数\(Render.money(executed))万元不一致",
                "the cost indicator's actual value \(measure) (\(Render.money(amount)) 万元) is not the year's spending \(Render.money(executed))",
                at: location(indicator.indicator), expected: Render.money(executed), actual: Render.money(amount))
        }
    }

    private func duplicates() -> [ReviewItem] {
        var seen: [String: Indicator] = [:]
        var items: [ReviewItem] = []
        for indicator in table.indicators {
            let key = TextNormalization.key(indicator.name)
            if let first = seen[key] {
                items.append(
                    item(
                        .duplicateIndicator,
                        "三级指标“\(indicator.name)”重复列示（第\(first.source.line)行指标值\(first.target.text)，本行\(indicator.target.text)）",
                        "the indicator '\(indicator.name)' appears twice (line \(first.source.line): \(first.target.text); here: \(indicator.target.text))",
                        at: location(indicator), expected: "once", actual: "twice"))
            } else {
                seen[key] = indicator
            }
        }
        return items
    }

    private func departmentTotals() -> [ReviewItem] {
        guard let total = table.budget.total, let budget = total.budget else { return [] }
        var items: [ReviewItem] = []
        if let basic = table.basicExpenditure {
            let sum = basic + (table.projectExpenditure ?? .zero)
            if sum != budget {
                items.append(
                    item(
                        .departmentTotals,
                        "基本支出总额\(Render.money(basic)) + 项目支出总额\(Render.money(table.projectExpenditure ?? .zero)) = \(Render.money(sum))，部门整体支出总额预算数为\(Render.money(budget))",
                        "基本支出总额 + 项目支出总额 = \(Render.money(sum)); 部门整体支出总额 is \(Render.money(budget))",
                        at: location(total), expected: Render.money(sum), actual: Render.money(budget)))
            }
        }
        if let expenditure = disclosure.table(.expenditure)?.rows.first(where: { $0.kind == .total })?.cell(1)?.value,
            expenditure != budget
        {
            items.append(
                item(
                    .departmentTotals,
                    "部门整体支出总额\(Render.money(budget))万元与公开03本年支出合计\(Render.money(expenditure))万元不一致",
                    "部门整体支出总额 \(Render.money(budget)) differs from 公开03 合计 \(Render.money(expenditure))",
                    at: location(total), expected: Render.money(expenditure), actual: Render.money(budget)))
        }
        return items
    }
}
