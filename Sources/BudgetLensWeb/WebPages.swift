import BudgetLensCore
import BudgetLensRender
import BudgetLensStore

/// The web application's pages as complete HTML documents (UTF-8, `<html lang="zh-CN">`), rendered from view
/// models without any HTTP dependency: the server (module BudgetLensServer) answers its routes with these
/// strings. Pages link only to the routes of docs/web.md, load only `/assets/app.css` and `/assets/app.js`
/// (``WebAssets``) and fetch nothing from other hosts. Every model text is escaped (``MarkupText``).
public enum WebPages {
    /// GET `/login`: the form posting `username`, `password` and `csrf_token` to `/login`.
    public static func login(_ view: LoginView) -> String {
        var context = base(view.session)
        context["username"] = view.username
        if let message = view.errorMessage { context["errorMessage"] = message }
        return page("登录", body: WebTemplates.render("login", context), session: view.session)
    }

    /// GET `/`: units (rows) × years (columns); each cell lists the unit's documents of that year, linking
    /// `/documents/{id}`, with the error / warning / rounding counts and 公开01 本年收入合计 and 本年支出合计 in 万元.
    public static func overview(_ view: OverviewView) -> String {
        let years = Set(view.summaries.map { $0.year }).sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        let units = Set(view.summaries.map { $0.unit ?? StoreReport.unknownUnit }).sorted()
        var rows: [[String: Any]] = []
        for unit in units {
            let mine = view.summaries.filter { ($0.unit ?? StoreReport.unknownUnit) == unit }
            let cells: [[String: Any]] = years.map { year in
                let documents = mine.filter { $0.year == year }.sorted { $0.document < $1.document }
                return [
                    "documents": documents.map { summary -> [String: Any] in
                        [
                            "id": String(summary.document), "published": view.published.contains(summary.document),
                            "errors": String(summary.errors), "warnings": String(summary.warnings),
                            "rounding": String(summary.rounding), "income": WebFormat.wanYuan(summary.incomeTotalFen),
                            "expenditure": WebFormat.wanYuan(summary.expenditureTotalFen),
                        ]
                    }
                ]
            }
            // Consecutive years of the unit: a link to their comparison.
            let unitYears = Set(mine.compactMap(\.year)).sorted()
            let compareLinks: [[String: String]] = unitYears.filter { unitYears.contains($0 - 1) }.map { year in
                [
                    "href": "/compare?unit=\(WebFormat.queryEscape(unit))&from=\(year - 1)&to=\(year)",
                    "label": "\(year - 1)–\(year)对比",
                ]
            }
            rows.append(["unit": unit, "cells": cells, "compareLinks": compareLinks])
        }
        var context = base(view.session)
        context["years"] = years.map { $0.map(String.init) ?? "未知" }
        context["rows"] = rows
        context["hasRows"] = !rows.isEmpty
        return page("概览", body: WebTemplates.render("overview", context), session: view.session)
    }

    /// GET `/ranking`: the store's data-quality ranking (``StoreReport/ranking``) and its carry-over checks.
    public static func ranking(_ view: RankingView) -> String {
        var context = base(view.session)
        context["ranks"] = view.report.ranking.map { rank -> [String: Any] in
            [
                "rank": String(rank.rank), "unit": rank.unit, "documents": String(rank.documents),
                "errors": String(rank.errors), "warnings": String(rank.warnings), "rounding": String(rank.rounding),
                "errorsPerDocument": perDocument(rank.errors, rank.documents),
            ]
        }
        context["hasRanks"] = !view.report.ranking.isEmpty
        context["carryOvers"] = view.report.carryOvers.map { check -> [String: Any] in
            [
                "unit": check.unit, "year": String(check.year), "document": String(check.document),
                "previousDocument": String(check.previousDocument), "opening": WebFormat.wanYuan(check.openingFen),
                "previousClosing": WebFormat.wanYuan(check.previousClosingFen),
                "difference": WebFormat.wanYuan(check.differenceFen), "matches": check.matches,
            ]
        }
        context["hasCarryOvers"] = !view.report.carryOvers.isEmpty
        return page("数据质量排名", body: WebTemplates.render("ranking", context), session: view.session)
    }

    /// GET `/documents/{id}`: the 汇总 of counts and the published badge, the nine tables in their official layouts
    /// with the cells findings name marked (`td.flagged`, `id="cell-…"`, `data-findings`), the 情况说明 with the
    /// checked sentences marked, and the findings beside them (rule, text, expected, actual, difference, 尾数误差,
    /// source, 出错说明 and the form adding one, a link to the cell). See docs/web.md for the DOM contract.
    public static func document(_ view: DocumentView) -> String {
        var context = base(view.session)
        for (key, value) in DocumentPage(view).context() { context[key] = value }
        let title = view.disclosure.header.title.isEmpty ? view.file : view.disclosure.header.title
        return page(title, body: WebTemplates.render("document", context), session: view.session)
    }

