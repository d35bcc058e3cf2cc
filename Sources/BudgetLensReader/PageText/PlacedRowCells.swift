import BudgetLensCore

extension TableRow {
    /// Writes one placement of a row's amounts into its cells (page text, a placement chosen among several):
    /// a column in `differing` (the readings still left disagree on it) is left unread, without a value; a column
    /// `amountAt` gives an amount takes that amount (its value, text and place); any other column is blank (0.00).
    /// `columnNumbers[i]` is the 栏次 of placement column `i`; `values[k]` is the value of `amounts[k]`.
    mutating func writePlacement(
        columnNumbers: [Int], amountAt: (Int) -> Int?, differing: Set<Int>,
        amounts: [(text: String, location: SourceLocation)], values: [Money]
    ) {
        for (column, number) in columnNumbers.enumerated() {
            guard let cellIndex = cells.firstIndex(where: { $0.column == number }) else { continue }
            if differing.contains(column) {
                cells[cellIndex].value = nil
                cells[cellIndex].text = ""
            } else if let amount = amountAt(column) {
                cells[cellIndex] = TableCell(
                    column: number, value: values[amount], text: amounts[amount].text, source: amounts[amount].location)
            } else {
                cells[cellIndex].value = .zero
                cells[cellIndex].text = ""
            }
        }
    }
}
