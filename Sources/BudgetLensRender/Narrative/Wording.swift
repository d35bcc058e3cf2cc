import BudgetLensCore

/// How the narrative prints numbers and standard phrases (DOMAIN §0.1, §2.0): amounts in 万元 with thousands
/// separators and trailing zeros stripped (`8,431.28`, `134`, `41.8`), percentages at 2 decimals half up with
/// trailing zeros stripped (`117.6%`, `100%`).
enum Wording {
    /// `8,431.28`, `134`, `41.8`, `0` for an amount in 万元.
    static func amount(_ money: Money) -> String {
        var text = money.groupedString(in: .wanYuan)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `99.97%`: `part ÷ whole` at 2 decimals; `0%` of a zero whole is not a share and prints as `0%`.
    static func share(_ part: Money, of whole: Money) -> String {
        Percentage.ratio(part, of: whole, precision: 2)?.strippedDescription ?? "0%"
    }

    /// `与2021年度相比，{subject}增加5,413.46万元，增长179.38%。` — `与上年决算数一致。` when unchanged; without the
    /// percentage when last year's value was 0 (no base).
    static func change(subject: String, current: Money, prior: Money, year: Int) -> String {
        let (difference, overflow) = current.fen.subtractingReportingOverflow(prior.fen)
        guard !overflow else { return "" }
        if difference == 0 { return "与上年决算数一致。" }
        let delta = Money(fen: difference.magnitude > UInt64(Int64.max) ? .max : Int64(difference.magnitude))
        let increase = difference > 0
        var text = "与\(year)年度相比，\(subject)\(increase ? "增加" : "减少")\(amount(delta))万元"
        if !prior.isZero, let rate = Percentage.ratio(delta, of: prior, precision: 2) {
            text += "，\(increase ? "增长" : "下降")\(rate.strippedDescription)"
        }
        return text + "。"
    }
}
