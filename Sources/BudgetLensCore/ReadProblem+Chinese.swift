extension Severity {
    /// 错误, 警告, 提示.
    public var chineseName: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }
}

extension ReadProblem {
    /// The kind of problem in Chinese (`cell.not-a-number` → 单元格不是金额), or `nil` for a code without one;
    /// the English ``message`` keeps the details (values, 栏次, positions).
    public var chineseTitle: String? { Self.chineseTitles[code] }

    /// `file:line:column: 错误 error: [公开NN] 单元格不是金额：<English message>` — Chinese first, as findings are.
    public var bilingualDescription: String {
        let tablePart = table.map { "[\($0.formID)] " } ?? ""
        let title = chineseTitle.map { "\($0)：" } ?? ""
        return "\(source): \(severity.chineseName) \(severity.rawValue): \(tablePart)\(title)\(message)"
    }

    /// The codes of the notes that say a value was placed among several possibilities (a column, a row, a label
    /// chosen by position or by an identity) or read as shown rather than as stored: the value is read, but may be
    /// another reading of the same text. `check` counts them under its summary and lists them in its JSON.
    public static let doubtCodes: Set<String> = [
        "layout.column-uncertain", "layout.label-uncertain", "layout.row-uncertain", "layout.row-by-identity",
        "layout.cell-crowded", "workbook.hidden-decimals",
    ]

    /// The English of the detail: the part after ` — ` when the message gives its detail in Chinese first
    /// (`公开09 没有栏次行… — 公开09 prints no 栏次 row…`), else the whole message.
    public var englishDetail: String {
        guard let range = chineseFirstSeparator else { return message }
        return String(message[range.upperBound...])
    }

    /// The Chinese of the detail: the part before ` — ` when the message gives its detail in Chinese first
    /// (`公开09 没有栏次行… — 公开09 prints no 栏次 row…` → `公开09 没有栏次行…`), else the whole message.
    public var chineseDetail: String {
        guard let range = chineseFirstSeparator else { return message }
        return String(message[..<range.lowerBound])
    }

    /// Whether the detail is Chinese first, then ` — ` and the English (the convention every reader message follows).
    public var isChineseFirst: Bool { chineseFirstSeparator != nil }

    /// The first ` — ` of the message when the text before it starts in Chinese (past a table id such as 公开09).
    private var chineseFirstSeparator: Range<String.Index>? {
        guard let range = message.firstRange(of: " — ") else { return nil }
        // The first letter of the detail, past a table id (公开09) and words quoted “…” (a code, a label).
        var quoted = false
        for scalar in message[..<range.lowerBound].unicodeScalars {
            if scalar == "“" || scalar == "”" {
                quoted = scalar == "“"
                continue
            }
            guard !quoted, scalar.properties.isAlphabetic, scalar != "公", scalar != "开" else { continue }
            return (0x4E00...0x9FFF).contains(scalar.value) ? range : nil
        }
        return nil
    }

    /// The problem as a line in `language`: both (``bilingualDescription``), or only the Chinese
    /// (`file:line:column: 错误: [公开NN] 单元格不是金额：<chineseDetail>`) or only the English
    /// (`file:line:column: error: [公开NN] <englishDetail>`), as `show`, `cells` and `check` print it for `--lang`.
    public func description(in language: MessageLanguage) -> String {
        let tablePart = table.map { "[\($0.formID)] " } ?? ""
        switch language {
        case .both:
            return bilingualDescription
        case .zh:
            let title = chineseTitle.map { "\($0)：" } ?? ""
            return "\(source): \(severity.chineseName): \(tablePart)\(title)\(chineseDetail)"
        case .en:
            return "\(source): \(severity.rawValue): \(tablePart)\(englishDetail)"
        }
    }

    /// The detail alone in `language` (``chineseDetail``, ``englishDetail``, or the whole ``message``).
    public func detail(in language: MessageLanguage) -> String {
        switch language {
        case .both: message
        case .zh: chineseDetail
        case .en: englishDetail
        }
    }

    /// Whether this note is one of ``doubtCodes``.
    public var isReadingDoubt: Bool { ReadProblem.doubtCodes.contains(code) }

