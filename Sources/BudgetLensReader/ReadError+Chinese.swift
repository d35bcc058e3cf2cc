import BudgetLensCore

extension ReadError.Code {
    /// What the failure is, in Chinese.
    public var chineseDescription: String {
        switch self {
        case .unreadable: "无法读取文件（不存在、无权限或是目录）"
        case .empty: "文件为空"
        case .tooLarge: "文件超过大小上限（--max-input-mb）"
        case .notText: "不是可读的文本（UTF-8、UTF-16、GB18030 或 Big5），或是其他格式的文件"
        case .badJSON: "不是有效的 BudgetLens JSON 导出"
        case .badPDF: "PDF 无法读取（损坏、加密、没有文字层或缺少 poppler-utils）"
        case .badWorkbook: "Excel 工作簿无法读取（损坏、加密、旧版 .xls、过大或不是工作簿）"
        default: "无法读取"
        }
    }
}

extension ReadError {
    /// `file:line:column: <the failure in Chinese>`, as specific as the English ``description``: the
    /// ``chineseMessage``, else the code's Chinese followed by the English details.
    public var chineseDescription: String {
        let place = source.line > 0 ? "\(source)" : source.file
        return "\(place): \(chineseMessage ?? "\(code.chineseDescription)：\(message)")"
    }
}
