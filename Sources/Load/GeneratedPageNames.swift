/// The addresses and `page` keys of the pages the render stage writes from the model
/// (SPEC §3, `GeneratedPages`): the load stage keeps Markdown pages off these addresses and
/// lets templates read these keys.
enum GeneratedPageNames {
    /// Addresses no Markdown page may take.
    static let reservedURLs = ["/figures/", "/checks/", "/sources/", "/data/", "/deals/", "/companies/", "/assumptions/"]

    /// Every key a generated page puts in `page` beside title and URL (`groups` on
    /// /figures/, `claims` on /checks/…): the layout may read them.
    package static let pageKeys = [
        "groups", "claims", "consistent", "inconsistent", "unverifiable", "sources", "collections", "figure_count",
        "figures_csv_url", "figures_json_url", "deals", "totals", "companies", "kind", "figures", "has_figures",
        "sections", "company_id", "chart", "permalink", "is_generated", "assumptions", "words_standfirst", "words_value",
        "words_source", "words_editor", "words_dependents", "words_no_dependents",
    ]
}
