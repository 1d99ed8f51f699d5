import Foundation
enum Trace {
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds
    static let on = ProcessInfo.processInfo.environment["CAPEX_TRACE"] != nil
    static func mark(_ what: String) {
        guard on else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write("  \(what): \(String(format: "%.1f", (Double(now) - Double(last)) / 1e6)) ms\n".data(using: .utf8)!)
        last = now
    }
}
