import BudgetLensCore

/// Text the pages show for model values: amounts exactly from 分 (``Money`` formatting, never `Double`),
/// severities, source locations.
enum WebFormat {
    /// `error`, `warning`, `rounding` (a warning within the 尾数误差 tolerance) or `info`: the CSS class.
    static func severityClass(_ finding: Finding) -> String {
        switch finding.severity {
        case .error: "error"
        case .warning: finding.isRounding ? "rounding" : "warning"
        case .info: "info"
        }
    }

    /// `错误`, `警告`, `尾数误差`, `提示`.
    static func severityLabel(_ finding: Finding) -> String {
        switch severityClass(finding) {
        case "error": "错误"
        case "warning": "警告"
        case "rounding": "尾数误差"
        default: "提示"
        }
    }

    /// An amount in 万元 with thousands separators, `7,297.28`; `—` for none.
    static func wanYuan(_ fen: Int64?) -> String {
        guard let fen else { return "—" }
        return Money(fen: fen).groupedString(in: .wanYuan)
    }

    /// An amount in `unit` with the unit, `453.01万元`.
    static func amount(_ money: Money, unit: MoneyUnit) -> String {
        money.decimalString(in: unit) + unit.rawValue
    }

    /// An expected or actual value: `453.01万元（公开05[…] + …）` for an amount with its formula, the text else.
    static func value(_ value: FindingValue, unit: MoneyUnit) -> String {
        switch value {
        case .amount(let money, let formula):
            let text = amount(money, unit: unit)
            return formula.isEmpty ? text : "\(text)（\(formula)）"
        case .text(let text):
            return text
        }
    }

    /// Where a finding was read: `第8页 框(372,230–410,241)，重建文本第190行第12列` for a PDF, `公开05!D12` for a
    /// workbook cell, `第266行第1列` for text.
    static func source(_ location: SourceLocation) -> String {
        var parts: [String] = []
        if let page = location.page { parts.append("第\(page)页") }
        if let region = location.region {
            parts.append(
                "框(\(Int(region.x0.rounded())),\(Int(region.y0.rounded()))–\(Int(region.x1.rounded())),\(Int(region.y1.rounded())))")
        }
        if let cell = location.cell {
            parts.append(cell)
        } else if location.line > 0 {
            parts.append((location.region != nil ? "重建文本" : "") + "第\(location.line)行第\(location.column)列")
        }
        return parts.joined(separator: "，")
    }

    /// `-0.01`, `+12.50` in `unit` (a sign always, exact).
    static func signed(_ money: Money, unit: MoneyUnit) -> String {
        (money.fen > 0 ? "+" : "") + money.decimalString(in: unit)
    }

    /// Standard Chinese heading of an HTTP status.
    static func statusHeading(_ status: Int) -> (heading: String, message: String) {
        switch status {
        case 400: ("请求有误", "请求的参数不正确。")
        case 401: ("需要登录", "请先登录。")
        case 403: ("无权访问", "您没有执行此操作的权限，或表单已过期（CSRF 校验失败），请刷新后重试。")
        case 404: ("页面不存在", "您要找的页面或文档不存在，或您无权查看。")
        case 413: ("文件过大", "上传的文件超过大小限制。")
        case 500: ("服务器内部错误", "服务器处理请求时出错，请稍后再试。")
        default: ("出错了", "请求未能完成。")
        }
    }
}

extension WebFormat {
    /// `text` percent-encoded for a query value (UTF-8; unreserved characters kept).
    static func queryEscape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
