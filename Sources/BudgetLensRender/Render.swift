import BudgetLensCore

/// Writes a disclosure in its official layouts (DOMAIN §1–2): the nine tables, the 情况说明 generated from the
/// data, charts. The module depends on Core only: what it writes comes from the model, never from the input text.
public enum Render {}
