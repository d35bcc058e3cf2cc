/// A department final-accounts disclosure (部门决算公开) as published: header, table of contents, the nine
/// public tables, the narrative 情况说明, the 名词解释 glossary and the remaining parts, each value with
/// its source location, plus the problems met while reading.
public struct Disclosure: Hashable, Sendable, Codable {
    /// The input the disclosure was read from.
    public var source: SourceDocument
    /// What kind of document this is; only `.finalAccounts` has the nine tables.
    public var kind: DocumentKind
    /// Title, unit, year, scope and money unit.
    public var header: DocumentHeader
    /// The 目录 entries, in order.
    public var tableOfContents: [ContentsEntry]
    /// The public tables found, in document order.
    public var tables: [PublicTable]
    /// The numbered sections 一 … 十三 of the 情况说明, text verbatim.
    public var narrative: [NarrativeSection]
    /// The numeric statements of the 情况说明, read by the reader from `narrative` (`nil` when not read).
    public var statements: NarrativeReading?
    /// The 名词解释 entries.
    public var glossary: [GlossaryEntry]
    /// The document's parts (第一部分 …) with their text verbatim, the annex (附件) among them.
    public var parts: [DocumentPart]
    /// The performance self-evaluation tables of the annex (自评表).
    public var selfEvaluations: [SelfEvaluation]
    /// The 项目支出绩效自评情况汇总表 of the annex.
    public var evaluationSummaries: [SelfEvaluationSummary]
    /// What the reader noticed: unreadable cells, rows of the wrong width, missing tables and the like.
    public var problems: [ReadProblem]

    /// Creates a disclosure.
    public init(
        source: SourceDocument, kind: DocumentKind, header: DocumentHeader,
        tableOfContents: [ContentsEntry] = [], tables: [PublicTable] = [], narrative: [NarrativeSection] = [],
        glossary: [GlossaryEntry] = [], parts: [DocumentPart] = [], selfEvaluations: [SelfEvaluation] = [],
        evaluationSummaries: [SelfEvaluationSummary] = [], problems: [ReadProblem] = [],
        statements: NarrativeReading? = nil
    ) {
        self.statements = statements
        self.source = source
        self.kind = kind
        self.header = header
        self.tableOfContents = tableOfContents
        self.tables = tables
        self.narrative = narrative
        self.glossary = glossary
        self.parts = parts
        self.selfEvaluations = selfEvaluations
        self.evaluationSummaries = evaluationSummaries
        self.problems = problems
    }

    /// The first table with the given number, if the document has it.
    public func table(_ id: TableID) -> PublicTable? { tables.first { $0.id == id } }

    /// The tables of the nine that the document does not have, in canonical order; a table present on pages
    /// without text (``unreadableTables``) or present in a form not read (``notUnderstoodTables``) is not missing.
    public var missingTables: [TableID] {
        let present = Set(tables.map(\.id)).union(unreadableTables).union(notUnderstoodTables)
        return TableID.allCases.filter { !present.contains($0) }
    }

    /// The money unit of the tables: the document's declared unit, else 万元.
    public var moneyUnit: MoneyUnit { header.moneyUnit ?? .wanYuan }
}

/// The file a disclosure was read from.
public struct SourceDocument: Hashable, Sendable, Codable {
    /// The file name as given.
    public var file: String
    /// The input format.
    public var format: SourceFormat
    /// Size in bytes.
    public var byteCount: Int
    /// Number of lines (text), pages (PDF) or sheets (XLSX).
    public var lineCount: Int
    /// The character encoding a text input was read in; `nil` for a PDF (poppler gives UTF-8) and in exports
    /// written before the field existed.
    public var encoding: TextEncoding?
    /// The line terminators a text input used (all read as line breaks); `nil` as for ``encoding``.
    public var lineEndings: LineEndings?

    /// Creates a source description.
    public init(
        file: String, format: SourceFormat, byteCount: Int, lineCount: Int, encoding: TextEncoding? = nil,
        lineEndings: LineEndings? = nil
    ) {
        self.file = file
        self.format = format
        self.byteCount = byteCount
        self.lineCount = lineCount
        self.encoding = encoding
        self.lineEndings = lineEndings
    }

    /// How the input was read, e.g. `GB18030, CRLF`; empty for a PDF.
    public var encodingDescription: String {
        guard let encoding else { return "" }
        return lineEndings.map { "\(encoding.rawValue), \($0.rawValue) line endings" } ?? encoding.rawValue
    }
}

