import Load
import Model

/// `/data/`: the collections as CSV and JSON downloads, and all figures in one file.
extension GeneratedPages {
    func dataPage() -> GeneratedPage {
        let collections = model.collections.keys.sorted().map { name -> [String: Any] in
            ["name": name, "count": model.records(name).count,
             "csv_url": "\(downloadBase)/data/\(name).csv", "json_url": "\(downloadBase)/data/\(name).json"]
        }
        return GeneratedPage(url: "/data/", title: "Data", template: "data", values: [
            "collections": collections, "figure_count": model.figures.count,
            "figures_csv_url": "\(downloadBase)/data/all-figures.csv", "figures_json_url": "\(downloadBase)/data/all-figures.json",
        ])
    }
}
