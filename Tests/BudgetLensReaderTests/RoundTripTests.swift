import BudgetLensCore
import BudgetLensReader
import BudgetLensTestSupport
import Foundation
import Testing

@Suite("JSON export round trip")
struct RoundTripTests {
    @Test(
        "export, re-import: an identical model",
        arguments: [Seed.yantai, Seed.weihai, Seed.zengdu])
    func seedRoundTrip(seed: String) throws {
        let disclosure = try Seed.read(seed)
        let data = try DisclosureJSON.encode(disclosure)
        let again = try DisclosureReader.read(data: data, file: "export.json")
        #expect(again == disclosure)
        #expect(again.cellRecords() == disclosure.cellRecords())
    }

    @Test("corpus documents round-trip too", arguments: [Seed.shanghaiFinance, Seed.shanghaiTestVariant])
    func corpusRoundTrip(name: String) throws {
        let disclosure = try Seed.readCorpus(name)
        let again = try DisclosureJSON.decode(DisclosureJSON.encode(disclosure), file: "export.json")
        #expect(again == disclosure)
    }

    @Test("JSON that is not an export is an error naming what is wrong")
    func foreignJSON() throws {
        let error = try #require(throws: ReadError.self) {
            try DisclosureReader.read(data: Data(#"{"hello": 1}"#.utf8), file: "other.json")
        }
        #expect(error.code == .badJSON && error.message.contains("format"))
    }
}
