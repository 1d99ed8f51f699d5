import Foundation

/// FNV-1a, 64 bits, as 16 hex digits: content hashes for change detection, not security.
package enum Hash {
    package static func value(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    package static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { format(value($0)) }
    }

    package static func hex(_ data: Data) -> String {
        data.withUnsafeBytes { format(value($0)) }
    }

    package static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { format(value(UnsafeRawBufferPointer($0))) }
    }

    /// One hash over several parts, each delimited so that ("ab", "c") ≠ ("a", "bc").
    package static func combine(_ parts: [String]) -> String {
        var stream = Stream()
        for part in parts { stream.add(part) }
        return stream.hex
    }

    /// A hash fed part by part, with no string built to hold them all.
    package struct Stream {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        package init() {}

        package mutating func add(_ part: String) {
            var part = part
            hash = part.withUTF8 { value(UnsafeRawBufferPointer($0), seed: hash) }
            hash ^= 0xff
            hash &*= 0x100_0000_01b3
        }

        package var hex: String { format(hash) }
    }

    package static func format(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
