import BudgetLensStore
import Foundation

/// `report --format json` writes snake_case keys (`unit_years`, `income_total_fen`), as `/api/report` does:
/// the tests read it back with the matching decoder.
func decodeStoreReport(_ data: Data) throws -> StoreReport {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(StoreReport.self, from: data)
}
