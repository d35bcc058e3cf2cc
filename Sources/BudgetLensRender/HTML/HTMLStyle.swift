/// The page's stylesheet: A4 pages (portrait; wide tables on landscape pages through the named page `wide`), page
/// numbers in the bottom margin, CJK serif body and sans headings from the system's fonts (no web fonts, nothing
/// fetched), 2em first-line indent for the prose, tabular figures right-aligned in the tables, table headers
/// repeated on every printed page.
enum HTMLStyle {
    static let css = """
        @page { size: A4; margin: 18mm 15mm 20mm 15mm;
          @bottom-center { content: counter(page); font-size: 9pt; } }
        @page wide { size: A4 landscape; margin: 18mm 15mm 20mm 15mm; }
        :root { color: #000; background: #fff; }
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
          font-size: 10.5pt; line-height: 1.6; margin: 0 auto; max-width: 270mm; padding: 0 8mm; }
        h1, h2, h3, figcaption, th, .meta, .contents { font-family: "Noto Sans CJK SC", "Source Han Sans SC",
          "PingFang SC", "Microsoft YaHei", "SimHei", sans-serif; }
        h1 { font-size: 22pt; text-align: center; margin: 60mm 0 12mm; letter-spacing: 0.05em; }
        h2 { font-size: 16pt; text-align: center; margin: 8mm 0 6mm; }
        h3 { font-size: 13pt; text-align: center; margin: 4mm 0 2mm; }
        .cover { text-align: center; break-after: page; }
        .cover p { font-size: 14pt; margin: 4mm 0; }
        .contents { break-after: page; }
        .contents ol { list-style: none; padding: 0; font-size: 12pt; }
        .contents li { margin: 2mm 0; display: flex; align-items: baseline; }
        .contents .leader { flex: 1; border-bottom: 1pt dotted #000; margin: 0 2mm; }
        .contents a { color: inherit; text-decoration: none; }
        .part { break-before: page; }
        section.table { break-before: page; }
        section.table.wide { page: wide; }
        #tables > h2 + section.table { break-before: auto; }
        .meta { display: flex; justify-content: space-between; align-items: flex-end; font-size: 9.5pt; margin: 1mm 0; }
        .meta .form { text-align: right; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.3; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 0.6pt solid #000; padding: 0.6mm 1.2mm; }
        thead th { font-weight: bold; text-align: center; vertical-align: middle; background: #f2f2f2; }
        tbody th { font-weight: normal; text-align: left; }
        tbody td { text-align: center; }
        td.num { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.num .fig { display: inline-block; text-align: right; }
        td.code { text-align: left; }
        .unreadable { color: #a00; text-decoration: underline dotted; }
        .note { font-size: 9pt; margin: 1.5mm 0 0; }
        .missing { text-align: center; margin: 10mm 0; }
        .narrative-section p { text-indent: 2em; margin: 0 0 1.5mm; text-align: justify; }
        section.annex { break-before: page; }
        section.annex.wide { page: wide; }
        table.evaluation { table-layout: fixed; font-size: 7.5pt; }
        table.evaluation th, table.evaluation td { white-space: nowrap; overflow-wrap: normal; }
        table.evaluation .prose { white-space: normal; }
        #annexes > h2 + section.annex { break-before: auto; }
        table.annex-table td { text-align: center; }
        table.annex-table td.prose { text-align: left; }
        figure { margin: 6mm auto; text-align: center; break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 10pt; margin-top: 2mm; }
        @media print { body { max-width: none; padding: 0; } thead th { background: #f2f2f2;
          -webkit-print-color-adjust: exact; print-color-adjust: exact; } }

        """
}