    /// GET `/compare?unit=U&from=Y1&to=Y2`: the two years side by side (``YearComparison``).
    public static func comparison(_ view: ComparisonView) -> String {
        var context = base(view.session)
        let fromYear = view.from.disclosure.header.year.map(String.init) ?? "—"
        let toYear = view.to.disclosure.header.year.map(String.init) ?? "—"
        context["unit"] = view.unit
        context["fromYear"] = fromYear
        context["toYear"] = toYear
        context["fromID"] = String(view.from.id)
        context["toID"] = String(view.to.id)
        for (prefix, side) in [("from", view.from), ("to", view.to)] {
            context[prefix + "Errors"] = String(side.summary.errors)
            context[prefix + "Warnings"] = String(side.summary.warnings)
            context[prefix + "Rounding"] = String(side.summary.rounding)
        }
        context["rows"] = YearComparison.rows(from: view.from.disclosure, to: view.to.disclosure).map { row -> [String: Any] in
            [
                "table": row.table, "item": row.item, "from": WebFormat.wanYuan(row.from?.fen),
                "to": WebFormat.wanYuan(row.to?.fen),
                "change": row.change.map { WebFormat.signed($0, unit: .wanYuan) } ?? "—",
                "percent": row.percent.map { ($0.scaled > 0 ? "+" : "") + $0.description } ?? "—",
                "direction": row.change.map { $0.fen > 0 ? "up" : ($0.fen < 0 ? "down" : "") } ?? "",
            ]
        }
        return page("\(view.unit) \(fromYear)–\(toYear) 对比", body: WebTemplates.render("comparison", context), session: view.session)
    }

    /// GET `/upload`: a file input; the script posts the file as the raw body of `POST /api/documents?file=NAME`
    /// with the header `X-CSRF-Token`, shows the progress (`upload.onprogress`) and then a link to
    /// `/documents/{id}` or the error's `message_zh`.
    public static func upload(_ view: UploadView) -> String {
        var context = base(view.session)
        context["maximumSize"] = "\(view.maximumSize >> 20) MB"
        return page("上传", body: WebTemplates.render("upload", context), session: view.session)
    }

    /// A page for an HTTP error (404, 403, 500, …), in Chinese.
    public static func error(_ view: ErrorView) -> String {
        let standard = WebFormat.statusHeading(view.status)
        var context = base(view.session)
        context["status"] = String(view.status)
        context["heading"] = standard.heading
        context["message"] = view.message ?? standard.message
        return page("\(view.status) \(standard.heading)", body: WebTemplates.render("error", context), session: view.session)
    }

    // MARK: - Frame

    /// The values every template may use: the CSRF token.
    static func base(_ session: WebSession) -> [String: Any] {
        ["csrfToken": session.csrfToken]
    }

    /// `body` inside the layout: head, navigation (概览 / 排名 / 上传 / 登录·退出, the user's name and role).
    static func page(_ title: String, body: String, session: WebSession) -> String {
        var context = base(session)
        context["title"] = title
        context["body"] = stripPragma(body)
        if let user = session.user { context["user"] = ["name": user.name, "role": user.role] }
        return stripPragma(WebTemplates.render("layout", context))
    }

    /// Leading blank lines a pragma line leaves.
    static func stripPragma(_ text: String) -> String {
        String(text.drop { $0 == "\n" })
    }

    /// `a / b` with two decimals, half up, exact (`0.50`); `—` for no documents.
    static func perDocument(_ count: Int, _ documents: Int) -> String {
        guard documents > 0, let ratio = Percentage.ratio(Money(fen: Int64(count)), of: Money(fen: Int64(documents)), precision: 0)
        else { return "—" }
        return String(Percentage(scaled: ratio.scaled, decimals: 2).description.dropLast())
    }
}

/// The stylesheet and script of the pages, served at `/assets/app.css` and `/assets/app.js` (embedded in the
/// binary from `Sources/BudgetLensWeb/Assets`).
public enum WebAssets {
    /// `/assets/app.css` (`text/css; charset=utf-8`).
    public static let css: String = WebTemplates.asset("Assets/app.css")
    /// `/assets/app.js` (`text/javascript; charset=utf-8`): flashes the cell a finding link scrolls to, and
    /// uploads with a progress bar.
    public static let script: String = WebTemplates.asset("Assets/app.js")
}
