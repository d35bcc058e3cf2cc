import BudgetLensRender
import Mustache

/// The page templates (`Templates/*.mustache`), parsed once from the text embedded at build time by the
/// EmbedResources plugin, so the binary needs no template folder beside it.
///
/// Every template starts with `{{% CONTENT_TYPE: BUDGETLENS_HTML}}`: `{{name}}` is escaped by the render module's
/// ``MarkupText/escape(_:)`` (`& < > " '`, XML-illegal control characters dropped), the one escaping function of
/// BudgetLens. `{{{name}}}` (unescaped) is used only for fragments built in Swift that escape their own text
/// (the tables, the 情况说明, the page body inside the layout).
enum WebTemplates {
    /// The content type the templates name: HTML escaped by ``MarkupText``.
    struct MarkupContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkupText.escape(text) }
    }

    /// The template names (file names without `.mustache`).
    static let names = ["layout", "login", "overview", "ranking", "document", "comparison", "upload", "error"]

    /// The library, or the first template that failed to parse (a build defect the tests catch).
    static let library: Result<MustacheLibrary, TemplateError> = {
        MustacheContentTypes.register(MarkupContentType(), named: "BUDGETLENS_HTML")
        var library = MustacheLibrary()
        for name in names {
            guard let text = EmbeddedFiles.contents["Templates/\(name).mustache"] else {
                return .failure(TemplateError(template: name, reason: "not embedded"))
            }
            do {
                try library.register(text, named: name)
            } catch {
                return .failure(TemplateError(template: name, reason: "\(error)"))
            }
        }
        return .success(library)
    }()

    /// A template that cannot be used.
    struct TemplateError: Error, Sendable {
        var template: String
        var reason: String
    }

    /// `context` rendered with the template `name`; on a template defect a plain page saying so (never a crash).
    static func render(_ name: String, _ context: Any) -> String {
        switch library {
        case .success(let library):
            if let text = library.render(context, withTemplate: name) { return text }
            return failurePage(TemplateError(template: name, reason: "unknown template"))
        case .failure(let error):
            return failurePage(error)
        }
    }

    static func failurePage(_ error: TemplateError) -> String {
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>模板错误</title></head><body>"
            + "<p>页面模板 \(MarkupText.escape(error.template)) 不可用：\(MarkupText.escape(error.reason))</p></body></html>\n"
    }

    /// An embedded asset (`Assets/app.css`), empty when missing.
    static func asset(_ path: String) -> String { EmbeddedFiles.contents[path] ?? "" }
}
