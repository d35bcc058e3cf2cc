import BudgetLensCore
import Foundation

extension DocumentProse {
    /// The prose of `disclosure`, read once for all the text checks of one evaluation.
    ///
    /// The engine runs each named check on its own; reading the prose (seed 000: 1,500 lines with its 附件) is
    /// most of their cost, so the last document read is kept. A disclosure whose parts and sections equal the
    /// kept ones reuses it — for the same disclosure the arrays share storage and the comparison is O(1); any
    /// other document is compared in full and read afresh.
    ///
    /// - Parameter includingAnnex: Whether the 附件 is read (its blocks are left out otherwise).
    static func of(_ disclosure: Disclosure, includingAnnex: Bool) -> DocumentProse {
        let prose = ProseCache.shared.prose(of: disclosure)
        guard !includingAnnex else { return prose }
        return DocumentProse(blocks: prose.blocks.filter { $0.role != .annex })
    }
}

/// The last document's prose, behind a lock (checks may run on several threads).
private final class ProseCache: @unchecked Sendable {
    static let shared = ProseCache()
    private let lock = NSLock()
    private var last: (parts: [DocumentPart], narrative: [NarrativeSection], prose: DocumentProse)?

    func prose(of disclosure: Disclosure) -> DocumentProse {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.parts == disclosure.parts, last.narrative == disclosure.narrative { return last.prose }
        let prose = DocumentProse(disclosure, includingAnnex: true)
        last = (disclosure.parts, disclosure.narrative, prose)
        return prose
    }
}