    /// The Chinese of every code the readers record (BudgetLensReader: the text parser, Layout/, PDF/).
    public static let chineseTitles: [String: String] = [
        "cell.missing": "单元格缺失",
        "cell.not-a-number": "单元格不是金额",
        "cell.out-of-range": "金额超出可表示范围",
        "cell.unplaced": "金额无法归入栏次",
        "layout.cell-crowded": "一格内挤有多个金额",
        "layout.amount-in-label": "金额落在科目名称栏内",
        "layout.amount-between-columns": "金额位于两栏之间，栏次不能确定",
        "table.pages-missing": "缺页，本表只读到部分行",
        "table.rows-missing": "缺少末行（总计等），本表不完整",
        "layout.gbk-aligned": "版面文本按GBK字节对齐（pdftotext -enc GBK），按显示宽度读取，部分栏次可能读错，请改用UTF-8输出",
        "layout.no-page-breaks": "版面文本没有分页符（pdftotext -nopgbrk），跨页表格的栏次可能读错，请用不带 -nopgbrk 的 -layout 重新提取",
        "layout.column-uncertain": "栏次位置存疑",
        "layout.label-uncertain": "项目名称存疑",
        "layout.row-uncertain": "行的划分存疑",
        "layout.too-many-amounts": "金额多于栏次",
        "pdf.blank-page": "空白页",
        "pdf.page-without-text": "页面没有文字层（扫描页？）",
        "row.bad-code": "科目编码有误",
        "row.bad-line-number": "行次有误",
        "row.header-in-total": "合计行含表头文字",
        "row.header-words": "行含表头文字",
        "row.too-narrow": "行的栏数不足",
        "row.too-wide": "行的栏数过多",
        "row.unexpected": "表中出现意外的行",
        "row.unplaced": "行无法归位",
        "self-evaluation.row": "自评表的行无法读取",
        "table.column-numbers": "栏次编号有误",
        "table.duplicate": "表重复",
        "table.merged-codes": "科目编码与名称在同一单元格（已分开读取）",
        "layout.rows-without-title": "页首的表格行不属于任何有表题的表（缺页？）",
        "table.second-set": "文件含第二份决算（第二组表未审核）",
        "table.rows-not-read": "表内有未读取的行",
        "table.line-skipped": "表内夹有非表格行（已跳过）",
        "table.extra-columns": "表有多余的栏",
        "table.ambiguous": "金额放置不能确定（部分单元格未读取）",
        "table.code-in-amount-column": "科目编码栏被当作金额栏",
        "table.no-data-row": "表没有数据行",
        "table.no-header": "表头缺失",
        "workbook.hidden-decimals": "单元格存有未显示的小数位（按显示值读取）",
        "workbook.percent-amount": "金额单元格设成了百分比格式（按存储的数值读取）",
        "workbook.date-cell": "金额单元格为日期格式（单元格不是金额）",
        "workbook.merged-amount": "金额单元格合并（被合并的单元格未读取）",
        "workbook.merged-code": "科目编码单元格向下合并，其下各行编码未知",
        "workbook.bad-cell": "单元格引用了不存在的共享字符串",
        "workbook.formula": "公式无缓存值且无法计算（按公式文字读取）",
        "workbook.hidden-sheet": "工作表已隐藏（未读取）",
        "workbook.missing-sheet": "工作表缺失或不是工作表",
        "page-text.column-placed": "金额栏次按公开06所列确定",
        "layout.pdfplumber-placed": "金额栏次按其在 pdfplumber 版面文本中的位置确定",
        "layout.pdfplumber": "按 pdfplumber 版面文本（extract_text(layout=True)）读取",
        "page-text.column-by-identity": "金额栏次按表间勾稽关系确定（公开03 ≥ 公开05 + 07 + 08，X-12）",
        "page-text.row-unplaced": "行无法按表格关系归位",
        "page-text.placement-ambiguous": "金额有两种以上放置均满足勾稽关系，本表未读取",
        "page-text.read": "按页面文本读取（单元格以单个空格分隔，如 pdfplumber 的 extract_text()），表格行由各表的勾稽关系重建",
        "text.ends-mid-row": "文件在表格行中途结束（被截断？），该表未读取",
        "text.ends-in-table": "文件在表格中途结束（其后无内容、其后各表缺失，被截断？），该表未读取",
        "text.ends-mid-character": "文件在一个字符中途结束（被截断？）：不完整的末字符已舍去",
        "text.stray-tabs": "个别行含制表符，但表格行以空格分隔：制表符按空格读取",
        "text.padded-lines": "文件各行以制表符补齐（电子表格另存为文本）：表格之外各行末尾的空栏已去除",
        "table.not-understood": "有表题但表格形式无法读取",
        "table.columns-by-header": "栏次按表头归位（未印出的栏不检查）",
        "layout.row-by-identity": "按合计关系确定行的金额位置",
    ]
}