/// The input formats BudgetLens reads.
public enum SourceFormat: String, Hashable, Sendable, Codable {
    /// Text extracted from a PDF, tables as tab-separated rows.
    case text
    /// `pdftotext -layout` text: tables as space-aligned columns.
    case layoutText
    /// A PDF file.
    case pdf
    /// A BudgetLens JSON export.
    case json
    /// An Excel workbook (XLSX): the tables as sheets; sources name cells (`公开05!D12`).
    case xlsx
    /// A CSV file: tables as comma-separated rows; sources name cells (`D12`).
    case csv
}

/// What a document is.
public enum DocumentKind: String, Hashable, Sendable, Codable {
    /// 部门决算 / 单位决算: final accounts with the nine public tables.
    case finalAccounts
    /// 部门预算: a budget, not final accounts.
    case budget
    /// 部门（预算）整体绩效评价报告: an evaluation report of a department's whole budget (DOMAIN §4.1, seed 003).
    case departmentEvaluation
    /// 项目（资金）绩效评价报告: an evaluation report of one project or fund (DOMAIN §4.1, seed 000's annex).
    case projectEvaluation
    /// 转移支付（补助资金）绩效评价报告: an evaluation report of a transfer payment (DOMAIN §4.1, seed 004).
    case transferEvaluation
    /// 绩效自评报告 / 自评表 on its own: a self-evaluation, not final accounts.
    case selfEvaluation
    /// Neither could be recognised.
    case unknown

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .finalAccounts: "部门决算"
        case .budget: "部门预算"
        case .departmentEvaluation: "部门整体绩效评价报告"
        case .projectEvaluation: "项目绩效评价报告"
        case .transferEvaluation: "转移支付绩效评价报告"
        case .selfEvaluation: "绩效自评报告"
        case .unknown: "未识别"
        }
    }

    /// True for the three kinds of evaluation report (绩效评价报告), which `budgetlens evaluate` reads.
    public var isEvaluationReport: Bool {
        self == .departmentEvaluation || self == .projectEvaluation || self == .transferEvaluation
    }

    /// The kind an evaluation-report title names, or `nil` when `title` names no evaluation report:
    /// `…部门预算整体绩效评价报告` → `.departmentEvaluation`, `…补助资金绩效评价报告` or `…转移支付…绩效评价报告` →
    /// `.transferEvaluation`, another `…绩效评价报告` → `.projectEvaluation`; `…绩效自评报告` / `…自评表` →
    /// `.selfEvaluation`. Whitespace and full-width forms are ignored.
    public static func evaluationKind(title: String) -> DocumentKind? {
        let key = TextNormalization.key(title)
        if key.containsText("自评报告") || key.containsText("自评表") { return .selfEvaluation }
        guard key.containsText("评价报告") else { return nil }
        if key.containsText("整体") { return .departmentEvaluation }
        if key.containsText("转移支付") || key.containsText("补助资金") { return .transferEvaluation }
        return .projectEvaluation
    }
}

/// The document header: what the disclosure is about.
public struct DocumentHeader: Hashable, Sendable, Codable {
    /// The title as printed on the cover, whitespace-normalised.
    public var title: String
    /// The department or unit name (部门/单位), as printed in the table headers where present.
    public var unitName: String?
    /// Whether the tables say 部门 or 单位 before the name.
    public var unitLabel: String?
    /// The fiscal year.
    public var year: Int?
    /// 本级 (the unit itself) or 汇总 (consolidated), where the document says.
    public var scope: Scope?
    /// The money unit the tables declare (`金额单位：万元`).
    public var moneyUnit: MoneyUnit?
    /// Where the title was read.
    public var source: SourceLocation?
    /// The name the tables' headers print (`部门：上海市规划和自然资源局`) when ``unitName`` is the cover's and the
    /// two differ; `nil` otherwise. F-HDR compares it with the cover.
    public var tablesUnitName: String?

    /// Creates a header.
    public init(
        title: String, unitName: String? = nil, unitLabel: String? = nil, year: Int? = nil, scope: Scope? = nil,
        moneyUnit: MoneyUnit? = nil, source: SourceLocation? = nil
    ) {
        self.title = title
        self.unitName = unitName
        self.unitLabel = unitLabel
        self.year = year
        self.scope = scope
        self.moneyUnit = moneyUnit
        self.source = source
    }
}

/// Which units a disclosure covers.
public enum Scope: String, Hashable, Sendable, Codable {
    /// 本级: the unit itself only.
    case standalone = "本级"
    /// 汇总: consolidated over the department's units.
    case consolidated = "汇总"
}
