import BudgetLensCore

/// Turns a violated comparison into a finding with its messages in Chinese and English.
struct FindingWriter {
    let unit: MoneyUnit

    func finding(
        rule: Rule, relation: Relation, left: Evaluated, right: Evaluated, difference: Money, tolerance: Money,
        isRounding: Bool
    ) -> Finding {
        let anchor = left.operands.count == 1 ? left.operands[0] : (left.operands.first ?? right.operands.first)
        let location = FindingLocation(
            table: anchor?.table, line: anchor?.line, code: anchor?.code, item: anchor?.item, column: anchor?.column,
            source: anchor?.source)
        let place = left.operands.count == 1 ? location.description : left.formula
        let actual = amount(left.value)
        let expected = amount(right.value)
        let signedDifference = (difference > .zero ? "+" : "") + amount(difference)
        let (relationZh, relationEn): (String, String) =
            switch relation {
            case .equal: ("应为", "expected")
            case .lessOrEqual: ("应不大于", "expected at most")
            case .greaterOrEqual: ("应不小于", "expected at least")
            }
        var message = "\(rule.text)：\(place) 为 \(actual)，\(relationZh) \(expected)（\(right.formula)），差 \(signedDifference)"
        var english =
            "\(rule.textEnglish): \(place) is \(actual), \(relationEn) \(expected) (\(right.formula)), "
            + "difference \(signedDifference)"
        if isRounding {
            message += "，在尾数误差 ±\(amount(tolerance)) 之内"
            english += ", within the rounding tolerance ±\(amount(tolerance))"
        }
        message += "。"
        english += "."
        return Finding(
            rule: rule.id, severity: isRounding ? min(rule.severity, .warning) : rule.severity, message: message,
            messageEnglish: english, location: location,
            expected: .amount(right.value, formula: right.formula), actual: .amount(left.value, formula: left.formula),
            difference: difference, tolerance: tolerance, isRounding: isRounding, operands: right.operands)
    }

    private func amount(_ value: Money) -> String { value.decimalString(in: unit) }
}
