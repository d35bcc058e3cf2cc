import BudgetLensRender
import Testing

@Suite("Render module")
struct RenderModuleTests {
    @Test("the module links")
    func links() { _ = Render.self }
}
